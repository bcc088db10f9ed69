"""What a phone shows of a page, measured in the browser: text too small to read, inputs
small enough that iOS Safari zooms the page when one is tapped, and targets too small or
too crowded to tap (WCAG 2.2's target-size rule, 2.5.8). Shared by the browser tests and
bench/phone_reading.py, so the test and the numbers reported count the same things.

Sizes are as rendered, in CSS pixels: an SVG's text is its font size times the figure's
scale on the screen (getScreenCTM), since a figure drawn wide and shown narrow shrinks
its labels with it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PHONE = {"width": 390, "height": 844}  # an iPhone 12 to 15, in CSS pixels
MIN_TEXT_PX = 12
MIN_INPUT_PX = 16  # below this, iOS Safari zooms in when the field is focused
COMFORTABLE_TARGET_PX = 44  # as tall as a fingertip: passes whatever sits beside it
MIN_TARGET_PX = 24  # WCAG 2.5.8: smaller targets need a 24 px circle of room
PRINT_MIN_PT = 8

# Font size as drawn, in CSS px: an SVG's text scales with its figure.
_DRAWN_PX = r"""
  const drawnPx = (el) => {
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (!(el instanceof SVGElement)) return size;
    const m = el.getScreenCTM();
    return m ? size * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c)) : size;
  };
"""

_MEASURE = r"""
({minText, minInput, comfortable, minTarget, navigation}) => {
""" + _DRAWN_PX + r"""
  const seen = {opacityProperty: true, visibilityProperty: true};
  const shown = (el) => el.checkVisibility(seen);
  const area = (r) => r.width > 1 && r.height > 1;  // a 1 px box is a screen reader's only
  const describe = (el, extra) => ({tag: el.tagName.toLowerCase(),
    cls: typeof el.className === "string" ? el.className : "",
    text: (el.textContent || el.value || el.getAttribute("aria-label") || "")
      .trim().replace(/\s+/g, " ").slice(0, 60), ...extra});
  const round = (n) => Math.round(n * 10) / 10;


  // Every rendered piece of text, once per element that holds it.
  const texts = new Map();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || texts.has(el) || !shown(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some(area)) texts.set(el, drawnPx(el));
  }
  const smallText = [...texts].filter(([, px]) => px < minText - 0.01)
    .map(([el, px]) => describe(el, {px: round(px)}));

  const fields = [...document.querySelectorAll("input:not([type=hidden]), select, textarea")];
  const smallInputs = fields.filter((el) => shown(el) && area(el.getBoundingClientRect()))
    .filter((el) => parseFloat(getComputedStyle(el).fontSize) < minInput - 0.01)
    .map((el) => describe(el, {px: round(parseFloat(getComputedStyle(el).fontSize))}));

  // A target is what a tap reaches: a field's label counts with it, since tapping the label
  // works the field (a file chooser hidden inside its label is tapped through the label).
  const targetBox = (el) => {
    const parts = [el, ...(el.labels || [])].filter(shown)
      .map((part) => part.getBoundingClientRect()).filter(area);
    if (!parts.length) return null;
    const left = Math.min(...parts.map((r) => r.left));
    const top = Math.min(...parts.map((r) => r.top));
    const right = Math.max(...parts.map((r) => r.right));
    const bottom = Math.max(...parts.map((r) => r.bottom));
    return {left, top, right, bottom, width: right - left, height: bottom - top};
  };
  // WCAG's inline exception: a link inside a sentence, i.e. an inline link whose paragraph
  // (or list item, or cell) has words of its own besides its targets. A line of
  // navigation links is not a sentence, whatever words join them.
  const words = /\p{L}/u;
  const targetSelector = "a[href], button, input, select, textarea, summary";
  const inSentence = (el) => {
    if (getComputedStyle(el).display !== "inline" || el.closest(navigation)) return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === "inline") block = block.parentElement;
    const around = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = around.nextNode(); node; node = around.nextNode()) {
      if (!node.parentElement.closest(targetSelector) && words.test(node.data)) return true;
    }
    return false;
  };
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, " +
    "[role=button], [role=link], [role=checkbox], [role=radio], [role=tab]";
  const targets = [...document.querySelectorAll(selector)]
    .map((el) => ({el, box: targetBox(el)})).filter(({box}) => box);
  const centre = (b) => [(b.left + b.right) / 2, (b.top + b.bottom) / 2];
  const undersized = (b) => b.width < minTarget - 0.01 || b.height < minTarget - 0.01;
  const circleMeets = ([x, y], b) => Math.hypot(x - Math.max(b.left, Math.min(x, b.right)),
    y - Math.max(b.top, Math.min(y, b.bottom))) < minTarget / 2;
  const sameControl = (a, b) => a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el) ||
    [...(a.el.labels || [])].some((l) => l.contains(b.el)) ||
    [...(b.el.labels || [])].some((l) => l.contains(a.el));
  // WCAG 2.5.8's spacing: a 24 px circle on an undersized target's centre meets no other
  // target, nor another undersized target's circle.
  const crowded = (t) => {
    const c = centre(t.box);
    return targets.some((o) => !sameControl(t, o) && (circleMeets(c, o.box) ||
      (undersized(o.box) && Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1])
        < minTarget)));
  };
  const size = (t) => describe(t.el, {width: round(t.box.width), height: round(t.box.height),
    navigation: Boolean(t.el.closest(navigation))});
  // Under 44 px tall, outside a sentence: allowed when 24 px square or with room around.
  const short = targets.filter((t) => t.box.height < comfortable - 0.01 && !inSentence(t.el));
  const smallTargets = short.filter((t) => undersized(t.box) && crowded(t)).map(size);
  const shortTargets = short.map(size);
  return {smallText, smallInputs, smallTargets, shortTargets, texts: texts.size,
          targets: targets.length};
}
"""

# Where links are a way around the course rather than words in a sentence.
NAVIGATION = "nav, header, .course-nav"
_LIMITS = {"minText": MIN_TEXT_PX, "minInput": MIN_INPUT_PX,
           "comfortable": COMFORTABLE_TARGET_PX, "minTarget": MIN_TARGET_PX,
           "navigation": NAVIGATION}

# The smallest text a printed page holds, as drawn, in points (a CSS px is 0.75 pt).
_SMALLEST_PRINTED = r"""
() => {
""" + _DRAWN_PX + r"""
  let smallest = Infinity, where = "";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.data.trim() || !el || !el.checkVisibility()) continue;
    const pt = drawnPx(el) * 0.75;
    if (pt < smallest) { smallest = pt; where = node.data.trim().slice(0, 60); }
  }
  return {pt: smallest, text: where};
}
"""


def printed_area(paper: str = "a4") -> dict[str, int]:
    """A viewport the size of the sheet's printed area on ``paper``, in CSS px: a page
    laid out for print in it has its pictures at their printed size."""
    from .test_sheet_print import MARGIN, MM, PAPERS

    _, (width, height), _ = PAPERS[paper]
    return {"width": round((width - 2 * MARGIN[1]) * MM),
            "height": round((height - 2 * MARGIN[0]) * MM)}


def open_everything(page: Any) -> None:
    """Open every <details>, so the text a learner can unfold is measured too."""
    page.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")


def wait_for_parts(page: Any) -> None:
    """Wait until the page's widgets are drawn (a part or a timer), if it has any."""
    if page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        page.locator(".thoracic-live, .ubr-timer").first.wait_for(state="attached")
    page.wait_for_load_state("load")


def fill_with_practice(page: Any, today: dt.date) -> None:
    """Give the open page's device store weeks of made-up practice ending ``today`` (the
    page's clock should say the same day), so My progress draws every chart it has."""
    from thoracic.authoring import sample_history

    page.evaluate("(data) => window.ThoracicSite.store().importFile(data)", sample_history(today))


def measure(page: Any) -> dict[str, Any]:
    """Small text, small inputs and small targets on the page as it is now drawn."""
    return page.evaluate(_MEASURE, _LIMITS)


def smallest_printed_text(page: Any) -> dict[str, Any]:
    """The smallest text of the page as drawn under its current media, in points: call it
    with print media emulated and the viewport as wide as the paper's printed area, so
    pictures are laid out at their printed size."""
    return page.evaluate(_SMALLEST_PRINTED)

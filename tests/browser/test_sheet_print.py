"""The printable week prints on ONE page of A4 and of Letter in Chromium, with every
picture and the whole tick grid inside the printed area and no text under 9 pt."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from thoracic.content import load_progression
from thoracic.plan import WeekPlan, plan_week
from thoracic.site import sheet_html

pytestmark = pytest.mark.browser

MM = 96 / 25.4  # CSS pixels in a millimetre
# Paper in mm, and its size in PDF points (1/72 inch), as Chromium writes the MediaBox.
PAPERS = {"a4": ("A4", (210.0, 297.0), (595.28, 841.89)),
          "letter": ("Letter", (215.9, 279.4), (612.0, 792.0))}
MARGIN = (8.0, 10.0)  # top and bottom, left and right: the sheet's @page margin, in mm


def _first_week() -> WeekPlan:
    return plan_week((), (), dt.date(2025, 3, 5))


def _busy_week() -> WeekPlan:
    """The fullest sheet: an example, and a different long reason for every exercise."""
    say = load_progression().say
    plan = _first_week()
    return dataclasses.replace(plan, week_number=5, example=True, exercises=tuple(
        dataclasses.replace(week, level="harder" if "harder" in week.exercise.doses else
                            "standard",
                            reason=say["step_down"].format(why=say["worse"], level=f"step {n}"))
        for n, week in enumerate(plan.exercises)))


WEEKS = {"first-week": _first_week, "busy-week": _busy_week}


def pdf_page_count(pdf: bytes) -> int:
    """Pages in a PDF: its page objects (``/Type /Page``, not ``/Pages``), checked against
    the page tree's ``/Count``. Chromium writes both as plain dictionaries."""
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf, re.S)
              + re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf, re.S)]
    assert counts, "the PDF has no page tree that this small reader can see"
    assert max(counts) == pages, (counts, pages)
    return pages


def test_the_page_counter_counts() -> None:
    one = b"<< /Type /Pages /Count 1 /Kids [3 0 R] >> << /Type /Page /Parent 2 0 R >>"
    two = (b"<</Type /Pages /Count 2>> <</Type /Page /Parent 2 0 R>> "
           b"<</Parent 2 0 R /Type/Page>>")
    assert pdf_page_count(one) == 1 and pdf_page_count(two) == 2


def _media_box(pdf: bytes) -> tuple[float, float]:
    found = re.search(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert found
    return float(found.group(1)), float(found.group(2))


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("which", WEEKS)
def test_the_sheet_prints_on_one_page(browser, tmp_path: Path, artifacts: Path, paper: str,
                                      which: str) -> None:
    name, (width_mm, height_mm), points = PAPERS[paper]
    sheet = tmp_path / f"sheet-{paper}.html"
    sheet.write_text(sheet_html(WEEKS[which](), paper=paper),  # type: ignore[arg-type]
                     encoding="utf-8")
    inner_width = (width_mm - 2 * MARGIN[1]) * MM
    inner_height = (height_mm - 2 * MARGIN[0]) * MM

    context = browser.new_context(viewport={"width": round(inner_width), "height": 600})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:")) else route.abort())  # it needs nothing from anywhere else
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(sheet.as_uri())
    assert requests == [sheet.as_uri()]

    pdf = page.pdf(format=name, print_background=True, prefer_css_page_size=True)
    (artifacts / f"sheet-{which}-{paper}.pdf").write_bytes(pdf)
    assert pdf_page_count(pdf) == 1
    box = _media_box(pdf)
    assert abs(box[0] - points[0]) < 2 and abs(box[1] - points[1]) < 2, box

    # Laid out as for print, one page wide: every picture, tick box and the grid must end
    # above the bottom of the first page's printed area, and inside its width.
    page.emulate_media(media="print")
    boxes = page.evaluate("""() => {
        const rect = (e) => { const r = e.getBoundingClientRect();
            const cls = typeof e.className === 'string' ? e.className : e.className.baseVal;
            return {what: `${e.tagName.toLowerCase()}.${cls}`,
                    left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                    width: r.width, height: r.height}; };
        return [...document.querySelectorAll('figure, svg, table.week, .box, .zone, .flags')]
            .map(rect);
    }""")
    pictures = [b for b in boxes if b["what"].startswith("svg")]
    assert len(pictures) == 5 and all(b["width"] > 100 and b["height"] > 40 for b in pictures)
    assert len([b for b in boxes if b["what"] == "span.box"]) == 6 * 7  # 5 exercises, rating
    for found in boxes:
        assert found["left"] >= -0.5 and found["right"] <= inner_width + 0.5, found
        assert found["top"] >= -0.5 and found["bottom"] <= inner_height, (found, inner_height)

    # Readable: every piece of text outside the pictures is at least 9 pt (12 CSS px).
    smallest = page.evaluate("""() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let least = Infinity;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement;
            if (!node.textContent.trim() || parent.closest('svg')) continue;
            if (parent.closest('.screen-only')) continue;  // not printed
            least = Math.min(least, parseFloat(getComputedStyle(parent).fontSize));
        }
        return least;
    }""")
    assert smallest >= 12, smallest
    context.close()


@pytest.mark.parametrize("width", [1000, 390])
def test_the_sheet_reads_well_on_screen(browser, tmp_path: Path, artifacts: Path,
                                        width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    sheet = tmp_path / "sheet.html"
    sheet.write_text(sheet_html(_first_week()), encoding="utf-8")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(sheet.as_uri())
    assert page.locator(".screen-only").is_visible()  # says how to print it
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing runs off
    page.screenshot(path=str(artifacts / ("sheet.png" if width == 1000 else
                                          f"sheet-{width}.png")), full_page=True)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    context.close()

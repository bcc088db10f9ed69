"""Readable on a phone: every exported page at 390x844 has no text drawn under 12 px (the
pictures' labels as drawn), no field under 16 px, and every link and control a fingertip
tall or with the room WCAG 2.2's target size (2.5.8) asks for; the links that take you
around the course are 44 px tall. The printed sheet has no text under 8 pt, and served
with its service worker, the site answers a page it cannot get with its own offline page.
The measures are in phone.py, shared with bench/phone_reading.py.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from thoracic.content import NEXT_DAY_CHECK
from thoracic.site import OFFLINE_PAGE

from .phone import (
    COMFORTABLE_TARGET_PX,
    PHONE,
    PRINT_MIN_PT,
    fill_with_practice,
    measure,
    open_everything,
    printed_area,
    smallest_printed_text,
    wait_for_parts,
)

pytestmark = pytest.mark.browser

START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # the pages' clock
OFFLINE_HEADING = "This page can't open right now"


def _offline_only(route) -> None:
    if route.request.url.startswith(("file:", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture
def phone(browser) -> Iterator[object]:
    """A phone-sized page from files only, its clock at START."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.route("**/*", _offline_only)
    page.clock.install(time=START)
    yield page
    context.close()


def _what_is_too_small(page) -> dict[str, list[dict]]:
    """The page's small text, small fields, crowded targets and navigation links under
    44 px, as drawn now with every <details> open; empty kinds left out."""
    open_everything(page)
    found = measure(page)
    found["shortNavigation"] = [t for t in found["shortTargets"] if t["navigation"]]
    kinds = ("smallText", "smallInputs", "smallTargets", "shortNavigation")
    return {kind: found[kind] for kind in kinds if found[kind]}


def test_every_page_reads_on_a_phone(exported_site: Path, phone) -> None:
    pages = sorted(exported_site.glob("*.html"))
    assert {"index.html", "sheet.html", OFFLINE_PAGE} <= {html.name for html in pages}
    found = {}
    for html in pages:
        phone.goto(html.as_uri())
        wait_for_parts(phone)
        if problems := _what_is_too_small(phone):
            found[html.name] = problems
    assert found == {}
    assert phone.problems == []


def test_the_parts_read_at_the_size_of_the_words_around_them(exported_site: Path,
                                                             phone) -> None:
    """On a phone the course's parts (the safety check, Today, the dashboard) and the
    notebook's words are both 16 px: the parts were 13 px, a size under the words."""
    sizes = """() => [...document.querySelectorAll(
        '.jp-RenderedMarkdown p, .thoracic-live li, .thoracic-live p, .thoracic-live a')]
      .filter((el) => el.getClientRects().length)
      .map((el) => [el.closest('.thoracic-live') ? 'part' : 'words',
                    parseFloat(getComputedStyle(el).fontSize)])"""
    for name in ("00-start-here", "index", "12-my-progress"):
        phone.goto((exported_site / f"{name}.html").as_uri())
        wait_for_parts(phone)
        found: dict[str, set[float]] = {}
        for kind, px in phone.evaluate(sizes):
            found.setdefault(kind, set()).add(px)
        assert min(found["part"]) >= 16, (name, found)
        assert min(found.get("words", {16})) >= 16, (name, found)


def test_the_links_around_the_course_are_a_fingertip_tall(exported_site: Path, phone) -> None:
    """They were 15-16 px: the header's link home, the previous / contents / next lines."""
    phone.goto((exported_site / "04-childs-pose.html").as_uri())
    links = phone.locator(".course-header a, .course-nav a")
    assert links.count() == 1 + 2 * 3  # home; previous, contents and next, top and bottom
    heights = [links.nth(n).bounding_box()["height"] for n in range(links.count())]
    assert min(heights) >= COMFORTABLE_TARGET_PX, heights


def test_my_progress_with_weeks_of_practice_reads_on_a_phone(exported_site: Path,
                                                             phone) -> None:
    """With a history to show, My progress draws its charts, whose words are drawn small
    when a chart is narrow."""
    phone.goto((exported_site / "12-my-progress.html").as_uri())
    wait_for_parts(phone)
    fill_with_practice(phone, START.date())
    phone.reload()
    charts = phone.locator(".thoracic-dashboard .thoracic-chart svg")
    charts.nth(5).wait_for()  # calendar, weeks, three self-tests, discomfort
    assert phone.locator(".thoracic-dashboard svg text").count() > 20
    assert _what_is_too_small(phone) == {}
    assert phone.evaluate(_WORDS_IN_THE_WAY) == []
    # A week of next-day answers fits the phone's width, with its key above it.
    table = phone.locator("table.thoracic-next-day")
    assert table.evaluate("(t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth")
    key = " · ".join(f"{o.symbol} {o.word.lower()}" for o in NEXT_DAY_CHECK.answers)
    phone.get_by_text(key).wait_for()  # each answer's symbol and word


# On each chart, words that cover other words or a result (a point or a bar, data-mark).
_WORDS_IN_THE_WAY = """() => {
  const overlap = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5
    && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const found = [];
  for (const chart of document.querySelectorAll(".thoracic-dashboard .thoracic-chart svg")) {
    const words = [...chart.querySelectorAll("text")];
    const marks = [...chart.querySelectorAll("[data-mark]")];
    words.forEach((word, n) => {
      const box = word.getBoundingClientRect();
      for (const other of [...words.slice(n + 1), ...marks]) {
        if (overlap(box, other.getBoundingClientRect())) {
          found.push(`${word.textContent} covers ${other.textContent || other.tagName}`);
        }
      }
    });
  }
  return found;
}"""


def test_the_printed_sheet_has_no_text_under_8_pt(exported_site: Path, browser) -> None:
    """Laid out for print in A4's printed area, the sheet's smallest text (its pictures'
    words as printed included) is 8 pt or more."""
    context = browser.new_context(viewport=printed_area("a4"))
    try:
        page = context.new_page()
        page.route("**/*", _offline_only)
        page.emulate_media(media="print")
        page.goto((exported_site / "sheet.html").as_uri())
        assert page.locator("svg text").count() >= 10  # each exercise's Start and End
        smallest = smallest_printed_text(page)
        assert smallest["pt"] >= PRINT_MIN_PT, smallest
    finally:
        context.close()


def _heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_served_a_page_it_cannot_get_is_the_course_s_own_offline_page(
        served_site: str, browser) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(served_site)
        assert page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now the service worker answers for the page
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")

        unknown = page.goto(f"{served_site}no-such-page.html")  # online: no such page
        assert unknown is not None and unknown.status == 404
        assert _heading(page) == OFFLINE_HEADING

        # Deeper than the site's folder, its stylesheet and its way home still work.
        deeper = page.goto(f"{served_site}old/notes/no-such-page.html")
        assert deeper is not None and deeper.status == 404
        home = page.get_by_role("link", name="Go to the list of all the course's pages")
        assert home.get_attribute("href") == f"{served_site}index.html"
        assert home.bounding_box()["height"] >= COMFORTABLE_TARGET_PX  # styled: it loaded

        context.set_offline(True)
        missing = page.goto(f"{served_site}a-page-from-a-later-export.html")
        assert missing is not None and missing.status == 503
        assert _heading(page) == OFFLINE_HEADING
        assert "saved on this device" in page.locator("main").inner_text()
        home.click()
        page.wait_for_url(f"{served_site}index.html")
        assert _heading(page) == "Upper Back Relief"  # from the worker's copy, offline
    finally:
        context.close()

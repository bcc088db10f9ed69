"""The exported course in a real browser, offline: links, widgets, phones, accessibility."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thoracic import COURSE
from thoracic.site import OFFLINE_PAGE

from .timer import start_and_see_it_count

pytestmark = pytest.mark.browser


def _wait_for_widgets(page) -> None:
    if page.locator('script[type="application/vnd.jupyter.widget-state+json"]').count():
        # The first widget drawn: a part or a timer (a banner with nothing to say is empty).
        page.locator(".thoracic-live, .ubr-timer").first.wait_for(state="attached")


def test_next_links_walk_the_whole_course_offline(exported_site: Path, offline_page) -> None:
    page = offline_page
    page.goto((exported_site / "index.html").as_uri())
    page.get_by_role("link", name=COURSE[0].title).click()
    visited = []
    for info in COURSE:
        page.wait_for_url(f"**/{info.stem}.html")
        _wait_for_widgets(page)
        assert page.locator("h1").first.inner_text().startswith(f"{info.number:02d} ·")
        assert page.get_by_text("Error displaying widget").count() == 0
        visited.append(info.stem)
        if info is not COURSE[-1]:
            page.locator("a", has_text=f"{COURSE[len(visited)].number:02d} ·").last.click()
    assert visited == [info.stem for info in COURSE]
    assert page.problems == []


def test_exercise_page_checklist_ticks_and_timer_counts(exported_site: Path, offline_page,
                                                       artifacts: Path) -> None:
    page = offline_page
    page.goto((exported_site / "04-childs-pose.html").as_uri())
    _wait_for_widgets(page)
    box = page.locator(".thoracic-checklist input").first  # drawn by the site's script
    box.check()
    assert box.is_checked()
    start_and_see_it_count(page)  # the same timer as in JupyterLab
    assert page.problems == []


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_and_no_sideways_scrolling(exported_site: Path, browser, artifacts: Path,
                                               width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:")) else route.abort())
    try:
        for name in ("index", "04-childs-pose", "12-my-progress"):
            page.goto((exported_site / f"{name}.html").as_uri())
            _wait_for_widgets(page)
            page.screenshot(path=str(artifacts / f"site-{name}-{width}.png"), full_page=True)
            overflow = page.evaluate("() => document.documentElement.scrollWidth")
            assert overflow <= width, f"{name} is wider than a {width} px screen"
    finally:
        context.close()


@pytest.mark.parametrize("name", ["index", OFFLINE_PAGE.removesuffix(".html"),
                                  *[info.stem for info in COURSE]])
def test_no_serious_accessibility_problems(exported_site: Path, offline_page, name: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = offline_page
    page.goto((exported_site / f"{name}.html").as_uri())
    _wait_for_widgets(page)
    results = Axe().run(page)
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results.response["violations"]
               if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


# What belongs to JupyterLab or a terminal, which a learner on the web pages cannot follow.
LAB_WORDS = re.compile(r"JupyterLab|Jupyter\b|\bcells?\b|terminal|Shift\s*\+\s*Enter|\bkernel|"
                       r"\bthoracic (progress|export|sheet|lab)\b|\.venv|Run All", re.IGNORECASE)


def test_no_page_tells_the_learner_to_do_something_only_jupyterlab_can(
        exported_site: Path, offline_page) -> None:
    """Every page as a phone shows it, with its parts drawn: no words about JupyterLab,
    cells, a kernel or a terminal (the notebooks mark those lab-only)."""
    page = offline_page
    page.set_viewport_size({"width": 390, "height": 844})
    found = {}
    for html in sorted(exported_site.glob("*.html")):
        page.goto(html.as_uri())
        _wait_for_widgets(page)
        page.wait_for_load_state("load")
        text = page.evaluate("() => document.body.innerText")
        lines = [line.strip() for line in text.splitlines() if LAB_WORDS.search(line)]
        if lines:
            found[html.name] = lines
    assert found == {}
    assert page.problems == []


def test_this_week_on_the_pages_is_the_week_they_are_read_in(exported_site: Path,
                                                             browser) -> None:
    """The sheet and the plan were made in the week of the export; opened five weeks later
    they name the week they are read in, and the sheet leads back home."""
    import datetime as dt

    later = dt.datetime.now() + dt.timedelta(weeks=5)
    monday = later.date() - dt.timedelta(days=later.weekday())
    sunday = monday + dt.timedelta(days=6)
    context = browser.new_context()
    page = context.new_page()
    page.clock.install(time=later)
    try:
        page.goto((exported_site / "sheet.html").as_uri())
        dates = page.locator(".dates")
        expected = f"Monday {monday.day} {monday:%B}"
        page.wait_for_function("(want) => document.querySelector('.dates').textContent"
                               ".startsWith(want)", arg=expected)
        assert dates.inner_text().endswith(f"Sunday {sunday.day} {sunday:%B} {sunday.year}")
        heads = page.locator("th.day time").all_inner_texts()
        assert heads == [str((monday + dt.timedelta(days=n)).day) for n in range(7)]
        assert page.get_by_role("link", name="Back to Today").get_attribute("href") == \
            "index.html"
        page.goto((exported_site / "10-conclusion.html").as_uri())
        plan = page.locator("h3", has_text="Your plan: Week 1")
        page.wait_for_function("(want) => [...document.querySelectorAll('h3')].some((h) => "
                               "h.textContent.includes(want))",
                               arg=f"(starting Monday {monday.day} {monday:%B} {monday.year})")
        assert plan.count() == 1
    finally:
        context.close()

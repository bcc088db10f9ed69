"""The mat flow on the exported site, on a phone (390x844, the page's clock moved by the
test; from file://, and where it says so also served with its service worker, offline):
"Do it now" to a saved rating in three taps, a run that survives a reload, a Reset that
asks first, and a timer skipped through that logs nothing."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from thoracic.content import load_progression

from .served import installed_offline
from .timer import state, wait_for

pytestmark = pytest.mark.browser


@pytest.fixture(params=["file", "served"])
def phone(request, exported_site: Path, browser):
    """(page, the site's address): from file://, or served and kept by its service worker,
    with the network off. Both at 390x844 with the page's clock under the test's control."""
    if request.param == "file":
        yield request.getfixturevalue("mat_page"), exported_site.as_uri() + "/"
        return
    url = request.getfixturevalue("served_site")
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.clock.install()
    try:
        installed_offline(page, url)
        yield page, url
    finally:
        context.close()


def _open(site: Path | str, page, name: str):
    base = site if isinstance(site, str) else site.as_uri() + "/"
    page.goto(f"{base}{name}.html")
    page.wait_for_function("() => window.ThoracicSite && document.querySelector('.ubr-timer')")
    return page.locator(".ubr-timer").first


def _sessions(page) -> list[dict]:
    return page.evaluate("() => window.ThoracicSite.store().records().sessions")


def test_three_taps_from_the_page_to_a_saved_rating(phone, artifacts: Path) -> None:
    page, site = phone
    timer = _open(site, page, "04-childs-pose")
    # Tap 1: the first thing on the page (after the safety reminder) opens the timer.
    page.get_by_role("button", name="Do it now").click()
    wait_for(timer, status="running")
    box = page.locator(".thoracic-practice.ubr-mat-box")
    box.wait_for()
    assert timer.bounding_box()["height"] >= 844 - 1  # the timer fills the screen
    page.screenshot(path=str(artifacts / "mat-flow-running-390x844.png"))
    page.clock.run_for(90_000)  # get ready, hold, rest, hold
    wait_for(timer, status="done")
    # The finish asks how it felt right there, still in mat view.
    rating = box.locator('[data-thoracic="rating"]')
    rating.get_by_text("How did your back feel?", exact=True).wait_for()
    assert "Well done" not in rating.inner_text()  # the timer above has said it
    page.clock.run_for(100)
    assert rating.get_by_role("button", name="3", exact=True).is_visible()
    assert page.locator(".thoracic-practice.ubr-mat-box").count() == 1
    page.screenshot(path=str(artifacts / "mat-flow-finish-390x844.png"))
    rating.get_by_role("button", name="3", exact=True).click()  # tap 2
    rating.get_by_role("button", name="Save how it felt").click()  # tap 3
    rating.get_by_text("✓ Saved: 3 out of 10.").wait_for()
    exercise = [s for s in _sessions(page) if s["kind"] == "exercise"]
    assert [(s["exercise"], s["rating"]) for s in exercise] == [("Child's pose", 3)]
    assert page.problems == []


def test_a_reload_in_set_two_comes_back_paused_in_set_two(phone) -> None:
    page, site = phone
    timer = _open(site, page, "05-kneeling-thoracic-extension")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(75_000)  # 10 s ready, set 1 (32 s), 30 s rest: into set 2
    assert "Set 2 of" in timer.locator(".ubr-face").text_content()
    before = float(state(timer)["elapsed"])
    sets_before = [s for s in _sessions(page) if s["kind"] == "set"]
    assert len(sets_before) == 1

    page.reload()
    timer = _open(site, page, "05-kneeling-thoracic-extension")
    wait_for(timer, status="paused")
    assert "Set 2 of" in timer.locator(".ubr-face").text_content()
    assert abs(float(state(timer)["elapsed"]) - before) < 0.5
    timer.get_by_text("You were in the middle of this").wait_for()
    timer.get_by_role("button", name="Resume").click()
    wait_for(timer, status="running")
    page.clock.run_for(200_000)
    wait_for(timer, status="done")
    timer.get_by_text("Well done! You finished this timer.").wait_for()
    sessions = _sessions(page)
    exercise = [s for s in sessions if s["kind"] == "exercise"]
    sets = [s for s in sessions if s["kind"] == "set"]
    assert len(exercise) == 1 and exercise[0]["sets"] == len(sets) >= 2  # one run, all sets
    page.reload()  # a finished run is not picked up again
    timer = _open(site, page, "05-kneeling-thoracic-extension")
    wait_for(timer, status="idle")
    assert page.problems == []


def test_reset_in_the_middle_asks_once_first(exported_site: Path, mat_page) -> None:
    page = mat_page
    timer = _open(exported_site, page, "04-childs-pose")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(20_000)
    timer.get_by_role("button", name="Reset").click()
    timer.get_by_role("button", name="Really reset?").wait_for()
    page.clock.run_for(1_000)
    assert state(timer)["status"] == "running"  # nothing thrown away yet
    timer.get_by_role("button", name="Pause").click()  # another action takes it back
    timer.get_by_role("button", name="Reset", exact=True).wait_for()
    timer.get_by_role("button", name="Reset", exact=True).click()
    timer.get_by_role("button", name="Really reset?").click()
    wait_for(timer, status="idle")
    assert page.problems == []


def test_a_timer_skipped_through_logs_nothing_and_says_so(exported_site: Path,
                                                          mat_page) -> None:
    page = mat_page
    timer = _open(exported_site, page, "04-childs-pose")
    timer.get_by_role("button", name="Start").click()
    for _ in range(10):
        if state(timer)["status"] == "done":
            break
        timer.get_by_role("button", name="Skip").click()
    wait_for(timer, status="done")
    timer.get_by_text("every part was skipped, so nothing was logged").first.wait_for()
    assert "Well done" not in timer.text_content()
    assert _sessions(page) == []
    assert page.problems == []


def test_do_it_now_is_on_the_first_screen_of_every_page_that_has_one(
        exported_site: Path, mat_page) -> None:
    """Opened beside the mat, a page shows its Do it now without scrolling: it sat just
    below a phone's first screen (822 to 907 px down) under a three-row navigation."""
    page = mat_page
    pages = [html for html in sorted(exported_site.glob("0*.html"))
             if "do-it-now" in html.read_text("utf-8")]
    assert len(pages) == 6  # five exercises and the routine
    for html in pages:
        page.goto(html.as_uri())
        go = page.get_by_role("button", name="Do it now")
        go.wait_for()
        box = go.bounding_box()
        assert box["y"] + box["height"] <= 844, (html.name, box)
        nav = page.locator(".course-nav").first
        assert nav.bounding_box()["height"] < 60, html.name  # one row
        assert nav.locator(".course-nav-title").first.bounding_box()["width"] <= 1  # unseen
        end = page.locator(".course-nav").last  # at the page's end, with room to name them
        assert end.locator(".course-nav-title").first.bounding_box()["width"] > 100
    assert page.problems == []


def test_today_says_when_the_week_s_aim_is_reached(exported_site: Path, mat_page) -> None:
    page = mat_page
    aim = load_progression().targets["mobility"]  # the plan's days a week
    page.clock.set_system_time(dt.datetime(2026, 3, 6, 9, 0))  # a Friday: 5 days so far
    page.goto((exported_site / "index.html").as_uri())
    week = page.locator('[data-thoracic="today"] .thoracic-today-week')
    week.get_by_text(f"The aim is {aim} days or more.", exact=False).wait_for()
    for n in range(aim):
        page.evaluate("(day) => window.ThoracicSite.store().recordSession('exercise', "
                      "\"Child's pose\", 80, {sets: 2, day, version: 'standard'})",
                      (dt.date(2026, 3, 6) - dt.timedelta(days=n)).isoformat())
    page.reload()
    week.get_by_text(f"This week you have practised on {aim} days so far. That is this "
                     f"week's aim of {aim} days reached.", exact=False).wait_for()
    assert page.problems == []


def test_today_asks_for_the_safety_check_until_it_is_answered(exported_site: Path,
                                                             mat_page) -> None:
    """Practice does not answer the safety check: Today asks for it until the learner has
    ticked a sign or said none fit."""
    page = mat_page
    page.goto((exported_site / "index.html").as_uri())
    today = page.locator('[data-thoracic="today"]')
    card = today.get_by_role("link", name="First, the safety check")
    card.wait_for()
    page.evaluate("() => window.ThoracicSite.store().recordSession('exercise', "
                  "\"Child's pose\", 80, {sets: 2, version: 'standard'})")
    page.reload()
    today.get_by_text("✓ Child's pose").wait_for()
    assert card.is_visible()  # practised, but the check is still unanswered
    card.click()
    page.wait_for_url("**/00-start-here.html#*")
    safety = page.locator('[data-thoracic="safety"]')
    safety.get_by_role("button", name="None of these fit me").click()
    safety.get_by_text("✓ You told the course that none of these fit you on").wait_for()
    page.goto((exported_site / "index.html").as_uri())
    today.get_by_text("✓ Child's pose").wait_for()
    assert card.count() == 0
    assert page.problems == []


def test_the_site_opens_on_today(exported_site: Path, mat_page, artifacts: Path) -> None:
    """The home page starts with Today: the routine and each exercise as big buttons, what
    is done today, and the next morning the next-day check first."""
    page = mat_page
    page.goto((exported_site / "index.html").as_uri())
    today = page.locator('[data-thoracic="today"]')
    today.get_by_text("Nothing yet today.").wait_for()
    routine = today.get_by_role("link", name="Daily routine")
    assert routine.get_attribute("href") == "08-daily-routine.html"
    assert routine.bounding_box()["height"] >= 44
    childs_pose = today.locator(".thoracic-today-grid").get_by_role("link", name="Child's pose")
    assert childs_pose.get_attribute("href") == "04-childs-pose.html"
    assert today.get_by_text("First, the next-day check").count() == 0
    progress = today.get_by_role("link", name="See all your progress")
    assert progress.get_attribute("href") == "12-my-progress.html"
    assert progress.get_attribute("target") is None  # the site's pages open in place
    page.screenshot(path=str(artifacts / "today-390x844.png"), full_page=True)

    childs_pose.click()  # the exercise's page
    page.wait_for_url("**/04-childs-pose.html")
    timer = page.locator(".ubr-timer").first
    timer.wait_for()
    page.get_by_role("button", name="Do it now").click()
    page.clock.run_for(90_000)
    wait_for(timer, status="done")

    page.goto((exported_site / "index.html").as_uri())
    today = page.locator('[data-thoracic="today"]')
    grid = today.locator(".thoracic-today-grid")
    grid.get_by_role("link", name="Child's pose").get_by_text("✓ Done today").wait_for()
    assert "✓ Child's pose" in today.locator("li").all_inner_texts()
    page.clock.fast_forward("24:00:00")  # the next morning
    page.reload()
    today = page.locator('[data-thoracic="today"]')
    today.get_by_role("link", name="First, the next-day check").wait_for()
    today.get_by_text("Nothing yet today.").wait_for()
    # The link lands on the check itself, not two screens above it.
    today.get_by_role("link", name="First, the next-day check").click()
    page.wait_for_url("**/08-daily-routine.html#*")
    check = page.locator('[data-thoracic="next-day"]')
    check.get_by_role("button").first.wait_for()
    assert 0 <= check.bounding_box()["y"] < 844
    assert page.problems == []


def test_a_run_cut_short_can_be_rated_later_on_my_progress(exported_site: Path,
                                                           mat_page) -> None:
    page = mat_page
    timer = _open(exported_site, page, "05-kneeling-thoracic-extension")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(75_000)  # set 1 is logged; set 2 under way
    timer.get_by_role("button", name="Reset").click()
    timer.get_by_role("button", name="Really reset?").click()
    wait_for(timer, status="idle")
    (cut_short,) = [s for s in _sessions(page) if s["kind"] == "set"]

    page.goto((exported_site / "12-my-progress.html").as_uri())
    later = page.locator('[data-thoracic="rating"]').first
    later.get_by_text("that you have not rated yet").wait_for()
    today = page.locator('[data-thoracic="today"]')
    today.get_by_role("link", name="Daily routine").wait_for()
    assert today.get_by_text("See all your progress").count() == 0  # it is this page
    picked = later.get_by_role("button", name="Kneeling thoracic extension, stopped early")
    assert picked.get_attribute("aria-pressed") == "true"  # the only one, picked already
    later.get_by_role("button", name="4", exact=True).click()
    long_note = "My upper back felt tight at first and then eased. " * 6
    later.get_by_role("textbox", name="Note").fill(long_note)
    later.get_by_role("button", name="Save how it felt").click()
    later.get_by_text("✓ Saved: 4 out of 10.").wait_for()
    later.get_by_text("Nothing from today is waiting for a rating.").wait_for()
    # With nothing to rate, nothing asks for a rating.
    for control in (later.get_by_role("button", name="4", exact=True),
                    later.get_by_role("textbox", name="Note"),
                    later.get_by_role("button", name="Save how it felt")):
        assert not control.is_visible()
    rated = [s for s in _sessions(page) if s["id"] == cut_short["id"]]
    assert rated[0]["rating"] == 4
    # On the dashboard a long note begins, and opens to be read whole.
    notes = page.locator(".thoracic-dashboard table[aria-label='Latest notes']")
    day = notes.locator("td time").first  # written as people write a day, not 2026-03-02
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+", day.inner_text())
    assert day.get_attribute("datetime") == rated[0]["day"]
    summary = notes.locator("summary")
    summary.get_by_text("(read all)").wait_for()
    assert len(summary.inner_text()) < 140
    summary.click()
    notes.locator("details p").get_by_text(long_note.strip()).wait_for()
    assert page.problems == []

"""The site's plan speaks for this device's history (issue 25): after a week of good
sessions the plan page, My progress, the exercise's timer and the fridge sheet all give
the step up that Python's plan gives for the same sessions, in its words, on a phone with
the page's clock set by the test."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thoracic.content import get_exercise
from thoracic.plan import expected_sets, plan_week
from thoracic.progress import Session
from thoracic.timer import format_seconds, routine_plan

pytestmark = pytest.mark.browser

TODAY = dt.datetime(2026, 3, 4, 9, 0)  # a Wednesday, week 2
LAST_WEEK = ("2026-02-23", "2026-02-24", "2026-02-26")
EXERCISE = get_exercise("childs-pose")
VERSION = '.ubr-timer select:has(option[value="harder"])'  # the timer's version picker


def _sessions() -> list[Session]:
    sets = expected_sets(EXERCISE.doses["standard"])
    return [Session(id=f"s{n}", day=day, recorded_at=f"{day}T08:00:00+00:00", kind="exercise",
                    exercise=EXERCISE.name, sets=sets, duration_seconds=80.0, rating=1,
                    note=None, version="standard") for n, day in enumerate(LAST_WEEK)]


def _go(page, site: Path, name: str) -> None:
    page.goto((site / name).as_uri())
    page.wait_for_function("() => window.ThoracicSite && window.ThoracicSite.store()")


def test_the_plan_page_progress_timer_and_sheet_follow_the_devices_history(
        exported_site: Path, mat_page, artifacts: Path) -> None:
    page = mat_page
    page.clock.set_system_time(TODAY)
    _go(page, exported_site, "index.html")
    for session in _sessions():
        page.evaluate("async (s) => { await window.ThoracicSite.store().recordSession("
                      "s.kind, s.exercise, s.duration_seconds, {sets: s.sets, day: s.day, "
                      "rating: s.rating, version: s.version}); }",
                      {"kind": session.kind, "exercise": session.exercise, "sets": session.sets,
                       "duration_seconds": session.duration_seconds, "day": session.day,
                       "rating": session.rating, "version": session.version})
    python = plan_week(_sessions(), (), TODAY.date()).for_exercise(EXERCISE.id)
    assert python.level == "harder"  # the case is what it says

    # The plan page: this week's row from the device's history, in the plan's own words.
    _go(page, exported_site, "10-conclusion.html")
    plan = page.locator('[data-thoracic="plan"]')
    plan.get_by_text("Your plan: Week 2 (starting Monday 2 March 2026)").wait_for()
    card = plan.locator(f'[data-exercise="{EXERCISE.id}"]')
    assert card.locator("h4, p").all_text_contents() == [
        EXERCISE.name, f"Harder: {python.dose.describe()}",
        f"{python.done_sessions} of {python.target_sessions} sessions this week", python.reason]
    page.clock.run_for(100)  # a frame, to paint
    plan.screenshot(path=str(artifacts / "site-plan-390x844.png"))

    # My progress: the plan week by week, newest first.
    _go(page, exported_site, "12-my-progress.html")
    weeks = page.locator('[data-thoracic="plan"] tr')
    weeks.nth(2).wait_for()
    newest, first = (weeks.nth(n).locator("td").all_text_contents() for n in (1, 2))
    assert newest[0] == "Week 2 (starting Monday 2 March 2026)" and "Harder" in newest
    assert first[0] == "Week 1 (starting Monday 23 February 2026)" and "Harder" not in first

    # The exercise's timer starts at this week's dose; another exercise's at the standard.
    _go(page, exported_site, "04-childs-pose.html")
    page.wait_for_function(f"() => document.querySelector('{VERSION}')?.value === 'harder'")
    _go(page, exported_site, "06-open-book.html")
    page.locator(VERSION).first.wait_for()
    assert page.locator(VERSION).first.input_value() == "standard"

    # The daily routine's timer runs child's pose at the harder dose too.
    _go(page, exported_site, "08-daily-routine.html")
    planned = plan_week(_sessions(), (), TODAY.date())
    levels = {week.exercise.id: week.level for week in planned.exercises}
    total = format_seconds(routine_plan("daily", versions=levels).total_seconds)
    assert total != format_seconds(routine_plan("daily").total_seconds)
    page.clock.run_for(100)  # a frame, to draw
    page.locator(".ubr-timer .ubr-totals").get_by_text(f"{total} left in all").wait_for()

    # The fridge sheet: the week, the dose and the reason, from the same plan.
    _go(page, exported_site, "sheet.html")
    dose = page.locator(f'[data-plan-dose="{EXERCISE.id}"]')
    page.wait_for_function("(want) => document.querySelector("
                           f"'[data-plan-dose=\"{EXERCISE.id}\"]').textContent === want",
                           arg=EXERCISE.doses["harder"].describe())
    assert page.locator("h1").inner_text() == "Your upper back routine: week 2"
    assert page.locator(f'[data-plan-why="{EXERCISE.id}"]').text_content() == python.reason
    assert not page.locator(".why-all").is_visible()  # the reasons differ now
    assert dose.is_visible()
    assert page.problems == []

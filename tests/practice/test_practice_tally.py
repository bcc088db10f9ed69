"""What a run puts in the practice log is decided once, by the timer's core
(PracticeTally in timer_core.js): the JupyterLab recorder saves exactly the entries the
core sends, for the same runs, and the exported pages save the same ``log`` events (the
browser tests see them kept on the device)."""

from __future__ import annotations

from typing import Any

import pytest

from thoracic import CoachTimer, get_exercise
from thoracic.practice import TimedPractice
from thoracic.timer import GET_READY_SECONDS, daily_routine_plan, plan_for_exercise

READY = GET_READY_SECONDS


def _entries(events: list[dict[str, Any]]) -> list[list[Any]]:
    return [[e["kind"], e["exercise"], e["sets"], e["seconds"]] for e in events
            if e["type"] == "log"]


def _lab_log(plan: Any, events: list[dict[str, Any]], store: Any) -> tuple[list[list[Any]],
                                                                      list[str]]:
    practice = TimedPractice(CoachTimer(plan), store=store)
    rated: list[str] = []
    practice.recorder.on_practice_recorded(rated.append)
    for event in events:
        assert practice.timer.handle_event(event), event
    sessions = store.sessions()
    return ([[s.kind, s.exercise, s.sets, s.duration_seconds] for s in sessions],
            [s.id for s in sessions if s.id in rated])


@pytest.mark.parametrize(("exercise", "steps"), [
    ("kneeling-thoracic-extension", [["start"], ["advance", READY + 200]]),
    ("foam-roller-extension", [["start"], ["skip"], ["advance", 30], ["advance", 10], ["done"],
                               ["skip"], ["skip"], ["skip"], ["advance", 24]]),
    ("childs-pose", [["start"], ["skip"], ["skip"], ["skip"]]),
    ("open-book", [["start"], ["advance", 200]]),
])
def test_an_exercise_s_log_is_the_core_s_entries(exercise: str, steps, browser_events,
                                                store) -> None:
    plan = plan_for_exercise(get_exercise(exercise))
    events = browser_events(plan, steps)
    logged, rated = _lab_log(plan, events, store)
    assert logged == _entries(events)
    assert len(rated) == sum(1 for entry in logged if entry[0] == "exercise")  # each is rated
    if exercise == "childs-pose":  # every part skipped: nothing is practice
        assert logged == []


def test_a_routine_is_logged_as_the_core_says_and_rated_once_as_a_whole(browser_events,
                                                                        store) -> None:
    plan = daily_routine_plan()
    events = browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]])
    logged, rated = _lab_log(plan, events, store)
    assert logged == _entries(events)
    assert logged[-1][:2] == ["routine", "Daily routine"]
    assert logged[-1][2] == sum(1 for entry in logged if entry[0] == "exercise")
    assert len(rated) == 1


def test_a_reset_starts_the_count_afresh(browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))
    events = browser_events(plan, [["start"], ["advance", READY + 5], ["reset"], ["start"],
                                   ["advance", READY + 200]])
    logged, _ = _lab_log(plan, events, store)
    assert logged == _entries(events)
    assert [entry[0] for entry in logged].count("exercise") == 1

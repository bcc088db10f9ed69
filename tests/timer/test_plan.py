from __future__ import annotations

from typing import Any

import pytest

from thoracic import TimerPlan, get_exercise
from thoracic.content import get_routine, load_exercises
from thoracic.timer import (
    Phase,
    TimerPlanError,
    build_plan,
    plan_for_exercise,
    routine_plan,
    shorten,
)

BASE: dict[str, Any] = dict(name="Test", style="hold", reps=2, sets=1, rest_seconds=10,
                            hold_seconds=30)


def _kinds(plan: TimerPlan) -> list[str]:
    return [phase.kind for phase in plan.phases]


def test_hold_plan_alternates_holds_and_rests() -> None:
    plan = build_plan(**BASE)
    assert _kinds(plan) == ["get-ready", "hold", "rest", "hold"]
    assert [p.title for p in plan.phases] == ["Get ready", "Hold 1 of 2", "Rest", "Hold 2 of 2"]
    assert plan.total_seconds == 5 + 30 + 10 + 30


def test_reps_plan_has_one_phase_per_set_paced_by_tempo() -> None:
    plan = build_plan(name="R", style="reps", reps=8, sets=2, rest_seconds=30, rep_seconds=3)
    assert _kinds(plan) == ["get-ready", "reps", "rest", "reps"]
    work = plan.phases[1]
    assert (work.seconds, work.rep_count, work.rep_seconds) == (24, 8, 3)
    assert [work.rep_at(s) for s in (0, 2.9, 3.0, 23.9, 24)] == [1, 1, 2, 8, 8]


def test_sides_run_left_then_switch_then_right() -> None:
    plan = build_plan(**{**BASE, "per_side": True, "reps": 1})
    assert _kinds(plan) == ["get-ready", "hold", "switch", "hold"]
    assert [p.side for p in plan.phases] == [None, "left", "right", "right"]
    assert plan.phases[1].instruction == "Left side: hold the stretch and breathe slowly."
    assert plan.phases[2].instruction == "Change sides and get ready."


def test_zero_rest_and_zero_get_ready_leave_no_empty_phase() -> None:
    plan = build_plan(**{**BASE, "rest_seconds": 0, "get_ready_seconds": 0})
    assert _kinds(plan) == ["hold", "hold"]


def test_exercise_plans_match_their_doses() -> None:
    for exercise in load_exercises():
        plan = plan_for_exercise(exercise, get_ready_seconds=0)
        assert plan.total_seconds == pytest.approx(exercise.dose.total_seconds)
        assert plan.name == exercise.name


@pytest.mark.parametrize("routine_id", ["daily", "strength-day"])
def test_routine_chains_exercises_with_changeovers(routine_id: str) -> None:
    routine = get_routine(routine_id)
    plan = routine_plan(routine_id)
    names = [e.name for e in routine.exercises]
    assert plan.name == routine.name
    assert [p.title for p in plan.phases if p.title.startswith("Change over")] == [
        f"Change over to {name}" for name in names[1:]]
    count = len(names)
    assert sum(p.kind == "get-ready" for p in plan.phases) == count
    expected = sum(e.dose.total_seconds for e in routine.exercises) + count * 10 + (
        count - 1) * 30
    assert plan.total_seconds == pytest.approx(expected)


def test_the_roller_s_warm_up_is_timed_after_the_get_ready() -> None:
    plan = plan_for_exercise(get_exercise("foam-roller-extension"))
    warm_up = plan.phases[1]
    assert (warm_up.kind, warm_up.seconds) == ("warm-up", 30)
    assert warm_up.instruction == get_exercise("foam-roller-extension").dose.warm_up
    assert "roll" in warm_up.instruction


def test_each_version_of_a_dose_has_its_plan_and_an_unknown_one_is_refused() -> None:
    childs_pose = get_exercise("childs-pose")
    longer = plan_for_exercise(childs_pose, version="longer-holds")
    assert {p.seconds for p in longer.phases if p.kind == "hold"} == {60}
    with pytest.raises(TimerPlanError, match=r"Kneeling thoracic extension has no "
                                             r"'longer-holds' version; it has standard, "
                                             r"easier, harder"):
        plan_for_exercise(get_exercise("kneeling-thoracic-extension"), version="longer-holds")


def test_locate_reports_phase_time_left_and_progress() -> None:
    plan = build_plan(**BASE)  # 5 get-ready, 30 hold, 10 rest, 30 hold = 75
    position = plan.locate(12.5)
    assert position.index == 1 and position.phase is plan.phases[1]
    assert position.time_left == pytest.approx(22.5)
    assert position.total_left == pytest.approx(62.5)
    assert position.progress == pytest.approx(12.5 / 75)
    assert plan.locate(35).index == 2  # a boundary belongs to the phase that starts there
    assert plan.locate(-3).elapsed == 0
    end = plan.locate(999)
    assert end.finished and end.index == 4 and end.progress == 1.0 and end.time_left == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"hold_seconds": -5}, "hold_seconds must be a positive, finite number of seconds, got -5"),
        ({"hold_seconds": 0}, "hold_seconds must be a positive, finite number of seconds, got 0"),
        ({"hold_seconds": float("nan")},
         "hold_seconds must be a positive, finite number of seconds, got nan"),
        ({"hold_seconds": float("inf")},
         "hold_seconds must be a positive, finite number of seconds, got inf"),
        ({"hold_seconds": "30"}, "hold_seconds must be a number of seconds, got '30'"),
        ({"hold_seconds": None}, "hold_seconds must be a number of seconds, got None"),
        ({"rest_seconds": -1},
         "rest_seconds must be zero or a positive, finite number of seconds, got -1"),
        ({"rest_seconds": "ten"}, "rest_seconds must be a number of seconds, got 'ten'"),
        ({"get_ready_seconds": float("-inf")},
         "get_ready_seconds must be zero or a positive, finite number of seconds, got -inf"),
        ({"reps": 0}, "reps must be at least 1, got 0"),
        ({"sets": 0}, "sets must be at least 1, got 0"),
        ({"sets": 1.5}, "sets must be a whole number, got 1.5"),
    ],
)
def test_bad_values_are_named_with_their_value(change: dict[str, Any], message: str) -> None:
    with pytest.raises(TimerPlanError) as caught:
        build_plan(**{**BASE, **change})
    assert str(caught.value) == (
        f"Timer plan: {message}. Give a number like 30 for seconds or 2 for a count.")


def test_bad_style_and_side_flag() -> None:
    with pytest.raises(TimerPlanError, match="style must be 'hold' or 'reps', got 'yoga'"):
        build_plan(**{**BASE, "style": "yoga"})
    with pytest.raises(TimerPlanError, match="per_side must be True or False, got 'yes'"):
        build_plan(**{**BASE, "per_side": "yes"})


def test_plan_over_one_hour_is_refused() -> None:
    with pytest.raises(TimerPlanError) as caught:
        build_plan(**{**BASE, "reps": 60, "hold_seconds": 60})
    assert str(caught.value) == (
        "Timer plan 'Test' adds up to 4195 s, more than one hour (3600 s). "
        "Use fewer sets or reps, or shorter holds.")


def test_phases_themselves_are_checked() -> None:
    with pytest.raises(TimerPlanError, match="has no phases"):
        TimerPlan("Empty", ())
    with pytest.raises(TimerPlanError, match="phase 'Odd' must last a positive"):
        TimerPlan("Odd", (Phase("hold", -1, "Odd"),))


def test_shorten_scales_every_phase() -> None:
    plan = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))
    short = shorten(plan, 0.1)
    assert short.total_seconds == pytest.approx(plan.total_seconds * 0.1)
    assert short.phases[1].rep_seconds == pytest.approx(0.4)


def test_a_huge_plan_is_refused_from_its_numbers_before_any_phase_is_built() -> None:
    import time

    started = time.process_time()  # CPU time spent, not a wall-clock wait
    with pytest.raises(TimerPlanError, match="adds up to 1e\\+07 s, more than one hour"):
        build_plan(name="Huge", style="hold", reps=10_000_000, sets=1, rest_seconds=0,
                   hold_seconds=1)
    assert time.process_time() - started < 0.5  # no ten million phases were made


def test_a_plan_with_too_many_parts_is_refused() -> None:
    with pytest.raises(TimerPlanError, match="would have about 2000 parts, more than 500"):
        build_plan(name="Many", style="hold", reps=1000, sets=1, rest_seconds=0,
                   hold_seconds=0.5)

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoracic.timer import TimerModel, build_plan

PLAN = build_plan(name="Test", style="hold", reps=2, sets=2, rest_seconds=10, hold_seconds=20,
                  per_side=True, get_ready_seconds=5, switch_seconds=5)


def test_runs_through_the_plan_with_the_clock(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    assert model.status == "idle" and model.elapsed() == 0
    model.start()
    fake_clock.advance(7)
    state = model.state()
    assert state.status == "running"
    assert state.position.phase.title == "Hold 1 of 2" and state.position.time_left == 18
    assert state.next_phase.title == "Rest"
    fake_clock.advance(PLAN.total_seconds)
    assert model.status == "done" and model.elapsed() == PLAN.total_seconds


def test_pause_stops_time_and_resume_continues(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    model.start()
    fake_clock.advance(10)
    model.pause()
    fake_clock.advance(500)
    assert model.status == "paused" and model.elapsed() == 10
    model.resume()
    fake_clock.advance(2)
    assert model.elapsed() == 12


def test_start_twice_does_not_restart(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    model.start()
    fake_clock.advance(4)
    model.start()
    fake_clock.advance(4)
    assert model.elapsed() == 8


def test_skip_jumps_to_next_phase_and_finishes_at_the_end(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    model.start()
    fake_clock.advance(1)
    model.skip()
    assert model.state().position.index == 1 and model.elapsed() == 5
    fake_clock.advance(3)
    assert model.elapsed() == 8
    for _ in range(len(PLAN.phases)):
        model.skip()
    assert model.status == "done"


def test_done_stays_done_until_reset(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    model.start()
    fake_clock.advance(PLAN.total_seconds + 1)
    for action in (model.start, model.pause, model.skip):
        action()
        assert model.status == "done"
    model.reset()
    assert model.status == "idle" and model.elapsed() == 0


def test_clock_going_backwards_never_gives_negative_time(fake_clock) -> None:
    model = TimerModel(PLAN, fake_clock)
    model.start()
    fake_clock.advance(-50)
    assert model.elapsed() == 0


ACTIONS = st.sampled_from(["start", "pause", "resume", "reset", "skip"])
STEPS = st.lists(st.one_of(ACTIONS, st.floats(min_value=0, max_value=120)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(STEPS)
def test_invariants_hold_for_any_sequence(fake_clock_factory, steps) -> None:
    clock = fake_clock_factory()
    model = TimerModel(PLAN, clock)
    expected_elapsed = 0.0
    was_done = False
    last_index = 0
    for step in steps:
        status_before = model.status
        if isinstance(step, float):
            clock.advance(step)
            if status_before == "running":
                expected_elapsed = min(expected_elapsed + step, PLAN.total_seconds)
        else:
            if step == "reset":
                expected_elapsed, was_done, last_index = 0.0, False, 0
            elif step == "skip" and status_before != "done":
                # Locate from the model's own reading: at a phase boundary, float rounding
                # of the clock decides which phase we are in, and skip moves on from there.
                index = PLAN.locate(model.elapsed()).index
                expected_elapsed = PLAN.phase_start(index + 1)
            getattr(model, step)()
        state = model.state()
        position = state.position
        # elapsed time is exactly what the clock and the actions imply
        assert model.elapsed() == pytest.approx(expected_elapsed, abs=1e-6)
        # time left is never negative nor longer than the phase
        if position.phase is not None:
            assert 0 < position.time_left <= position.phase.seconds + 1e-9
        else:
            assert position.time_left == 0
        # phases only move forward, except after a reset
        assert position.index >= last_index
        last_index = position.index
        # done stays done until reset, and done means the whole plan has elapsed
        if was_done:
            assert state.status == "done"
        if state.status == "done":
            was_done = True
            assert position.finished and position.progress == 1.0
        assert 0.0 <= position.progress <= 1.0


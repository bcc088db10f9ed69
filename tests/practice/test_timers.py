from __future__ import annotations

import pytest

from thoracic import ExerciseTimer, ProgressStore, exercise_timer, routine_timer
from thoracic.practice import TimedPractice
from thoracic.timer import OfflineTimer, daily_routine_plan


def test_in_jupyterlab_the_full_timer_is_built(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path) -> None:
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("childs-pose", store=store, background=False)
    assert isinstance(practice, TimedPractice) and practice.store is store
    assert isinstance(practice.timer, ExerciseTimer) and practice.timer.key == "childs-pose"
    routine = routine_timer(store=store, background=False)
    assert isinstance(routine.timer, ExerciseTimer) and routine.timer.show_steps
    assert routine.timer.model.plan == daily_routine_plan()
    assert routine.recorder.routine_name == "Daily routine"


def test_for_export_a_kernel_free_timer_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_EXPORT", "1")
    timer = exercise_timer("kneeling-thoracic-extension")
    assert isinstance(timer, OfflineTimer)
    total = round(timer.plan.total_seconds)
    assert (timer.clock.max, timer.bar.max, len(timer.now.options)) == (total, total, total + 1)
    assert not any(isinstance(child, type(timer.clock)) and child is not timer.clock
                   for child in timer.children)
    assert isinstance(routine_timer(), OfflineTimer)


def test_timer_scale_speeds_up_every_phase(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "0.1")
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("childs-pose", store=store, background=False)
    assert practice.timer.model.plan.total_seconds == pytest.approx(8.0)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "fast")
    with pytest.raises(ValueError, match="THORACIC_TIMER_SCALE is 'fast'; use a number above 0"):
        exercise_timer("childs-pose", store=store, background=False)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "2")
    with pytest.raises(ValueError, match="at most 1"):
        exercise_timer("childs-pose", store=store, background=False)

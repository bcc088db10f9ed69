from __future__ import annotations

import pytest

from thoracic import ExerciseTimer, OfflineTimer, exercise_timer, routine_timer
from thoracic._timer_plan import daily_routine_plan
from thoracic._timers import _second_by_second


def test_in_jupyterlab_the_full_timer_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)
    timer = exercise_timer("childs-pose", background=False)
    assert isinstance(timer, ExerciseTimer) and timer.key == "childs-pose"
    routine = routine_timer(background=False)
    assert isinstance(routine, ExerciseTimer) and routine.show_steps
    assert routine.model.plan == daily_routine_plan()


def test_for_export_a_kernel_free_timer_is_built(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_EXPORT", "1")
    timer = exercise_timer("kneeling-thoracic-extension")
    assert isinstance(timer, OfflineTimer)
    total = round(timer.plan.total_seconds)
    assert (timer.clock.max, timer.bar.max, len(timer.now.options)) == (total, total, total + 1)
    assert not any(isinstance(child, type(timer.clock)) and child is not timer.clock
                   for child in timer.children)
    assert isinstance(routine_timer(), OfflineTimer)


def test_offline_lines_follow_the_plan() -> None:
    plan = daily_routine_plan()
    lines = _second_by_second(plan)
    assert lines[0] == "Get ready: 0:10 left. Get into your start position."
    assert lines[11] == "Set 1 of 3: 0:23 left. Move slowly, one rep with each count."
    assert lines[-1] == "Done. Well done!"
    assert len(lines) == round(plan.total_seconds) + 1

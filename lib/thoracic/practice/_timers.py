"""What notebooks call: a timer for an exercise or for the daily routine, joined to the
practice log.

In JupyterLab each finished set and exercise is logged and the learner is asked how it
felt. When the course is exported to web pages there is no kernel, so the export gets the
kernel-free ``OfflineTimer`` instead.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, exporting, timer_scale
from ..content import get_exercise
from ..progress import Store, store_or_own
from ..timer import (
    ExerciseTimer,
    OfflineTimer,
    TimerPlan,
    daily_routine_plan,
    plan_for_exercise,
    shorten,
)
from ..ui import notice_widgets
from ._rating import SessionRating
from ._recorder import PracticeRecorder

__all__ = ["TimedPractice", "exercise_timer", "routine_timer"]


class TimedPractice(Previewed, widgets.VBox):
    """A timer whose completed sets and exercises go into the practice log."""

    def __init__(self, timer: ExerciseTimer, *, store: Store | None = None,
                 routine_name: str | None = None, **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self.timer = timer
        self.recorder = PracticeRecorder(timer, self.store, routine_name=routine_name)
        self.rating = SessionRating(self.store)
        self.recorder.on_practice_recorded(self.rating.ask_about)
        children: list[widgets.Widget] = [timer, self.rating]
        children.extend(notice_widgets(self.store))
        kwargs.setdefault("layout", widgets.Layout(max_width="40em", overflow="hidden"))
        super().__init__(children, **kwargs)

    def preview(self) -> Rendered:
        return self.timer.preview()


def _timer(plan: TimerPlan, key: str, store: Store | None, routine_name: str | None = None,
           **options: Any) -> TimedPractice | OfflineTimer:
    scale = timer_scale()
    if scale != 1.0:
        plan = shorten(plan, scale)
    if exporting():
        return OfflineTimer(plan)
    timer = ExerciseTimer(plan, key=key, **options)
    return TimedPractice(timer, store=store, routine_name=routine_name)


def exercise_timer(exercise_id: str, *, store: Store | None = None,
                   **options: Any) -> TimedPractice | OfflineTimer:
    """The timer for one exercise, built from its dose; finished sets go into the log."""
    exercise = get_exercise(exercise_id)
    return _timer(plan_for_exercise(exercise), exercise_id, store, **options)


def routine_timer(*, store: Store | None = None, **options: Any) -> TimedPractice | OfflineTimer:
    """One timer for the daily routine: every exercise in order, with change-overs."""
    plan = daily_routine_plan()
    return _timer(plan, "daily-routine", store, routine_name=plan.name, show_steps=True,
                  **options)

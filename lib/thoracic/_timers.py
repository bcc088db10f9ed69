"""What notebooks call: a timer for an exercise or for the daily routine.

In JupyterLab this is the full ExerciseTimer. When the course is exported to web pages
there is no kernel, so buttons that call Python would do nothing. The export sets
``THORACIC_EXPORT=1`` and gets an OfflineTimer instead: a browser-driven ``Play`` clock
linked (in the browser, with ``jslink``) to a progress bar and a seconds counter, with the
phase schedule beside it and a note saying what needs JupyterLab.
"""

from __future__ import annotations

import os
from html import escape
from typing import Any

import ipywidgets as widgets

from ._exercises import get_exercise
from ._mode import exporting
from ._practice_log import TimedPractice
from ._progress import Store
from ._timer_plan import TimerPlan, daily_routine_plan, plan_for_exercise, shorten
from ._timer_widget import ExerciseTimer, format_seconds

__all__ = ["OfflineTimer", "exercise_timer", "routine_timer"]

class OfflineTimer(widgets.VBox):
    """A timer that counts in a web page with no Python behind it."""

    def __init__(self, plan: TimerPlan, **kwargs: Any) -> None:
        total = round(plan.total_seconds)
        self.plan = plan
        self.clock = widgets.Play(value=0, min=0, max=total, step=1, interval=1000,
                                  description="Start the timer", show_repeat=False)
        self.bar = widgets.IntProgress(value=0, min=0, max=total, description="Progress",
                                       layout=widgets.Layout(width="100%", max_width="32em"))
        self.seconds = widgets.IntText(value=0, description="Seconds", disabled=True,
                                       layout=widgets.Layout(width="12em"))
        # One line per second saying what to do then; the browser picks the line.
        lines = _second_by_second(plan)
        self.now = widgets.Dropdown(options=[(line, n) for n, line in enumerate(lines)], value=0,
                                    description="Now", disabled=True,
                                    layout=widgets.Layout(width="100%", max_width="32em"))
        # jslink runs in the browser, so these count without a kernel.
        widgets.jslink((self.clock, "value"), (self.bar, "value"))
        widgets.jslink((self.clock, "value"), (self.seconds, "value"))
        widgets.jslink((self.clock, "value"), (self.now, "index"))
        rows = "".join(
            f"<tr><td>{format_seconds(plan.phase_start(index))}</td>"
            f"<td>{escape(phase.title)}</td><td>{escape(phase.instruction)}</td></tr>"
            for index, phase in enumerate(plan.phases))
        schedule = widgets.HTML(
            f"<details><summary>What to do when ({format_seconds(total)} in all)</summary>"
            '<table aria-label="Timer schedule"><thead><tr><th>From</th><th>Phase</th>'
            f"<th>What to do</th></tr></thead><tbody>{rows}</tbody></table></details>")
        note = widgets.HTML(
            "<p><em>This page has no Python running, so this is a simpler timer. Press play: "
            "it shows what to do each second. To pause at a phase, skip, count reps or hear "
            "sound cues, open the notebook in JupyterLab.</em></p>")
        title = widgets.HTML(f"<h3>Timer: {escape(plan.name)}</h3>")
        kwargs.setdefault("layout", widgets.Layout(max_width="40em", overflow="hidden"))
        super().__init__(children=[title, note, self.clock, self.now, self.bar, self.seconds,
                                   schedule],
                         **kwargs)


def _second_by_second(plan: TimerPlan) -> list[str]:
    """What the learner does at each whole second of the plan, and how long is left."""
    lines = []
    for second in range(round(plan.total_seconds) + 1):
        position = plan.locate(second)
        if position.phase is None:
            lines.append("Done. Well done!")
        else:
            lines.append(f"{position.phase.title}: {format_seconds(position.time_left)} left. "
                         f"{position.phase.instruction}")
    return lines


SCALE_VARIABLE = "THORACIC_TIMER_SCALE"


def timer_scale() -> float:
    """How much to speed every timer up: ``THORACIC_TIMER_SCALE=0.1`` makes each phase a
    tenth as long. For demonstrations and the browser tests; unset, timers run in real time.
    """
    raw = os.environ.get(SCALE_VARIABLE, "").strip()
    if not raw:
        return 1.0
    try:
        scale = float(raw)
    except ValueError:
        scale = float("nan")
    if not 0 < scale <= 1:
        raise ValueError(f"{SCALE_VARIABLE} is {raw!r}; use a number above 0 and at most 1 "
                         f"(0.1 runs timers ten times faster), or unset it.")
    return scale


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

"""What notebooks call: a timer for an exercise or for the daily routine, joined to the
practice log.

The same timer runs in JupyterLab and in the exported pages. In JupyterLab each finished
set and exercise is logged as the browser reports it, and the learner is asked how it
felt; the exported pages have no kernel, so there the timer runs on its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape, unescape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, timer_scale, today
from ..content import VARIATIONS, Exercise, get_exercise, get_routine
from ..plan import WeekPlan, learner_history
from ..progress import Store, StoreError, store_or_own
from ..timer import CoachTimer, TimerPlan, plan_for_exercise, routine_plan, shorten
from ._rating import SessionRating
from ._recorder import PracticeRecorder

__all__ = ["PRACTICE_CLASS", "TimedPractice", "exercise_timer", "routine_timer", "this_week"]

# The box that holds a timer and its rating: in the web pages, the rating's host listens
# there for the timer's events.
PRACTICE_CLASS = "thoracic-practice"


class TimedPractice(Previewed, widgets.VBox):
    """A timer whose completed sets and exercises go into the practice log."""

    def __init__(self, timer: CoachTimer, *, store: Store | None = None, plan_note: str = "",
                 plan_line: Callable[[], str] | None = None,
                 versions: Mapping[str, str] | None = None, **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self.timer = timer
        self.rating = SessionRating(self.store)
        # A log entry that is not kept shows under the rating, with why.
        self.recorder = PracticeRecorder(timer, self.store, notice=self.rating,
                                         versions=versions)
        self.plan_note = plan_note
        self.recorder.on_practice_recorded(self.rating.ask_about)
        # This week's dose and why, above the timer (HTML made from the plan's own words),
        # said again whenever a change is saved (a rating counts towards the next step).
        self.plan_widget = widgets.HTML(_in_jupyterlab_only(plan_note))
        self._plan_line = plan_line
        self._base_line = plan_note
        self._planned_version = timer.version  # what the plan chose for this week
        if plan_line is not None:
            self.store.watch(self.replan)
        timer.observe(lambda _change: self.replan(), names="version")
        children: list[widgets.Widget] = [self.plan_widget] if plan_note else []
        children.extend([timer, self.rating])
        kwargs.setdefault("layout", widgets.Layout(max_width="40em"))
        super().__init__(children, **kwargs)
        self.add_class(PRACTICE_CLASS)

    def replan(self) -> None:
        """Say this week's line again from the progress as it stands now, and the version
        picked on the timer when it is not the plan's."""
        if self._plan_line is not None:
            self._base_line = self._plan_line()
        line = self._base_line
        chosen = next((v for v in self.timer.versions if v["key"] == self.timer.version), None)
        if line and chosen is not None and self.timer.version != self._planned_version:
            line += (f'<p>{_PICKED}<strong>{escape(str(chosen["label"]))}</strong>'
                     f'{": " + escape(str(chosen["says"])) if chosen.get("says") else "."}</p>')
        self.plan_note = line
        self.plan_widget.value = _in_jupyterlab_only(line)

    def preview(self) -> Rendered:
        """The timer's preview below this week's line, so a stored preview made from the
        sample history says EXAMPLE beside its dose, as the charts do."""
        shown = self.timer.preview()
        if not self.plan_note:
            return shown
        line = re.sub(r"<[^>]+>", "", self.plan_note)
        return Rendered(self.plan_note + shown.html, f"{unescape(line)}\n{shown.text}")


def _in_jupyterlab_only(html: str) -> str:
    """This week's line, shown in JupyterLab only: the web pages are made from an empty
    progress folder, so theirs would always say week 1; there the timer's version picker
    starts at this week's dose from the device's own plan instead (site_parts.js). Their
    stylesheet hides what is marked lab-only."""
    return f'<div class="lab-only">{html}</div>' if html else ""


# Begins the sentence that says which version the learner picked for this session.
_PICKED = "For this session you picked "


def _scaled(plan: TimerPlan) -> TimerPlan:
    scale = timer_scale()
    return shorten(plan, scale) if scale != 1.0 else plan


def this_week(store: Store | None = None) -> WeekPlan | None:
    """The learner's plan for this week; None when the progress cannot be read (the timers
    then run the standard dose). The web pages are made from an empty progress folder, so
    there it is the first week's plan, which the site then replaces with the device's."""
    store = store_or_own(store)
    try:
        return learner_history(store).week(today())
    except StoreError:
        return None


def _example(week: WeekPlan) -> str:
    return "EXAMPLE (made-up history): " if week.example else ""


def exercise_timer(exercise_id: str, *, store: Store | None = None,
                   **options: Any) -> TimedPractice:
    """The timer for one exercise at this week's dose from the plan, with the easier,
    harder and (for holds) longer-hold versions to choose from; finished sets go into the
    log."""
    exercise = get_exercise(exercise_id)
    store = store_or_own(store)
    week = this_week(store)
    versions = {key: (VARIATIONS[key], _scaled(plan_for_exercise(exercise, version=key)))
                for key in exercise.doses}
    plan = versions.pop("standard")[1]
    if week is not None:
        options.setdefault("version", week.for_exercise(exercise.id).level)
    notes = {key: exercise.variation_text(key) if key != "standard" else
             f"{exercise.dose.describe()}." for key in exercise.doses}
    return TimedPractice(CoachTimer(plan, versions=versions, version_notes=notes, **options),
                         store=store, plan_note=_exercise_line(exercise, week),
                         plan_line=lambda: _exercise_line(exercise, this_week(store)))


def _exercise_line(exercise: Exercise, week: WeekPlan | None) -> str:
    """This week's dose of ``exercise`` and why, as the plan says it; "" without a plan."""
    if week is None:
        return ""
    planned = week.for_exercise(exercise.id)
    return (f"<p><strong>{escape(_example(week))}Week {week.week_number}: "
            f"{escape(planned.dose.describe())}.</strong> {escape(planned.reason)}</p>")


def routine_timer(routine: str = "daily", *, store: Store | None = None,
                  **options: Any) -> TimedPractice:
    """One timer for a routine (``"daily"``, or ``"strength-day"`` for the longer one with
    strength work): every exercise in order, each at this week's dose, with change-overs."""
    chosen = get_routine(routine)
    store = store_or_own(store)
    week = this_week(store)
    levels = week.levels if week is not None else {}
    plan = _scaled(routine_plan(chosen, versions=levels))
    note = ""
    if week is not None:
        doses = "; ".join(f"{e.name}: {VARIATIONS[levels[e.id]].lower()}"
                          for e in chosen.exercises)
        note = (f"<p><strong>{escape(_example(week))}Week {week.week_number}.</strong> Each "
                f"exercise runs at this week's dose from your plan ({escape(doses)}).</p>")
    return TimedPractice(CoachTimer(plan, **options), store=store, plan_note=note,
                         versions={e.name: levels.get(e.id, "standard")
                                   for e in chosen.exercises})

"""This week's plan and the plan's history, as the wrap-up and My progress notebooks show
them: per exercise, the dose, the sessions done this week of the target, and why.

One front-end part (``kind="plan"`` in parts.js): in JupyterLab this class works the plan
out from the progress store with ``thoracic.plan``; on the site the device's host works it
out from the device's history with the plan's browser half (plan.js), from the same rules.
"""

from __future__ import annotations

from html import escape
from typing import Any, Literal

from ..base import BOX_STYLE, Rendered, day_words, html_table, today
from ..content import VARIATIONS, load_exercises, load_progression
from ..plan import WeekPlan, learner_history
from ..progress import Store, StoreError
from ..ui import CoursePart
from ._timers import this_week

__all__ = ["PlanPart", "plan_history_table", "week_plan"]

_EXAMPLE = "EXAMPLE: made up to show what a plan looks like. Your own plan shows once you practise."
View = Literal["week", "history"]


def plan_config(view: View) -> dict[str, Any]:
    """The plan part's words: each exercise's versions on the ladder, in words."""
    ladder = load_progression().ladder
    return {"view": view, "example": _EXAMPLE,
            "exercises": [{"id": exercise.id, "name": exercise.name,
                           "levels": {level: {"label": VARIATIONS[level],
                                              "dose": exercise.doses[level].describe()}
                                      for level in ladder if level in exercise.doses}}
                          for exercise in load_exercises()]}


class PlanPart(CoursePart):
    """This week's plan (``view="week"``) or every week's so far (``"history"``); ``kept``
    holds the weeks as ``WeekPlan.to_json`` gives them, and today's date."""

    def __init__(self, store: Store | None = None, *, view: View = "week",
                 **kwargs: Any) -> None:
        super().__init__(store, kind="plan", config=plan_config(view), **kwargs)

    def read_kept(self) -> dict[str, Any]:
        day = today()
        history = learner_history(self.store)
        weeks = ([history.week(day)] if self.config["view"] == "week"
                 else history.history(day))
        return {"today": day.isoformat(), "weeks": [week.to_json() for week in weeks]}

    def preview(self) -> Rendered:
        if self.config["view"] == "week":
            return _week_preview(self.store)
        return _history_preview(self.store)


def _dated(week: WeekPlan) -> str:
    return f"Week {week.week_number} (starting {day_words(week.week_start, year=True)})"


def week_plan(store: Store | None = None) -> PlanPart:
    """This week's dose for each exercise, the sessions done of the week's target, and why."""
    return PlanPart(store, view="week")


def plan_history_table(store: Store | None = None) -> PlanPart:
    """Each week so far, with the dose the plan gave each exercise."""
    return PlanPart(store, view="history")


def _week_preview(store: Store) -> Rendered:
    week = this_week(store)
    if week is None:
        text = "Your plan could not be read just now; the timers run the standard dose."
        return Rendered(f"<p>{escape(text)}</p>", text)
    rows, lines = [], []
    for planned in week.exercises:
        done = f"{planned.done_sessions} of {planned.target_sessions}"
        dose = planned.dose.describe()
        level = VARIATIONS[planned.level]
        rows.append((escape(planned.exercise.name), f"{escape(level)}: {escape(dose)}",
                     escape(done), escape(planned.reason)))
        lines.append(f"{planned.exercise.name}: {level}, {dose}; {done} this week. "
                     f"{planned.reason}")
    title = f"Your plan: {_dated(week)}"
    notes = [_EXAMPLE] if week.example else []
    html = (f'<section style="{BOX_STYLE}" aria-label="Your plan">'
            f"<h3>Your plan: {escape(_dated(week))}</h3>"
            + "".join(f"<p><strong>{escape(note)}</strong></p>" for note in notes)
            + html_table("This week for each exercise",
                         ("Exercise", "This week's dose", "Sessions this week", "Why"), rows,
                         whole={2})
            + "</section>")
    return Rendered(html, "\n".join([title, *notes, *lines]))


def _history_preview(store: Store) -> Rendered:
    try:
        weeks = learner_history(store).history(today())
    except StoreError as problem:
        text = f"Your plan's history could not be read just now. {problem}"
        return Rendered(f"<p>{escape(text)}</p>", text)
    names = [planned.exercise.name for planned in weeks[-1].exercises]
    rows = [(escape(_dated(week)), *(escape(VARIATIONS[p.level]) for p in week.exercises))
            for week in reversed(weeks)]
    example = weeks[-1].example
    html = ((f"<p><strong>{escape(_EXAMPLE)}</strong></p>" if example else "")
            + html_table("The plan, week by week", ("Week", *names), rows))
    text = "\n".join(f"{_dated(week)}: " + ", ".join(
        f"{p.exercise.name} {VARIATIONS[p.level].lower()}" for p in week.exercises)
        for week in weeks)
    return Rendered(html, (f"{_EXAMPLE}\n" if example else "") + text)

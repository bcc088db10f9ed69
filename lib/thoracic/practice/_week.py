"""This week's plan and the plan's history, as the wrap-up and My progress notebooks show
them: per exercise, the dose, the sessions done this week of the target, and why."""

from __future__ import annotations

import datetime as dt
from html import escape

from ..base import BOX_STYLE, Rendered, day_words, html_table, this_week_day, today
from ..content import VARIATIONS
from ..plan import WeekPlan, learner_history
from ..progress import Store, StoreError, store_or_own
from ._timers import this_week

__all__ = ["plan_history_table", "week_plan"]

_EXAMPLE = "EXAMPLE: made up to show what a plan looks like. Your own plan shows once you practise."
# True in both places: the web pages are made from an empty progress folder.
_WHERE = ("In JupyterLab your plan adapts every week to how your sessions went. On the "
          "course's web pages it stays at the standard dose, as for a first week.")


def _dated(week: WeekPlan) -> str:
    return f"Week {week.week_number} (starting {day_words(week.week_start, year=True)})"


def _dated_html(week: WeekPlan, on: dt.date) -> str:
    """The week's name as HTML; the current week's Monday moves with the web pages."""
    if week.week_start <= on < week.week_start + dt.timedelta(days=7):
        return (f"Week {week.week_number} (starting "
                f"{this_week_day(week.week_start, year=True)})")
    return escape(_dated(week))


def week_plan(store: Store | None = None) -> Rendered:
    """This week's dose for each exercise, the sessions done of the week's target, and why."""
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
    notes.append(_WHERE)
    html = (f'<section style="{BOX_STYLE}" aria-label="Your plan">'
            f"<h3>Your plan: {_dated_html(week, today())}</h3>"
            + "".join(f"<p><strong>{escape(note)}</strong></p>" for note in notes)
            + html_table("This week for each exercise",
                         ("Exercise", "This week's dose", "Sessions this week", "Why"), rows,
                         whole={2})
            + "</section>")
    return Rendered(html, "\n".join([title, *notes, *lines]))


def plan_history_table(store: Store | None = None) -> Rendered:
    """Each week so far, with the dose the plan gave each exercise."""
    store = store_or_own(store)
    try:
        weeks = learner_history(store).history(today())
    except StoreError as problem:
        text = f"Your plan's history could not be read just now. {problem}"
        return Rendered(f"<p>{escape(text)}</p>", text)
    names = [planned.exercise.name for planned in weeks[-1].exercises]
    on = today()
    rows = [(_dated_html(week, on), *(escape(VARIATIONS[p.level]) for p in week.exercises))
            for week in reversed(weeks)]
    example = weeks[-1].example
    html = ((f"<p><strong>{escape(_EXAMPLE)}</strong></p>" if example else "")
            + f"<p>{escape(_WHERE)}</p>"
            + html_table("The plan, week by week", ("Week", *names), rows))
    text = "\n".join(f"{_dated(week)}: " + ", ".join(
        f"{p.exercise.name} {VARIATIONS[p.level].lower()}" for p in week.exercises)
        for week in weeks)
    return Rendered(html, (f"{_EXAMPLE}\n" if example else "") + f"{_WHERE}\n{text}")

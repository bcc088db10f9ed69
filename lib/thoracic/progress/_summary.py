"""Practice days and streaks from the practice log, and the recent next-day answers (pure,
no drawing)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..content import NEXT_DAY_ANSWERS, NextDayAnswer
from ._records import NextDayCheck, Session

__all__ = ["NextDaySummary", "PracticeSummary", "summarise_next_day", "summarise_practice"]


@dataclass(frozen=True)
class PracticeSummary:
    days: frozenset[dt.date]
    minutes_by_day: dict[dt.date, float]
    current_streak: int
    longest_streak: int
    days_this_week: int
    sessions: int


def _streak_ending(days: frozenset[dt.date], end: dt.date) -> int:
    count = 0
    while end - dt.timedelta(days=count) in days:
        count += 1
    return count


def summarise_practice(sessions: Iterable[Session], on: dt.date) -> PracticeSummary:
    """Practice days and streaks as of the date ``on``.

    The current streak still counts if today has no practice yet (the day is not over):
    it is then the run ending yesterday.
    """
    minutes: dict[dt.date, float] = defaultdict(float)
    count = 0
    for session in sessions:
        count += 1
        day = dt.date.fromisoformat(session.day)
        if session.kind != "routine":  # a routine's exercises are logged on their own too
            minutes[day] += session.duration_seconds / 60 if session.kind == "exercise" else 0
        minutes.setdefault(day, 0.0)
    days = frozenset(day for day in minutes if day <= on)
    current = _streak_ending(days, on) or _streak_ending(days, on - dt.timedelta(days=1))
    longest, run, previous = 0, 0, None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == dt.timedelta(days=1) else 1
        longest, previous = max(longest, run), day
    week_start = on - dt.timedelta(days=on.weekday())
    this_week = sum(1 for day in days if week_start <= day <= on)
    return PracticeSummary(days, dict(minutes), current, longest, this_week, count)


@dataclass(frozen=True)
class NextDaySummary:
    """The next-day answers of the last few whole weeks (Monday to Sunday) up to a date."""

    first_day: dt.date  # the Monday the weeks start on
    last_day: dt.date  # the date the summary is for
    answers: dict[dt.date, NextDayAnswer]  # the answered days in those weeks
    counts: dict[NextDayAnswer, int]  # how often each answer was given there (zeros too)
    worse_in_a_row: int  # how many of the latest answers, up to the date, were all "worse"


def summarise_next_day(checks: Iterable[NextDayCheck], on: dt.date,
                       weeks: int = 4) -> NextDaySummary:
    """The next-day answers in the ``weeks`` whole weeks that end with the week of ``on``.

    ``worse_in_a_row`` looks at every answer up to ``on``, however old: "worse" twice in
    a row is worth knowing even across a gap.
    """
    first_day = on - dt.timedelta(days=on.weekday(), weeks=weeks - 1)
    answers: dict[dt.date, NextDayAnswer] = {}
    latest: list[NextDayAnswer] = []
    for check in sorted(checks, key=lambda check: check.day):
        day = dt.date.fromisoformat(check.day)
        if day > on:
            continue
        latest.append(check.answer)
        if day >= first_day:
            answers[day] = check.answer
    counts = {answer: 0 for answer in NEXT_DAY_ANSWERS}
    for answer in answers.values():
        counts[answer] += 1
    run = 0
    for answer in reversed(latest):
        if answer != "worse":
            break
        run += 1
    return NextDaySummary(first_day, on, answers, counts, run)

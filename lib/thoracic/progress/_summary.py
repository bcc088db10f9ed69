"""Practice days and streaks, computed from the practice log (pure, no drawing)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ._records import Session

__all__ = ["PracticeSummary", "summarise_practice"]


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

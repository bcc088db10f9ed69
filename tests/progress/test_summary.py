from __future__ import annotations

import datetime as dt

from thoracic.progress import Session, summarise_practice

D = dt.date(2026, 1, 15)


def _session(day: dt.date, kind: str = "exercise", seconds: float = 60) -> Session:
    return Session("id", day.isoformat(), "t", kind, "x", 1, seconds, None, None)


def test_streaks_and_weekly_counts() -> None:
    days = [D - dt.timedelta(days=n) for n in (0, 1, 2, 5, 6, 7, 8, 20)]
    summary = summarise_practice([_session(day) for day in days], D)
    assert summary.current_streak == 3 and summary.longest_streak == 4
    assert summary.days_this_week == 3  # Mon 12 Jan to Thu 15 Jan: 13, 14, 15
    assert summary.minutes_by_day[D] == 1.0


def test_streak_still_counts_before_todays_practice() -> None:
    yesterday_run = [_session(D - dt.timedelta(days=n)) for n in (1, 2)]
    assert summarise_practice(yesterday_run, D).current_streak == 2
    assert summarise_practice([_session(D - dt.timedelta(days=3))], D).current_streak == 0

from __future__ import annotations

import datetime as dt

from thoracic.progress import NextDayCheck, Session, summarise_next_day, summarise_practice

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


def _answer(day: dt.date, answer: str) -> NextDayCheck:
    return NextDayCheck(f"n-{day}", day.isoformat(), answer, "t")


def test_next_day_answers_of_the_last_four_whole_weeks() -> None:
    answers = [_answer(D - dt.timedelta(days=n), answer) for n, answer in (
        (0, "better"), (1, "same"), (3, "same"), (24, "worse"), (25, "better"), (40, "worse"))]
    answers.append(_answer(D + dt.timedelta(days=1), "worse"))  # after the date: not counted
    summary = summarise_next_day(answers, D, weeks=4)
    assert summary.first_day == dt.date(2025, 12, 22)  # the Monday three weeks before
    assert summary.last_day == D
    assert sorted(summary.answers) == [D - dt.timedelta(days=n) for n in (24, 3, 1, 0)]
    assert summary.counts == {"better": 1, "same": 2, "worse": 1}  # in record order
    assert list(summary.counts) == ["better", "same", "worse"]
    assert summary.worse_in_a_row == 0


def test_worse_in_a_row_counts_the_latest_answers_only() -> None:
    days = [D - dt.timedelta(days=n) for n in (9, 5, 2, 1)]
    answers = [_answer(day, answer) for day, answer in
               zip(days, ("worse", "better", "worse", "worse"), strict=True)]
    assert summarise_next_day(answers, D).worse_in_a_row == 2
    assert summarise_next_day(answers[:2], D).worse_in_a_row == 0
    old = [_answer(D - dt.timedelta(days=60), "worse")]  # long ago, but still the latest
    summary = summarise_next_day(old, D)
    assert summary.answers == {} and summary.worse_in_a_row == 1
    assert summarise_next_day([], D).counts == {"better": 0, "same": 0, "worse": 0}

"""Reminders without a server: ``plan_calendar`` and ``thoracic plan --calendar`` write
the coming weeks' sessions as an RFC 5545 iCalendar file any calendar app can import."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from pathlib import Path

import icalendar
import pytest

from thoracic._cli import main
from thoracic.base import today
from thoracic.content import get_routine
from thoracic.plan import WeekPlan, plan_week
from thoracic.practice import plan_calendar
from thoracic.practice._calendar import PRODID
from thoracic.timer import routine_plan

THURSDAY = dt.date(2025, 3, 6)
SIX_PM = dt.time(18, 0)
STAMP = dt.datetime(2025, 3, 5, 12, 30, tzinfo=dt.UTC)


@pytest.fixture
def plan() -> WeekPlan:
    return plan_week((), (), dt.date(2025, 3, 5))


def _harder(plan: WeekPlan) -> WeekPlan:
    return dataclasses.replace(plan, exercises=tuple(
        dataclasses.replace(week, level="harder") for week in plan.exercises))


def _calendar(plan: WeekPlan, *, weeks: int = 2, site: str | None = None,
              at: dt.time = SIX_PM, stamp: dt.datetime = STAMP) -> icalendar.Calendar:
    data = plan_calendar(plan, start=THURSDAY, weeks=weeks, at=at, site=site, stamp=stamp)
    assert isinstance(data, bytes)
    return icalendar.Calendar.from_ical(data)


def _events(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return list(calendar.walk("VEVENT"))


def _minutes(plan: WeekPlan, routine_id: str) -> dt.timedelta:
    versions = {week.exercise.id: week.level for week in plan.exercises}
    seconds = routine_plan(routine_id, versions=versions).total_seconds
    return dt.timedelta(minutes=math.ceil(seconds / 60))


def test_the_calendar_says_what_made_it(plan: WeekPlan) -> None:
    calendar = _calendar(plan)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == PRODID == "-//Upper Back Relief//thoracic plan//EN"
    assert calendar["CALSCALE"] == "GREGORIAN" and calendar["METHOD"] == "PUBLISH"


@pytest.mark.parametrize("weeks", [1, 2, 6, 26])
def test_one_event_a_day_for_the_weeks_asked(plan: WeekPlan, weeks: int) -> None:
    events = _events(_calendar(plan, weeks=weeks))
    assert len(events) == weeks * 7
    days = [event.decoded("DTSTART").date() for event in events]
    assert days == [THURSDAY + dt.timedelta(days=n) for n in range(weeks * 7)]


def test_uids_are_unique_and_stable(plan: WeekPlan) -> None:
    first = [str(event["UID"]) for event in _events(_calendar(plan))]
    assert len(set(first)) == len(first)
    again = [str(event["UID"]) for event in _events(_calendar(
        _harder(plan), stamp=STAMP + dt.timedelta(days=3), at=dt.time(7, 30)))]
    assert again == first  # the same day and routine: the same event, updated on import
    assert first[:2] == ["20250306-daily@upper-back-relief",
                         "20250307-strength-day@upper-back-relief"]


def test_strength_days_are_monday_wednesday_and_friday(plan: WeekPlan) -> None:
    daily, strength = get_routine("daily"), get_routine("strength-day")
    for event in _events(_calendar(plan)):
        day = event.decoded("DTSTART").date()
        routine = strength if day.weekday() in (0, 2, 4) else daily
        assert str(event["UID"]) == f"{day:%Y%m%d}-{routine.id}@upper-back-relief"
        expected = ("Upper back: daily routine" if routine is daily
                    else "Upper back: longer routine with strength work")
        assert str(event["SUMMARY"]) == expected
    kinds = Counter(str(event["UID"]).split("-", 1)[1] for event in _events(_calendar(plan)))
    assert kinds == {"daily@upper-back-relief": 8, "strength-day@upper-back-relief": 6}


def test_times_are_floating_local_at_the_hour_asked(plan: WeekPlan) -> None:
    data = plan_calendar(plan, start=THURSDAY, weeks=1, at=dt.time(7, 30), site=None,
                         stamp=STAMP)
    text = data.decode("utf-8")
    assert "DTSTART:20250306T073000\r\n" in text  # no TZID, no Z: 07:30 wherever you are
    assert "TZID" not in text and "VTIMEZONE" not in text
    for event in _events(icalendar.Calendar.from_ical(data)):
        start = event.decoded("DTSTART")
        assert start.tzinfo is None and start.time() == dt.time(7, 30)
        assert event.decoded("DTSTAMP") == STAMP  # DTSTAMP is UTC
    assert "DTSTAMP:20250305T123000Z\r\n" in text


@pytest.mark.parametrize("harder", [False, True])
def test_each_event_lasts_as_long_as_the_routine_at_this_weeks_dose(plan: WeekPlan,
                                                                    harder: bool) -> None:
    plan = _harder(plan) if harder else plan
    for event in _events(_calendar(plan)):
        routine = "strength-day" if "strength-day" in str(event["UID"]) else "daily"
        length = event.decoded("DTEND") - event.decoded("DTSTART")
        assert length == _minutes(plan, routine)
        seconds = routine_plan(routine, versions={w.exercise.id: w.level
                                                  for w in plan.exercises}).total_seconds
        assert seconds <= length.total_seconds() < seconds + 60
    assert _minutes(_harder(plan), "daily") > _minutes(plan_week((), (), THURSDAY), "daily")


def test_the_description_names_each_exercise_with_this_weeks_dose(plan: WeekPlan) -> None:
    for chosen in (plan, _harder(plan)):
        for event in _events(_calendar(chosen, weeks=1)):
            routine = get_routine("strength-day" if "strength-day" in str(event["UID"])
                                  else "daily")
            description = str(event["DESCRIPTION"])
            for exercise in routine.exercises:
                dose = chosen.for_exercise(exercise.id).dose.describe()
                assert f"- {exercise.name}: {dose}" in description.splitlines()
            others = [w for w in chosen.exercises if w.exercise.id not in routine.exercise_ids]
            assert all(f"- {w.exercise.name}:" not in description for w in others)
            assert "week 1 of your plan" in description
            assert "notebook 00" in description and "example" not in description


def test_an_example_plan_says_so(plan: WeekPlan) -> None:
    event = _events(_calendar(dataclasses.replace(plan, example=True), weeks=1))[0]
    assert "example plan, not from your own practice" in str(event["DESCRIPTION"])


def test_an_alarm_ten_minutes_before_each_event(plan: WeekPlan) -> None:
    for event in _events(_calendar(plan)):
        (alarm,) = event.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY"
        assert alarm.decoded("TRIGGER") == dt.timedelta(minutes=-10)
        assert str(alarm["DESCRIPTION"]).startswith("In 10 minutes: your ")


def test_no_site_no_url(plan: WeekPlan) -> None:
    for event in _events(_calendar(plan, weeks=1)):
        assert "URL" not in event and "Open the routine" not in str(event["DESCRIPTION"])


@pytest.mark.parametrize(("site", "expected"), [
    ("https://example.org/course", "https://example.org/course/08-daily-routine.html"),
    ("https://example.org/course/", "https://example.org/course/08-daily-routine.html"),
    ("http://127.0.0.1:8000", "http://127.0.0.1:8000/08-daily-routine.html"),
])
def test_a_site_url_links_the_routine_page(plan: WeekPlan, site: str, expected: str) -> None:
    for event in _events(_calendar(plan, weeks=1, site=site)):
        assert str(event["URL"]) == expected
        assert f"Open the routine: {expected}" in str(event["DESCRIPTION"])


def test_a_site_folder_links_the_page_as_a_file_url(plan: WeekPlan, tmp_path: Path) -> None:
    folder = tmp_path / "my site"
    event = _events(_calendar(plan, weeks=1, site=str(folder)))[0]
    assert str(event["URL"]) == (folder / "08-daily-routine.html").as_uri()
    assert str(event["URL"]).startswith("file:///") and "my%20site" in str(event["URL"])


@pytest.mark.parametrize("weeks", [0, 27, -1, True])
def test_weeks_outside_1_to_26_are_refused(plan: WeekPlan, weeks: int) -> None:
    with pytest.raises(ValueError, match="from 1 to 26"):
        plan_calendar(plan, start=THURSDAY, weeks=weeks, at=SIX_PM, site=None)


# -- RFC 5545: what each component must (and must not) have ------------------------------

def _once(component: icalendar.cal.Component, *names: str) -> None:
    for name in names:
        found = component.get(name)
        assert found is not None and not isinstance(found, list), (component.name, name)


def test_every_component_has_the_properties_rfc_5545_requires(plan: WeekPlan) -> None:
    data = plan_calendar(plan, start=THURSDAY, weeks=2, at=SIX_PM, site="https://x.org/c",
                         stamp=STAMP)
    text = data.decode("utf-8")
    # Content lines end in CRLF and are folded to at most 75 octets (3.1).
    lines = data.split(b"\r\n")
    assert lines[-1] == b"" and all(len(line) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"
    calendar = icalendar.Calendar.from_ical(data)
    _once(calendar, "PRODID", "VERSION")  # 3.6: required, exactly once
    assert [c.name for c in calendar.subcomponents] == ["VEVENT"] * 14
    for event in _events(calendar):
        # 3.6.1: UID and DTSTAMP required once; DTSTART required when there is no METHOD
        # (and by every calendar app); DTEND and DURATION never together.
        _once(event, "UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL")
        assert "DURATION" not in event
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert event.decoded("DTSTAMP").utcoffset() == dt.timedelta(0)
        assert isinstance(event.decoded("DTSTART"), dt.datetime)  # a time, not a whole day
        for alarm in event.walk("VALARM"):
            # 3.6.6: a DISPLAY alarm has ACTION, TRIGGER and DESCRIPTION, once each.
            _once(alarm, "ACTION", "TRIGGER", "DESCRIPTION")
            assert "REPEAT" not in alarm and "DURATION" not in alarm
    assert text.count("BEGIN:VALARM") == 14 and text.count("END:VALARM") == 14


# -- the command -------------------------------------------------------------------------



def test_the_command_writes_six_weeks_from_tomorrow_at_six(
        own_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = own_store / "reminders.ics"
    assert main(["plan", "--calendar", str(target)]) == 0
    events = _events(icalendar.Calendar.from_ical(target.read_bytes()))
    tomorrow = today() + dt.timedelta(days=1)
    assert len(events) == 42
    assert events[0].decoded("DTSTART") == dt.datetime.combine(tomorrow, SIX_PM)
    assert events[-1].decoded("DTSTART").date() == tomorrow + dt.timedelta(days=41)
    assert all("URL" not in event for event in events)
    out = capsys.readouterr().out
    assert "Wrote 42 reminders, one a day at 18:00 from " in out
    assert str(target.resolve()) in out and "calendar app" in out


def test_the_command_takes_time_weeks_and_site(own_store: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = own_store / "r.ics"
    site = own_store / "site"
    assert main(["plan", "--calendar", str(target), "--time", "7:05", "--weeks", "1",
                 "--site", str(site)]) == 0
    events = _events(icalendar.Calendar.from_ical(target.read_bytes()))
    assert len(events) == 7
    assert {event.decoded("DTSTART").time() for event in events} == {dt.time(7, 5)}
    assert {str(event["URL"]) for event in events} == {(site / "08-daily-routine.html").as_uri()}
    assert "no exported course in" in capsys.readouterr().out  # said, not refused


def test_the_command_without_a_calendar_shows_the_plan(
        own_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plan"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Week 1 of your plan, from ")
    for week in plan_week((), (), today()).exercises:
        assert f"  {week.exercise.name}: {week.dose.describe()}; 0 of " in out


@pytest.mark.parametrize(("options", "message"), [
    (["--time", "25:00"], "--time takes a time on the 24-hour clock as HH:MM, like 18:00 or "
                          "07:30; got '25:00'."),
    (["--time", "six"], "got 'six'."),
    (["--time", "18:5"], "got '18:5'."),
    (["--weeks", "0"], "--weeks takes a number from 1 to 26; got 0."),
    (["--weeks", "27"], "--weeks takes a number from 1 to 26; got 27."),
])
def test_bad_options_are_one_clear_line(own_store: Path, capsys: pytest.CaptureFixture[str],
                                        options: list[str], message: str) -> None:
    target = own_store / "r.ics"
    assert main(["plan", "--calendar", str(target), *options]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith("thoracic plan: ") and captured.err.endswith(f"{message}\n")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err
    assert not target.exists()


def test_an_unwritable_file_is_one_clear_line(own_store: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    target = own_store / "missing" / "r.ics"
    assert main(["plan", "--calendar", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"thoracic plan: cannot write {target} (No such file or "
                            "directory). Choose a file in a folder you can write to with "
                            "--calendar.\n")

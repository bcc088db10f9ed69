"""Reminders without a server: the coming weeks' practice as an iCalendar file (RFC 5545).

``thoracic plan --calendar FILE.ics`` writes one event a day: the daily routine, or on
Monday, Wednesday and Friday the longer routine with strength work in its place. Each
event lasts as long as the routine's timer runs at this week's doses, names every
exercise with its dose, and has an alarm 10 minutes before. Any calendar app can import
the file; nothing runs in the background and nothing is sent anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urljoin

from ..content import Routine, get_routine, notebook_by_slug
from ..plan import WeekPlan
from ..timer import routine_minutes

__all__ = ["ALARM_MINUTES", "MAX_WEEKS", "PRODID", "STRENGTH_WEEKDAYS", "event_uid",
           "plan_calendar", "routine_for_day", "routine_page_url"]

MAX_WEEKS = 26  # half a year: long enough for the six-week plan and then some
ALARM_MINUTES = 10
PRODID = "-//Upper Back Relief//thoracic plan//EN"
UID_DOMAIN = "upper-back-relief"
# The strength routine is for 2 or 3 days a week with a day between them (routines.toml):
# Monday, Wednesday and Friday, by their Python weekday numbers.
STRENGTH_WEEKDAYS = (0, 2, 4)
_URL_SCHEME = re.compile(r"^(https?|file)://", re.IGNORECASE)


def routine_for_day(day: dt.date) -> Routine:
    """The routine to do on ``day``: the longer one on strength days, else the daily one."""
    return get_routine("strength-day" if day.weekday() in STRENGTH_WEEKDAYS else "daily")


def event_uid(day: dt.date, routine: Routine) -> str:
    """The event's UID: the same day and routine always give the same one, so importing a
    newer file updates the events instead of doubling them."""
    return f"{day:%Y%m%d}-{routine.id}@{UID_DOMAIN}"


def routine_page_url(site: str) -> str:
    """The exported daily-routine page under ``site``: joined to an http(s) or file URL,
    or, for a folder, its file:// URL."""
    page = f"{notebook_by_slug('daily-routine').stem}.html"
    if _URL_SCHEME.match(site):
        return urljoin(site if site.endswith("/") else f"{site}/", page)
    return (Path(site).expanduser().resolve() / page).as_uri()


def _in_sentence(name: str) -> str:
    """A routine's name inside a sentence: "Daily routine" -> "daily routine"."""
    return name[:1].lower() + name[1:]


def _length(plan: WeekPlan, routine: Routine) -> dt.timedelta:
    """How long the routine's timer runs at this week's doses, rounded up to a minute."""
    return dt.timedelta(minutes=routine_minutes(routine, versions=plan.levels))


def _description(plan: WeekPlan, routine: Routine, length: dt.timedelta, url: str | None) -> str:
    lines = [f"Your {_in_sentence(routine.name)}, about "
             f"{length.seconds // 60} min. This week's doses (week {plan.week_number} of your "
             "plan):"]
    lines += [f"- {plan.for_exercise(ident).exercise.name}: "
              f"{plan.for_exercise(ident).dose.describe()}" for ident in routine.exercise_ids]
    safety = notebook_by_slug("start-here")
    lines.append("Your plan changes these doses as you go, so check it in the course each "
                 "week. If something feels wrong, stop and see the safety check in notebook "
                 f"{safety.number:02d} ({safety.title}).")
    if plan.example:
        lines.append("These doses come from an example plan, not from your own practice.")
    if url:
        lines.append(f"Open the routine: {url}")
    return "\n".join(lines)


def plan_calendar(plan: WeekPlan, *, start: dt.date, weeks: int, at: dt.time,
                  site: str | None, stamp: dt.datetime | None = None) -> bytes:
    """An iCalendar file of one practice event a day for ``weeks`` weeks from ``start``,
    each at ``at`` local time, with this week's doses from ``plan``; ``site`` (a folder or
    a URL of the exported course) adds a link to the daily-routine page. ``stamp`` is the
    DTSTAMP (default: now)."""
    # icalendar ships no type information; the calendar objects are Any to the checker.
    import icalendar

    if isinstance(weeks, bool) or not isinstance(weeks, int) or not 1 <= weeks <= MAX_WEEKS:
        raise ValueError(f"The number of weeks is a whole number from 1 to {MAX_WEEKS}; got "
                         f"{weeks!r}.")
    url = routine_page_url(site) if site else None
    # DTSTAMP is always UTC (RFC 5545, 3.8.7.2).
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Upper Back Relief")
    for offset in range(weeks * 7):
        day = start + dt.timedelta(days=offset)
        routine = routine_for_day(day)
        length = _length(plan, routine)
        # A floating local time (no TZID, no "Z"; RFC 5545, 3.3.5): the reminder comes at
        # 18:00 wherever the learner is, even after travelling or a clock change, which is
        # what a daily habit wants. A TZID would also need the computer's IANA zone name,
        # which Python's standard library cannot find reliably, and a VTIMEZONE block.
        begins = dt.datetime.combine(day, at.replace(tzinfo=None, second=0, microsecond=0))
        event = icalendar.Event()
        event.add("uid", event_uid(day, routine))
        event.add("dtstamp", stamp)
        event.add("dtstart", begins)
        event.add("dtend", begins + length)
        event.add("summary", f"Upper back: {_in_sentence(routine.name)}")
        event.add("description", _description(plan, routine, length, url))
        if url:
            event.add("url", url)
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description",
                  f"In {ALARM_MINUTES} minutes: your {_in_sentence(routine.name)}")
        alarm.add("trigger", dt.timedelta(minutes=-ALARM_MINUTES))
        event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data

"""Days in words, and the days of "this week" as the web pages show them.

The web pages are made once and read for weeks, so a day of the week they were made in
is written as ``<time data-week-day="0 to 6">``, which the site's script moves to the
week they are read in; in JupyterLab the words are right as they are.
"""

from __future__ import annotations

import datetime as dt
from html import escape

__all__ = ["day_words", "short_day", "short_day_words", "this_week_day", "weekday"]

# In English whatever the computer's language settings (strftime would follow them).
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def weekday(day: dt.date) -> str:
    """The day's name: "Monday"."""
    return _WEEKDAYS[day.weekday()]


def day_words(day: dt.date, *, year: bool = False) -> str:
    """"Monday 30 November", with the year if asked: "Monday 30 November 2026"."""
    text = f"{weekday(day)} {day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def short_day_words(day: dt.date) -> str:
    """A day in few words, as the parts' front-end writes one: "1 Dec"."""
    return f"{day.day} {_MONTHS[day.month - 1][:3]}"


def short_day(day: dt.date, today: dt.date) -> str:
    """A table's day as HTML, short enough for a phone's column: "30 Nov", with the year
    when it is not ``today``'s ("30 Nov 2025")."""
    shown = short_day_words(day) + (f" {day.year}" if day.year != today.year else "")
    return f'<time datetime="{day.isoformat()}">{shown}</time>'


def this_week_day(day: dt.date, *, year: bool = False, number: bool = False) -> str:
    """``day``, a day of the current week, as HTML: its words (or only its number, for a
    calendar's column), which the web pages move to the week they are read in."""
    shown = str(day.day) if number else day_words(day, year=year)
    flags = (" data-year" if year else "") + (" data-number" if number else "")
    return (f'<time datetime="{day.isoformat()}" data-week-day="{day.weekday()}"{flags}>'
            f"{escape(shown)}</time>")

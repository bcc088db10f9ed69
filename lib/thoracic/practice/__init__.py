"""Practising with the course: timers joined to the practice log and running this week's
dose from the plan, "Do it now" at the top of an exercise, the "how did it feel" form, the
next-day check, this week's plan and its history, and the dashboard that shows the
learner's practice back to them.

Owns the glue between a timer and the store (each finished set, exercise and routine is
logged as it happens) and the views of progress.

May import: ``thoracic.base``, ``thoracic.content``, ``thoracic.figures``,
``thoracic.timer``, ``thoracic.progress``, ``thoracic.plan``, ``thoracic.ui``.
"""

from ._calendar import plan_calendar
from ._dashboard import LiveDashboard, dashboard
from ._do_it_now import DoItNow, do_it_now
from ._entries import EntryFixer, fix_entries
from ._next_day import NextDayForm, next_day_check
from ._rating import SessionRating, rate_earlier_practice
from ._recorder import PracticeRecorder
from ._timers import TimedPractice, exercise_timer, routine_timer, this_week
from ._today import TodayPanel, today_config, todays_practice
from ._week import plan_history_table, week_plan

__all__ = [
    "DoItNow",
    "EntryFixer",
    "LiveDashboard",
    "NextDayForm",
    "PracticeRecorder",
    "SessionRating",
    "TimedPractice",
    "TodayPanel",
    "dashboard",
    "do_it_now",
    "exercise_timer",
    "fix_entries",
    "next_day_check",
    "plan_calendar",
    "plan_history_table",
    "rate_earlier_practice",
    "routine_timer",
    "this_week",
    "today_config",
    "todays_practice",
    "week_plan",
]

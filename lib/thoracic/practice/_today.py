"""Today: where a learner who comes back starts. This week's routine and each exercise
as big buttons (to the page whose timer runs it), what is done today, and the next-day
check when it is due. The site opens on it; in JupyterLab it heads My progress.

One front-end part (``kind="today"`` in parts.js): in JupyterLab this class reads the
progress store, on the site the device's host reads the device.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from ..base import Rendered, minutes_text, today
from ..content import NEXT_DAY_CHECK, get_routine, load_exercises, load_progression
from ..progress import Store
from ..timer import routine_minutes
from ..ui import SAFETY_ANSWERS, CoursePart, safety_answered
from ._timers import this_week

__all__ = ["TodayPanel", "today_config", "todays_practice"]

# The page with the safety check, the one that asks the next-day check, and the one that
# shows the learner's progress.
SAFETY_PAGE = "00-start-here"
NEXT_DAY_PAGE = "08-daily-routine"
PROGRESS_PAGE = "12-my-progress"
# The headings of the safety check and of the next-day check on those pages, as the ids
# Jupyter and the site give them, so that a link lands on the part, not two screens above.
SAFETY_SECTION = "Safety-first:-check-for-red-flags"
NEXT_DAY_SECTION = "First,-how-did-your-last-session-go?"
RECENT_DAYS = 14  # enough for this week and the last, whatever day it is


def today_config() -> dict[str, Any]:
    """The Today part's words and links, from the course's records (standard doses)."""
    routine = get_routine("daily")
    return {
        "routine": {"id": routine.id, "name": routine.name, "page": NEXT_DAY_PAGE,
                    "minutes": f"about {minutes_text(60 * routine_minutes(routine))}",
                    "exercises": [exercise.name for exercise in routine.exercises]},
        "exercises": [{"name": exercise.name, "page": exercise.notebook,
                       "purpose": _first_sentence(exercise.purpose)}
                      for exercise in load_exercises()],
        # Safety first: until the check is answered, and after two weeks without practice,
        # this comes first.
        "safety": {"page": f"{SAFETY_PAGE}#{SAFETY_SECTION}", "title": "First, the safety check",
                   "line": "New here, or back after a break? Check the few signs that mean "
                           "you should see someone before you exercise, and tick any that "
                           "fit you or say none do. It takes two minutes.",
                   # The lists that hold the learner's answers, for the site to read.
                   "answers": list(SAFETY_ANSWERS),
                   # Always at the end: words, the link's words, words.
                   "always": ["If something feels new or wrong, stop and look at ",
                              "the safety check", " again."]},
        "next_day": {"question": NEXT_DAY_CHECK.question,
                     "page": f"{NEXT_DAY_PAGE}#{NEXT_DAY_SECTION}"},
        "progress_page": PROGRESS_PAGE,
        "weekly_target": load_progression().targets["mobility"],
        "recent_days": RECENT_DAYS,
    }


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


class TodayPanel(CoursePart):
    """The Today part; ``kept`` holds the last two weeks' practice and whether the
    next-day check is due."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        super().__init__(store, kind="today", config=today_config(), **kwargs)

    def read_kept(self) -> dict[str, Any]:
        day = today()
        since = (day - dt.timedelta(days=RECENT_DAYS)).isoformat()
        sessions = self.store.sessions()
        answered = any(check.day == day.isoformat() for check in self.store.next_day_checks())
        week = this_week(self.store)
        return {"today": day.isoformat(),
                "sessions": [{"day": s.day, "kind": s.kind, "exercise": s.exercise,
                              "duration_seconds": s.duration_seconds}
                             for s in sessions if s.day >= since],
                "next_day_due": not answered and any(s.day < day.isoformat()
                                                     for s in sessions),
                "safety_answered": safety_answered(self.store),
                # How long the routine's timer runs this week, at the plan's doses.
                "routine_minutes": routine_minutes(self.config["routine"]["id"],
                                                   versions=None if week is None else week.levels)}

    def preview(self) -> Rendered:
        routine = self.config["routine"]
        names = [exercise["name"] for exercise in self.config["exercises"]]
        text = (f"Today: {routine['name']} ({routine['minutes']}), or one exercise: "
                f"{', '.join(names)}.")
        return Rendered(f"<p>{escape(text)}</p>", text)


def todays_practice(*, store: Store | None = None) -> TodayPanel:
    """Today: this week's routine and each exercise, what is done today, and the
    next-day check when it is due."""
    return TodayPanel(store)

""""Do it now": one big button at the top of an exercise's notebook (and its web page)
that opens the timer further down in mat view and starts it, so the learner on the mat
does not scroll nine screens to find it."""

from __future__ import annotations

from html import escape
from typing import Any

from ..base import Rendered
from ..content import get_exercise, get_routine
from ..progress import Store
from ..ui import CoursePart

__all__ = ["DoItNow", "do_it_now"]

# Shown only if the timer is not on the page yet: in JupyterLab, before its cell has run.
_MISSING = ("The timer further down has not started up yet. Run this notebook from the top "
            "first, then press the button again.")


class DoItNow(CoursePart):
    """The button; ``config['timer']`` names the timer it opens (its plan's name)."""

    def __init__(self, timer: str, says: str, store: Store | None = None,
                 **kwargs: Any) -> None:
        super().__init__(store, kind="do-it-now", config={
            "timer": timer, "label": "Do it now", "says": says, "missing": _MISSING}, **kwargs)

    def preview(self) -> Rendered:
        says = self.config["says"]
        return Rendered(f"<p><strong>\u25b6\ufe0e Do it now</strong>: {escape(says)}</p>",
                        f"\u25b6 Do it now: {says}")


def do_it_now(exercise: str | None = None, *, routine: str | None = None,
              store: Store | None = None) -> DoItNow:
    """The "Do it now" button for an exercise's timer (by its id), or a routine's."""
    if (exercise is None) == (routine is None):
        raise TypeError("do_it_now() takes an exercise id or routine=..., one of the two, "
                        "such as do_it_now('childs-pose') or do_it_now(routine='daily').")
    if exercise is not None:
        name = get_exercise(exercise).name
        says = (f"{name}: the timer below fills the screen, counts you in and leads you "
                "through every set. When it ends, tap how your back felt.")
    else:
        name = get_routine(routine or "daily").name
        says = (f"{name}: the timer below fills the screen, counts you in and leads you "
                "through every exercise in turn. When it ends, tap how your back felt.")
    return DoItNow(name, says, store)

"""Recording practice as the timers run.

What a run puts in the practice log is decided once, by the timer's core in the browser
(``PracticeTally`` in timer_core.js, which the exported pages use too): each set as it ends,
each finished exercise, a finished routine, never a skipped part. It sends each entry as a
``log`` message; the recorder saves it, with the version of the dose the timer ran, so a
learner who stops halfway keeps what they did.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ipywidgets import CallbackDispatcher

from ..progress import Store
from ..timer import CoachTimer, LogEntry
from ..ui import CoursePart

__all__ = ["PracticeRecorder"]


class PracticeRecorder:
    """Saves the practice-log entries a timer's run completes."""

    def __init__(self, timer: CoachTimer, store: Store, *,
                 notice: CoursePart,
                 versions: Mapping[str, str] | None = None) -> None:
        """``versions``: for a routine, the version each exercise (by name) runs at; an
        exercise's own timer says its version itself (the learner may change it)."""
        self.timer = timer
        self.store = store
        self.notice = notice  # where a log entry not kept says why (the rating beside it)
        self.versions = dict(versions or {})
        self._on_recorded = CallbackDispatcher()
        timer.on_log(self._save)

    def on_practice_recorded(self, callback: Any, remove: bool = False) -> None:
        """Call ``callback(session_id)`` when what the learner set out to do is logged: the
        exercise, or for a routine timer the whole routine. That is the entry to rate."""
        self._on_recorded.register_callback(callback, remove=remove)

    def _version(self, entry: LogEntry) -> str | None:
        if entry.kind == "routine":
            return None
        return self.timer.version if self.timer.versions else self.versions.get(entry.exercise)

    def _save(self, entry: LogEntry) -> None:
        """One entry in the practice log; if it could not be kept, the notice says why and
        the timer carries on."""
        made: list[str] = []
        version = self._version(entry)
        self.notice.keep(lambda: made.append(
            self.store.record_session(entry.kind, entry.exercise, entry.seconds,
                                      sets=entry.sets, version=version)))
        session = made[0] if made else None
        if session and entry.rate:
            self._on_recorded(session)

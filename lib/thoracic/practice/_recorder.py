"""Recording practice as the timers run.

The recorder listens to a timer: each set that ends by the clock or by "Done with set"
is logged at once, each finished exercise and a finished routine too, so a learner who
stops halfway keeps what they did. Skipped phases are not counted as practice.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from ipywidgets import CallbackDispatcher

from ..progress import SessionKind, Store
from ..timer import CoachTimer, PhaseEnd
from ..ui import SavingNotice

__all__ = ["PracticeRecorder"]


class PracticeRecorder:
    """Writes what a timer completes into the practice log."""

    def __init__(self, timer: CoachTimer, store: Store, *, routine_name: str | None = None,
                 notice: SavingNotice | None = None,
                 versions: Mapping[str, str] | None = None) -> None:
        """``versions``: for a routine, the version each exercise (by name) runs at; an
        exercise's own timer says its version itself (the learner may change it)."""
        self.timer = timer
        self.store = store
        self.notice = notice if notice is not None else SavingNotice(store)
        self.routine_name = routine_name
        self.versions = dict(versions or {})
        self.last_exercise_session: str | None = None
        self._on_recorded = CallbackDispatcher()
        self._clear()
        timer.on_phase_end(self._phase_ended)
        timer.on_exercise_done(self._exercise_done)
        timer.on_finished(self._finished)
        timer.observe(self._status_changed, names="status")

    def on_practice_recorded(self, callback: Any, remove: bool = False) -> None:
        """Call ``callback(session_id)`` when what the learner set out to do is logged: the
        exercise, or for a routine timer the whole routine. That is the entry to rate."""
        self._on_recorded.register_callback(callback, remove=remove)

    def _clear(self) -> None:
        self._sets: dict[str, int] = defaultdict(int)
        self._seconds: dict[str, float] = defaultdict(float)
        self._set_seconds: dict[str, float] = defaultdict(float)
        self._exercises_logged = 0
        self._routine_seconds = 0.0

    def _status_changed(self, change: dict[str, Any]) -> None:
        if change["new"] == "idle":  # reset: start counting afresh
            self._clear()

    def _phase_ended(self, end: PhaseEnd) -> None:
        if end.how == "skip":
            return
        phase, name = end.phase, end.phase.exercise
        # An exercise's time counts everything done; a set's time counts its work only.
        self._seconds[name] += end.seconds
        self._routine_seconds += end.seconds
        if phase.kind not in ("hold", "reps"):
            return
        self._set_seconds[name] += end.seconds
        if phase.kind == "reps" or phase.rep_number == phase.rep_count:
            self._sets[name] += 1
            self._log("set", name, self._set_seconds[name], 1)
            self._set_seconds[name] = 0.0

    def _exercise_done(self, name: str) -> None:
        if not self._sets[name]:
            return  # everything was skipped: nothing to log
        session = self._log("exercise", name, self._seconds[name], self._sets[name])
        self._exercises_logged += 1
        self._sets[name], self._seconds[name] = 0, 0.0
        self.last_exercise_session = session
        if session and not self.routine_name:  # a routine is rated once, at its end
            self._on_recorded(session)

    def _finished(self) -> None:
        if self.routine_name and self._exercises_logged:
            session = self._log("routine", self.routine_name, self._routine_seconds,
                                self._exercises_logged)
            if session:
                self._on_recorded(session)

    def _version(self, kind: SessionKind, name: str) -> str | None:
        if kind == "routine":
            return None
        return self.timer.version if self.timer.versions else self.versions.get(name)

    def _log(self, kind: SessionKind, name: str, seconds: float, sets: int) -> str | None:
        """One entry in the practice log, with the version of the dose it ran; its id, or
        None if it could not be kept (the notice then says why, and the timer carries on)."""
        made: list[str] = []
        version = self._version(kind, name)
        self.notice.keep(lambda: made.append(
            self.store.record_session(kind, name, round(seconds, 1), sets=sets,
                                      version=version)))
        return made[0] if made else None

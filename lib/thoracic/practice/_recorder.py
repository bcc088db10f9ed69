"""Recording practice as the timers run.

The recorder listens to a timer: each set that ends by the clock or by "Done with set"
is logged at once, each finished exercise and a finished routine too, so a learner who
stops halfway keeps what they did. Skipped phases are not counted as practice.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from ipywidgets import CallbackDispatcher

from ..progress import Store
from ..timer import CoachTimer, PhaseEnd

__all__ = ["PracticeRecorder"]


class PracticeRecorder:
    """Writes what a timer completes into the practice log."""

    def __init__(self, timer: CoachTimer, store: Store, *, routine_name: str | None = None
                 ) -> None:
        self.timer = timer
        self.store = store
        self.routine_name = routine_name
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
            self.store.record_session("set", name, round(self._set_seconds[name], 1),
                                      sets=1)
            self._set_seconds[name] = 0.0

    def _exercise_done(self, name: str) -> None:
        if not self._sets[name]:
            return  # everything was skipped: nothing to log
        session = self.store.record_session("exercise", name, round(self._seconds[name], 1),
                                            sets=self._sets[name])
        self._exercises_logged += 1
        self._sets[name], self._seconds[name] = 0, 0.0
        self.last_exercise_session = session
        if not self.routine_name:  # a routine is rated once, as a whole, at its end
            self._on_recorded(session)

    def _finished(self) -> None:
        if self.routine_name and self._exercises_logged:
            session = self.store.record_session("routine", self.routine_name,
                                                round(self._routine_seconds, 1),
                                                sets=self._exercises_logged)
            self._on_recorded(session)

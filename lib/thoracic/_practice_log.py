"""Recording practice as the timers run, and asking how it felt.

The recorder listens to a timer: each set that ends by the clock or by "Done with set"
is logged at once, each finished exercise and a finished routine too, so a learner who
stops halfway keeps what they did. Skipped phases are not counted as practice.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import Any

import ipywidgets as widgets
from ipywidgets import CallbackDispatcher

from ._progress import Store, notice_widgets, progress_store
from ._timer_model import TimerState
from ._timer_widget import ExerciseTimer, PhaseEnd

__all__ = ["PracticeRecorder", "SessionRating", "TimedPractice"]


class PracticeRecorder:
    """Writes what a timer completes into the practice log."""

    def __init__(self, timer: ExerciseTimer, store: Store, *, routine_name: str | None = None
                 ) -> None:
        self.timer = timer
        self.store = store
        self.routine_name = routine_name
        self.last_exercise_session: str | None = None
        self._on_recorded = CallbackDispatcher()
        self._clear()
        timer.on_phase_end(self._phase_ended)
        timer.on_exercise_done(self._exercise_done)
        timer.on_phase_change(self._phase_changed)
        timer.observe(self._status_changed, names="status")

    def on_exercise_recorded(self, callback: Any, remove: bool = False) -> None:
        """Call ``callback(session_id)`` when a finished exercise has been logged."""
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
        if session:
            self.last_exercise_session = session
            self._on_recorded(session)

    def _phase_changed(self, state: TimerState) -> None:
        if state.status == "done" and self.routine_name and self._exercises_logged:
            self.store.record_session("routine", self.routine_name,
                                      round(self._routine_seconds, 1),
                                      sets=self._exercises_logged)


class SessionRating(widgets.VBox):
    """After an exercise: how tight or sore it felt (0 to 10) and a note, both optional."""

    def __init__(self, store: Store, **kwargs: Any) -> None:
        self.store = store
        self.session_id: str | None = None
        self.rating = widgets.Dropdown(
            options=[("No rating", None), *((str(n), n) for n in range(11))], value=None,
            description="Tightness or pain (0 = none, 10 = worst)", disabled=True,
            style={"description_width": "initial"})
        self.note = widgets.Textarea(placeholder="A note for yourself (optional)",
                                     description="Note", disabled=True,
                                     layout=widgets.Layout(width="100%", max_width="32em"))
        self.save_button = widgets.Button(description="Save how it felt", icon="save",
                                          tooltip="Save the rating and note with this session",
                                          disabled=True, layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML("<p><em>When you finish the exercise, you can note how "
                                   "it felt here.</em></p>")
        self.save_button.on_click(lambda _: self.save())
        super().__init__([self.status, self.rating, self.note, self.save_button], **kwargs)

    def ask_about(self, session_id: str) -> None:
        self.session_id = session_id
        for control in (self.rating, self.note, self.save_button):
            control.disabled = False
        self.status.value = "<p><strong>Well done!</strong> How did your back feel?</p>"

    def save(self) -> None:
        if self.session_id is None:
            return
        note = self.note.value.strip() or None
        self.store.rate_session(self.session_id, self.rating.value, note)
        shown = f" Note: {escape(note)}" if note else ""
        self.status.value = f"<p>Saved.{shown}</p>"


class TimedPractice(widgets.VBox):
    """A timer whose completed sets and exercises go into the practice log."""

    def __init__(self, timer: ExerciseTimer, *, store: Store | None = None,
                 routine_name: str | None = None, **kwargs: Any) -> None:
        self.store = store if store is not None else progress_store()
        self.timer = timer
        self.recorder = PracticeRecorder(timer, self.store, routine_name=routine_name)
        self.rating = SessionRating(self.store)
        self.recorder.on_exercise_recorded(self.rating.ask_about)
        children: list[widgets.Widget] = [timer, self.rating]
        children.extend(notice_widgets(self.store))
        kwargs.setdefault("layout", widgets.Layout(max_width="40em", overflow="hidden"))
        super().__init__(children, **kwargs)

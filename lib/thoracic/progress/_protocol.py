"""What notebooks and widgets need from a progress store, as one typed interface."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from ._errors import StoreError
from ._records import Entry, MeasureMethod, NextDayCheck, QuizAnswer, SelfTestResult, Session
from ._schema import SessionKind

__all__ = ["Store"]


class Store(Protocol):
    """A learner's progress: checklist ticks, the practice log, self-tests, quiz answers,
    next-day checks.

    ``ProgressStore`` (the SQLite file, which raises when it cannot be used) and
    ``LearnerStore`` (the learner's own, which reports why and tries again) both provide
    it, so callers never check which one they have. Every method raises only StoreError.
    """

    path: Path
    problem: StoreError | None  # why saving is off, or None

    @property
    def saving(self) -> bool:
        """False while nothing can be kept; ``problem`` then says why."""

    def watch(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change saved through this store."""

    def set_tick(self, checklist: str, item: str, checked: bool, *, day: str = "") -> None: ...

    def ticks(self, checklist: str, *, day: str = "") -> dict[str, bool]: ...

    def tick_times(self, checklist: str, *, day: str = "") -> dict[str, str]: ...

    def tick_days(self) -> list[str]: ...

    def record_session(self, kind: SessionKind, exercise: str, duration_seconds: float, *,
                       sets: int | None = None, day: str | None = None,
                       rating: int | None = None, note: str | None = None,
                       version: str | None = None) -> str: ...

    def rate_session(self, session_id: str, rating: int | None, note: str | None) -> None: ...

    def sessions(self) -> list[Session]: ...

    def record_self_test(self, test: str, value: float, *, side: str = "",
                         day: str | None = None, method: MeasureMethod = "typed",
                         tries: Sequence[float] | None = None) -> str: ...

    def self_tests(self) -> list[SelfTestResult]: ...

    def record_quiz_answer(self, question: str, choice: int, correct: bool, *,
                           day: str | None = None) -> str: ...

    def quiz_answers(self) -> list[QuizAnswer]: ...

    def record_next_day_check(self, answer: str, *, day: str | None = None) -> str: ...

    def next_day_checks(self) -> list[NextDayCheck]: ...

    def delete_entry(self, entry_id: str) -> Entry: ...

    def delete_entries(self, entry_ids: Sequence[str]) -> list[Entry]: ...

    def export_data(self) -> dict[str, Any]: ...

    def import_data(self, data: Any, *, name: str | None = None) -> dict[str, int]: ...

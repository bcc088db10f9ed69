"""The entries a progress store holds, as plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass

from ._schema import SessionKind

__all__ = ["QuizAnswer", "SelfTestResult", "Session", "check_rating"]


@dataclass(frozen=True)
class Session:
    """One entry of the practice log."""

    id: str
    day: str
    recorded_at: str
    kind: SessionKind
    exercise: str
    sets: int | None
    duration_seconds: float
    rating: int | None
    note: str | None


@dataclass(frozen=True)
class QuizAnswer:
    id: str
    day: str
    question: str
    choice: int
    correct: bool
    recorded_at: str


@dataclass(frozen=True)
class SelfTestResult:
    id: str
    day: str
    test: str
    side: str
    value: float
    recorded_at: str


def check_rating(rating: int | None) -> None:
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 0 <= rating <= 10):
        raise ValueError(f"rating must be a whole number from 0 to 10, got {rating!r}.")

"""Checks for durations and counts, shared by exercise records and timer plans."""

from __future__ import annotations

import math
from typing import Any

__all__ = ["BadValue", "non_negative_seconds", "positive_count", "positive_seconds"]


class BadValue(ValueError):
    """A value that makes no sense; ``problem`` completes a sentence about the field."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field} {problem}")
        self.field = field
        self.problem = problem


def _number(field: str, value: Any) -> float:
    # bool is an int subclass, but "True seconds" is never meant.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValue(field, f"must be a number of seconds, got {value!r}")
    return float(value)


def positive_seconds(field: str, value: Any) -> float:
    number = _number(field, value)
    if not math.isfinite(number) or number <= 0:
        raise BadValue(field, f"must be a positive, finite number of seconds, got {value!r}")
    return number


def non_negative_seconds(field: str, value: Any) -> float:
    number = _number(field, value)
    if not math.isfinite(number) or number < 0:
        raise BadValue(field,
                       f"must be zero or a positive, finite number of seconds, got {value!r}")
    return number


def positive_count(field: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(field, f"must be a whole number, got {value!r}")
    if value < 1:
        raise BadValue(field, f"must be at least 1, got {value!r}")
    return value

"""The entries a progress store holds, as plain frozen records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..content import NEXT_DAY_CHECK, SELF_TESTS, NextDayAnswer
from ._schema import SessionKind

__all__ = ["MAX_NOTE_CHARS", "MAX_TRIES", "MEASURE_METHODS", "TICK_FIELDS", "Entry",
           "MeasureMethod", "NextDayCheck", "QuizAnswer", "SelfTestResult", "Session",
           "check_note", "check_rating", "describe_entry"]


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
    version: str | None = None  # the dose's version the timer ran (None: not known)


@dataclass(frozen=True)
class QuizAnswer:
    id: str
    day: str
    question: str
    choice: int
    correct: bool
    recorded_at: str


# How a self-test result was taken: typed in by the learner, or measured by the phone's
# motion sensor (the median of its tries).
MeasureMethod = Literal["typed", "phone"]
MEASURE_METHODS: tuple[MeasureMethod, ...] = ("typed", "phone")
MAX_TRIES = 10  # tries a measured result may keep (the course keeps three)


@dataclass(frozen=True)
class SelfTestResult:
    id: str
    day: str
    test: str
    side: str
    value: float
    recorded_at: str
    method: MeasureMethod | None = None  # None: saved before methods were kept (typed)
    tries: tuple[float, ...] | None = None  # a measured result's tries; value is their median


@dataclass(frozen=True)
class NextDayCheck:
    """The answer to the next-day check on one day: better, same or worse than before."""

    id: str
    day: str
    answer: NextDayAnswer
    recorded_at: str


# A checklist tick's fields, in the order an export writes them (ticks have no record
# class: a store answers with {item: checked}).
TICK_FIELDS = ("checklist", "item", "day", "checked", "updated_at")


# What a learner can list and delete, one at a time, when an entry is wrong.
Entry = Session | SelfTestResult | NextDayCheck


def describe_entry(entry: Entry) -> str:
    """One line a learner recognises an entry by: day, what, how much, how it felt."""
    if isinstance(entry, NextDayCheck):
        word = NEXT_DAY_CHECK.option(entry.answer).word.lower()
        return f"{entry.day} · next-day check · {word}"
    if isinstance(entry, SelfTestResult):
        test = next((t for t in SELF_TESTS if t.id == entry.test), None)
        name, unit = (test.name, f" ({test.unit})") if test else (entry.test, "")
        side = f", {entry.side} side" if entry.side else ""
        return f"{entry.day} · self-test · {name}{side}: {entry.value:g}{unit}"
    parts = [entry.day, entry.kind, entry.exercise, f"{entry.duration_seconds:g} s"]
    if entry.sets:  # a routine counts the exercises it logged
        counted = "exercise" if entry.kind == "routine" else "set"
        parts.append(f"{entry.sets} {counted}{'s' if entry.sets > 1 else ''}")
    if entry.version and entry.version != "standard":
        parts.append(entry.version)
    if entry.rating is not None:
        parts.append(f"felt {entry.rating}/10")
    if entry.note:
        parts.append(f"note: {entry.note[:40]}{'…' if len(entry.note) > 40 else ''}")
    return " · ".join(parts)


# A note is a line or two for oneself; longer ones would make the dashboard and every
# backup heavy. The import refuses longer notes, so the widgets must not save them.
MAX_NOTE_CHARS = 2_000


def check_note(note: str | None) -> None:
    if note is not None and len(note) > MAX_NOTE_CHARS:
        raise ValueError(f"The note is {len(note):,} characters long; keep it to "
                         f"{MAX_NOTE_CHARS:,} at most.")


def check_rating(rating: int | None) -> None:
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 0 <= rating <= 10):
        raise ValueError(f"rating must be a whole number from 0 to 10, got {rating!r}.")

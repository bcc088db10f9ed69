"""Exercise records: the course's exercise content as validated data.

The records live in ``data/exercises.toml``. They are checked when loaded, so a
missing field or a dose that makes no sense stops the course with a message that
names the exercise and the field, instead of showing a broken card or timer.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from ..base import (
    MAX_SESSION_SECONDS,
    BadValue,
    non_negative_seconds,
    positive_count,
    positive_seconds,
)

__all__ = [
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "FormCue",
    "get_exercise",
    "load_exercises",
    "parse_exercises",
]

DoseStyle = Literal["hold", "reps"]


class ExerciseDataError(ValueError):
    """An exercise record is missing a field or holds a value that makes no sense."""


@dataclass(frozen=True)
class FormCue:
    """One item of an exercise's form checklist. The id stays stable when the text is reworded."""

    id: str
    text: str


@dataclass(frozen=True)
class Dose:
    """How much of an exercise to do.

    ``style="hold"``: ``reps`` holds of ``hold_seconds`` each, ``rest_seconds`` between holds.
    ``style="reps"``: ``reps`` slow repetitions of ``rep_seconds`` each (the tempo) in each of
    ``sets`` sets, ``rest_seconds`` between sets. ``per_side`` doubles the work: left, then right.
    """

    style: DoseStyle
    reps: int
    sets: int
    rest_seconds: float
    per_side: bool
    hold_seconds: float | None = None
    rep_seconds: float | None = None

    @property
    def work_seconds(self) -> float:
        """Seconds of one hold or one repetition."""
        value = self.hold_seconds if self.style == "hold" else self.rep_seconds
        assert value is not None  # guaranteed by validation
        return value

    @property
    def total_seconds(self) -> float:
        """Time the whole dose takes, rests included (no get-ready countdown)."""
        sides = 2 if self.per_side else 1
        if self.style == "hold":
            per_set = self.reps * self.work_seconds + (self.reps - 1) * self.rest_seconds
            between_sets = (self.sets - 1) * self.rest_seconds
        else:
            per_set = self.reps * self.work_seconds
            between_sets = (self.sets - 1) * self.rest_seconds
        return sides * (self.sets * per_set + between_sets)

    def describe(self) -> str:
        """The dose in a short plain sentence, e.g. ``2 holds of 30 s, 15 s rest between``."""
        side = " on each side" if self.per_side else ""
        if self.style == "hold":
            text = f"{_plural(self.reps, 'hold')} of {_seconds(self.work_seconds)}{side}"
            if self.reps > 1:
                text += f", {_seconds(self.rest_seconds)} rest between holds"
            if self.sets > 1:
                text = f"{_plural(self.sets, 'set')} of " + text
            return text
        text = (f"{_plural(self.sets, 'set')} of {_plural(self.reps, 'slow rep')}{side}, "
                f"about {_seconds(self.work_seconds)} each")
        if self.sets > 1:
            text += f", {_seconds(self.rest_seconds)} rest between sets"
        return text


@dataclass(frozen=True)
class Exercise:
    """One exercise of the course, everything a card, a checklist and a timer need."""

    id: str
    name: str
    notebook: str
    purpose: str
    equipment: tuple[str, ...]
    setup: tuple[str, ...]
    steps: tuple[str, ...]
    breathing: str
    dose: Dose
    dose_reason: str
    form_cues: tuple[FormCue, ...]
    common_mistakes: tuple[str, ...]
    easier: str
    harder: str
    skip_or_modify: tuple[str, ...]
    stop_if: tuple[str, ...]


_TEXT_FIELDS = ("name", "notebook", "purpose", "breathing", "dose_reason", "easier", "harder")
_LIST_FIELDS = ("equipment", "setup", "steps", "common_mistakes", "skip_or_modify", "stop_if")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _seconds(value: float) -> str:
    return f"{value:g} s"


class _RecordReader:
    """Reads one raw record, turning every problem into an error naming exercise and field."""

    def __init__(self, raw: Mapping[str, Any], position: int) -> None:
        self.raw = raw
        ident = raw.get("id")
        self.label = f"exercise {ident!r}" if isinstance(ident, str) and ident else (
            f"exercise number {position + 1}")

    def fail(self, field: str, problem: str) -> ExerciseDataError:
        return ExerciseDataError(
            f"In {self.label}, field {field!r} {problem}. Fix it in thoracic/data/exercises.toml."
        )

    def text(self, field: str, source: Mapping[str, Any] | None = None, prefix: str = "") -> str:
        source = self.raw if source is None else source
        name = prefix + field
        if field not in source:
            raise self.fail(name, "is missing")
        value = source[field]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, f"must be non-empty text, got {value!r}")
        return value.strip()

    def texts(self, field: str) -> tuple[str, ...]:
        if field not in self.raw:
            raise self.fail(field, "is missing")
        value = self.raw[field]
        if not isinstance(value, list) or not value:
            raise self.fail(field, f"must be a non-empty list of text, got {value!r}")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                raise self.fail(field, f"must hold only non-empty text, got {item!r}")
        return tuple(item.strip() for item in value)

    def dose(self) -> Dose:
        if "dose" not in self.raw:
            raise self.fail("dose", "is missing")
        raw = self.raw["dose"]
        if not isinstance(raw, Mapping):
            raise self.fail("dose", f"must be a table of numbers, got {raw!r}")
        style = raw.get("style")
        if style not in ("hold", "reps"):
            raise self.fail("dose.style", f"must be 'hold' or 'reps', got {style!r}")
        length_field, other_field = (
            ("hold_seconds", "rep_seconds") if style == "hold" else ("rep_seconds", "hold_seconds")
        )
        if other_field in raw:
            raise self.fail(f"dose.{other_field}", f"does not belong to a {style!r} dose")
        for field in (length_field, "reps", "sets", "rest_seconds", "per_side"):
            if field not in raw:
                raise self.fail(f"dose.{field}", "is missing")
        per_side = raw["per_side"]
        if not isinstance(per_side, bool):
            raise self.fail("dose.per_side", f"must be true or false, got {per_side!r}")
        try:
            length = positive_seconds(length_field, raw[length_field])
            dose = Dose(
                style=style,
                reps=positive_count("reps", raw["reps"]),
                sets=positive_count("sets", raw["sets"]),
                rest_seconds=non_negative_seconds("rest_seconds", raw["rest_seconds"]),
                per_side=per_side,
                hold_seconds=length if style == "hold" else None,
                rep_seconds=length if style == "reps" else None,
            )
        except BadValue as bad:
            raise self.fail(f"dose.{bad.field}", bad.problem) from None
        if dose.total_seconds > MAX_SESSION_SECONDS:
            raise self.fail("dose", f"adds up to {dose.total_seconds:g} s, more than one hour")
        return dose

    def form_cues(self) -> tuple[FormCue, ...]:
        raw = self.raw.get("form_cues")
        if raw is None:
            raise self.fail("form_cues", "is missing")
        if not isinstance(raw, list) or not raw:
            raise self.fail("form_cues", "must be a non-empty list of {id, text} tables")
        cues = []
        for index, item in enumerate(raw):
            if not isinstance(item, Mapping):
                raise self.fail(f"form_cues[{index}]",
                                f"must be a table with id and text, got {item!r}")
            cues.append(FormCue(self.text("id", item, f"form_cues[{index}]."),
                                self.text("text", item, f"form_cues[{index}].")))
        ids = [cue.id for cue in cues]
        duplicated = sorted({ident for ident in ids if ids.count(ident) > 1})
        if duplicated:
            raise self.fail("form_cues", f"repeats the id(s) {', '.join(duplicated)}")
        return tuple(cues)

    def exercise(self) -> Exercise:
        ident = self.text("id")
        texts = {field: self.text(field) for field in _TEXT_FIELDS}
        lists = {field: self.texts(field) for field in _LIST_FIELDS}
        fields: dict[str, Any] = {**texts, **lists}
        return Exercise(id=ident, dose=self.dose(), form_cues=self.form_cues(), **fields)


def parse_exercises(document: str) -> tuple[Exercise, ...]:
    """Parse and validate exercise records from TOML text.

    Raises ExerciseDataError naming the exercise and the field of the first problem.
    """
    try:
        data = tomllib.loads(document)
    except tomllib.TOMLDecodeError as error:
        raise ExerciseDataError(f"The exercise data is not valid TOML: {error}.") from error
    raw_records = data.get("exercise")
    if not isinstance(raw_records, list) or not raw_records:
        raise ExerciseDataError("The exercise data has no [[exercise]] records.")
    exercises = tuple(_RecordReader(raw, position).exercise()
                      for position, raw in enumerate(raw_records))
    ids = [exercise.id for exercise in exercises]
    duplicated = sorted({ident for ident in ids if ids.count(ident) > 1})
    if duplicated:
        raise ExerciseDataError(f"Exercise id(s) used twice: {', '.join(duplicated)}.")
    return exercises


@cache
def load_exercises() -> tuple[Exercise, ...]:
    """The course's exercises, in course order, loaded and validated once."""
    document = resources.files(__package__).joinpath("data/exercises.toml").read_text("utf-8")
    return parse_exercises(document)


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, e.g. ``"childs-pose"``."""
    for exercise in load_exercises():
        if exercise.id == exercise_id:
            return exercise
    known = ", ".join(exercise.id for exercise in load_exercises())
    raise KeyError(f"No exercise called {exercise_id!r}. Known exercises: {known}.")

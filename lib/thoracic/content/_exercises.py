"""Exercise records: the course's exercise content as validated data.

The records live in ``data/exercises.toml``. They are checked when loaded, so a
missing field or a dose that makes no sense stops the course with a message that
names the exercise and the field, instead of showing a broken card or timer.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
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
    "BREATH_SECONDS",
    "SWITCH_SIDES_SECONDS",
    "VARIATIONS",
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "FloorHelp",
    "FormCue",
    "Tempo",
    "floor_help",
    "get_exercise",
    "load_exercises",
    "parse_exercises",
]

DoseStyle = Literal["hold", "reps"]
# The course's one breathing rule: one breath with each rep, out on the way into the
# stretch or the effort, in on the way back. Shorter than this, a breath is hurried, and
# fast breathing brings the dizziness the course lists as a reason to stop.
BREATH_SECONDS = 4.0
# Time to roll over between the left and the right side of a one-sided exercise.
SWITCH_SIDES_SECONDS = 5.0
# The versions of a dose the timer offers, in the order it shows them: key -> label.
VARIATIONS: dict[str, str] = {"standard": "Standard", "easier": "Easier", "harder": "Harder",
                              "longer-holds": "Longer holds (older adults)",
                              "chair": "Chair or standing (no floor)"}
# What a variation may change: numbers only, never the kind of exercise; the chair or
# standing version may also change what its warm-up asks (no roller on a chair).
_VARIABLE = ("reps", "sets", "rest_seconds", "hold_seconds", "out_seconds", "pause_seconds",
             "back_seconds")
_VARIABLE_WORDS = {"chair": ("warm_up",)}
# Variations with words of their own in the record, under this field name.
_WORDS_FIELD = {"longer-holds": "longer_holds", "chair": "chair"}


class ExerciseDataError(ValueError):
    """An exercise record is missing a field or holds a value that makes no sense."""


@dataclass(frozen=True)
class FormCue:
    """One item of an exercise's form checklist. The id stays stable when the text is reworded."""

    id: str
    text: str


@dataclass(frozen=True)
class FloorHelp:
    """Getting down to the floor and up again, shown with every floor exercise."""

    down: tuple[str, ...]
    up: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Tempo:
    """The parts of one rep: into the stretch or effort (breathing out), a pause there, and
    back (breathing in). The animation loops at this pace and the timer beats at its total."""

    out_seconds: float
    pause_seconds: float
    back_seconds: float

    @property
    def seconds(self) -> float:
        return self.out_seconds + self.pause_seconds + self.back_seconds


@dataclass(frozen=True)
class Dose:
    """How much of an exercise to do.

    ``style="hold"``: ``reps`` holds of ``hold_seconds`` each, ``rest_seconds`` between holds,
    with ``move_seconds`` to ease into each hold and out of it.
    ``style="reps"``: ``reps`` slow repetitions at ``tempo`` (``rep_seconds`` each) in each of
    ``sets`` sets, ``rest_seconds`` between sets. ``per_side`` doubles the work: left, then right.
    ``warm_up_seconds`` of ``warm_up`` (what to do) come first, when given.
    """

    style: DoseStyle
    reps: int
    sets: int
    rest_seconds: float
    per_side: bool
    hold_seconds: float | None = None
    rep_seconds: float | None = None
    tempo: Tempo | None = None
    move_seconds: float | None = None
    warm_up_seconds: float = 0.0
    warm_up: str = ""

    @property
    def movement_seconds(self) -> tuple[float, float, float, float]:
        """One loop of the movement, as the animation plays it: (there, pause at the far
        end, back, pause at the start). A rep is one loop; a hold eases in, holds (shown
        short: the timer keeps the real hold) and eases out."""
        if self.tempo is not None:
            return (self.tempo.out_seconds, self.tempo.pause_seconds,
                    self.tempo.back_seconds, 0.0)
        move = self.move_seconds if self.move_seconds is not None else 0.0
        return (move, move / 2, move, move / 2)

    @property
    def work_seconds(self) -> float:
        """Seconds of one hold or one repetition."""
        value = self.hold_seconds if self.style == "hold" else self.rep_seconds
        assert value is not None  # guaranteed by validation
        return value

    @property
    def total_seconds(self) -> float:
        """Time the whole dose takes, rests and changing sides included (no get-ready
        countdown)."""
        sides = 2 if self.per_side else 1
        if self.style == "hold":
            per_set = self.reps * self.work_seconds + (self.reps - 1) * self.rest_seconds
            between_sets = (self.sets - 1) * self.rest_seconds
        else:
            per_set = self.reps * self.work_seconds
            between_sets = (self.sets - 1) * self.rest_seconds
        switch = SWITCH_SIDES_SECONDS if self.per_side else 0.0
        return self.warm_up_seconds + sides * (self.sets * per_set + between_sets) + switch

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
        if self.warm_up_seconds:
            text = f"a {_seconds(self.warm_up_seconds)} warm-up, then {text}"
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
    variations: dict[str, Dose] = field(default_factory=dict)  # key of VARIATIONS -> dose
    kind: Literal["mobility", "strength"] = "mobility"  # how it is dosed and how often
    longer_holds: str = ""  # the words for the "longer-holds" variation, for hold doses
    chair: str = ""  # the words for the "chair" variation: the same work off the floor

    @property
    def form_checklist(self) -> str:
        """The id under which the ticks of this exercise's form check are saved."""
        return f"form-{self.id}"

    @property
    def doses(self) -> dict[str, Dose]:
        """Every version of the dose the timer offers, standard first, in VARIATIONS order."""
        every = {"standard": self.dose, **self.variations}
        return {key: every[key] for key in VARIATIONS if key in every}

    def variation_text(self, key: str) -> str:
        """The words that describe one version of the dose (the card's "Make it ..." parts)."""
        return {"standard": self.dose_reason, "easier": self.easier, "harder": self.harder,
                "longer-holds": self.longer_holds, "chair": self.chair}[key]


_TEXT_FIELDS = ("name", "notebook", "purpose", "breathing", "dose_reason", "easier", "harder")
_LIST_FIELDS = ("equipment", "setup", "steps", "common_mistakes", "skip_or_modify")


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
        return self._dose(self.raw["dose"], "dose")

    def _dose(self, raw: Any, where: str) -> Dose:
        if not isinstance(raw, Mapping):
            raise self.fail(where, f"must be a table of numbers, got {raw!r}")
        style = raw.get("style")
        if style not in ("hold", "reps"):
            raise self.fail(f"{where}.style", f"must be 'hold' or 'reps', got {style!r}")
        own = (("hold_seconds", "move_seconds") if style == "hold"
               else ("out_seconds", "pause_seconds", "back_seconds"))
        common = ("reps", "sets", "rest_seconds", "per_side")
        allowed = {*own, *common, "style", "warm_up_seconds", "warm_up"}
        for name in raw:
            if name not in allowed:
                hint = (" (a rep's length is out_seconds + pause_seconds + back_seconds)"
                        if name == "rep_seconds" else "")
                raise self.fail(f"{where}.{name}", f"does not belong to a {style!r} dose{hint}")
        for name in (*own, *common):
            if name not in raw:
                raise self.fail(f"{where}.{name}", "is missing")
        per_side = raw["per_side"]
        if not isinstance(per_side, bool):
            raise self.fail(f"{where}.per_side", f"must be true or false, got {per_side!r}")
        warm_up = raw.get("warm_up", "")
        if not isinstance(warm_up, str) or bool(warm_up.strip()) != ("warm_up_seconds" in raw):
            raise self.fail(f"{where}.warm_up", "and warm_up_seconds go together: what to do, "
                            "and for how long")
        try:
            tempo = move = None
            if style == "reps":
                tempo = Tempo(positive_seconds("out_seconds", raw["out_seconds"]),
                              non_negative_seconds("pause_seconds", raw["pause_seconds"]),
                              positive_seconds("back_seconds", raw["back_seconds"]))
            else:
                move = positive_seconds("move_seconds", raw["move_seconds"])
            dose = Dose(
                style=style,
                reps=positive_count("reps", raw["reps"]),
                sets=positive_count("sets", raw["sets"]),
                rest_seconds=non_negative_seconds("rest_seconds", raw["rest_seconds"]),
                per_side=per_side,
                hold_seconds=(positive_seconds("hold_seconds", raw["hold_seconds"])
                              if style == "hold" else None),
                rep_seconds=tempo.seconds if tempo else None,
                tempo=tempo,
                move_seconds=move,
                warm_up_seconds=(positive_seconds("warm_up_seconds", raw["warm_up_seconds"])
                                 if warm_up.strip() else 0.0),
                warm_up=warm_up.strip(),
            )
        except BadValue as bad:
            raise self.fail(f"{where}.{bad.field}", bad.problem) from None
        if tempo is not None and tempo.seconds < BREATH_SECONDS:
            raise self.fail(f"{where}.out_seconds", (
                f"with pause_seconds and back_seconds makes a rep of {tempo.seconds:g} s; one "
                f"slow breath goes with each rep, so a rep needs at least {BREATH_SECONDS:g} s"))
        if dose.total_seconds > MAX_SESSION_SECONDS:
            raise self.fail(where, f"adds up to {dose.total_seconds:g} s, more than one hour")
        return dose

    def variations(self, base: Mapping[str, Any]) -> dict[str, Dose]:
        """The easier, harder and longer-hold versions: the standard dose with the numbers
        each one names changed, checked the same way."""
        raw = self.raw.get("variations", {})
        if not isinstance(raw, Mapping):
            raise self.fail("variations", "must be a table of variation tables")
        found: dict[str, Dose] = {}
        for key, changes in raw.items():
            where = f"variations.{key}"
            if key not in VARIATIONS or key == "standard":
                known = ", ".join(k for k in VARIATIONS if k != "standard")
                raise self.fail(where, f"is not a variation the timer knows ({known})")
            if not isinstance(changes, Mapping) or not changes:
                raise self.fail(where, "must be a table of the numbers it changes")
            variable = (*_VARIABLE, *_VARIABLE_WORDS.get(key, ()))
            for name in changes:
                if name not in variable:
                    raise self.fail(f"{where}.{name}", f"cannot change in a variation; only "
                                    f"{', '.join(variable)} can")
            if key == "longer-holds" and base.get("style") != "hold":
                raise self.fail(where, "only fits an exercise you hold still")
            found[key] = self._dose({**base, **changes}, where)
        for key, words in _WORDS_FIELD.items():
            if (key in found) != bool(self.raw.get(words)):
                raise self.fail(words, f"and variations.{key} go together: the words and the "
                                "numbers")
        return found

    def stop_if(self, common: tuple[str, ...]) -> tuple[str, ...]:
        """The stop rules every exercise shares, then this exercise's own (if any)."""
        return (*common, *(self.texts("stop_if") if "stop_if" in self.raw else ()))

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

    def exercise(self, common_stop_if: tuple[str, ...]) -> Exercise:
        ident = self.text("id")
        texts = {field: self.text(field) for field in _TEXT_FIELDS}
        lists = {field: self.texts(field) for field in _LIST_FIELDS}
        fields: dict[str, Any] = {**texts, **lists}
        dose = self.dose()
        for words in _WORDS_FIELD.values():
            value = self.raw.get(words, "")
            fields[words] = value.strip() if isinstance(value, str) else ""
        kind = self.raw.get("kind", "mobility")
        if kind not in ("mobility", "strength"):
            raise self.fail("kind", f"must be 'mobility' or 'strength', got {kind!r}")
        return Exercise(id=ident, dose=dose, form_cues=self.form_cues(), kind=kind,
                        variations=self.variations(self.raw["dose"]),
                        stop_if=self.stop_if(common_stop_if), **fields)


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
    common = _common(data)
    exercises = tuple(_RecordReader(raw, position).exercise(common.texts("stop_if"))
                      for position, raw in enumerate(raw_records))
    ids = [exercise.id for exercise in exercises]
    duplicated = sorted({ident for ident in ids if ids.count(ident) > 1})
    if duplicated:
        raise ExerciseDataError(f"Exercise id(s) used twice: {', '.join(duplicated)}.")
    return exercises


class _CommonReader(_RecordReader):
    def fail(self, field: str, problem: str) -> ExerciseDataError:
        return ExerciseDataError(f"In [common], field {field!r} {problem}. Fix it in "
                                 "thoracic/data/exercises.toml.")


def _common(data: Mapping[str, Any]) -> _RecordReader:
    """The part every exercise shares: the stop rules and the help with the floor."""
    common = data.get("common")
    if not isinstance(common, Mapping):
        raise ExerciseDataError("The exercise data has no [common] table with the stop rules "
                                "and the floor help every exercise shares.")
    return _CommonReader(common, 0)


def _document() -> str:
    return resources.files(__package__).joinpath("data/exercises.toml").read_text("utf-8")


@cache
def load_exercises() -> tuple[Exercise, ...]:
    """The course's exercises, in course order, loaded and validated once."""
    return parse_exercises(_document())


@cache
def floor_help() -> FloorHelp:
    """How to get down to the floor and up again, from the exercise data's [common] part."""
    common = _common(tomllib.loads(_document()))
    return FloorHelp(common.texts("floor_down"), common.texts("floor_up"),
                     common.text("floor_note"))


def get_exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, e.g. ``"childs-pose"``."""
    for exercise in load_exercises():
        if exercise.id == exercise_id:
            return exercise
    known = ", ".join(exercise.id for exercise in load_exercises())
    raise KeyError(f"No exercise called {exercise_id!r}. Known exercises: {known}.")

"""The routines the course offers: which exercises, in what order, and how often.

The records live in ``data/routines.toml``; the timer builds each routine's plan from its
exercises' doses, so a routine never restates a number.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ._exercises import Exercise, ExerciseDataError, get_exercise

__all__ = ["DAILY_ROUTINE_MINUTES", "Routine", "get_routine", "load_routines"]

# The short daily routine must fit in this, with its get-ready and change-over times: a
# habit that takes longer than a few minutes is the first thing a busy day drops.
DAILY_ROUTINE_MINUTES = 10


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    exercise_ids: tuple[str, ...]
    how_often: str

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        return tuple(get_exercise(ident) for ident in self.exercise_ids)


def _routine(raw: object, position: int) -> Routine:
    if not isinstance(raw, dict):
        raise ExerciseDataError(f"Routine number {position + 1} must be a table.")
    label = f"routine {raw.get('id', position + 1)!r}"
    values: dict[str, str] = {}
    for name in ("id", "name", "how_often"):
        value = raw.get(name)
        if not isinstance(value, str) or not value.strip():
            raise ExerciseDataError(f"In {label}, field {name!r} must be non-empty text. Fix "
                                    "it in thoracic/content/data/routines.toml.")
        values[name] = value.strip()
    ids = raw.get("exercises")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        raise ExerciseDataError(f"In {label}, field 'exercises' must be a non-empty list of "
                                "exercise ids.")
    for ident in ids:
        try:
            get_exercise(ident)
        except KeyError as missing:
            raise ExerciseDataError(f"In {label}: {missing.args[0]}") from None
    return Routine(values["id"], values["name"], tuple(ids), values["how_often"])


@cache
def load_routines() -> tuple[Routine, ...]:
    """The course's routines, the daily one first."""
    text = resources.files(__package__).joinpath("data/routines.toml").read_text("utf-8")
    return tuple(_routine(raw, n) for n, raw in enumerate(tomllib.loads(text).get("routine", [])))


def get_routine(routine_id: str = "daily") -> Routine:
    """The routine with this id: ``"daily"`` or ``"strength-day"``."""
    for routine in load_routines():
        if routine.id == routine_id:
            return routine
    known = ", ".join(routine.id for routine in load_routines())
    raise KeyError(f"No routine called {routine_id!r}. Known routines: {known}.")

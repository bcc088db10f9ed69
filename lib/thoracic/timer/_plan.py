"""Timer plans: the ordered phases of an exercise or of the whole routine.

A plan is pure data. It is built from a dose (or from raw numbers, which are checked
first) and answers, for any elapsed time, which phase is current and how long is left.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import accumulate
from typing import Any, Literal

from ..base import (
    MAX_SESSION_SECONDS,
    BadValue,
    non_negative_seconds,
    positive_count,
    positive_seconds,
)
from ..content import SWITCH_SIDES_SECONDS, Exercise, Routine, get_routine

__all__ = [
    "GET_READY_SECONDS",
    "ROUTINE_CHANGEOVER_SECONDS",
    "Phase",
    "PhaseKind",
    "Position",
    "TimerPlan",
    "TimerPlanError",
    "build_plan",
    "daily_routine_plan",
    "join_plans",
    "plan_for_exercise",
    "plan_for_routine",
    "routine_minutes",
    "routine_plan",
    "shorten",
]

PhaseKind = Literal["get-ready", "warm-up", "hold", "reps", "rest", "switch"]
Side = Literal["left", "right"]
# Time to get down onto the floor or the roller before each exercise (the learner can
# change it on the timer), and, in the daily routine, to change position between them.
GET_READY_SECONDS = 10.0
# More parts than a learner could follow; also keeps a plan quick to build and to send.
MAX_PHASES = 500
ROUTINE_CHANGEOVER_SECONDS = 30.0

_INSTRUCTIONS: dict[PhaseKind, str] = {
    "get-ready": "Get into your start position.",
    "warm-up": "Warm up gently.",
    "hold": "Hold the stretch and breathe slowly.",
    "reps": "Move slowly, one rep with each count.",
    "rest": "Rest. Relax and breathe.",
    "switch": "Change sides and get ready.",
}


class TimerPlanError(ValueError):
    """A timer plan with a value that makes no sense; the message names field and value."""


@dataclass(frozen=True)
class Phase:
    """One stretch of time with one instruction."""

    kind: PhaseKind
    seconds: float
    title: str
    exercise: str = ""
    side: Side | None = None
    set_number: int | None = None
    set_count: int | None = None
    rep_number: int | None = None  # which hold this is (hold phases)
    rep_count: int | None = None  # holds per set, or reps in this set
    rep_seconds: float | None = None  # tempo of a reps phase
    say: str = ""  # this phase's own instruction, instead of its kind's (a warm-up's)

    @property
    def instruction(self) -> str:
        """One line for the learner, e.g. ``Left side: hold the stretch and breathe slowly.``"""
        text = self.say or _INSTRUCTIONS[self.kind]
        if self.side and self.kind in ("hold", "reps", "rest"):
            return f"{self.side.capitalize()} side: {text[0].lower()}{text[1:]}"
        return text

    def rep_at(self, seconds_in: float) -> int | None:
        """The rep being done ``seconds_in`` seconds into a reps phase (1-based)."""
        if self.kind != "reps" or not self.rep_seconds or not self.rep_count:
            return self.rep_number
        return min(self.rep_count, int(seconds_in // self.rep_seconds) + 1)


@dataclass(frozen=True)
class Position:
    """Where a plan stands after some elapsed time."""

    index: int  # phase index; len(phases) once the plan is finished
    phase: Phase | None
    time_left: float  # in the current phase
    elapsed: float
    total_left: float
    progress: float  # 0.0 to 1.0 over the whole plan
    rep: int | None

    @property
    def finished(self) -> bool:
        return self.phase is None


@dataclass(frozen=True)
class TimerPlan:
    name: str
    phases: tuple[Phase, ...]
    # A routine (several exercises, one after another) is logged and rated as a whole too.
    routine: bool = False
    starts: tuple[float, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.phases:
            raise TimerPlanError(f"Timer plan {self.name!r} has no phases.")
        for phase in self.phases:
            if not (0 < phase.seconds < float("inf")):
                raise TimerPlanError(
                    f"Timer plan {self.name!r}: phase {phase.title!r} must last a positive, "
                    f"finite number of seconds, got {phase.seconds!r}.")
        total = sum(phase.seconds for phase in self.phases)
        if total > MAX_SESSION_SECONDS:
            raise TimerPlanError(
                f"Timer plan {self.name!r} adds up to {total:g} s, more than one hour "
                f"({MAX_SESSION_SECONDS:g} s). Use fewer sets or reps, or shorter holds.")
        object.__setattr__(self, "starts", (0.0, *accumulate(p.seconds for p in self.phases)))

    @property
    def total_seconds(self) -> float:
        return self.starts[-1]

    def to_json(self) -> dict[str, Any]:
        """The plan as the browser timer reads it: every phase with its instruction."""
        return {"name": self.name, "routine": self.routine, "phases": [
            {"kind": p.kind, "seconds": p.seconds, "title": p.title,
             "instruction": p.instruction, "exercise": p.exercise, "side": p.side,
             "set_number": p.set_number, "set_count": p.set_count,
             "rep_number": p.rep_number, "rep_count": p.rep_count,
             "rep_seconds": p.rep_seconds} for p in self.phases]}

    def phase_start(self, index: int) -> float:
        return self.starts[index]

    def locate(self, elapsed: float) -> Position:
        """The position after ``elapsed`` seconds (clamped to the plan)."""
        elapsed = min(max(elapsed, 0.0), self.total_seconds)
        index = bisect_right(self.starts, elapsed) - 1
        if index >= len(self.phases):
            return Position(len(self.phases), None, 0.0, self.total_seconds, 0.0, 1.0, None)
        phase = self.phases[index]
        seconds_in = elapsed - self.starts[index]
        return Position(index, phase, phase.seconds - seconds_in, elapsed,
                        self.total_seconds - elapsed, elapsed / self.total_seconds,
                        phase.rep_at(seconds_in))


def _checked(field_name: str, check: Any, value: Any) -> Any:
    try:
        return check(field_name, value)
    except BadValue as bad:
        raise TimerPlanError(
            f"Timer plan: {bad.field} {bad.problem}. Give a number like 30 for seconds "
            f"or 2 for a count.") from None


def build_plan(*, name: str, style: str, reps: Any, sets: Any, rest_seconds: Any,
               per_side: bool = False, hold_seconds: Any = None, rep_seconds: Any = None,
               get_ready_seconds: Any = 5, switch_seconds: Any = 5,
               warm_up_seconds: Any = 0, warm_up: str = "") -> TimerPlan:
    """The phases for one exercise, from raw numbers that are checked first.

    ``style="hold"``: each rep is a hold of ``hold_seconds`` with ``rest_seconds`` between
    holds and sets. ``style="reps"``: each set is one phase of ``reps`` reps at
    ``rep_seconds`` each, with ``rest_seconds`` between sets. ``per_side`` runs everything
    on the left, then (after a switch phase) on the right.
    """
    if style not in ("hold", "reps"):
        raise TimerPlanError(f"Timer plan: style must be 'hold' or 'reps', got {style!r}.")
    length_field = "hold_seconds" if style == "hold" else "rep_seconds"
    length = _checked(length_field, positive_seconds,
                      hold_seconds if style == "hold" else rep_seconds)
    reps = _checked("reps", positive_count, reps)
    sets = _checked("sets", positive_count, sets)
    rest = _checked("rest_seconds", non_negative_seconds, rest_seconds)
    get_ready = _checked("get_ready_seconds", non_negative_seconds, get_ready_seconds)
    switch = _checked("switch_seconds", non_negative_seconds, switch_seconds)
    warm = _checked("warm_up_seconds", non_negative_seconds, warm_up_seconds)
    if not isinstance(per_side, bool):
        raise TimerPlanError(f"Timer plan: per_side must be True or False, got {per_side!r}.")
    # Check the size from the numbers before building anything: a plan of ten million reps
    # must be refused at once, not after minutes spent making its phases.
    sides_count = 2 if per_side else 1
    per_set = reps * length + (reps - 1) * rest if style == "hold" else reps * length
    per_side_seconds = sets * per_set + (sets - 1) * rest
    total = get_ready + warm + sides_count * per_side_seconds + (sides_count - 1) * switch
    if total > MAX_SESSION_SECONDS:
        raise TimerPlanError(
            f"Timer plan {name!r} adds up to {total:g} s, more than one hour "
            f"({MAX_SESSION_SECONDS:g} s). Use fewer sets or reps, or shorter holds.")
    phase_count = sides_count * sets * (2 * reps if style == "hold" else 2)
    if phase_count > MAX_PHASES:
        raise TimerPlanError(
            f"Timer plan {name!r} would have about {phase_count} parts, more than "
            f"{MAX_PHASES}. Use fewer sets or reps.")

    phases: list[Phase] = []

    def add(kind: PhaseKind, seconds: float, title: str, **details: Any) -> None:
        if seconds > 0:
            phases.append(Phase(kind, seconds, title, exercise=name, **details))

    add("get-ready", get_ready, "Get ready")
    add("warm-up", warm, "Warm up", say=warm_up)
    sides: Sequence[Side | None] = ("left", "right") if per_side else (None,)
    for side in sides:
        if side == "right":
            add("switch", switch, "Switch sides", side="right")
        for set_number in range(1, sets + 1):
            counts = {"side": side, "set_number": set_number, "set_count": sets}
            if style == "reps":
                add("reps", reps * length, f"Set {set_number} of {sets}", rep_count=reps,
                    rep_seconds=length, **counts)
            else:
                for rep in range(1, reps + 1):
                    add("hold", length, f"Hold {rep} of {reps}", rep_number=rep,
                        rep_count=reps, **counts)
                    if rep < reps:
                        add("rest", rest, "Rest", **counts)
            if set_number < sets:
                add("rest", rest, "Rest between sets", **counts)
    return TimerPlan(name, tuple(phases))


def plan_for_exercise(exercise: Exercise, *, version: str = "standard",
                      get_ready_seconds: float = GET_READY_SECONDS,
                      switch_seconds: float = SWITCH_SIDES_SECONDS) -> TimerPlan:
    """The timer plan for one version of an exercise's dose (see ``Exercise.doses``)."""
    doses = exercise.doses
    if version not in doses:
        raise TimerPlanError(f"{exercise.name} has no {version!r} version; it has "
                             f"{', '.join(doses)}.")
    dose = doses[version]
    return build_plan(name=exercise.name, style=dose.style, reps=dose.reps, sets=dose.sets,
                      rest_seconds=dose.rest_seconds, per_side=dose.per_side,
                      hold_seconds=dose.hold_seconds, rep_seconds=dose.rep_seconds,
                      get_ready_seconds=get_ready_seconds, switch_seconds=switch_seconds,
                      warm_up_seconds=dose.warm_up_seconds, warm_up=dose.warm_up)


def plan_for_routine(exercises: Sequence[Exercise], *, name: str = "Daily routine",
                     versions: Mapping[str, str] | None = None,
                     get_ready_seconds: float = GET_READY_SECONDS,
                     changeover_seconds: float = ROUTINE_CHANGEOVER_SECONDS) -> TimerPlan:
    """One plan for several exercises in a row, with a change-over rest between them; each
    at the version ``versions`` names for its id (this week's plan), else the standard."""
    chosen = versions or {}
    return join_plans(name, [plan_for_exercise(exercise, version=chosen.get(exercise.id,
                                                                             "standard"),
                                               get_ready_seconds=get_ready_seconds)
                             for exercise in exercises], changeover_seconds=changeover_seconds)


def join_plans(name: str, plans: Sequence[TimerPlan], *,
               changeover_seconds: float = ROUTINE_CHANGEOVER_SECONDS) -> TimerPlan:
    """Plans one after another, with a change-over rest before each but the first."""
    phases: list[Phase] = []
    for number, plan in enumerate(plans):
        if number and changeover_seconds > 0:
            phases.append(Phase("rest", changeover_seconds, f"Change over to {plan.name}",
                                exercise=plan.name))
        phases.extend(plan.phases)
    return TimerPlan(name, tuple(phases), routine=True)


def routine_plan(routine: Routine | str = "daily", *,
                 versions: Mapping[str, str] | None = None) -> TimerPlan:
    """The plan of one of the course's routines (``"daily"`` or ``"strength-day"``), each
    exercise at the version ``versions`` names (by exercise id), else the standard."""
    if isinstance(routine, str):
        routine = get_routine(routine)
    return plan_for_routine(routine.exercises, name=routine.name, versions=versions)


def routine_minutes(routine: Routine | str = "daily", *,
                    versions: Mapping[str, str] | None = None) -> int:
    """How long the routine's timer runs, in whole minutes rounded up: what a learner is
    told to set aside ("about 9 min")."""
    return math.ceil(routine_plan(routine, versions=versions).total_seconds / 60)


def daily_routine_plan() -> TimerPlan:
    """The course's short daily routine."""
    return routine_plan("daily")


def shorten(plan: TimerPlan, factor: float) -> TimerPlan:
    """The same plan with every phase ``factor`` times as long (for demos and tests)."""
    return replace(plan, phases=tuple(replace(
        phase, seconds=phase.seconds * factor,
        rep_seconds=phase.rep_seconds * factor if phase.rep_seconds else None)
        for phase in plan.phases))

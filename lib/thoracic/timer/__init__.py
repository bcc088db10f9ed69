"""The exercise timer: a plan of phases built from a dose, a state model driven by an
injectable clock, and the widgets that show it.

Owns the phase plan (get ready, holds, reps at a tempo, rests, sets, sides), the pure
start / pause / resume / skip model, the timer widget and its cue tone, and the
kernel-free timer of the exported pages. It knows nothing of the progress store: the
practice package joins a timer to the practice log.

May import: ``thoracic.base``, ``thoracic.content``.
"""

from ._format import format_seconds
from ._model import Clock, Status, TimerModel, TimerState
from ._offline import OfflineTimer
from ._plan import (
    ROUTINE_CHANGEOVER_SECONDS,
    ROUTINE_GET_READY_SECONDS,
    Phase,
    PhaseKind,
    Position,
    TimerPlan,
    TimerPlanError,
    build_plan,
    daily_routine_plan,
    plan_for_exercise,
    plan_for_routine,
    shorten,
)
from ._schedule import schedule_table
from ._widget import ExerciseTimer, PhaseEnd

__all__ = [
    "ROUTINE_CHANGEOVER_SECONDS",
    "ROUTINE_GET_READY_SECONDS",
    "Clock",
    "ExerciseTimer",
    "OfflineTimer",
    "Phase",
    "PhaseEnd",
    "PhaseKind",
    "Position",
    "Status",
    "TimerModel",
    "TimerPlan",
    "TimerPlanError",
    "TimerState",
    "build_plan",
    "daily_routine_plan",
    "format_seconds",
    "plan_for_exercise",
    "plan_for_routine",
    "schedule_table",
    "shorten",
]

"""The exercise timer: a plan of phases built from a dose, and one widget whose clock runs
in the browser.

Owns the phase plan (get ready, holds, reps at a tempo, rests, sets, sides), the
``CoachTimer`` widget with its front-end modules (``static/timer.js`` for the view,
``static/timer_core.js`` for the pure state machine, tested with Node's test runner), and
the plan shown as a schedule. It knows nothing of the progress store: the practice
package joins a timer to the practice log.

May import: ``thoracic.base``, ``thoracic.content``.
"""

from ._coach import PHASE_LOOKS, TIMER_CORE, CoachTimer, LogEntry, PhaseEnd, with_get_ready
from ._format import format_seconds
from ._plan import (
    GET_READY_SECONDS,
    ROUTINE_CHANGEOVER_SECONDS,
    Phase,
    PhaseKind,
    Position,
    TimerPlan,
    TimerPlanError,
    build_plan,
    daily_routine_plan,
    join_plans,
    plan_for_exercise,
    plan_for_routine,
    routine_minutes,
    routine_plan,
    shorten,
)
from ._schedule import schedule_table

__all__ = [
    "GET_READY_SECONDS",
    "PHASE_LOOKS",
    "ROUTINE_CHANGEOVER_SECONDS",
    "TIMER_CORE",
    "CoachTimer",
    "LogEntry",
    "Phase",
    "PhaseEnd",
    "PhaseKind",
    "Position",
    "TimerPlan",
    "TimerPlanError",
    "build_plan",
    "daily_routine_plan",
    "format_seconds",
    "join_plans",
    "plan_for_exercise",
    "plan_for_routine",
    "routine_minutes",
    "routine_plan",
    "schedule_table",
    "shorten",
    "with_get_ready",
]

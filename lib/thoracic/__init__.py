"""Upper Back Relief: the helper library behind the course notebooks.

Notebooks import what they show from here; nothing runs at import time.
"""

from ._course import COURSE, NotebookInfo, notebook_by_slug
from ._dates import today
from ._display import Rendered, course_map, routine_summary, show_exercise, show_red_flags
from ._exercises import (
    Dose,
    Exercise,
    ExerciseDataError,
    FormCue,
    get_exercise,
    load_exercises,
    parse_exercises,
)
from ._safety import RED_FLAGS, RedFlag
from ._timer_model import TimerModel, TimerState
from ._timer_plan import (
    Phase,
    TimerPlan,
    TimerPlanError,
    build_plan,
    daily_routine_plan,
    plan_for_exercise,
    plan_for_routine,
)
from ._timer_widget import ExerciseTimer
from ._timers import OfflineTimer, exercise_timer, routine_timer

__all__ = [
    "COURSE",
    "RED_FLAGS",
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "ExerciseTimer",
    "FormCue",
    "NotebookInfo",
    "OfflineTimer",
    "Phase",
    "RedFlag",
    "Rendered",
    "TimerModel",
    "TimerPlan",
    "TimerPlanError",
    "TimerState",
    "build_plan",
    "course_map",
    "daily_routine_plan",
    "exercise_timer",
    "get_exercise",
    "load_exercises",
    "notebook_by_slug",
    "parse_exercises",
    "plan_for_exercise",
    "plan_for_routine",
    "routine_summary",
    "routine_timer",
    "show_exercise",
    "show_red_flags",
    "today",
]

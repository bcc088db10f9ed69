"""Upper Back Relief: the helper library behind the course notebooks.

Notebooks import what they show from here; nothing runs at import time.
"""

from ._checklist import (
    Checklist,
    ChecklistItem,
    SafetyScreen,
    daily_checklist,
    form_checklist,
    red_flag_banner,
    safety_screen,
)
from ._course import COURSE, NotebookInfo, notebook_by_slug
from ._dashboard import dashboard
from ._dates import today
from ._diagrams import (
    exercise_diagram,
    movement_animation,
    self_test_picture,
    spine_picture,
)
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
from ._glossary import show_glossary
from ._practice_log import TimedPractice
from ._progress import SavingOff, progress_store, saving_notice
from ._quiz import knowledge_check
from ._safety import RED_FLAGS, RedFlag
from ._selftests import SELF_TESTS, SelfTest, SelfTestForm, self_test_form
from ._store import ProgressStore, StoreError
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
    "SELF_TESTS",
    "Checklist",
    "ChecklistItem",
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "ExerciseTimer",
    "FormCue",
    "NotebookInfo",
    "OfflineTimer",
    "Phase",
    "ProgressStore",
    "RedFlag",
    "Rendered",
    "SafetyScreen",
    "SavingOff",
    "SelfTest",
    "SelfTestForm",
    "StoreError",
    "TimedPractice",
    "TimerModel",
    "TimerPlan",
    "TimerPlanError",
    "TimerState",
    "build_plan",
    "course_map",
    "daily_checklist",
    "daily_routine_plan",
    "dashboard",
    "exercise_diagram",
    "exercise_timer",
    "form_checklist",
    "get_exercise",
    "knowledge_check",
    "load_exercises",
    "movement_animation",
    "notebook_by_slug",
    "parse_exercises",
    "plan_for_exercise",
    "plan_for_routine",
    "progress_store",
    "red_flag_banner",
    "routine_summary",
    "routine_timer",
    "safety_screen",
    "saving_notice",
    "self_test_form",
    "self_test_picture",
    "show_exercise",
    "show_glossary",
    "show_red_flags",
    "spine_picture",
    "today",
]

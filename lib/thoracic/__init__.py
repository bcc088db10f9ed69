"""Upper Back Relief: the helper library behind the course notebooks.

Notebooks import what they show from here; nothing runs at import time. The names below
are the public API: what the notebooks call, and the few types a learner or a teacher
needs to use them from their own code. Everything else lives in the packages by
capability (``thoracic.content``, ``thoracic.timer``, ``thoracic.progress``, ...), whose
docstrings say what each one owns.
"""

from .base import Rendered
from .content import COURSE, Exercise, get_exercise
from .figures import exercise_diagram, movement_animation, self_test_picture, spine_picture
from .practice import (
    dashboard,
    do_it_now,
    exercise_timer,
    fix_entries,
    next_day_check,
    plan_history_table,
    rate_earlier_practice,
    routine_timer,
    todays_practice,
    week_plan,
)
from .progress import ProgressStore, Store, StoreError, progress_store
from .timer import CoachTimer, TimerPlan
from .ui import (
    Checklist,
    course_map,
    daily_checklist,
    discomfort_scale,
    dose_story,
    form_checklist,
    knowledge_check,
    red_flag_banner,
    routine_summary,
    safety_screen,
    self_test_form,
    share_with_teacher,
    show_exercise,
    show_glossary,
    stop_rules,
)

__all__ = [
    "COURSE",
    "Checklist",
    "CoachTimer",
    "Exercise",
    "ProgressStore",
    "Rendered",
    "Store",
    "StoreError",
    "TimerPlan",
    "course_map",
    "daily_checklist",
    "dashboard",
    "discomfort_scale",
    "do_it_now",
    "dose_story",
    "exercise_diagram",
    "exercise_timer",
    "fix_entries",
    "form_checklist",
    "get_exercise",
    "knowledge_check",
    "movement_animation",
    "next_day_check",
    "plan_history_table",
    "progress_store",
    "rate_earlier_practice",
    "red_flag_banner",
    "routine_summary",
    "routine_timer",
    "safety_screen",
    "self_test_form",
    "self_test_picture",
    "share_with_teacher",
    "show_exercise",
    "show_glossary",
    "spine_picture",
    "stop_rules",
    "todays_practice",
    "week_plan",
]

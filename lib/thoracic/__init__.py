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

__all__ = [
    "COURSE",
    "RED_FLAGS",
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "FormCue",
    "NotebookInfo",
    "RedFlag",
    "Rendered",
    "course_map",
    "get_exercise",
    "load_exercises",
    "notebook_by_slug",
    "parse_exercises",
    "routine_summary",
    "show_exercise",
    "show_red_flags",
    "today",
]

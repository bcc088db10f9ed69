"""What the course teaches, as data: the notebook map, the exercises with their doses,
the red flags, the discomfort scale and the next-day check, the self-tests, the
knowledge-check questions and the glossary.

Owns ``data/`` (TOML records, checked when loaded) and the plain records built from it.
Everything the learner reads about an exercise, and every timer, is derived from here.

May import: ``thoracic.base``.
"""

from ._course import COURSE, NAVIGATION_MARKER, NotebookInfo, notebook_by_slug
from ._discomfort import (
    DISCOMFORT_SCALE,
    NEXT_DAY_ANSWERS,
    NEXT_DAY_CHECK,
    DiscomfortScale,
    DiscomfortZone,
    NextDayAnswer,
    NextDayOption,
    NextDayQuestion,
    ZoneName,
    discomfort_zone,
)
from ._exercises import (
    BREATH_SECONDS,
    SWITCH_SIDES_SECONDS,
    VARIATIONS,
    Dose,
    Exercise,
    ExerciseDataError,
    FloorHelp,
    FormCue,
    Tempo,
    floor_help,
    get_exercise,
    load_exercises,
    parse_exercises,
)
from ._glossary import GLOSSARY_HEADING, Term, load_glossary
from ._progression import (
    DoseLimits,
    ProgressionRules,
    RulesError,
    load_progression,
    parse_progression,
)
from ._quizzes import Question, QuizDataError, load_questions, parse_questions
from ._routines import DAILY_ROUTINE_MINUTES, Routine, get_routine, load_routines
from ._safety import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    URGENCIES,
    RedFlag,
    Urgency,
    UrgencyAdvice,
    clearance_expired,
    flags_by_urgency,
    get_red_flag,
)
from ._selftests import RESULT_PATTERN, SELF_TESTS, PhoneMeasure, SelfTest, get_self_test

__all__ = [
    "BREATH_SECONDS",
    "CLEARANCE_DAYS",
    "COURSE",
    "DAILY_ROUTINE_MINUTES",
    "DISCOMFORT_SCALE",
    "GLOSSARY_HEADING",
    "NAVIGATION_MARKER",
    "NEXT_DAY_ANSWERS",
    "NEXT_DAY_CHECK",
    "RED_FLAGS",
    "RESULT_PATTERN",
    "SELF_TESTS",
    "SWITCH_SIDES_SECONDS",
    "URGENCIES",
    "VARIATIONS",
    "DiscomfortScale",
    "DiscomfortZone",
    "Dose",
    "DoseLimits",
    "Exercise",
    "ExerciseDataError",
    "FloorHelp",
    "FormCue",
    "NextDayAnswer",
    "NextDayOption",
    "NextDayQuestion",
    "NotebookInfo",
    "PhoneMeasure",
    "ProgressionRules",
    "Question",
    "QuizDataError",
    "RedFlag",
    "Routine",
    "RulesError",
    "SelfTest",
    "Tempo",
    "Term",
    "Urgency",
    "UrgencyAdvice",
    "ZoneName",
    "clearance_expired",
    "discomfort_zone",
    "flags_by_urgency",
    "floor_help",
    "get_exercise",
    "get_red_flag",
    "get_routine",
    "get_self_test",
    "load_exercises",
    "load_glossary",
    "load_progression",
    "load_questions",
    "load_routines",
    "notebook_by_slug",
    "parse_exercises",
    "parse_progression",
    "parse_questions",
]

"""What the course teaches, as data: the notebook map, the exercises with their doses,
the red flags, the self-tests, the knowledge-check questions and the glossary.

Owns ``data/`` (TOML records, checked when loaded) and the plain records built from it.
Everything the learner reads about an exercise, and every timer, is derived from here.

May import: ``thoracic.base``.
"""

from ._course import COURSE, NotebookInfo, notebook_by_slug
from ._exercises import (
    Dose,
    Exercise,
    ExerciseDataError,
    FormCue,
    get_exercise,
    load_exercises,
    parse_exercises,
)
from ._glossary import GLOSSARY_HEADING, Term, load_glossary
from ._quizzes import Question, QuizDataError, load_questions, parse_questions
from ._safety import RED_FLAGS, URGENCIES, RedFlag, Urgency, UrgencyAdvice, flags_by_urgency
from ._selftests import SELF_TESTS, SelfTest, get_self_test

__all__ = [
    "COURSE",
    "GLOSSARY_HEADING",
    "RED_FLAGS",
    "SELF_TESTS",
    "URGENCIES",
    "Dose",
    "Exercise",
    "ExerciseDataError",
    "FormCue",
    "NotebookInfo",
    "Question",
    "QuizDataError",
    "RedFlag",
    "SelfTest",
    "Term",
    "Urgency",
    "UrgencyAdvice",
    "flags_by_urgency",
    "get_exercise",
    "get_self_test",
    "load_exercises",
    "load_glossary",
    "load_questions",
    "notebook_by_slug",
    "parse_exercises",
    "parse_questions",
]

"""Knowledge-check questions: loaded from ``data/quizzes.toml`` and checked when loaded."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ._course import COURSE

__all__ = ["Question", "QuizDataError", "load_questions", "parse_questions"]


class QuizDataError(ValueError):
    """A question in quizzes.toml is incomplete or inconsistent."""


@dataclass(frozen=True)
class Question:
    id: str
    notebook: str
    prompt: str
    choices: tuple[str, ...]
    answer: int
    feedback: tuple[str, ...]


def parse_questions(document: str) -> tuple[Question, ...]:
    raw = tomllib.loads(document).get("question")
    if not isinstance(raw, list) or not raw:
        raise QuizDataError("quizzes.toml has no [[question]] entries.")
    stems = {info.stem for info in COURSE}
    questions, seen = [], set()
    for number, entry in enumerate(raw, start=1):
        where = f"Question {entry.get('id') or number!r}"
        try:
            question = Question(entry["id"], entry["notebook"], entry["prompt"],
                                tuple(entry["choices"]), entry["answer"],
                                tuple(entry["feedback"]))
        except KeyError as missing:
            raise QuizDataError(f"{where} has no {missing} field.") from None
        if question.id in seen:
            raise QuizDataError(f"{where}: the id is used twice.")
        seen.add(question.id)
        if question.notebook not in stems:
            raise QuizDataError(f"{where}: no notebook called {question.notebook!r}.")
        if not 2 <= len(question.choices) <= 5:
            raise QuizDataError(f"{where}: give 2 to 5 choices.")
        if not isinstance(question.answer, int) or not (
                0 <= question.answer < len(question.choices)):
            raise QuizDataError(f"{where}: answer {question.answer!r} is not a choice number.")
        if len(question.feedback) != len(question.choices):
            raise QuizDataError(f"{where}: give one feedback line per choice.")
        questions.append(question)
    return tuple(questions)


@cache
def load_questions() -> tuple[Question, ...]:
    document = resources.files(__package__).joinpath("data/quizzes.toml").read_text("utf-8")
    return parse_questions(document)

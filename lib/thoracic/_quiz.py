"""Knowledge checks: a few multiple-choice questions at the end of a teaching notebook.

Questions live in ``data/quizzes.toml`` and are checked when loaded. Each answer gets
feedback at once saying why it is right or wrong; answers go into the progress store and
the dashboard counts them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from typing import Any

import ipywidgets as widgets

from ._course import COURSE
from ._display import Rendered
from ._mode import exporting
from ._progress import Store, notice_widgets, progress_store

__all__ = ["Question", "QuizDataError", "QuizQuestion", "knowledge_check", "load_questions"]


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
    document = resources.files("thoracic").joinpath("data/quizzes.toml").read_text("utf-8")
    return parse_questions(document)


class QuizQuestion(widgets.VBox):
    """One question: pick an answer, press Check, read why."""

    def __init__(self, question: Question, store: Store, **kwargs: Any) -> None:
        self.question = question
        self.store = store
        self.prompt = widgets.HTML(f"<p><strong>{escape(question.prompt)}</strong></p>")
        self.choices = widgets.RadioButtons(
            options=[(choice, n) for n, choice in enumerate(question.choices)], value=None,
            description="Answer", layout=widgets.Layout(width="auto", max_width="100%"))
        self.check_button = widgets.Button(description="Check my answer", icon="check",
                                           tooltip="See whether your answer is right, and why",
                                           layout=widgets.Layout(width="auto"))
        self.feedback = widgets.HTML()
        self.check_button.on_click(lambda _: self.check())
        super().__init__([self.prompt, self.choices, self.check_button, self.feedback],
                         **kwargs)

    def check(self) -> bool | None:
        """Show feedback for the picked answer and save it; None if nothing is picked."""
        choice = self.choices.value
        if choice is None:
            self.feedback.value = '<p role="status">Pick an answer first.</p>'
            return None
        right = choice == self.question.answer
        mark = "✓ Right." if right else "✗ Not this one."
        self.feedback.value = (f'<p role="status"><strong>{mark}</strong> '
                               f"{escape(self.question.feedback[choice])}</p>")
        self.store.record_quiz_answer(self.question.id, choice, right)
        return right


def _offline_check(questions: Sequence[Question]) -> Rendered:
    """For the web pages: the questions with the answers folded away."""
    items = []
    for question in questions:
        choices = "".join(f"<li>{escape(choice)}</li>" for choice in question.choices)
        answer = question.feedback[question.answer]
        items.append(f"<li><p><strong>{escape(question.prompt)}</strong></p><ol type='a'>"
                     f"{choices}</ol><details><summary>Show the answer</summary><p>"
                     f"{escape(question.choices[question.answer])}. {escape(answer)}</p>"
                     "</details></li>")
    html = f"<h3>Check what you learned</h3><ol>{''.join(items)}</ol>"
    text = "\n".join(question.prompt for question in questions)
    return Rendered(html, text)


def knowledge_check(notebook: str, store: Store | None = None) -> widgets.VBox | Rendered:
    """The questions for one notebook (its stem, e.g. ``"04-childs-pose"``)."""
    questions = [q for q in load_questions() if q.notebook == notebook]
    if not questions:
        raise KeyError(f"No knowledge-check questions for {notebook!r}.")
    if exporting():
        return _offline_check(questions)
    store = store if store is not None else progress_store()
    children: list[widgets.Widget] = [widgets.HTML("<h3>Check what you learned</h3>")]
    children.extend(QuizQuestion(question, store) for question in questions)
    children.extend(notice_widgets(store))
    return widgets.VBox(children, layout=widgets.Layout(max_width="48em"))

"""Knowledge checks: a few multiple-choice questions at the end of a teaching notebook.

Questions live in ``data/quizzes.toml`` and are checked when loaded. Each answer gets
feedback at once saying why it is right or wrong; answers go into the progress store and
the dashboard counts them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview
from ..content import Question, load_questions
from ..progress import Store
from ._part import CoursePart

__all__ = ["KnowledgeCheck", "knowledge_check"]


def _questions_html(questions: Sequence[Question], *, answers: bool) -> str:
    """The questions and their choices; with ``answers``, each answer folded away."""
    items = []
    for question in questions:
        choices = "".join(f"<li>{escape(choice)}</li>" for choice in question.choices)
        folded = ""
        if answers:
            why = question.feedback[question.answer]
            folded = (f"<details><summary>Show the answer</summary><p>"
                      f"{escape(question.choices[question.answer])}. {escape(why)}</p>"
                      "</details>")
        items.append(f"<li><p><strong>{escape(question.prompt)}</strong></p><ol type='a'>"
                     f"{choices}</ol>{folded}</li>")
    return f"<ol>{''.join(items)}</ol>"


_TITLE = "Check what you learned"


class KnowledgeCheck(CoursePart):
    """A notebook's questions, each checked on its own: pick an answer, press Check, read
    why. Answers go into the progress store."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"answer": "_answer"}

    def __init__(self, questions: Sequence[Question], store: Store | None = None,
                 **kwargs: Any) -> None:
        self.questions = tuple(questions)
        config = {"title": _TITLE, "questions": [
            {"id": q.id, "prompt": q.prompt, "choices": list(q.choices), "answer": q.answer,
             "feedback": list(q.feedback)} for q in self.questions]}
        super().__init__(store, kind="quiz", config=config, **kwargs)

    def preview(self) -> Rendered:
        return preview(_TITLE, "pick and check your answers",
                       _questions_html(self.questions, answers=False))

    def answer(self, question_id: str, choice: int) -> bool:
        """Answer one question, as picking a choice and pressing Check does; whether the
        answer was kept."""
        question = self._question(question_id)
        return self.handle({"do": "answer", "question": question.id, "choice": choice,
                            "right": choice == question.answer})

    def _question(self, question_id: str) -> Question:
        found = next((q for q in self.questions if q.id == question_id), None)
        if found is None:
            raise KeyError(f"No question {question_id!r} in this knowledge check.")
        return found

    def _answer(self, message: Mapping[str, Any]) -> None:
        question = self._question(message["question"])
        choice = message["choice"]
        if type(choice) is not int or not 0 <= choice < len(question.choices):
            raise ValueError(f"no choice {choice!r} in question {question.id!r}")
        # Right or wrong is the course's decision, from the record, not the page's.
        self.store.record_quiz_answer(question.id, choice, choice == question.answer)


def knowledge_check(notebook: str, store: Store | None = None) -> KnowledgeCheck:
    """The questions for one notebook (its stem, e.g. ``"04-childs-pose"``)."""
    questions = [q for q in load_questions() if q.notebook == notebook]
    if not questions:
        raise KeyError(f"No knowledge-check questions for {notebook!r}.")
    return KnowledgeCheck(questions, store)

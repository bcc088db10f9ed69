"""Knowledge checks: a few multiple-choice questions at the end of a teaching notebook.

Questions live in ``data/quizzes.toml`` and are checked when loaded. Each answer gets
feedback at once saying why it is right or wrong; answers go into the progress store and
the dashboard counts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, exporting, offline_part, preview
from ..content import Question, load_questions
from ..progress import Store, store_or_own
from ._notices import SavingNotice

__all__ = ["KnowledgeCheck", "QuizQuestion", "knowledge_check"]


class QuizQuestion(widgets.VBox):
    """One question: pick an answer, press Check, read why."""

    def __init__(self, question: Question, store: Store, notice: SavingNotice,
                 **kwargs: Any) -> None:
        self.question = question
        self.store = store
        self.notice = notice
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
        right: bool = choice == self.question.answer
        mark = "✓" if right else "✗"  # the feedback itself says "Yes!" or "Not quite."
        self.feedback.value = (f'<p role="status"><strong>{mark}</strong> '
                               f"{escape(self.question.feedback[choice])}</p>")
        self.notice.keep(lambda: self.store.record_quiz_answer(self.question.id, choice, right))
        return right


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


def _offline_check(questions: Sequence[Question]) -> Rendered:
    """For the web pages: the questions with the answers folded away."""
    html = f"<h3>Check what you learned</h3>{_questions_html(questions, answers=True)}"
    return Rendered(html, "\n".join(question.prompt for question in questions))


class KnowledgeCheck(Previewed, widgets.VBox):
    """A notebook's questions, each checked on its own."""

    def __init__(self, questions: Sequence[Question], store: Store, **kwargs: Any) -> None:
        self.questions = tuple(questions)
        self.notice = SavingNotice(store)
        children: list[widgets.Widget] = [widgets.HTML("<h3>Check what you learned</h3>")]
        children.extend(QuizQuestion(question, store, self.notice) for question in questions)
        children.append(self.notice)
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__(children, **kwargs)

    def preview(self) -> Rendered:
        return preview("Check what you learned", "pick and check your answers",
                       _questions_html(self.questions, answers=False))


def knowledge_check(notebook: str, store: Store | None = None) -> KnowledgeCheck | Rendered:
    """The questions for one notebook (its stem, e.g. ``"04-childs-pose"``)."""
    questions = [q for q in load_questions() if q.notebook == notebook]
    if not questions:
        raise KeyError(f"No knowledge-check questions for {notebook!r}.")
    if exporting():  # the site's script makes them work, and keeps the answers
        config = {"questions": [
            {"id": q.id, "prompt": q.prompt, "choices": list(q.choices), "answer": q.answer,
             "feedback": list(q.feedback)} for q in questions]}
        return offline_part("quiz", config, _offline_check(questions))
    return KnowledgeCheck(questions, store_or_own(store))

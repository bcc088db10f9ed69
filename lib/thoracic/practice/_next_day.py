"""The next-day check: the morning after practice, is your back better, about the same, or
worse than before? One answer a day, saved, with what to do about it.

The question, the answers and the advice come from ``thoracic.content``'s
``NEXT_DAY_CHECK``. A learner who has not practised before today is not asked (there is
nothing to compare yet).
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview, today
from ..content import NEXT_DAY_ANSWERS, NEXT_DAY_CHECK
from ..progress import Store
from ..ui import CoursePart, next_day_option_html

__all__ = ["NextDayForm", "next_day_check"]

_TITLE = "The next-day check"


def _options_html() -> str:
    return "<ul>" + "".join(f"<li>{next_day_option_html(option)}</li>"
                            for option in NEXT_DAY_CHECK.answers) + "</ul>"


def _not_yet() -> str:
    """What a learner who has not practised before today reads instead of the question."""
    return (f"There is nothing to compare yet, because you have not practised before today. "
            f"That is fine! {NEXT_DAY_CHECK.when} This check will be here for you then.")


class NextDayForm(CoursePart):
    """Three buttons for today's answer; the answer is saved for today and its advice shown.

    ``choose(answer)`` does what pressing a button does. Re-running the cell shows the
    answer already saved for today.
    """

    ACTIONS: ClassVar[Mapping[str, str]] = {"next-day": "_answer"}

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        check = NEXT_DAY_CHECK
        config = {"title": _TITLE, "question": check.question, "not_yet": _not_yet(),
                  "answers": [{"answer": o.answer, "word": o.word, "advice": o.advice,
                               "symbol": o.symbol, "colour": o.colour}
                              for o in check.answers]}
        super().__init__(store, kind="next-day", config=config, **kwargs)

    @property
    def answer(self) -> str | None:
        """Today's saved answer (better, same or worse); None until saved."""
        answer: str | None = self.kept.get("answer")
        return answer

    @property
    def asking(self) -> bool:
        """Whether the question is asked (not before any practice)."""
        return bool(self.kept.get("practised") or self.kept.get("answer"))

    def read_kept(self) -> dict[str, Any]:
        day = today().isoformat()
        saved = next((check.answer for check in self.store.next_day_checks()
                      if check.day == day), None)
        practised = any(session.day < day for session in self.store.sessions())
        return {"answer": saved, "practised": practised}

    def choose(self, answer: str) -> bool:
        """Answer for today, as pressing its button does; whether the answer was kept."""
        if answer not in NEXT_DAY_ANSWERS:
            raise ValueError(f"answer must be one of {', '.join(NEXT_DAY_ANSWERS)}, got "
                             f"{answer!r}.")
        if not self.asking:
            return False
        return self.handle({"do": "next-day", "answer": answer})

    def _answer(self, message: Mapping[str, Any]) -> None:
        answer = message["answer"]
        if not self.asking:
            raise ValueError("there is nothing to compare yet")
        if answer not in NEXT_DAY_ANSWERS:
            raise ValueError(f"{answer!r} is not an answer")
        self.store.record_next_day_check(answer, day=today().isoformat())

    def preview(self) -> Rendered:
        if not self.asking:
            body = f"<p>{escape(_not_yet())}</p>"
        else:
            # No answer of the day it was saved: on a later day it would be a false one.
            body = (f"<p><strong>{escape(NEXT_DAY_CHECK.question)}</strong></p>"
                    f"{_options_html()}<p><em>If you have answered today, your answer "
                    "comes back when you run this cell.</em></p>")
        return preview(_TITLE, "answer it for today", body)


def next_day_check(*, store: Store | None = None) -> NextDayForm:
    """The next-day check for today."""
    return NextDayForm(store)

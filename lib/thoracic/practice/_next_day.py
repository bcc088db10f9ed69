"""The next-day check: the morning after practice, is your back better, about the same, or
worse than before? One answer a day, saved, with what to do about it.

The question, the answers and the advice come from ``thoracic.content``'s
``NEXT_DAY_CHECK``. A learner who has not practised before today is not asked (there is
nothing to compare yet). In the exported web pages there is no kernel to save the
answer, so the question and the advice are shown as text.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets
from traitlets import Bool, TraitError, Unicode, validate

from ..base import Previewed, Rendered, exporting, offline_part, preview, today
from ..content import NEXT_DAY_ANSWERS, NEXT_DAY_CHECK
from ..progress import Store, StoreError, store_or_own
from ..ui import SavingNotice, next_day_option_html

__all__ = ["NextDayForm", "next_day_check"]

_TITLE = "The next-day check"


def _options_html() -> str:
    return "<ul>" + "".join(f"<li>{next_day_option_html(option)}</li>"
                            for option in NEXT_DAY_CHECK.answers) + "</ul>"


def _not_yet() -> str:
    """What a learner who has not practised before today reads instead of the question."""
    return (f"There is nothing to compare yet, because you have not practised before today. "
            f"That is fine! {NEXT_DAY_CHECK.when} This check will be here for you then.")


class NextDayForm(Previewed, widgets.VBox):
    """Three buttons for today's answer; the answer is saved for today and its advice shown.

    ``choose(answer)`` does what pressing a button does. Re-running the cell shows the
    answer already saved for today.
    """

    day = Unicode(help="The day the answer is for (today), as YYYY-MM-DD.")
    answer = Unicode(None, allow_none=True,
                     help="Today's saved answer (better, same or worse); None until saved.")
    asking = Bool(True, help="Whether the question is asked (not before any practice).")

    @validate("answer")
    def _check_answer(self, proposal: dict[str, Any]) -> str | None:
        value: str | None = proposal["value"]
        if value is not None and value not in NEXT_DAY_ANSWERS:
            raise TraitError(f"answer must be one of {', '.join(NEXT_DAY_ANSWERS)} or None, "
                             f"got {value!r}.")
        return value

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self.notice = SavingNotice(self.store)
        day = today().isoformat()
        saved: str | None = None
        practised = True  # if the store cannot be read, ask anyway: the notice says why
        try:
            saved = next((check.answer for check in self.store.next_day_checks()
                          if check.day == day), None)
            practised = any(session.day < day for session in self.store.sessions())
        except StoreError:
            pass
        self.notice.refresh()
        self._reverting = False
        self.question = widgets.HTML(
            f"<p><strong>{escape(NEXT_DAY_CHECK.question)}</strong></p>")
        # Toggle buttons, never disabled, so the saved answer stays in view (as in the
        # practice log's rating; see the note there).
        self.buttons = widgets.ToggleButtons(
            options=[(option.word, option.answer) for option in NEXT_DAY_CHECK.answers],
            value=saved,
            tooltips=[f"Save {option.word.lower()} as today's answer"
                      for option in NEXT_DAY_CHECK.answers],
            style={"button_width": "auto"},
            layout=widgets.Layout(width="auto", max_width="100%", flex_flow="row wrap"))
        self.advice = widgets.HTML()
        self.status = widgets.HTML()
        children: list[widgets.Widget] = [widgets.HTML(f"<h3>{_TITLE}</h3>")]
        if practised or saved is not None:
            children += [self.question, self.buttons, self.advice, self.status]
        else:
            children.append(widgets.HTML(f'<p role="status">{escape(_not_yet())}</p>'))
        children.append(self.notice)
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__(children, day=day, answer=saved,
                         asking=practised or saved is not None, **kwargs)
        self._show_advice()
        if saved is not None:
            self.status.value = '<p role="status">✓ Saved for today. You can change it.</p>'
        self.buttons.observe(lambda change: self._pressed(change["new"]), names="value")

    def choose(self, answer: str) -> bool:
        """Answer for today, as pressing its button does; whether the answer was kept."""
        if answer not in NEXT_DAY_ANSWERS:
            raise ValueError(f"answer must be one of {', '.join(NEXT_DAY_ANSWERS)}, got "
                             f"{answer!r}.")
        if not self.asking:
            return False
        if self.buttons.value != answer:
            self.buttons.value = answer  # saves, through the observer
        elif self.answer != answer:
            self._pressed(answer)  # pressed again after a save failed
        return self.answer == answer

    def _pressed(self, answer: str | None) -> None:
        if self._reverting or answer is None:
            return
        day = self.day
        word = NEXT_DAY_CHECK.option(answer).word
        if self.notice.keep(lambda: self.store.record_next_day_check(answer, day=day)):
            self.answer = answer
            self.status.value = (f'<p role="status">✓ Saved for today: {escape(word)}. You can '
                                 "change it.</p>")
        else:
            # Not kept: the buttons show what is really saved; the advice still helps.
            self._reverting = True
            try:
                self.buttons.value = self.answer
            finally:
                self._reverting = False
            self.status.value = (f'<p role="alert">⚠ Not saved: {escape(word)}. Press it again '
                                 "once the notice below is gone.</p>")
        self._show_advice(answer)

    def _show_advice(self, answer: str | None = None) -> None:
        shown = answer or self.answer
        if shown is None:
            self.advice.value = ""
            return
        option = NEXT_DAY_CHECK.option(shown)
        self.advice.value = (f'<p role="status" style="border-left:6px solid {option.colour};'
                             f'padding-left:0.5em;max-width:40em">'
                             f"{next_day_option_html(option)}</p>")

    def preview(self) -> Rendered:
        if not self.asking:
            body = f"<p>{escape(_not_yet())}</p>"
        else:
            # No answer of the day it was saved: on a later day it would be a false one.
            body = (f"<p><strong>{escape(NEXT_DAY_CHECK.question)}</strong></p>"
                    f"{_options_html()}<p><em>If you have answered today, your answer "
                    "comes back when you run this cell.</em></p>")
        return preview(_TITLE, "answer it for today", body)


def next_day_check(*, store: Store | None = None) -> NextDayForm | Rendered:
    """The next-day check for today: in JupyterLab the widget, in a web page the question
    and its advice as text."""
    if exporting():  # the site's script asks it and keeps the answer on the device
        check = NEXT_DAY_CHECK
        html = (f"<h3>{_TITLE}</h3><p>{escape(check.when)} "
                f"<strong>{escape(check.question)}</strong></p>{_options_html()}")
        text = "\n".join([f"{_TITLE}: {check.when} {check.question}",
                          *(f"  {option.symbol} {option.word}: {option.advice}"
                            for option in check.answers)])
        config = {"title": _TITLE, "question": check.question, "when": check.when,
                  "not_yet": _not_yet(),
                  "answers": [{"answer": o.answer, "word": o.word, "advice": o.advice,
                               "symbol": o.symbol, "colour": o.colour}
                              for o in check.answers]}
        return offline_part("next-day", config, Rendered(html, text))
    return NextDayForm(store)

"""After an exercise: how it felt, on the 0 to 10 scale, and a note; both optional."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ..progress import MAX_NOTE_CHARS, Store
from ..ui import SavingNotice

__all__ = ["SessionRating"]


class SessionRating(widgets.VBox):
    """After an exercise: how tight or sore it felt (0 to 10) and a note, both optional."""

    def __init__(self, store: Store, notice: SavingNotice | None = None, **kwargs: Any) -> None:
        self.store = store
        self.notice = notice if notice is not None else SavingNotice(store)
        self.session_id: str | None = None
        # Eleven buttons, each big enough to tap (44 px), so the chosen number is always in
        # view; nothing chosen means no rating. They are never disabled: picking early does
        # no harm (only Save waits for the end), and ipywidgets does not redraw toggle
        # buttons when they are enabled again.
        self.scale = widgets.HTML("<p>Tightness or pain, from 0 (none) to 10 (worst):</p>")
        self.rating = widgets.ToggleButtons(
            options=[(str(n), n) for n in range(11)], value=None,
            tooltips=[f"{n} out of 10" for n in range(11)],
            style={"button_width": "2.75em"},
            layout=widgets.Layout(width="auto", max_width="100%", flex_flow="row wrap"))
        self.note = widgets.Textarea(placeholder="A note for yourself (optional)",
                                     description="Note", disabled=True,
                                     layout=widgets.Layout(width="100%", max_width="32em"))
        self.save_button = widgets.Button(description="Save how it felt", icon="save",
                                          tooltip="Save the rating and note with this session",
                                          disabled=True, layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML("<p><em>When you finish the exercise, you can note how "
                                   "it felt here.</em></p>")
        self.save_button.on_click(lambda _: self.save())
        super().__init__([self.status, self.scale, self.rating, self.note, self.save_button],
                         **kwargs)

    def ask_about(self, session_id: str) -> None:
        self.session_id = session_id
        for control in (self.note, self.save_button):
            control.disabled = False
        self.status.value = "<p><strong>Well done!</strong> How did your back feel?</p>"

    def save(self) -> None:
        if self.session_id is None:
            return
        note = self.note.value.strip() or None
        rating = self.rating.value
        if note is not None and len(note) > MAX_NOTE_CHARS:
            self.status.value = (f'<p role="alert">⚠ Your note is {len(note):,} characters '
                                 f"long; please keep it to {MAX_NOTE_CHARS:,}. Nothing was "
                                 "saved yet.</p>")
            return
        session = self.session_id
        said = f" {rating} out of 10." if rating is not None else " No rating."
        shown = f" Note: {escape(note)}" if note else ""
        if self.notice.keep(lambda: self.store.rate_session(session, rating, note)):
            self.status.value = f'<p role="status">✓ Saved:{said}{shown}</p>'
        else:
            self.status.value = (f'<p role="alert">⚠ Not saved:{said}{shown} Press Save again '
                                 "once the notice below is gone.</p>")

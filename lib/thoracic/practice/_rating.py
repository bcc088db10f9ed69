"""After an exercise: how it felt, on the course's one discomfort scale, and a note; both
optional. The question, the numbers and each number's zone come from ``DISCOMFORT_SCALE``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ..content import DISCOMFORT_SCALE
from ..progress import MAX_NOTE_CHARS, Store
from ..ui import SavingNotice, zone_html

__all__ = ["SessionRating"]


class SessionRating(widgets.VBox):
    """After an exercise: how much discomfort it brought (0 to 10) and a note, both
    optional. Picking a number shows its zone and what to do."""

    def __init__(self, store: Store, notice: SavingNotice | None = None, **kwargs: Any) -> None:
        self.store = store
        self.notice = notice if notice is not None else SavingNotice(store)
        self.session_id: str | None = None
        # Eleven buttons, each big enough to tap (3.5em is 45 px at JupyterLab's 13 px, and
        # leaves "10" room beside the buttons' own padding), so the chosen number is always in
        # view; nothing chosen means no rating. They are never disabled: picking early does
        # no harm (only Save waits for the end), and ipywidgets does not redraw toggle
        # buttons when they are enabled again.
        scale = DISCOMFORT_SCALE
        self.scale = widgets.HTML(f"<p>{escape(scale.label)}</p>")
        self.rating = widgets.ToggleButtons(
            options=[(str(n), n) for n in scale.ratings], value=None,
            tooltips=[f"{n}: {scale.zone(n).word} zone, {scale.zone(n).label.lower()}"
                      for n in scale.ratings],
            style={"button_width": "3.5em"},
            layout=widgets.Layout(width="auto", max_width="100%", flex_flow="row wrap"))
        # The picked number's zone and what to do, said as soon as it is picked.
        self.zone = widgets.HTML()
        self.rating.observe(lambda _: self._show_zone(), names="value")
        self.note = widgets.Textarea(placeholder="A note for yourself (optional)",
                                     description="Note", disabled=True,
                                     layout=widgets.Layout(width="100%", max_width="32em"))
        self.save_button = widgets.Button(description="Save how it felt", icon="save",
                                          tooltip="Save the rating and note with this session",
                                          disabled=True, layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML("<p><em>When you finish the exercise, you can note how "
                                   "it felt here.</em></p>")
        self.save_button.on_click(lambda _: self.save())
        super().__init__([self.status, self.scale, self.rating, self.zone, self.note,
                          self.save_button], **kwargs)

    def _show_zone(self) -> None:
        rating = self.rating.value
        if rating is None:
            self.zone.value = ""
            return
        zone = DISCOMFORT_SCALE.zone(rating)
        self.zone.value = (f'<p role="status" style="border-left:6px solid {zone.colour};'
                           f'padding-left:0.5em;max-width:40em">{zone_html(zone)}</p>')

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
        said = (f" {rating} out of {DISCOMFORT_SCALE.highest}." if rating is not None
                else " No rating.")
        shown = f" Note: {escape(note)}" if note else ""
        if self.notice.keep(lambda: self.store.rate_session(session, rating, note)):
            self.status.value = f'<p role="status">✓ Saved:{said}{shown}</p>'
        else:
            self.status.value = (f'<p role="alert">⚠ Not saved:{said}{shown} Press Save again '
                                 "once the notice below is gone.</p>")

"""The safety screen: the red flags as a checklist, kept once (not per day), with advice
that fits what was ticked; and the banner exercise notebooks show when anything is.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Rendered, alert_html, exporting
from ..content import RED_FLAGS
from ..progress import Store, store_or_own
from ._cards import show_red_flags
from ._checklist import Checklist, ChecklistItem

__all__ = ["SAFETY_CHECKLIST", "SafetyScreen", "red_flag_banner", "safety_screen"]

SAFETY_CHECKLIST = "safety-screen"


_KIND_MESSAGE = (
    "<p><strong>Thank you for checking.</strong> Because something on this list fits you, "
    "please see a doctor or physiotherapist before you start the exercises. You are very "
    "welcome to keep reading the course in the meantime.</p>")
_URGENT_MESSAGE = (
    "<p><strong>Please get medical help now.</strong> Chest pain with sweating, "
    "breathlessness or feeling sick: call emergency services. Numbness, weakness or "
    "bladder or bowel changes: get urgent care today.</p>")


class SafetyScreen(widgets.VBox):
    """The red-flag checklist; any tick shows a kind message (saved once, not per day)."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.checklist = Checklist(SAFETY_CHECKLIST,
                                   [ChecklistItem(flag.id, flag.text) for flag in RED_FLAGS],
                                   title="Safety check: tick any that fit you", store=store)
        self.message = widgets.HTML()
        self._urgent = {flag.id for flag in RED_FLAGS if flag.urgency != "see-clinician"}
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__([self.checklist, self.message], **kwargs)
        self.checklist.on_change(self._show)
        self._show(self.checklist)

    def _show(self, checklist: Checklist) -> None:
        ticked = set(checklist.checked)
        if not ticked:
            self.message.value = ("<p>Nothing ticked. If that stays true, you are ready to "
                                  "start. Come back here if anything changes.</p>")
            return
        extra = _URGENT_MESSAGE if ticked & self._urgent else ""
        self.message.value = alert_html(f"{extra}{_KIND_MESSAGE}")


def safety_screen(store: Store | None = None) -> SafetyScreen | Rendered:
    """The safety screen shown in the start-here notebook.

    In the web pages nothing can react to a tick, so there the list itself says what to do
    for each red flag.
    """
    if exporting():
        return show_red_flags()
    return SafetyScreen(store)


def red_flag_banner(store: Store | None = None) -> Rendered | None:
    """A banner for exercise notebooks when the safety screen has a tick; None otherwise."""
    store = store_or_own(store)
    ticked = [flag for flag in RED_FLAGS
              if store.ticks(SAFETY_CHECKLIST).get(flag.id)]
    if not ticked:
        return None
    listed = "; ".join(flag.text for flag in ticked)
    html = alert_html("<strong>⚠ Before you try this exercise:</strong> in the safety check "
                      f"(notebook 00) you ticked: {escape(listed)}. Please see a doctor or "
                      "physiotherapist first. Reading on is fine.")
    return Rendered(html, f"Before you try this exercise: you ticked {listed}. "
                          "Please see a doctor or physiotherapist first.")

"""The safety screen: the red flags as a checklist, kept once (not per day), with advice
that fits what was ticked; and the banner exercise notebooks show when anything is.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, alert_html, exporting, offline_part, preview
from ..content import RED_FLAGS, URGENCIES, RedFlag, UrgencyAdvice, flags_by_urgency
from ..progress import Store, store_or_own
from ._cards import show_red_flags
from ._checklist import Checklist, ChecklistItem, checklist_config, ticked_list_html

__all__ = ["SAFETY_CHECKLIST", "SafetyScreen", "most_urgent", "red_flag_banner", "safety_screen"]

SAFETY_CHECKLIST = "safety-screen"


# A checklist cannot rule everything out, so an empty one promises nothing.
_NOTHING = ("Nothing ticked. No checklist can catch everything, so start gently and stop if "
            "something feels wrong. Come back to this list if anything about your health "
            "changes.")
_NOTHING_TICKED = f"<p>{escape(_NOTHING)}</p>"
_TITLE = "Safety check: tick any that fit you"
_THANKS = "Thank you for checking. Reading the course is always fine."
_BANNER_LEAD = "⚠ Before you try this exercise:"
_BANNER_MIDDLE = "in the safety check (notebook 00) you ticked:"


def _sources_html() -> str:
    rows = "".join(f"<li>{escape(flag.text)}: {escape(flag.source)}</li>" for flag in RED_FLAGS)
    return f"<details><summary>Where this list comes from</summary><ul>{rows}</ul></details>"


def _advice_html(ticked: Sequence[RedFlag]) -> str:
    """What to do, for the most urgent flag ticked; then the flags, each named."""
    advice = most_urgent(ticked)
    listed = "".join(f"<li>{escape(flag.text)}</li>" for flag in ticked)
    return (f"<p><strong>{escape(advice.heading)}.</strong> {escape(advice.action)}</p>"
            f"<p>You ticked:</p><ul>{listed}</ul>"
            f"<p>{escape(_THANKS)}</p>")


def most_urgent(ticked: Sequence[RedFlag]) -> UrgencyAdvice:
    """The advice for the most urgent of the ticked flags (there is at least one)."""
    return next(advice for advice in URGENCIES
                if any(flag.urgency == advice.urgency for flag in ticked))


def _items() -> list[ChecklistItem]:
    return [ChecklistItem(flag.id, flag.text, group=advice.heading)
            for advice, flags in flags_by_urgency() for flag in flags]


def _flags_config() -> dict[str, Any]:
    """The red flags and what to do for each urgency, for the web pages' script."""
    return {"checklist": SAFETY_CHECKLIST,
            "flags": [{"id": flag.id, "text": flag.text, "urgency": flag.urgency}
                      for flag in RED_FLAGS],
            "urgencies": [{"urgency": advice.urgency, "heading": advice.heading,
                           "action": advice.action} for advice in URGENCIES],
            "banner_lead": _BANNER_LEAD, "banner_middle": _BANNER_MIDDLE, "thanks": _THANKS,
            "nothing": _NOTHING}


class SafetyScreen(Previewed, widgets.VBox):
    """The red flags as a checklist grouped by urgency; any tick shows what to do and how
    soon (saved once, not per day)."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.checklist = Checklist(SAFETY_CHECKLIST, _items(), title=_TITLE, store=store)
        self.message = widgets.HTML()
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__([self.checklist, self.message, widgets.HTML(_sources_html())],
                         **kwargs)
        self.checklist.on_change(self._show)
        self._show(self.checklist)

    def preview(self) -> Rendered:
        """Every flag under its urgency, with what to do, so the list helps even unrun."""
        notes = {advice.heading: advice.action for advice in URGENCIES}
        body = ticked_list_html(self.checklist.items, set(self.checklist.checked), notes)
        return preview(self.checklist.title_text, "tick any that fit you",
                       body + _sources_html())

    def _show(self, checklist: Checklist) -> None:
        ticked = [flag for flag in RED_FLAGS if flag.id in checklist.checked]
        self.message.value = alert_html(_advice_html(ticked)) if ticked else _NOTHING_TICKED


def safety_screen(store: Store | None = None) -> SafetyScreen | Rendered:
    """The safety screen shown in the start-here notebook.

    In the web pages the site's script draws it and keeps the ticks on the device; with no
    script, the list itself says what to do for each group of red flags.
    """
    if exporting():
        config = {**_flags_config(), "list": checklist_config(
            SAFETY_CHECKLIST, _items(), title=_TITLE, daily=False),
            "sources": _sources_html()}
        return offline_part("safety", config, show_red_flags())
    return SafetyScreen(store)


def red_flag_banner(store: Store | None = None) -> Rendered | None:
    """A banner for exercise notebooks when the safety screen has a tick; None otherwise.

    In the web pages the site's script shows it from the ticks kept on the device.
    """
    if exporting():
        return offline_part("banner", _flags_config(), Rendered("", ""))
    saved = store_or_own(store).ticks(SAFETY_CHECKLIST)
    ticked = [flag for flag in RED_FLAGS if saved.get(flag.id)]
    if not ticked:
        return None
    advice = most_urgent(ticked)
    listed = "; ".join(flag.text for flag in ticked)
    html = alert_html(f"<strong>{escape(_BANNER_LEAD)}</strong> {escape(_BANNER_MIDDLE)} "
                      f"{escape(listed)}. "
                      f"<strong>{escape(advice.heading)}.</strong> {escape(advice.action)}")
    return Rendered(html, f"Before you try this exercise: you ticked {listed}. "
                          f"{advice.heading}. {advice.action}")

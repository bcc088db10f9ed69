"""The safety screen: the red flags as a checklist, kept once (not per day), with advice
that fits what was ticked; a dated "I have been checked" answer for each ticked flag,
asked again after ``CLEARANCE_DAYS``; and the banner exercise notebooks show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, alert_html, exporting, offline_part, preview, today
from ..content import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    URGENCIES,
    RedFlag,
    UrgencyAdvice,
    clearance_expired,
    flags_by_urgency,
)
from ..progress import Store, StoreError, store_or_own
from ._cards import show_red_flags
from ._checklist import (
    TICKS_COME_BACK,
    Checklist,
    ChecklistItem,
    checklist_config,
    ticked_list_html,
)
from ._notices import SavingNotice

__all__ = ["CLEARED_CHECKLIST", "SAFETY_CHECKLIST", "SafetyScreen", "SafetyState", "most_urgent",
           "red_flag_banner", "safety_screen", "safety_state"]

SAFETY_CHECKLIST = "safety-screen"
# "A clinician checked this flag and said I can exercise": one tick per flag, kept once;
# its date is when it was ticked.
CLEARED_CHECKLIST = "safety-cleared"

# A checklist cannot rule everything out, so an empty one promises nothing.
_NOTHING = ("Nothing ticked. No checklist can catch everything, so start gently and stop if "
            "something feels wrong. Come back to this list if anything about your health "
            "changes.")
_NOTHING_TICKED = f"<p>{escape(_NOTHING)}</p>"
_TITLE = "Safety check: tick any that fit you"
# Said only after the calmer kinds of advice: nothing soothing follows an emergency.
_THANKS = "Thank you for checking. Reading the course is always fine."
_CALM_URGENCIES = ("see-clinician", "soon")
_BANNER_LEAD = "⚠ Before you try this exercise:"
_BANNER_MIDDLE = "in the safety check (notebook 00) you ticked:"
_CLEARED_HEADING = "Already checked by a doctor or physiotherapist?"
_CLEARED_LEAD = (f"If a doctor or physiotherapist has checked you for a sign you ticked and "
                 f"told you that you can exercise, tick it below. The course will ask you "
                 f"again after {CLEARANCE_DAYS} days, in case anything has changed (this is "
                 f"the course's own rule).")
_CLEARED_LABEL = "I have been checked for this and told I can exercise"
_ALL_CLEARED = ("You told the course that a doctor or physiotherapist checked every sign you "
                "ticked and said you can exercise. If anything new happens or gets worse, "
                "stop and get help as the list says.")
_EXPIRED = (f"More than {CLEARANCE_DAYS} days have passed since you said you were checked "
            "for this. Please look again: if it still holds, tick it once more.")


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _cleared_label(flag: RedFlag, day: dt.date | None) -> str:
    said = f" (you said so on {_long_date(day)})" if day else ""
    return f"{_CLEARED_LABEL}{said}: {flag.text}"


@dataclass(frozen=True)
class SafetyState:
    """What the learner said in the safety check: the flags ticked, and which of them a
    clinician checked (with the day they said so), still valid or too old."""

    ticked: tuple[RedFlag, ...] = ()
    cleared: dict[str, dt.date] = field(default_factory=dict)  # flag id -> day, still valid
    expired: dict[str, dt.date] = field(default_factory=dict)  # flag id -> day, too old

    @property
    def open_flags(self) -> tuple[RedFlag, ...]:
        """Ticked flags with no valid "I have been checked": the ones that need action."""
        return tuple(flag for flag in self.ticked if flag.id not in self.cleared)


def _cleared_day(stamp: str) -> dt.date | None:
    try:
        return dt.datetime.fromisoformat(stamp).date()
    except ValueError:
        return None  # an unreadable date clears nothing


def safety_state(store: Store | None = None, on: dt.date | None = None) -> SafetyState:
    """The learner's safety-check answers on the day ``on`` (today by default)."""
    store = store_or_own(store)
    on = on or today()
    try:
        saved = store.ticks(SAFETY_CHECKLIST)
        stamps = store.tick_times(CLEARED_CHECKLIST)
    except StoreError:
        return SafetyState()  # the notice beside the list says why nothing was read
    ticked = tuple(flag for flag in RED_FLAGS if saved.get(flag.id))
    cleared: dict[str, dt.date] = {}
    expired: dict[str, dt.date] = {}
    for flag in ticked:
        day = _cleared_day(stamps.get(flag.id, ""))
        if day is not None:
            (expired if clearance_expired(day, on) else cleared)[flag.id] = day
    return SafetyState(ticked, cleared, expired)


def _sources_html() -> str:
    rows = "".join(f"<li>{escape(flag.text)}: {escape(flag.source)}</li>" for flag in RED_FLAGS)
    return f"<details><summary>Where this list comes from</summary><ul>{rows}</ul></details>"


def most_urgent(ticked: Sequence[RedFlag]) -> UrgencyAdvice:
    """The advice for the most urgent of the ticked flags (there is at least one)."""
    return next(advice for advice in URGENCIES
                if any(flag.urgency == advice.urgency for flag in ticked))


def _advice_html(state: SafetyState) -> str:
    """What to do, for the most urgent flag not yet checked; then those flags, each named
    with its own note and, where an old "checked" ran out, why it is asked again."""
    flags = state.open_flags
    if not flags:
        return f"<p>{escape(_ALL_CLEARED)}</p>"
    advice = most_urgent(flags)
    listed = "".join(
        f"<li>{escape(flag.text)}"
        + (f" <strong>{escape(flag.note)}</strong>" if flag.note else "")
        + (f" <em>{escape(_EXPIRED)}</em>" if flag.id in state.expired else "") + "</li>"
        for flag in flags)
    thanks = f"<p>{escape(_THANKS)}</p>" if advice.urgency in _CALM_URGENCIES else ""
    return (f"<p><strong>{escape(advice.heading)}.</strong> {escape(advice.action)}</p>"
            f"<p>You ticked:</p><ul>{listed}</ul>{thanks}")


def _items() -> list[ChecklistItem]:
    return [ChecklistItem(flag.id, flag.text, group=advice.heading)
            for advice, flags in flags_by_urgency() for flag in flags]


def _flags_config() -> dict[str, Any]:
    """The red flags and what to do for each urgency, for the web pages' script."""
    return {"checklist": SAFETY_CHECKLIST, "cleared_checklist": CLEARED_CHECKLIST,
            "clearance_days": CLEARANCE_DAYS,
            "flags": [{"id": flag.id, "text": flag.text, "urgency": flag.urgency,
                       "note": flag.note} for flag in RED_FLAGS],
            "urgencies": [{"urgency": advice.urgency, "heading": advice.heading,
                           "action": advice.action} for advice in URGENCIES],
            "calm_urgencies": list(_CALM_URGENCIES),
            "banner_lead": _BANNER_LEAD, "banner_middle": _BANNER_MIDDLE, "thanks": _THANKS,
            "nothing": _NOTHING, "cleared_heading": _CLEARED_HEADING,
            "cleared_lead": _CLEARED_LEAD, "cleared_label": _CLEARED_LABEL,
            "all_cleared": _ALL_CLEARED, "expired": _EXPIRED}


class SafetyScreen(Previewed, widgets.VBox):
    """The red flags as a checklist grouped by urgency; any tick shows what to do and how
    soon (saved once, not per day), and a box to say a clinician has checked it."""

    def __init__(self, store: Store | None = None, *, on: dt.date | None = None,
                 **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self.on = on
        self.checklist = Checklist(SAFETY_CHECKLIST, _items(), title=_TITLE, store=self.store)
        self.message = widgets.HTML()
        self.clearance = widgets.VBox()
        self.cleared_boxes: dict[str, widgets.Checkbox] = {}
        self.notice = SavingNotice(self.store)
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__([self.checklist, self.message, self.clearance, self.notice,
                          widgets.HTML(_sources_html())], **kwargs)
        self.checklist.on_change(lambda _: self._show())
        self._show()

    @property
    def state(self) -> SafetyState:
        return safety_state(self.store, self.on)

    def preview(self) -> Rendered:
        """Every flag under its urgency, with what to do, so the list helps even unrun."""
        notes = {advice.heading: advice.action for advice in URGENCIES}
        # No ticks of the day it was saved: they would be stale on a later visit.
        body = (ticked_list_html(self.checklist.items, set(), notes)
                + f"<p><em>{escape(TICKS_COME_BACK)}</em></p>")
        return preview(self.checklist.title_text, "tick any that fit you",
                       body + _sources_html())

    def mark_checked(self, flag_id: str, checked: bool = True) -> None:
        """Say (or take back) that a clinician checked a ticked flag, as its box would."""
        if flag_id not in self.cleared_boxes:
            raise KeyError(f"{flag_id!r} is not ticked in the safety check, so there is "
                           "nothing to mark as checked.")
        self.cleared_boxes[flag_id].value = checked

    def _save_cleared(self, flag_id: str, checked: bool) -> None:
        # Only the advice and this box's words change: the box is not replaced under the
        # learner's pointer.
        self.notice.keep(lambda: self.store.set_tick(CLEARED_CHECKLIST, flag_id, checked))
        state = self.state
        self._show_advice(state)
        box = self.cleared_boxes[flag_id]
        box.description = _cleared_label(next(f for f in state.ticked if f.id == flag_id),
                                         state.cleared.get(flag_id))

    def _show_advice(self, state: SafetyState) -> None:
        # What to do for each group with an open tick, right under that group's boxes, so
        # the advice for an emergency is where the learner's eyes already are.
        open_ids = {flag.id for flag in state.open_flags}
        for advice, flags in flags_by_urgency():
            note = self.checklist.group_notes.get(advice.heading)
            if note is None:
                continue
            ticked_here = any(flag.id in open_ids for flag in flags)
            note.value = (alert_html(f"<strong>{escape(advice.heading)}.</strong> "
                                     f"{escape(advice.action)}") if ticked_here else "")
        if not state.ticked:
            self.message.value = _NOTHING_TICKED
        elif state.open_flags:
            self.message.value = alert_html(_advice_html(state))
        else:
            self.message.value = _advice_html(state)

    def _show(self) -> None:
        state = self.state
        self._show_advice(state)
        boxes: list[widgets.Widget] = []
        self.cleared_boxes = {}
        for flag in state.ticked:
            day = state.cleared.get(flag.id)
            box = widgets.Checkbox(value=day is not None, description=_cleared_label(flag, day),
                                   indent=False,
                                   layout=widgets.Layout(width="auto", max_width="100%"))
            box.observe(lambda change, flag_id=flag.id: self._save_cleared(flag_id,
                                                                           change["new"]),
                        names="value")
            self.cleared_boxes[flag.id] = box
            boxes.append(box)
        heading = [widgets.HTML(f"<h4>{escape(_CLEARED_HEADING)}</h4>"
                                f"<p>{escape(_CLEARED_LEAD)}</p>")] if boxes else []
        self.clearance.children = (*heading, *boxes)


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


def red_flag_banner(store: Store | None = None, *, on: dt.date | None = None) -> Rendered | None:
    """A banner for exercise notebooks when the safety check has a tick; None otherwise.

    Ticked flags a clinician has checked (said within ``CLEARANCE_DAYS``) give a quiet
    reminder instead of the alert. In the web pages the site's script does the same from
    the ticks kept on the device.
    """
    if exporting():
        return offline_part("banner", _flags_config(), Rendered("", ""))
    state = safety_state(store, on)
    if not state.ticked:
        return None
    flags = state.open_flags
    if not flags:
        text = f"In the safety check (notebook 00): {_ALL_CLEARED}"
        return Rendered(f"<p><em>{escape(text)}</em></p>", text)
    advice = most_urgent(flags)
    listed = "; ".join(flag.text for flag in flags)
    expired = f" {_EXPIRED}" if any(flag.id in state.expired for flag in flags) else ""
    html = alert_html(f"<strong>{escape(_BANNER_LEAD)}</strong> {escape(_BANNER_MIDDLE)} "
                      f"{escape(listed)}. "
                      f"<strong>{escape(advice.heading)}.</strong> {escape(advice.action)}"
                      f"{escape(expired)}")
    return Rendered(html, f"Before you try this exercise: you ticked {listed}. "
                          f"{advice.heading}. {advice.action}{expired}")

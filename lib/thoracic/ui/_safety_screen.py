"""The safety screen: the red flags as a checklist, kept once (not per day), with advice
that fits what was ticked; a dated "I have been checked" answer for each ticked flag,
asked again after ``CLEARANCE_DAYS``; a dated "None of these fit me"; and the banner
exercise notebooks show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview, today
from ..content import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    URGENCIES,
    RedFlag,
    clearance_expired,
    flags_by_urgency,
)
from ..progress import Store, StoreError, store_or_own
from ._checklist import (
    TICKS_COME_BACK,
    ChecklistItem,
    checklist_config,
    ticked_list_html,
)
from ._part import CoursePart

__all__ = ["CLEARED_CHECKLIST", "NONE_FIT_CHECKLIST", "SAFETY_ANSWERS", "SAFETY_CHECKLIST",
           "RedFlagBanner", "SafetyScreen", "SafetyState", "red_flag_banner", "red_flag_config",
           "safety_answered", "safety_screen", "safety_state"]

SAFETY_CHECKLIST = "safety-screen"
# "A clinician checked this flag and said I can exercise": one tick per flag, kept once;
# its date is when it was ticked.
CLEARED_CHECKLIST = "safety-cleared"
# "None of these fit me": one tick, kept once; its date is when the learner last said so.
# With any tick of the list itself, it tells Today that the check has been answered.
NONE_FIT_CHECKLIST = "safety-none-fit"
_NONE_FIT_ITEM = "none-fit"
# The check is answered once either list holds anything (a flag unticked again counts).
SAFETY_ANSWERS = (SAFETY_CHECKLIST, NONE_FIT_CHECKLIST)

# A checklist cannot rule everything out, so an empty one promises nothing.
_NOTHING = ("Nothing ticked. No checklist can catch everything, so start gently and stop if "
            "something feels wrong. Come back to this list if anything about your health "
            "changes.")
_TITLE = "Safety check: tick any that fit you"
# Said only after the calmer kinds of advice: nothing soothing follows an emergency.
_THANKS = "Thank you for checking. Reading the course is always fine."
_NONE_FIT_LABEL = "None of these fit me"
_NONE_FIT_SAID = "You told the course that none of these fit you on"
_CALM_URGENCIES = ("see-clinician", "soon")
_BANNER_LEAD = "⚠ Read this first:"
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


def _items() -> list[ChecklistItem]:
    return [ChecklistItem(flag.id, flag.text, group=advice.heading)
            for advice, flags in flags_by_urgency() for flag in flags]


def red_flag_config() -> dict[str, Any]:
    """The red flags and what to do for each urgency: the banner's config, which the
    site's home page shows too."""
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
            "all_cleared": _ALL_CLEARED, "expired": _EXPIRED,
            "none_fit_checklist": NONE_FIT_CHECKLIST, "none_fit_item": _NONE_FIT_ITEM,
            "none_fit_label": _NONE_FIT_LABEL, "none_fit_said": _NONE_FIT_SAID}


def safety_answered(store: Store) -> bool:
    """Whether the learner has answered the safety check: ticked (or unticked) a flag, or
    said none of them fit."""
    return any(store.ticks(checklist) for checklist in SAFETY_ANSWERS)


def _kept(store: Store) -> dict[str, Any]:
    """What the safety check and its banner show: the ticked flags, the day a clinician's
    check was said for each, the day the learner last said none fit, and today (the
    front-end works out which have run out)."""
    none_fit = store.tick_times(NONE_FIT_CHECKLIST).get(_NONE_FIT_ITEM)
    return {"ticked": {flag: True for flag, on in store.ticks(SAFETY_CHECKLIST).items() if on},
            "checked_on": {flag: stamp[:10] for flag, stamp
                           in store.tick_times(CLEARED_CHECKLIST).items()},
            "none_fit_on": none_fit[:10] if none_fit else None,
            "today": today().isoformat()}


class SafetyScreen(CoursePart):
    """The red flags as a checklist grouped by urgency; any tick shows what to do and how
    soon (saved once, not per day), and a box to say a clinician has checked it."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"tick": "_tick", "clear": "_clear",
                                            "none-fit": "_none_fit"}

    def __init__(self, store: Store | None = None, *, on: dt.date | None = None,
                 **kwargs: Any) -> None:
        self.on = on
        self.items = tuple(_items())
        config = {**red_flag_config(), "list": checklist_config(
            SAFETY_CHECKLIST, self.items, title=_TITLE, daily=False),
            "sources": _sources_html()}
        super().__init__(store, kind="safety", config=config, **kwargs)

    def read_kept(self) -> dict[str, Any]:
        kept = _kept(self.store)
        if self.on is not None:
            kept["today"] = self.on.isoformat()
        return kept

    @property
    def state(self) -> SafetyState:
        return safety_state(self.store, self.on)

    def preview(self) -> Rendered:
        """Every flag under its urgency, with what to do, so the list helps even unrun."""
        notes = {advice.heading: advice.action for advice in URGENCIES}
        # No ticks of the day it was saved: they would be stale on a later visit.
        body = (ticked_list_html(self.items, set(), notes)
                + f"<p><em>{escape(TICKS_COME_BACK)}</em></p>")
        return preview(_TITLE, "tick any that fit you", body + _sources_html())

    def toggle(self, flag_id: str, value: bool = True) -> bool:
        """Tick (or untick) one red flag, as its box would; whether it was kept."""
        return self.handle({"do": "tick", "item": flag_id, "on": value})

    def mark_checked(self, flag_id: str, checked: bool = True) -> bool:
        """Say (or take back) that a clinician checked a ticked flag, as its box would."""
        if flag_id not in {flag.id for flag in self.state.ticked}:
            raise KeyError(f"{flag_id!r} is not ticked in the safety check, so there is "
                           "nothing to mark as checked.")
        return self.handle({"do": "clear", "item": flag_id, "on": checked})

    def say_none_fit(self) -> bool:
        """Say that none of the flags fit, as the "None of these fit me" button does;
        whether it was kept."""
        return self.handle({"do": "none-fit"})

    def _flag(self, message: Mapping[str, Any]) -> tuple[str, bool]:
        item, on = message["item"], message["on"]
        if item not in {flag.id for flag in RED_FLAGS} or not isinstance(on, bool):
            raise ValueError(f"no red flag {item!r} to mark {on!r}")
        return item, on

    def _tick(self, message: Mapping[str, Any]) -> None:
        self.store.set_tick(SAFETY_CHECKLIST, *self._flag(message))

    def _clear(self, message: Mapping[str, Any]) -> None:
        flag, on = self._flag(message)
        if on and flag not in {ticked.id for ticked in self.state.ticked}:
            raise ValueError(f"{flag!r} is not ticked, so there is nothing to mark as checked")
        self.store.set_tick(CLEARED_CHECKLIST, flag, on)

    def _none_fit(self, message: Mapping[str, Any]) -> None:
        if self.state.ticked:
            raise ValueError("a sign is ticked above: untick it first if it does not fit you")
        self.store.set_tick(NONE_FIT_CHECKLIST, _NONE_FIT_ITEM, True)


class RedFlagBanner(CoursePart):
    """The banner exercise notebooks show when the safety check has a tick: the alert and
    what to do, or a quiet line when a clinician checked every ticked flag; nothing when
    nothing is ticked."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        super().__init__(store, kind="banner", config=red_flag_config(), **kwargs)

    def read_kept(self) -> dict[str, Any]:
        return _kept(self.store)

    def preview(self) -> Rendered:
        # Stored previews show no ticks of the day they were saved.
        return Rendered("", "")


def safety_screen(store: Store | None = None) -> SafetyScreen:
    """The safety screen shown in the start-here notebook."""
    return SafetyScreen(store)


def red_flag_banner(store: Store | None = None) -> RedFlagBanner:
    """The red-flag banner for an exercise notebook (empty while nothing is ticked)."""
    return RedFlagBanner(store)

"""The safety screen's "I have been checked" answer: dated, kept, given to the front-end
in ``kept`` (the screen's and the banner's), and open again once it is older than the
course's clearance window. What the alert says is drawn by parts.js and tested there."""

from __future__ import annotations

import datetime as dt

import pytest

from thoracic.content import CLEARANCE_DAYS
from thoracic.progress import ProgressStore
from thoracic.ui import (
    CLEARED_CHECKLIST,
    NONE_FIT_CHECKLIST,
    SAFETY_CHECKLIST,
    SafetyScreen,
    SafetyState,
    red_flag_banner,
    safety_answered,
    safety_state,
)


def _stamp_day(store: ProgressStore, flag_id: str) -> dt.date:
    return dt.datetime.fromisoformat(store.tick_times(CLEARED_CHECKLIST)[flag_id]).date()


def test_a_ticked_flag_can_be_marked_checked_and_stops_being_open(
        store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    banner = red_flag_banner(store)
    assert screen.kept["checked_on"] == {} and screen.state == SafetyState()
    assert screen.toggle("trauma", True) is True
    assert [flag.id for flag in screen.state.open_flags] == ["trauma"]
    assert screen.mark_checked("trauma") is True
    cleared_on = _stamp_day(store, "trauma")
    assert screen.kept["checked_on"] == {"trauma": cleared_on.isoformat()}
    assert banner.kept["checked_on"] == {"trauma": cleared_on.isoformat()}  # it follows
    on = cleared_on + dt.timedelta(days=1)
    state = safety_state(store, on)
    assert state.cleared == {"trauma": cleared_on} and state.open_flags == ()
    # Kept: a new screen and a new banner show it, with the day it was said.
    again = SafetyScreen(store, on=on)
    assert again.kept == {"ticked": {"trauma": True},
                          "checked_on": {"trauma": cleared_on.isoformat()},
                          "none_fit_on": None, "today": on.isoformat()}
    assert again.state.cleared == {"trauma": cleared_on}
    assert red_flag_banner(store).kept["checked_on"] == {"trauma": cleared_on.isoformat()}
    # Taken back: the flag is open again.
    assert screen.mark_checked("trauma", False) is True
    assert screen.kept["checked_on"] == {} and store.ticks(CLEARED_CHECKLIST) == {
        "trauma": False}
    assert [flag.id for flag in screen.state.open_flags] == ["trauma"]


def test_the_checked_answer_expires_and_the_flag_is_open_again(
        store: ProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    screen = SafetyScreen(store)
    screen.toggle("fever", True)
    screen.mark_checked("fever")
    cleared_on = _stamp_day(store, "fever")
    last_good = cleared_on + dt.timedelta(days=CLEARANCE_DAYS)
    assert safety_state(store, last_good).open_flags == ()
    assert safety_state(store, last_good).cleared == {"fever": cleared_on}
    later = last_good + dt.timedelta(days=1)
    state = safety_state(store, later)
    assert [flag.id for flag in state.open_flags] == ["fever"]
    assert state.expired == {"fever": cleared_on} and state.cleared == {}
    stale = SafetyScreen(store, on=later)
    assert stale.state == state
    # the front-end works out from these that the answer ran out, and asks again
    assert stale.kept["today"] == later.isoformat()
    assert stale.kept["checked_on"] == {"fever": cleared_on.isoformat()}
    monkeypatch.setenv("THORACIC_TODAY", later.isoformat())
    banner = red_flag_banner(store)
    assert banner.kept == stale.kept
    assert [flag.id for flag in safety_state(store).open_flags] == ["fever"]


def test_only_unchecked_flags_stay_open(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.toggle("tearing-pain", True)
    screen.toggle("weight-loss", True)
    assert [flag.id for flag in screen.state.open_flags] == ["tearing-pain", "weight-loss"]
    screen.mark_checked("tearing-pain")
    assert [flag.id for flag in screen.state.open_flags] == ["weight-loss"]
    assert [flag.id for flag in screen.state.ticked] == ["tearing-pain", "weight-loss"]


def test_unticking_a_flag_leaves_nothing_to_mark_checked(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.toggle("deformity", True)
    screen.mark_checked("deformity")
    screen.toggle("deformity", False)
    assert screen.kept["ticked"] == {} and screen.state == SafetyState()
    with pytest.raises(KeyError, match="not ticked in the safety check"):
        screen.mark_checked("deformity")


def test_a_mark_the_page_sends_for_no_red_flag_is_refused(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    assert screen.toggle("not-a-flag", True) is False
    assert "no red flag 'not-a-flag'" in screen.status["problem"]
    assert screen.handle({"do": "clear", "item": "fever", "on": "yes"}) is False
    assert screen.handle({"do": "tick", "item": "fever"}) is False
    assert screen.status["n"] == 3 and screen.status["problem"]
    assert store.ticks(SAFETY_CHECKLIST) == {} and store.ticks(CLEARED_CHECKLIST) == {}
    assert screen.kept["ticked"] == {}


def test_a_damaged_checked_date_clears_nothing(store: ProgressStore) -> None:
    store.set_tick("safety-screen", "fever", True)
    with store._transaction() as db:
        db.execute("INSERT INTO checklist_ticks VALUES (?, ?, '', 1, 'not a date')",
                   (CLEARED_CHECKLIST, "fever"))
    assert [flag.id for flag in safety_state(store).open_flags] == ["fever"]


def test_none_of_these_fit_is_an_answer_kept_with_its_day(store: ProgressStore) -> None:
    """Saying none of the flags fit is kept once, dated, and counts as answering the check;
    it is refused while a flag is ticked (the two cannot both be true)."""
    screen = SafetyScreen(store)
    assert screen.kept["none_fit_on"] is None and not safety_answered(store)
    assert screen.say_none_fit() is True
    said = dt.datetime.fromisoformat(store.tick_times(NONE_FIT_CHECKLIST)["none-fit"]).date()
    assert screen.kept["none_fit_on"] == said.isoformat()
    assert safety_answered(store) and screen.state == SafetyState()  # no flag from it
    assert SafetyScreen(store).kept["none_fit_on"] == said.isoformat()  # kept
    screen.toggle("fever", True)
    assert screen.say_none_fit() is False
    assert "untick it first" in screen.status["problem"]


def test_a_flag_ticked_and_unticked_again_has_answered_the_check(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.toggle("fever", True)
    screen.toggle("fever", False)
    assert safety_answered(store) and screen.state.ticked == ()

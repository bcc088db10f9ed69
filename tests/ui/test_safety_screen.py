"""The safety screen's "I have been checked" answer: dated, kept, shown, and asked again
once it is older than the course's clearance window."""

from __future__ import annotations

import datetime as dt

import pytest

from thoracic.content import CLEARANCE_DAYS
from thoracic.progress import ProgressStore
from thoracic.ui import CLEARED_CHECKLIST, SafetyScreen, red_flag_banner, safety_state


def _stamp_day(store: ProgressStore, flag_id: str) -> dt.date:
    return dt.datetime.fromisoformat(store.tick_times(CLEARED_CHECKLIST)[flag_id]).date()


def test_a_ticked_flag_can_be_marked_checked_and_the_alert_goes(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    assert screen.cleared_boxes == {}
    screen.checklist.toggle("trauma", True)
    assert set(screen.cleared_boxes) == {"trauma"}
    assert 'role="alert"' in screen.message.value
    screen.mark_checked("trauma")
    cleared_on = _stamp_day(store, "trauma")
    on = cleared_on + dt.timedelta(days=1)
    state = safety_state(store, on)
    assert state.cleared == {"trauma": cleared_on} and state.open_flags == ()
    assert 'role="alert"' not in screen.message.value
    assert "checked every sign you ticked" in screen.message.value
    banner = red_flag_banner(store, on=on)
    assert banner is not None and 'role="alert"' not in banner.html
    assert "checked every sign you ticked" in banner.text
    # Kept: a new screen shows the box ticked, with the day it was said.
    again = SafetyScreen(store)
    assert again.cleared_boxes["trauma"].value
    assert f"{cleared_on.day} {cleared_on:%B %Y}" in again.cleared_boxes["trauma"].description


def test_the_checked_answer_expires_and_the_alert_comes_back(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.checklist.toggle("fever", True)
    screen.mark_checked("fever")
    cleared_on = _stamp_day(store, "fever")
    last_good = cleared_on + dt.timedelta(days=CLEARANCE_DAYS)
    assert safety_state(store, last_good).open_flags == ()
    later = last_good + dt.timedelta(days=1)
    state = safety_state(store, later)
    assert [flag.id for flag in state.open_flags] == ["fever"]
    assert state.expired == {"fever": cleared_on}
    banner = red_flag_banner(store, on=later)
    assert banner is not None and 'role="alert"' in banner.html
    assert "Urgent: speak to a doctor today" in banner.text
    assert f"More than {CLEARANCE_DAYS} days have passed" in banner.text
    stale = SafetyScreen(store, on=later)
    assert not stale.cleared_boxes["fever"].value  # asked again: the box is empty


def test_only_unchecked_flags_decide_the_advice(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.checklist.toggle("tearing-pain", True)
    screen.checklist.toggle("weight-loss", True)
    assert "Call your local emergency number" in screen.message.value
    screen.mark_checked("tearing-pain")
    assert "Call your local emergency number" not in screen.message.value
    assert "See a doctor or physiotherapist before you start" in screen.message.value


def test_unticking_a_flag_drops_its_checked_box(store: ProgressStore) -> None:
    screen = SafetyScreen(store)
    screen.checklist.toggle("deformity", True)
    screen.mark_checked("deformity")
    screen.checklist.toggle("deformity", False)
    assert screen.cleared_boxes == {}
    with pytest.raises(KeyError, match="not ticked in the safety check"):
        screen.mark_checked("deformity")


def test_a_damaged_checked_date_clears_nothing(store: ProgressStore) -> None:
    store.set_tick("safety-screen", "fever", True)
    with store._transaction() as db:
        db.execute("INSERT INTO checklist_ticks VALUES (?, ?, '', 1, 'not a date')",
                   (CLEARED_CHECKLIST, "fever"))
    assert [flag.id for flag in safety_state(store).open_flags] == ["fever"]


def test_the_advice_for_a_tick_sits_under_its_own_group(store: ProgressStore) -> None:
    """Ticking an emergency puts "call for help now" right under that group's boxes, not
    only at the foot of a long list, and nothing soothing follows it (issue 23)."""
    from thoracic.content import URGENCIES

    screen = SafetyScreen(store)
    emergency, urgent = URGENCIES[0], URGENCIES[1]
    notes = screen.checklist.group_notes
    assert all(note.value == "" for note in notes.values())
    screen.checklist.toggle("tearing-pain", True)
    assert 'role="alert"' in notes[emergency.heading].value
    assert emergency.action in notes[emergency.heading].value.replace("&#x27;", "'")
    assert notes[urgent.heading].value == ""
    children = list(screen.checklist.children)
    tearing_box = children.index(screen.checklist.boxes["tearing-pain"])
    note_at = children.index(notes[emergency.heading])
    first_urgent_box = min(children.index(screen.checklist.boxes[item.id])
                           for item in screen.checklist.items if item.group == urgent.heading)
    assert tearing_box < note_at < first_urgent_box  # between its group and the next
    assert "always fine" not in screen.message.value
    screen.checklist.toggle("tearing-pain", False)
    assert notes[emergency.heading].value == ""

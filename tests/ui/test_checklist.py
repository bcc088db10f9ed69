from __future__ import annotations

import pytest
from traitlets import TraitError

from thoracic import (
    Checklist,
    ProgressStore,
    daily_checklist,
    form_checklist,
    get_exercise,
    red_flag_banner,
    safety_screen,
)
from thoracic.content import RED_FLAGS
from thoracic.ui import ChecklistItem

ITEMS = [ChecklistItem("a", "First thing"), ChecklistItem("b", "Second thing"),
         ChecklistItem("c", "Third thing")]



def test_ticks_are_counted_saved_and_restored(store: ProgressStore) -> None:
    checklist = Checklist("test-list", ITEMS, title="Test", store=store)
    assert checklist.count.value == "<p><strong>0 of 3</strong> ticked</p>"
    checklist.boxes["b"].value = True  # as a click in the browser does
    checklist.toggle("c")
    assert checklist.checked == ["b", "c"] and checklist.done_count == 2
    assert "2 of 3" in checklist.count.value
    again = Checklist("test-list", ITEMS, title="Test", store=store)  # re-run or reopen
    assert again.checked == ["b", "c"]
    again.toggle("a", True)
    assert "3 of 3</strong> ticked ✓ All done" in again.count.value


def test_rewording_an_item_keeps_its_tick(store: ProgressStore) -> None:
    Checklist("test-list", ITEMS, title="Test", store=store).toggle("a", True)
    reworded = [ChecklistItem("a", "The first thing, said better"), *ITEMS[1:]]
    assert Checklist("test-list", reworded, title="Test", store=store).checked == ["a"]


def test_daily_lists_start_fresh_each_day(store: ProgressStore,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-01")
    daily_checklist(store).toggle("warm-up", True)
    assert daily_checklist(store).checked == ["warm-up"]
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-02")
    assert daily_checklist(store).checked == []


def test_controls_are_labelled_checkboxes(store: ProgressStore) -> None:
    checklist = form_checklist("childs-pose", store)
    cues = get_exercise("childs-pose").form_cues
    assert [box.description for box in checklist.boxes.values()] == [c.text for c in cues]
    assert checklist.checklist_id == "form-childs-pose" and checklist.daily


def test_bad_definitions_are_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="distinct ids"):
        Checklist("x", [ITEMS[0], ITEMS[0]], title="Dup", store=store)
    with pytest.raises(TraitError, match="checklist_id must be letters, digits and dashes"):
        Checklist("no spaces!", ITEMS, title="Bad", store=store)
    with pytest.raises(KeyError, match="No item 'zzz'"):
        Checklist("x", ITEMS, title="X", store=store).toggle("zzz")


def test_safety_screen_kindly_advises_and_exercises_show_a_banner(store: ProgressStore) -> None:
    screen = safety_screen(store)
    assert "Nothing ticked" in screen.message.value
    assert red_flag_banner(store) is None
    screen.checklist.toggle("fever", True)
    assert "see a doctor or physiotherapist before you start" in screen.message.value
    assert "call emergency services" not in screen.message.value
    banner = red_flag_banner(store)
    assert banner is not None and "You have a fever or chills" in banner.html
    screen.checklist.toggle("chest-pain-emergency", True)
    assert "call emergency services" in screen.message.value
    # saved once, not per day: a new kernel on another day still sees it
    assert safety_screen(store).checklist.checked == ["chest-pain-emergency", "fever"]
    assert len(screen.checklist.boxes) == len(RED_FLAGS)

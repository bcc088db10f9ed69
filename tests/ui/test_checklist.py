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


def test_safety_screen_says_how_soon_and_exercises_show_a_banner(store: ProgressStore) -> None:
    screen = safety_screen(store)
    assert "Nothing ticked" in screen.message.value
    assert "ready to start" not in screen.message.value  # a checklist promises nothing
    assert red_flag_banner(store) is None
    screen.checklist.toggle("weight-loss", True)
    assert "See a doctor or physiotherapist before you start" in screen.message.value
    assert "today" not in screen.message.value and "emergency" not in screen.message.value
    banner = red_flag_banner(store)
    assert banner is not None and "You have lost weight without trying" in banner.html
    screen.checklist.toggle("fever", True)  # the most urgent tick decides the advice
    assert "Urgent: speak to a doctor today" in screen.message.value
    screen.checklist.toggle("saddle-numbness", True)
    assert "Call your local emergency number" in screen.message.value
    assert "Reading the course is always fine" not in screen.message.value  # not after this
    banner = red_flag_banner(store)
    assert banner is not None and "Call your local emergency number" in banner.text
    # saved once, not per day: a new kernel on another day still sees it
    assert safety_screen(store).checklist.checked == ["saddle-numbness", "fever", "weight-loss"]
    assert len(screen.checklist.boxes) == len(RED_FLAGS)


def test_safety_screen_groups_flags_under_their_urgency(store: ProgressStore) -> None:
    screen = safety_screen(store)
    texts = [getattr(child, "description", "") or getattr(child, "value", "")
             for child in screen.checklist.children]
    headings = [i for i, text in enumerate(texts) if text.startswith("<h4>")]
    assert [texts[i] for i in headings] == [
        "<h4>Emergency: call for help now</h4>", "<h4>Urgent: speak to a doctor today</h4>",
        "<h4>Before you exercise: see a doctor or physiotherapist</h4>",
        "<h4>Soon: book a visit to your doctor</h4>"]
    first_urgent = texts.index("A fever, chills or feeling very unwell together with your "
                               "back pain")
    assert headings[1] < first_urgent < headings[2]
    sources = screen.children[-1].value
    assert all(flag.source in sources for flag in RED_FLAGS)

"""Checklists as course parts: the host keeps each tick under the item's stable id (per day
for a daily list, once for the safety check), shows what is kept in ``kept``, and gives the
front-end the items and groups to draw. Wording and the "n of m" count are drawn by
parts.js and tested there."""

from __future__ import annotations

from pathlib import Path

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
from thoracic.content import RED_FLAGS, URGENCIES, flags_by_urgency
from thoracic.progress import LearnerStore
from thoracic.ui import SAFETY_CHECKLIST, ChecklistItem, RedFlagBanner, SafetyScreen

ITEMS = [ChecklistItem("a", "First thing"), ChecklistItem("b", "Second thing"),
         ChecklistItem("c", "Third thing")]


def test_ticks_are_counted_saved_and_restored(store: ProgressStore) -> None:
    checklist = Checklist("test-list", ITEMS, title="Test", store=store)
    assert checklist.kind == "checklist"
    assert checklist.kept == {"ticked": {}} and checklist.done_count == 0
    # as a click on box b in the browser sends it
    assert checklist.handle({"do": "tick", "item": "b", "on": True}) is True
    assert checklist.toggle("c") is True  # flips c on
    assert checklist.checked == ["b", "c"] and checklist.done_count == 2
    assert checklist.kept == {"ticked": {"b": True, "c": True}}
    assert checklist.status == {"n": 2, "problem": ""}
    assert store.ticks("test-list") == {"b": True, "c": True}
    again = Checklist("test-list", ITEMS, title="Test", store=store)  # re-run or reopen
    assert again.checked == ["b", "c"] and again.kept == {"ticked": {"b": True, "c": True}}
    again.toggle("a", True)
    again.toggle("b", False)
    assert again.checked == ["a", "c"] and again.done_count == 2
    assert again.kept == {"ticked": {"a": True, "c": True}}  # an unticked item is not shown
    assert store.ticks("test-list") == {"a": True, "b": False, "c": True}


def test_rewording_an_item_keeps_its_tick(store: ProgressStore) -> None:
    Checklist("test-list", ITEMS, title="Test", store=store).toggle("a", True)
    reworded = [ChecklistItem("a", "The first thing, said better"), *ITEMS[1:]]
    assert Checklist("test-list", reworded, title="Test", store=store).checked == ["a"]


def test_daily_lists_start_fresh_each_day(store: ProgressStore,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-01")
    daily_checklist(store).toggle("warm-up", True)
    assert daily_checklist(store).checked == ["warm-up"]
    assert store.ticks("daily-routine", day="2026-02-01") == {"warm-up": True}
    assert store.ticks("daily-routine") == {}  # not kept for good
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-02")
    fresh = daily_checklist(store)
    assert fresh.checked == [] and fresh.kept == {"ticked": {}}


def test_a_form_checklist_carries_each_cue_by_its_stable_id(store: ProgressStore) -> None:
    checklist = form_checklist("childs-pose", store)
    cues = get_exercise("childs-pose").form_cues
    assert checklist.checklist_id == "form-childs-pose" and checklist.daily
    assert checklist.config["id"] == "form-childs-pose" and checklist.config["daily"] is True
    assert checklist.config["items"] == [{"id": cue.id, "text": cue.text, "group": ""}
                                         for cue in cues]
    assert "count" not in checklist.config  # the count is shown


def test_bad_definitions_are_refused(store: ProgressStore) -> None:
    with pytest.raises(ValueError, match="distinct ids"):
        Checklist("x", [ITEMS[0], ITEMS[0]], title="Dup", store=store)
    with pytest.raises(TraitError, match="checklist_id must be letters, digits and dashes"):
        Checklist("no spaces!", ITEMS, title="Bad", store=store)
    with pytest.raises(KeyError, match="No item 'zzz'"):
        Checklist("x", ITEMS, title="X", store=store).toggle("zzz")


def test_a_tick_the_page_sends_for_no_item_is_refused_and_keeps_nothing(
        store: ProgressStore) -> None:
    checklist = Checklist("test-list", ITEMS, title="Test", store=store)
    assert checklist.handle({"do": "tick", "item": "zzz", "on": True}) is False
    assert checklist.handle({"do": "tick", "item": "a", "on": "yes"}) is False
    assert checklist.status["n"] == 2 and checklist.status["problem"]
    assert store.ticks("test-list") == {} and checklist.kept == {"ticked": {}}


def test_a_tick_the_store_refuses_is_reported_and_not_shown(tmp_path: Path, disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    checklist = Checklist("test-list", ITEMS, title="Test", store=store)
    changes: list[list[str]] = []
    checklist.on_change(lambda changed: changes.append(list(changed.checked)))
    disk_full.fill()
    assert checklist.toggle("a", True) is False
    assert "The disk is full" in checklist.status["problem"]
    assert "The disk is full" in checklist.saving  # the saving-off sentence
    assert checklist.kept == {"ticked": {}} and checklist.checked == [] and changes == []
    disk_full.free()  # space again: the same click now keeps it, with no restart
    assert checklist.toggle("a", True) is True
    assert checklist.status["problem"] == "" and checklist.saving == ""
    assert checklist.kept == {"ticked": {"a": True}} and changes == [["a"]]
    assert store.ticks("test-list") == {"a": True}


def test_the_stored_preview_lists_the_items_without_the_days_ticks(
        store: ProgressStore) -> None:
    checklist = Checklist("test-list", ITEMS, title="Test", store=store)
    checklist.toggle("a", True)
    data = checklist._repr_mimebundle_()[0]  # anywidget: (data, metadata)
    html = data["text/html"]
    assert "thoracic-preview" in html and "<h3>Test</h3>" in html
    assert all(f"☐ {item.text}" in html for item in ITEMS) and "☑" not in html
    assert "Your saved ticks come back when you run this cell." in html
    assert data["text/plain"].startswith("Test. Run this cell (Shift+Enter) to tick these")


def test_safety_ticks_are_kept_once_and_exercises_show_a_banner(
        store: ProgressStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-01")
    screen = safety_screen(store)
    assert isinstance(screen, SafetyScreen) and screen.kind == "safety"
    banner = red_flag_banner(store)
    assert isinstance(banner, RedFlagBanner) and banner.kind == "banner"
    assert banner.kept == {"ticked": {}, "checked_on": {}, "none_fit_on": None,
                           "today": "2026-02-01"}
    assert banner.preview().html == "" and banner.preview().text == ""
    for flag in ("weight-loss", "fever", "saddle-numbness"):
        assert screen.toggle(flag, True) is True
    assert store.ticks(SAFETY_CHECKLIST) == dict.fromkeys(
        ("weight-loss", "fever", "saddle-numbness"), True)
    ticked = {"weight-loss": True, "fever": True, "saddle-numbness": True}
    assert screen.kept["ticked"] == ticked
    assert banner.kept["ticked"] == ticked  # the banner already on the page follows
    assert [flag.id for flag in screen.state.ticked] == [
        flag.id for flag in RED_FLAGS if flag.id in ticked]
    # saved once, not per day: a new kernel on another day still sees it
    monkeypatch.setenv("THORACIC_TODAY", "2026-03-01")
    later = red_flag_banner(store)
    assert later.kept == {"ticked": ticked, "checked_on": {}, "none_fit_on": None,
                          "today": "2026-03-01"}
    assert safety_screen(store).kept["ticked"] == ticked
    screen.toggle("fever", False)
    assert set(later.kept["ticked"]) == {"weight-loss", "saddle-numbness"}


def test_the_safety_check_gives_its_flags_under_their_urgency(store: ProgressStore) -> None:
    config = safety_screen(store).config
    items = config["list"]["items"]
    assert config["list"]["id"] == SAFETY_CHECKLIST and config["list"]["daily"] is False
    # the items run group by group, most urgent first, with every flag once
    assert [item["id"] for item in items] == [
        flag.id for _, flags in flags_by_urgency() for flag in flags]
    assert sorted(item["id"] for item in items) == sorted(flag.id for flag in RED_FLAGS)
    groups = list(dict.fromkeys(item["group"] for item in items))
    assert groups == [
        "Emergency: call for help now", "Urgent: speak to a doctor today",
        "Before you exercise: see a doctor or physiotherapist",
        "Soon: book a visit to your doctor"]
    assert groups == [advice.heading for advice in URGENCIES]  # advice goes under its group
    fever = next(item for item in items if item["id"] == "fever")
    assert fever["group"] == "Urgent: speak to a doctor today"
    assert all(flag.source in config["sources"] for flag in RED_FLAGS)
    # a checklist promises nothing, and nothing calm follows the two most urgent groups
    assert "ready to start" not in config["nothing"]
    assert config["calm_urgencies"] == ["see-clinician", "soon"]

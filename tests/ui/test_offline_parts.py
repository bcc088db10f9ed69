"""In the web pages every interactive part is the same widget as in JupyterLab: the export
runs the notebooks with an empty data folder, and each part carries in ``config`` all the
front-end needs to work on the device (taken from the course's records). The dashboard is
still a readable fallback marked for the site's script."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import (
    Checklist,
    daily_checklist,
    dashboard,
    fix_entries,
    form_checklist,
    get_exercise,
    knowledge_check,
    red_flag_banner,
    safety_screen,
    self_test_form,
)
from thoracic.content import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    SELF_TESTS,
    URGENCIES,
    load_questions,
)
from thoracic.practice import EntryFixer, LiveDashboard
from thoracic.ui import (
    CLEARED_CHECKLIST,
    SAFETY_CHECKLIST,
    KnowledgeCheck,
    RedFlagBanner,
    SafetyScreen,
    SelfTestForm,
)


@pytest.fixture(autouse=True)
def _web_pages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As ``thoracic export`` runs the notebooks: with an empty data folder."""
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path / "data"))


def test_a_form_checklist_keeps_its_stable_ids_and_is_daily() -> None:
    shown = form_checklist("childs-pose")
    assert isinstance(shown, Checklist) and shown.kind == "checklist"
    exercise = get_exercise("childs-pose")
    assert (shown.config["id"], shown.config["daily"]) == ("form-childs-pose", True)
    assert [(item["id"], item["text"]) for item in shown.config["items"]] == [
        (cue.id, cue.text) for cue in exercise.form_cues]
    assert shown.kept == {"ticked": {}}  # nothing of anyone's kept in the page
    daily = daily_checklist()
    assert isinstance(daily, Checklist)
    assert (daily.config["id"], daily.config["daily"]) == ("daily-routine", True)


def test_the_safety_check_carries_every_flag_with_its_urgency_and_advice() -> None:
    shown = safety_screen()
    assert isinstance(shown, SafetyScreen) and shown.kind == "safety"
    config = shown.config
    assert config["checklist"] == SAFETY_CHECKLIST
    assert config["cleared_checklist"] == CLEARED_CHECKLIST
    assert config["clearance_days"] == CLEARANCE_DAYS
    assert [(f["id"], f["urgency"], f["note"]) for f in config["flags"]] == [
        (flag.id, flag.urgency, flag.note) for flag in RED_FLAGS]
    assert [(u["urgency"], u["heading"], u["action"]) for u in config["urgencies"]] == [
        (u.urgency, u.heading, u.action) for u in URGENCIES]
    assert any("Call your local emergency number" in u["action"] for u in config["urgencies"])
    assert config["list"]["daily"] is False  # kept once, not per day
    assert shown.kept["ticked"] == {} and shown.kept["checked_on"] == {}


def test_the_banner_is_empty_until_the_front_end_finds_a_ticked_flag() -> None:
    shown = red_flag_banner()
    assert isinstance(shown, RedFlagBanner) and shown.kind == "banner"
    assert shown.config["banner_lead"].startswith("⚠")
    assert {f["id"] for f in shown.config["flags"]} == {flag.id for flag in RED_FLAGS}
    assert shown.kept["ticked"] == {}
    assert (shown.preview().html, shown.preview().text) == ("", "")


def test_a_quiz_carries_its_questions_answers_and_feedback() -> None:
    shown = knowledge_check("06-open-book")
    assert isinstance(shown, KnowledgeCheck) and shown.kind == "quiz"
    questions = [q for q in load_questions() if q.notebook == "06-open-book"]
    assert shown.config["questions"] == [
        {"id": q.id, "prompt": q.prompt, "choices": list(q.choices), "answer": q.answer,
         "feedback": list(q.feedback)} for q in questions]


@pytest.mark.parametrize("test", SELF_TESTS, ids=lambda test: test.id)
def test_a_self_test_form_names_its_test_sides_and_limits(test) -> None:
    shown = self_test_form(test.id)
    assert isinstance(shown, SelfTestForm) and shown.kind == "self-test"
    config = shown.config
    assert (config["test"], config["sides"]) == (test.id, list(test.sides))
    assert config["labels"] == [test.label(side) for side in test.sides]
    assert (config["low"], config["high"], config["whole_numbers"], config["unit"]) == (
        test.low, test.high, test.whole_numbers, test.unit)


def test_fixing_a_wrong_entry_is_the_same_part_with_nothing_listed() -> None:
    shown = fix_entries()
    assert isinstance(shown, EntryFixer) and shown.kind == "entries"
    assert shown.kept == {"entries": []}
    assert shown.config["nothing"] == "Nothing is kept yet."


def test_the_dashboard_is_the_same_part_with_the_notebook_s_words_and_nothing_kept() -> None:
    shown = dashboard()
    assert isinstance(shown, LiveDashboard) and shown.kind == "dashboard"
    config = shown.config
    assert config["facts"]["current"] == "Days in a row, up to now: {}"
    assert [z["word"] for z in config["scale"]["zones"]] == ["Green", "Amber", "Red"]
    assert config["nothing"].startswith("Nothing here yet.")
    assert [t["id"] for t in config["self_tests"]] == [t.id for t in SELF_TESTS]
    assert shown.kept["sessions"] == [] and shown.kept["example"] is False

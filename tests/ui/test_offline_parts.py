"""In the web pages every interactive part is a readable fallback marked for the site's
script, with its data taken from the course's records (and nothing the page cannot use)."""

from __future__ import annotations

from html import escape

import pytest

from thoracic import (
    Rendered,
    daily_checklist,
    dashboard,
    form_checklist,
    get_exercise,
    knowledge_check,
    red_flag_banner,
    safety_screen,
    self_test_form,
)
from thoracic.content import RED_FLAGS, URGENCIES, get_self_test, load_questions

from ..offline import offline_part_of


@pytest.fixture(autouse=True)
def _web_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_EXPORT", "1")


def test_a_form_checklist_keeps_its_stable_ids_and_is_daily() -> None:
    shown = form_checklist("childs-pose")
    assert isinstance(shown, Rendered)
    kind, config = offline_part_of(shown.html)
    exercise = get_exercise("childs-pose")
    assert (kind, config["id"], config["daily"]) == ("checklist", "form-childs-pose", True)
    assert [item["id"] for item in config["items"]] == [cue.id for cue in exercise.form_cues]
    assert all(escape(cue.text) in shown.html for cue in exercise.form_cues)  # readable as is
    assert offline_part_of(daily_checklist().html)[1]["id"] == "daily-routine"


def test_the_safety_check_carries_every_flag_with_its_urgency_and_advice() -> None:
    shown = safety_screen()
    kind, config = offline_part_of(shown.html)
    assert kind == "safety" and config["checklist"] == "safety-screen"
    assert {(f["id"], f["urgency"]) for f in config["flags"]} == {
        (flag.id, flag.urgency) for flag in RED_FLAGS}
    assert [u["urgency"] for u in config["urgencies"]] == [u.urgency for u in URGENCIES]
    # With no script, the list itself says what to do.
    assert "Call your local emergency number" in shown.html
    assert config["list"]["daily"] is False  # kept once, not per day


def test_the_banner_is_empty_until_the_script_finds_a_ticked_flag() -> None:
    shown = red_flag_banner()
    assert shown is not None
    kind, config = offline_part_of(shown.html)
    assert kind == "banner" and shown.text == ""
    assert config["banner_lead"].startswith("⚠")


def test_a_quiz_carries_its_questions_answers_and_feedback() -> None:
    shown = knowledge_check("06-open-book")
    kind, config = offline_part_of(shown.html)
    questions = [q for q in load_questions() if q.notebook == "06-open-book"]
    assert kind == "quiz"
    assert [(q["id"], q["answer"], q["feedback"]) for q in config["questions"]] == [
        (q.id, q.answer, list(q.feedback)) for q in questions]
    assert "Show the answer" in shown.html  # the readable fallback


def test_a_self_test_form_names_its_test_and_sides() -> None:
    kind, config = offline_part_of(self_test_form("seated-rotation").html)
    test = get_self_test("seated-rotation")
    assert kind == "self-test"
    assert (config["test"], config["sides"]) == (test.id, list(test.sides))
    assert config["labels"] == [test.label(side) for side in test.sides]


def test_the_dashboard_is_drawn_from_this_device_with_the_notebook_s_words() -> None:
    kind, config = offline_part_of(dashboard().html)
    assert kind == "dashboard"
    assert config["facts"]["current"] == "Days in a row, up to now: {}"
    assert [z["word"] for z in config["scale"]["zones"]] == ["Green", "Amber", "Red"]

from __future__ import annotations

from dataclasses import replace
from html import escape

import pytest

from thoracic import COURSE, course_map, get_exercise, routine_summary, show_exercise
from thoracic.content import RED_FLAGS, load_exercises
from thoracic.ui import show_red_flags

HEADINGS = ["What it is for", "You need", "Get into position", "Do the movement", "Breathing",
            "How much", "Check your form", "Common mistakes", "Make it easier", "Make it harder",
            "Skip it or change it if", "Stop if"]


@pytest.mark.parametrize("exercise_id", ["foam-roller-extension", "childs-pose",
                                         "kneeling-thoracic-extension"])
def test_card_shows_every_part_of_the_record(exercise_id: str) -> None:
    exercise = get_exercise(exercise_id)
    card = show_exercise(exercise_id)
    for heading in HEADINGS:
        assert f"<h4>{heading}</h4>" in card._repr_html_()
        assert f"{heading}:" in repr(card)
    for text in (*exercise.steps, *(cue.text for cue in exercise.form_cues), exercise.harder):
        assert text in repr(card)
    assert exercise.dose.describe() in repr(card).lower()


def test_card_escapes_text(monkeypatch: pytest.MonkeyPatch) -> None:
    hostile = replace(get_exercise("childs-pose"), name="<script>alert(1)</script>",
                      steps=("<b>x</b>", "fine"))
    monkeypatch.setattr("thoracic.ui._cards.get_exercise", lambda _id: hostile)
    html = show_exercise("childs-pose")._repr_html_()
    assert "<script>" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_red_flags_put_emergencies_first_and_say_what_to_do() -> None:
    shown = show_red_flags()
    lines = repr(shown).splitlines()[1:]
    assert lines[0].startswith("Emergency: call for help now: Call your local emergency number")
    assert sum(line.startswith("  - ") for line in lines) == len(RED_FLAGS)
    assert [line.split(":")[0] for line in lines if not line.startswith(" ")] == [
        "Emergency", "Urgent", "Before you exercise", "Soon"]
    assert all(escape(flag.source) in shown.html for flag in RED_FLAGS)


def test_course_map_links_every_notebook() -> None:
    html = course_map()._repr_html_()
    for info in COURSE:
        assert f'href="{info.filename}"' in html


@pytest.mark.parametrize("routine_id", ["daily", "strength-day"])
def test_routine_summary_totals_the_routine_s_exercises(routine_id: str) -> None:
    from thoracic.content import get_routine
    from thoracic.timer import routine_plan

    exercises = get_routine(routine_id).exercises
    total = routine_plan(routine_id).total_seconds
    count = len(exercises)
    assert total == sum(e.dose.total_seconds for e in exercises) + count * 10 + (count - 1) * 30
    text = repr(routine_summary(routine_id))
    assert text.splitlines()[0].startswith("1. Foam roller extension")
    minutes, seconds = divmod(round(total), 60)
    assert f"about {minutes} min {seconds} s" in text or f"about {minutes} min." in text


def test_the_card_offers_longer_holds_only_where_the_record_has_them() -> None:
    assert "Longer holds, for older adults" in repr(show_exercise("childs-pose"))
    assert "2 holds of 60 seconds" in repr(show_exercise("childs-pose"))
    assert "Longer holds" not in repr(show_exercise("open-book"))
    assert "A 30 s warm-up, then 3 sets of 6 slow reps" in repr(
        show_exercise("foam-roller-extension"))


@pytest.mark.parametrize("exercise", load_exercises(), ids=lambda e: e.id)
def test_every_exercise_has_a_chair_or_standing_version_in_card_and_timer(exercise, store) -> None:
    from thoracic.practice import exercise_timer

    assert exercise.chair and "chair" in exercise.doses
    card = show_exercise(exercise.id)
    assert "Off the floor: the chair or standing version" in card.text
    assert exercise.chair in card.text
    assert "Getting down to the floor" in card.text and "Getting up again" in card.text
    timer = exercise_timer(exercise.id, store=store).timer
    chair = next(v for v in timer.versions if v["key"] == "chair")
    assert chair["label"] == "Chair or standing (no floor)"
    assert chair["plan"]["phases"]  # dosed in its record, run by the timer


def test_the_card_tells_the_one_story_of_when_the_dose_changes() -> None:
    from thoracic.content import load_progression

    text = show_exercise("prone-y-raise").text
    assert all(line in text for line in load_progression().story)
    assert "two-reps-to-spare" not in text and "2 more good reps" in text

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import ProgressStore, todays_practice
from thoracic.content import get_routine, load_exercises
from thoracic.plan import expected_sets
from thoracic.timer import routine_minutes, routine_plan


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProgressStore:
    monkeypatch.setenv("THORACIC_TODAY", "2026-01-15")  # before any widget reads the date
    return ProgressStore(tmp_path / "progress.sqlite3")


def test_it_offers_the_routine_and_every_exercise_from_the_records(store) -> None:
    panel = todays_practice(store=store)
    config = panel.config
    routine = get_routine("daily")
    assert config["routine"]["name"] == routine.name
    assert config["routine"]["exercises"] == [e.name for e in routine.exercises]
    minutes = -(-routine_plan(routine).total_seconds // 60)  # whole minutes, rounded up
    assert config["routine"]["minutes"] == f"about {int(minutes)} min"
    assert [(e["name"], e["page"]) for e in config["exercises"]] == [
        (e.name, e.notebook) for e in load_exercises()]
    assert routine.name in panel.preview().text


def test_it_shows_what_is_done_today_and_when_the_next_day_check_is_due(store) -> None:
    panel = todays_practice(store=store)
    assert panel.kept == {"today": "2026-01-15", "sessions": [], "next_day_due": False,
                          "safety_answered": False,
                          "routine_minutes": routine_minutes("daily")}
    store.record_session("exercise", "Child's pose", 80, sets=1, day="2026-01-15")
    assert [s["exercise"] for s in panel.kept["sessions"]] == ["Child's pose"]  # redrawn
    assert panel.kept["next_day_due"] is False  # practised today: asked tomorrow
    store.record_session("routine", "Daily routine", 540, sets=4, day="2026-01-14")
    store.record_session("set", "Child's pose", 30, sets=1, day="2025-12-01")  # long ago
    assert panel.kept["next_day_due"] is True
    assert {s["day"] for s in panel.kept["sessions"]} == {"2026-01-14", "2026-01-15"}
    store.record_next_day_check("better", day="2026-01-15")
    assert panel.kept["next_day_due"] is False  # answered today


def test_the_routines_length_is_this_weeks_at_the_plans_doses(store) -> None:
    """After a week of complete, green sessions a dose steps up, and the routine's button
    says the longer time the routine's timer will run."""
    panel = todays_practice(store=store)
    exercise = get_routine("daily").exercises[-1]
    sets = expected_sets(exercise.doses["standard"])
    for day in ("2026-01-05", "2026-01-06", "2026-01-08"):  # last week; today is Thursday
        store.record_session("exercise", exercise.name, 60, sets=sets, day=day, rating=1,
                             version="standard")
    assert panel.kept["routine_minutes"] == routine_minutes(
        "daily", versions={exercise.id: "harder"}) > routine_minutes("daily")


def test_its_links_to_the_safety_check_and_the_next_day_check_land_on_them(
        store, notebooks_dir: Path) -> None:
    """Each "#section" is the id Jupyter (and the site) gives a heading of that page, and
    the part the link is about is under that heading."""
    import nbformat

    config = todays_practice(store=store).config
    for page, part in ((config["safety"]["page"], "safety_screen("),
                       (config["next_day"]["page"], "next_day_check(")):
        name, section = page.split("#")
        nb = nbformat.read(notebooks_dir / f"{name}.ipynb", as_version=4)
        under = None
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                for line in cell.source.splitlines():
                    if line.startswith("#"):
                        under = line.lstrip("#").strip().replace(" ", "-")
            elif part in cell.source:
                break
        assert under == section, (page, under)


def test_it_knows_when_the_safety_check_is_answered(store) -> None:
    """Today asks for the safety check until it is answered (the front-end also asks after
    two weeks without practice): the site reads the same lists as Python does."""
    from thoracic.ui import NONE_FIT_CHECKLIST, SAFETY_CHECKLIST, SafetyScreen

    panel = todays_practice(store=store)
    assert panel.config["safety"]["answers"] == [SAFETY_CHECKLIST, NONE_FIT_CHECKLIST]
    store.record_session("exercise", "Child's pose", 80, sets=1, day="2026-01-15")
    assert panel.kept["safety_answered"] is False  # practice is not an answer
    SafetyScreen(store).say_none_fit()
    assert panel.kept["safety_answered"] is True

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from thoracic import ProgressStore, do_it_now
from thoracic.content import get_exercise, get_routine, load_exercises
from thoracic.practice import exercise_timer, routine_timer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path: Path) -> ProgressStore:
    return ProgressStore(tmp_path / "progress.sqlite3")


def test_it_names_the_timer_it_opens_by_its_plan(store) -> None:
    button = do_it_now("childs-pose", store=store)
    assert button.kind == "do-it-now"
    assert button.config["timer"] == exercise_timer("childs-pose", store=store).timer.plan["name"]
    routine = do_it_now(routine="daily", store=store)
    assert routine.config["timer"] == routine_timer(store=store).timer.plan["name"]
    assert routine.config["timer"] == get_routine("daily").name
    assert "Do it now" in button.preview().text
    assert escape(get_exercise("childs-pose").name) in button.preview().html


def test_it_takes_an_exercise_or_a_routine_and_says_so_otherwise(store) -> None:
    with pytest.raises(TypeError, match="one of the two"):
        do_it_now(store=store)
    with pytest.raises(TypeError, match="one of the two"):
        do_it_now("childs-pose", routine="daily", store=store)


def test_every_exercise_page_opens_with_it_right_under_the_safety_reminder() -> None:
    """On every exercise's notebook and the routine's, the button comes first (after the
    red-flag reminder), and it opens a timer that the same notebook has."""
    pages = [f"{exercise.notebook}.ipynb" for exercise in load_exercises()]
    pages.append("08-daily-routine.ipynb")
    for page in pages:
        cells = json.loads((ROOT / "notebooks" / page).read_text("utf-8"))["cells"]
        code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
        first = next(n for n, source in enumerate(code) if "do_it_now(" in source)
        assert all("red_flag_banner" in source for source in code[:first]), page
        assert first <= 1, page
        assert any("_timer(" in source for source in code[first + 1:]), page

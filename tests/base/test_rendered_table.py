"""The course's tables read left-aligned in whole words, in JupyterLab too (issue 23)."""

from __future__ import annotations

import re

import pytest

from thoracic.base import html_table
from thoracic.content import get_exercise
from thoracic.practice._week import week_plan
from thoracic.timer import plan_for_exercise, schedule_table
from thoracic.ui import course_map, routine_summary


def _cells(html: str) -> list[str]:
    return re.findall(r"<t[hd]\b[^>]*>", html)


@pytest.mark.parametrize("html", [
    course_map().html, routine_summary().html, routine_summary("strength-day").html,
    schedule_table(plan_for_exercise(get_exercise("childs-pose"))),
], ids=["course map", "daily routine", "strength day", "timer schedule"])
def test_every_cell_is_left_aligned_and_keeps_its_words_whole(html: str) -> None:
    cells = _cells(html)
    assert cells
    for cell in cells:
        assert "text-align:left" in cell and "overflow-wrap:normal" in cell, cell


def test_times_never_wrap() -> None:
    table = html_table("t", ("Step", "Time"), [("1", "2 min 22 s")], whole={1})
    first, second, third, fourth = _cells(table)
    assert "nowrap" in second and "nowrap" in fourth and "nowrap" not in first + third


def test_the_plan_table_too(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    cells = _cells(week_plan().preview().html)
    assert cells and all("text-align:left" in cell for cell in cells)

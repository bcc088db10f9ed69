"""The plan part (week_plan, plan_history_table): one front-end for JupyterLab and the
site; in JupyterLab its kept weeks are thoracic.plan's, redrawn after every change."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import ProgressStore, plan_history_table, week_plan
from thoracic.base import today
from thoracic.plan import learner_history


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProgressStore:
    monkeypatch.setenv("THORACIC_TODAY", "2026-01-15")  # a Thursday
    return ProgressStore(tmp_path / "progress.sqlite3")


def test_this_weeks_plan_is_the_plan_models(store) -> None:
    part = week_plan(store)
    assert part.kind == "plan" and part.config["view"] == "week"
    assert part.kept == {"today": "2026-01-15",
                         "weeks": [learner_history(store).week(today()).to_json()]}
    (week,) = part.kept["weeks"]
    assert week["week_start"] == "2026-01-12" and week["week_number"] == 1
    assert "Your plan: Week 1 (starting Monday 12 January 2026)" in part.preview().text


def test_every_version_on_the_ladder_is_worded_for_the_front_end(store) -> None:
    for exercise in week_plan(store).config["exercises"]:
        assert set(exercise["levels"]) == {"easier", "standard", "harder"}
        assert all(level["label"] and level["dose"] for level in exercise["levels"].values())


def test_the_history_grows_and_the_plan_follows_each_change(store) -> None:
    part = plan_history_table(store)
    assert part.config["view"] == "history" and len(part.kept["weeks"]) == 1
    for day in ("2025-12-29", "2025-12-30", "2026-01-01"):
        store.record_session("exercise", "Child's pose", 80, sets=2, day=day, rating=1,
                             version="standard")
    assert [week["week_start"] for week in part.kept["weeks"]] == [
        "2025-12-29", "2026-01-05", "2026-01-12"]
    assert part.kept["weeks"] == [week.to_json() for week in
                                  learner_history(store).history(today())]
    stepped = [e for e in part.kept["weeks"][1]["exercises"] if e["id"] == "childs-pose"]
    assert stepped[0]["level"] == "harder"
    assert "Week 2 (starting Monday 5 January 2026): Foam roller extension standard, " \
           "Child's pose harder" in part.preview().text

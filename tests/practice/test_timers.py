from __future__ import annotations

import pytest

from thoracic import CoachTimer, ProgressStore, exercise_timer, routine_timer
from thoracic.practice import SessionRating, TimedPractice
from thoracic.progress import MAX_NOTE_CHARS
from thoracic.timer import daily_routine_plan, with_get_ready


def test_in_jupyterlab_the_timer_is_joined_to_the_log(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path) -> None:
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("childs-pose", store=store)
    assert isinstance(practice, TimedPractice) and practice.store is store
    assert isinstance(practice.timer, CoachTimer) and practice.rating in practice.children
    routine = routine_timer(store=store)
    assert routine.timer.timer_plan == with_get_ready(daily_routine_plan(), 10.0)
    assert routine.timer.timer_plan.routine and routine.timer.plan["routine"] is True


def test_the_web_pages_get_the_same_timer_and_rating(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path / "data"))  # as the export runs
    practice = exercise_timer("kneeling-thoracic-extension")
    assert isinstance(practice.timer, CoachTimer)  # one timer, everywhere
    # No history in the web pages: the first week's standard dose, and its line is for
    # JupyterLab only (the site's stylesheet hides lab-only; it would always say week 1).
    assert practice.timer.version == "standard"
    assert practice.plan_widget.value.startswith('<div class="lab-only"><p><strong>Week 1:')
    # the same rating part, whose host on the site listens for the timer's events
    assert isinstance(practice.rating, SessionRating) and practice.rating in practice.children
    assert practice.rating.kind == "rating" and practice.rating.kept == {"session": None}
    scale = practice.rating.config["scale"]
    assert [zone["name"] for zone in scale["zones"]] == ["green", "amber", "red"]
    assert practice.rating.config["max_note"] == MAX_NOTE_CHARS
    assert "thoracic-practice" in practice._dom_classes  # where the timer's events arrive
    assert not practice.timer.plan["routine"]
    routine = routine_timer()
    assert isinstance(routine.timer, CoachTimer) and isinstance(routine.rating, SessionRating)
    # the timer's core knows a routine from its plan, and logs it as a whole
    assert routine.timer.plan["routine"] is True


def test_timer_scale_speeds_up_every_phase(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "0.1")
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("childs-pose", store=store)
    # child's pose: a 10 s get-ready, two 30 s holds and a 15 s rest, a tenth as long
    assert practice.timer.timer_plan.total_seconds == pytest.approx(8.5)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "fast")
    with pytest.raises(ValueError,
                       match=r"THORACIC_TIMER_SCALE is 'fast'; use a number from 0\.01 to 1"):
        exercise_timer("childs-pose", store=store)
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "2")
    with pytest.raises(ValueError, match=r"from 0\.01 to 1"):
        exercise_timer("childs-pose", store=store)


def test_a_timer_scale_too_small_to_follow_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TIMER_SCALE", "1e-300")
    with pytest.raises(ValueError, match=r"THORACIC_TIMER_SCALE is '1e-300'; use a number "
                                         r"from 0\.01 to 1"):
        exercise_timer("childs-pose")


def test_the_line_above_the_timer_counts_each_rated_session_as_it_is_saved(
        monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """A rating saved below the timer counts towards the next step at once, in the line
    above it: no cell runs again (issue 23, finding 4)."""
    monkeypatch.setenv("THORACIC_TODAY", "2026-11-04")  # a Wednesday
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("childs-pose", store=store)
    assert "0 of 3 so far" in practice.plan_widget.value
    for day in ("2026-11-02", "2026-11-03"):
        session = store.record_session("exercise", "Child's pose", 75.0, sets=2, day=day)
        store.rate_session(session, 1, None)
    assert "2 of 3 so far" in practice.plan_widget.value
    assert practice.plan_widget.value == f'<div class="lab-only">{practice.plan_note}</div>'
    assert "2 of 3 so far" in practice.preview().text


def test_picking_another_version_is_said_above_the_timer_with_what_it_changes(
        monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Choosing Easier on the timer changes the session; the line above no longer reads as
    if the standard dose were running (issue 23, finding 6)."""
    from thoracic.content import get_exercise

    monkeypatch.setenv("THORACIC_TODAY", "2026-11-04")
    store = ProgressStore(tmp_path / "progress.sqlite3")
    practice = exercise_timer("prone-y-raise", store=store)
    says = {v["key"]: v["says"] for v in practice.timer.versions}
    raise_ = get_exercise("prone-y-raise")
    assert says["easier"] == raise_.easier and says["standard"].startswith("2 sets of 8")
    assert "you picked" not in practice.plan_widget.value
    practice.timer.version = "easier"  # as the timer's Version menu does
    assert "For this session you picked <strong>Easier</strong>: Do 2 sets of 10 reps" in \
        practice.plan_widget.value
    practice.timer.version = "standard"
    assert "you picked" not in practice.plan_widget.value
    # The Y raise's easier version has more reps of a much lighter lift (Garber 2011): the
    # words the timer shows say so, so it never reads as more work.
    assert "less work" in says["easier"]

"""The next-day check as a course part: the host keeps one answer a day and says in
``kept`` what is saved today and whether there is earlier practice to compare; driven as
the page would (a message) and through its public method, no browser needed. The buttons
and the advice are drawn by parts.js and tested there."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from thoracic import ProgressStore, next_day_check
from thoracic.content import NEXT_DAY_CHECK
from thoracic.practice import NextDayForm
from thoracic.progress import LearnerStore

TODAY, YESTERDAY = "2026-01-15", "2026-01-14"


@pytest.fixture(autouse=True)
def in_jupyterlab_on_a_fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", TODAY)
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)


@pytest.fixture
def practised(store: ProgressStore) -> ProgressStore:
    """A store with practice yesterday: there is something to compare."""
    store.record_session("exercise", "childs-pose", 75.0, sets=2, day=YESTERDAY)
    return store


@pytest.mark.parametrize("when", [None, TODAY])
def test_before_any_earlier_practice_it_says_so_and_asks_nothing(store: ProgressStore,
                                                                 when: str | None) -> None:
    if when:  # practice today only: still nothing to compare this morning
        store.record_session("exercise", "childs-pose", 75.0, sets=2, day=when)
    check = next_day_check(store=store)
    assert isinstance(check, NextDayForm) and check.kind == "next-day"
    assert not check.asking and check.kept == {"answer": None, "practised": False}
    assert check.choose("better") is False and store.next_day_checks() == []
    assert "nothing to compare yet" in check.preview().html
    assert escape(NEXT_DAY_CHECK.when) in check.preview().html
    assert escape(NEXT_DAY_CHECK.question) not in check.preview().html
    assert "nothing to compare yet" in check.config["not_yet"]  # what the page says instead


def test_it_asks_with_the_answers_from_the_record(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    assert check.asking and check.answer is None
    assert check.kept == {"answer": None, "practised": True}
    assert check.config["question"] == NEXT_DAY_CHECK.question
    assert check.config["answers"] == [
        {"answer": o.answer, "word": o.word, "advice": o.advice, "symbol": o.symbol,
         "colour": o.colour} for o in NEXT_DAY_CHECK.answers]


def test_an_answer_is_saved_for_today(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    assert check.choose("worse") is True
    assert [(c.day, c.answer) for c in practised.next_day_checks()] == [(TODAY, "worse")]
    assert check.answer == "worse" and check.kept["answer"] == "worse"
    assert check.status == {"n": 1, "problem": ""}


def test_pressing_a_button_saves_as_choose_does(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    assert check.handle({"do": "next-day", "answer": "better"}) is True  # as the page sends
    assert check.answer == "better"
    assert [c.answer for c in practised.next_day_checks()] == ["better"]


def test_running_the_cell_again_shows_todays_answer_and_a_new_one_replaces_it(
        practised: ProgressStore) -> None:
    first = NextDayForm(practised)
    first.choose("worse")
    first_id = practised.next_day_checks()[0].id
    again = NextDayForm(practised)
    assert again.answer == "worse" and again.asking
    # The preview is what the stored notebook keeps: no answer of the day it was saved.
    assert "Worse</strong>" not in again.preview().html
    assert "your answer comes back when you run this cell" in again.preview().html
    again.choose("same")
    assert [(c.id, c.day, c.answer) for c in practised.next_day_checks()] == [
        (first_id, TODAY, "same")]  # one answer a day: replaced, same entry
    assert first.answer == "same"  # the first one on the page follows


def test_yesterdays_answer_is_not_todays(practised: ProgressStore) -> None:
    practised.record_next_day_check("better", day=YESTERDAY)
    check = NextDayForm(practised)
    assert check.answer is None
    check.choose("same")
    assert [(c.day, c.answer) for c in practised.next_day_checks()] == [
        (YESTERDAY, "better"), (TODAY, "same")]


def test_a_store_fault_shows_the_notice_and_loses_nothing(tmp_path: Path, disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    store.record_session("exercise", "childs-pose", 75.0, sets=2, day=YESTERDAY)
    check = NextDayForm(store)
    assert check.saving == ""
    disk_full.fill()
    assert check.choose("worse") is False
    assert "The disk is full" in check.status["problem"]
    assert "Saving is turned off" in check.saving and "The disk is full" in check.saving
    assert check.answer is None and check.asking  # not shown as kept
    disk_full.free()  # space again: the same press now saves, with no restart
    assert check.choose("worse") is True
    assert check.saving == "" and check.status["problem"] == ""
    assert [c.answer for c in store.next_day_checks()] == ["worse"]


def test_a_wrong_answer_is_refused(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    with pytest.raises(ValueError, match="answer must be one of better, same, worse, got 'meh'"):
        check.choose("meh")
    assert check.handle({"do": "next-day", "answer": "meh"}) is False
    assert "'meh' is not an answer" in check.status["problem"]
    assert check.handle({"do": "next-day"}) is False and check.status["problem"]
    assert practised.next_day_checks() == [] and check.answer is None


def test_the_stored_notebook_shows_a_preview(practised: ProgressStore) -> None:
    data = NextDayForm(practised)._repr_mimebundle_()[0]  # anywidget: (data, metadata)
    assert "thoracic-preview" in data["text/html"]
    assert escape(NEXT_DAY_CHECK.question) in data["text/html"]
    for option in NEXT_DAY_CHECK.answers:
        assert escape(option.advice) in data["text/html"]
    assert data["text/plain"].startswith("The next-day check. Run this cell (Shift+Enter)")


def test_in_the_web_pages_it_is_the_same_part_with_the_question_and_advice(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THORACIC_EXPORT", "1")
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path / "data"))  # as the export runs
    shown = next_day_check()
    assert isinstance(shown, NextDayForm) and shown.kind == "next-day"
    assert shown.kept == {"answer": None, "practised": False}  # the device's own come later
    assert shown.config["question"] == NEXT_DAY_CHECK.question
    assert [(a["answer"], a["advice"]) for a in shown.config["answers"]] == [
        (o.answer, o.advice) for o in NEXT_DAY_CHECK.answers]
    assert shown.config["not_yet"]

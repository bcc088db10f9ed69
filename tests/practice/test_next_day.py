"""The next-day check widget, driven as a browser would (set values, press) and through its
public method; no browser needed."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as widgets
import pytest
from traitlets import TraitError

from thoracic import ProgressStore, Rendered, next_day_check
from thoracic.content import NEXT_DAY_CHECK
from thoracic.practice import NextDayForm
from thoracic.progress import LearnerStore

from ..offline import offline_part_of

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


def _shown(check: NextDayForm) -> str:
    """Everything the widget shows, as one string of HTML."""
    return " ".join(child.value for child in check.children if isinstance(child, widgets.HTML))


@pytest.mark.parametrize("when", [None, TODAY])
def test_before_any_earlier_practice_it_says_so_and_asks_nothing(store: ProgressStore,
                                                                 when: str | None) -> None:
    if when:  # practice today only: still nothing to compare this morning
        store.record_session("exercise", "childs-pose", 75.0, sets=2, day=when)
    check = next_day_check(store=store)
    assert isinstance(check, NextDayForm) and not check.asking
    assert check.buttons not in check.children
    shown = _shown(check)
    assert "nothing to compare yet" in shown and escape(NEXT_DAY_CHECK.when) in shown
    assert escape(NEXT_DAY_CHECK.question) not in shown
    assert check.choose("better") is False and store.next_day_checks() == []
    assert "nothing to compare yet" in check.preview().html


def test_it_asks_with_three_buttons_from_the_record(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    assert check.asking and check.day == TODAY and check.answer is None
    assert escape(NEXT_DAY_CHECK.question) in check.question.value
    assert check.buttons.options == tuple((o.word, o.answer) for o in NEXT_DAY_CHECK.answers)
    assert check.buttons.value is None and check.advice.value == ""


def test_an_answer_is_saved_for_today_and_its_advice_shown(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    assert check.choose("worse") is True
    assert [(c.day, c.answer) for c in practised.next_day_checks()] == [(TODAY, "worse")]
    assert check.answer == "worse" and check.buttons.value == "worse"
    assert escape(NEXT_DAY_CHECK.option("worse").advice) in check.advice.value
    assert 'role="status"' in check.advice.value
    assert "✓ Saved for today: Worse." in check.status.value


def test_pressing_a_button_saves_as_choose_does(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    check.buttons.value = "better"  # as a press in the browser does
    assert check.answer == "better"
    assert [c.answer for c in practised.next_day_checks()] == ["better"]
    assert escape(NEXT_DAY_CHECK.option("better").advice) in check.advice.value


def test_running_the_cell_again_shows_todays_answer_and_a_new_one_replaces_it(
        practised: ProgressStore) -> None:
    NextDayForm(practised).choose("worse")
    first_id = practised.next_day_checks()[0].id
    again = NextDayForm(practised)
    assert again.answer == "worse" and again.buttons.value == "worse"
    assert escape(NEXT_DAY_CHECK.option("worse").advice) in again.advice.value
    # The preview is what the stored notebook keeps: no answer of the day it was saved.
    assert "Worse</strong>" not in again.preview().html
    assert "your answer comes back when you run this cell" in again.preview().html
    again.choose("same")
    assert [(c.id, c.day, c.answer) for c in practised.next_day_checks()] == [
        (first_id, TODAY, "same")]  # one answer a day: replaced, same entry


def test_yesterdays_answer_is_not_todays(practised: ProgressStore) -> None:
    practised.record_next_day_check("better", day=YESTERDAY)
    check = NextDayForm(practised)
    assert check.answer is None and check.buttons.value is None
    check.choose("same")
    assert [(c.day, c.answer) for c in practised.next_day_checks()] == [
        (YESTERDAY, "better"), (TODAY, "same")]



def test_a_store_fault_shows_the_notice_and_loses_nothing(tmp_path: Path, disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    store.record_session("exercise", "childs-pose", 75.0, sets=2, day=YESTERDAY)
    check = NextDayForm(store)
    disk_full.fill()
    assert check.choose("worse") is False
    assert "The disk is full" in check.notice.value
    assert check.answer is None and check.buttons.value is None  # not shown as kept
    assert "⚠ Not saved: Worse. Press it again" in check.status.value
    assert escape(NEXT_DAY_CHECK.option("worse").advice) in check.advice.value  # still said
    disk_full.free()  # space again: the same press now saves, with no restart
    assert check.choose("worse") is True
    assert check.notice.value == "" and [c.answer for c in store.next_day_checks()] == ["worse"]


def test_a_wrong_answer_is_refused(practised: ProgressStore) -> None:
    check = NextDayForm(practised)
    with pytest.raises(ValueError, match="answer must be one of better, same, worse, got 'meh'"):
        check.choose("meh")
    with pytest.raises(TraitError, match="answer must be one of better, same, worse or None"):
        check.answer = "meh"
    assert practised.next_day_checks() == []


def test_the_stored_notebook_shows_a_preview(practised: ProgressStore) -> None:
    data = NextDayForm(practised)._repr_mimebundle_()  # ipywidgets: the data alone
    assert "thoracic-preview" in data["text/html"]
    assert escape(NEXT_DAY_CHECK.question) in data["text/html"]
    assert data["text/plain"].startswith("The next-day check. Run this cell (Shift+Enter)")


def test_in_the_web_pages_it_shows_the_question_and_advice_as_text(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_EXPORT", "1")
    shown = next_day_check()
    assert isinstance(shown, Rendered)
    assert escape(NEXT_DAY_CHECK.question) in shown.html
    for option in NEXT_DAY_CHECK.answers:
        assert escape(option.advice) in shown.html and option.advice in shown.text
    kind, config = offline_part_of(shown.html)  # the site's script asks it, on the device
    assert kind == "next-day" and config["question"] == NEXT_DAY_CHECK.question
    assert [a["answer"] for a in config["answers"]] == [o.answer for o in NEXT_DAY_CHECK.answers]

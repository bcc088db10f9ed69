"""The one door of every course part, ``handle``: what the page sends is kept in the store;
a message a part does not take, or one that does not fit, is ignored and logged (never
raised into the kernel) and changes nothing; ``kept`` follows the store whoever saved."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from contextlib import closing
from typing import Any

import pytest

from thoracic import ProgressStore, daily_checklist, knowledge_check, self_test_form
from thoracic.content import load_questions
from thoracic.practice import EntryFixer, NextDayForm, SessionRating
from thoracic.ui import CoursePart, RedFlagBanner, SafetyScreen

TODAY, YESTERDAY = "2026-01-15", "2026-01-14"
QUIZ = "04-childs-pose"
QUESTION = next(q.id for q in load_questions() if q.notebook == QUIZ)


@pytest.fixture(autouse=True)
def _on_a_fixed_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", TODAY)
    monkeypatch.delenv("THORACIC_EXPORT", raising=False)


def _rating(store: ProgressStore) -> SessionRating:
    rating = SessionRating(store)
    rating.ask_about(store.sessions()[-1].id)  # asked about the practice logged yesterday
    return rating


PARTS: dict[str, Callable[[ProgressStore], CoursePart]] = {
    "checklist": daily_checklist,
    "safety": SafetyScreen,
    "banner": RedFlagBanner,
    "quiz": lambda store: knowledge_check(QUIZ, store),
    "self-test": lambda store: self_test_form("seated-rotation", store),
    "next-day": NextDayForm,
    "rating": _rating,
    "entries": EntryFixer,
}

# Each part's own action, sent with something missing or wrong.
MISFITS: list[tuple[str, Any]] = [
    ("checklist", {"do": "tick", "item": "warm-up"}),
    ("checklist", {"do": "tick", "item": "warm-up", "on": "yes"}),
    ("checklist", {"do": "tick", "item": "not-an-item", "on": True}),
    ("safety", {"do": "tick", "item": "not-a-flag", "on": True}),
    ("safety", {"do": "clear", "item": "fever", "on": 1}),
    ("safety", {"do": "clear", "on": True}),
    ("quiz", {"do": "answer", "question": "not-a-question", "choice": 0}),
    ("quiz", {"do": "answer", "question": QUESTION, "choice": 99}),
    ("quiz", {"do": "answer", "choice": 0}),
    ("self-test", {"do": "self-test", "values": [["left", 40]]}),
    ("self-test", {"do": "self-test", "values": [["left", 400], ["right", 40]]}),
    ("self-test", {"do": "self-test", "values": 40}),
    ("self-test", {"do": "self-test"}),
    ("next-day", {"do": "next-day", "answer": "meh"}),
    ("next-day", {"do": "next-day"}),
    ("rating", {"do": "rate", "session": "someone-else", "rating": 3, "note": None}),
    ("rating", {"do": "rate", "session": None, "rating": 3, "note": None}),
    ("rating", {"do": "rate", "rating": 3}),
    ("entries", {"do": "delete", "ids": ["no-such-id"]}),
    ("entries", {"do": "delete", "ids": 7}),
    ("entries", {"do": "delete"}),
]

# Messages no part takes (the banner takes none at all).
UNKNOWN: list[Any] = [{"do": "nonsense"}, {"do": ""}, {}, {"item": "fever", "on": True},
                      "tick", None, ["do", "tick"], {"do": None}]


@pytest.fixture
def practised(store: ProgressStore) -> ProgressStore:
    """Something in every table, so that a part that changed it would show."""
    store.record_session("exercise", "Child's pose", 75.0, sets=2, day=YESTERDAY)
    store.record_self_test("seated-rotation", 40.0, side="left", day=YESTERDAY)
    store.record_quiz_answer(QUESTION, 0, False, day=YESTERDAY)
    store.record_next_day_check("same", day=YESTERDAY)
    store.set_tick("safety-screen", "fever", True)
    store.set_tick("daily-routine", "warm-up", True, day=TODAY)
    return store


def _contents(store: ProgressStore) -> dict[str, list[str]]:
    """Every row of every table of the store's file."""
    with closing(sqlite3.connect(store.path)) as db:
        tables = [name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"')))
                for table in tables}


def test_every_kind_of_part_is_here() -> None:
    assert {kind for kind, _ in MISFITS} | {"banner"} == set(PARTS)


@pytest.mark.parametrize(("kind", "message"), MISFITS)
def test_a_message_that_does_not_fit_is_logged_reported_and_changes_nothing(
        practised: ProgressStore, caplog: pytest.LogCaptureFixture, kind: str,
        message: Any) -> None:
    part = PARTS[kind](practised)
    assert part.kind == kind
    before, kept = _contents(practised), part.kept
    with caplog.at_level(logging.WARNING, logger="thoracic.ui._part"):
        assert part.handle(message) is False
    assert part.status["n"] == 1 and part.status["problem"]
    assert any(kind in record.getMessage() for record in caplog.records)
    assert _contents(practised) == before and part.kept == kept


@pytest.mark.parametrize("kind", sorted(PARTS))
@pytest.mark.parametrize("message", UNKNOWN, ids=repr)
def test_a_message_the_part_does_not_take_is_logged_and_changes_nothing(
        practised: ProgressStore, caplog: pytest.LogCaptureFixture, kind: str,
        message: Any) -> None:
    part = PARTS[kind](practised)
    before, kept = _contents(practised), part.kept
    with caplog.at_level(logging.WARNING, logger="thoracic.ui._part"):
        assert part.handle(message) is False
    assert any("does not take" in record.getMessage() for record in caplog.records)
    assert _contents(practised) == before and part.kept == kept


def test_a_message_the_part_does_not_take_is_reported_in_status(
        practised: ProgressStore) -> None:
    part = daily_checklist(practised)
    assert part.handle({"do": "nonsense"}) is False
    assert part.status["n"] == 1 and part.status["problem"]


def test_an_unhashable_do_is_ignored_not_raised(practised: ProgressStore) -> None:
    part = daily_checklist(practised)
    before = _contents(practised)
    assert part.handle({"do": ["tick"], "item": "warm-up", "on": False}) is False
    assert _contents(practised) == before


def test_what_the_page_sends_through_the_comm_goes_through_the_one_door(
        store: ProgressStore) -> None:
    checklist = daily_checklist(store)
    checklist._handle_custom_msg({"do": "tick", "item": "warm-up", "on": True}, [])
    assert store.ticks("daily-routine", day=TODAY) == {"warm-up": True}
    assert checklist.kept == {"ticked": {"warm-up": True}}
    assert checklist.status == {"n": 1, "problem": ""}
    checklist._handle_custom_msg({"do": "nonsense"}, [])  # ignored, not raised
    assert store.ticks("daily-routine", day=TODAY) == {"warm-up": True}


def test_a_part_shows_what_another_part_saves_to_the_same_store(store: ProgressStore) -> None:
    one, other = daily_checklist(store), daily_checklist(store)  # two cells, one list
    screen, banner = SafetyScreen(store), RedFlagBanner(store)
    fixer, check = EntryFixer(store), NextDayForm(store)
    assert other.kept == {"ticked": {}} and banner.kept["ticked"] == {}
    assert fixer.kept == {"entries": []}
    assert check.kept == {"answer": None, "practised": False}  # not asked yet

    assert one.toggle("warm-up", True)
    assert other.kept == {"ticked": {"warm-up": True}} and other.checked == ["warm-up"]
    assert screen.toggle("fever", True)
    assert banner.kept["ticked"] == {"fever": True}
    assert self_test_form("neck-to-wall", store).save({"": 12.5})
    [result] = store.self_tests()
    assert [entry["id"] for entry in fixer.kept["entries"]] == [result.id]
    # a write straight to the store (a timer's log entry) shows too
    session = store.record_session("exercise", "Child's pose", 75.0, sets=2, day=YESTERDAY)
    assert check.kept == {"answer": None, "practised": True} and check.asking
    assert [entry["id"] for entry in fixer.kept["entries"]] == [session, result.id]
    assert check.choose("better")
    assert NextDayForm(store).answer == "better"
    assert fixer.kept["entries"][-1]["answer"] == "better"
    # the parts that only watched handled nothing, so they report nothing
    assert other.status == banner.status == fixer.status == {}

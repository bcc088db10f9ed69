"""A learner can delete a wrong entry, from the notebook and from the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import ProgressStore, fix_entries
from thoracic._cli import main
from thoracic.practice import EntryFixer


def _history(store: ProgressStore) -> tuple[str, str]:
    session = store.record_session("exercise", "Child's pose", 80.0, sets=1, day="2026-01-14")
    wrong = store.record_self_test("seated-rotation", 88.0, side="left", day="2026-01-15")
    return session, wrong


def test_the_form_asks_once_more_then_deletes_only_that_entry(store: ProgressStore) -> None:
    session, wrong = _history(store)
    fixer = fix_entries(store)
    assert isinstance(fixer, EntryFixer)
    assert fixer.choice.options[0] == ("2026-01-15 · self-test · seated-rotation (left side): 88",
                                       wrong)  # newest first
    fixer.choice.value = wrong
    assert fixer.delete() is False and "Press again to delete it" in fixer.status.value
    assert len(store.self_tests()) == 1  # nothing gone yet
    assert fixer.delete() is True and "Deleted:" in fixer.status.value
    assert store.self_tests() == [] and [s.id for s in store.sessions()] == [session]
    assert [value for _, value in fixer.choice.options] == [session]


def test_changing_the_choice_cancels_the_question(store: ProgressStore) -> None:
    session, wrong = _history(store)
    fixer = EntryFixer(store)
    fixer.choice.value = wrong
    fixer.delete()
    fixer.choice.value = session  # a second press now only asks again
    assert fixer.delete() is False
    assert len(store.sessions()) == 1 and len(store.self_tests()) == 1


def test_the_command_lists_ids_and_deletes_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = ProgressStore(tmp_path / "progress.sqlite3")
    _, wrong = _history(store)
    assert main(["progress", "--list"]) == 0
    listed = capsys.readouterr().out
    assert f"{wrong}  2026-01-15 · self-test · seated-rotation (left side): 88" in listed
    assert main(["progress", "--delete", wrong]) == 0
    assert "Deleted 2026-01-15 · self-test" in capsys.readouterr().out
    assert store.self_tests() == []
    assert main(["progress", "--delete", "no-such-id"]) == 1
    assert "'thoracic progress --list' shows the ids" in capsys.readouterr().err


def test_a_next_day_answer_pressed_by_mistake_can_be_deleted(store: ProgressStore) -> None:
    session, _ = _history(store)
    wrong = store.record_next_day_check("worse", day="2026-01-15")
    fixer = EntryFixer(store)
    assert ("2026-01-15 · next-day check · worse", wrong) in fixer.choice.options
    fixer.choice.value = wrong
    assert fixer.delete() is False and fixer.delete() is True
    assert store.next_day_checks() == [] and [s.id for s in store.sessions()] == [session]


def test_the_command_lists_and_deletes_next_day_checks_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = ProgressStore(tmp_path / "progress.sqlite3")
    assert main(["progress", "--list"]) == 0
    assert capsys.readouterr().out == (
        "No practice-log entries, self-test results or next-day checks.\n")
    wrong = store.record_next_day_check("same", day="2026-01-15")
    assert main(["progress", "--list"]) == 0
    assert f"{wrong}  2026-01-15 · next-day check · about the same" in capsys.readouterr().out
    assert main(["progress"]) == 0
    assert "self-test results: 0; next-day checks: 1" in capsys.readouterr().out
    assert main(["progress", "--delete", wrong]) == 0
    assert "Deleted 2026-01-15 · next-day check · about the same." in capsys.readouterr().out
    assert store.next_day_checks() == []

"""A learner can delete a wrong entry, from the notebook and from the command."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import ProgressStore, fix_entries
from thoracic._cli import main
from thoracic.practice import EntryFixer
from thoracic.practice._entries import WINDOW
from thoracic.progress import LearnerStore


def _history(store: ProgressStore) -> tuple[str, str]:
    session = store.record_session("exercise", "Child's pose", 80.0, sets=1, day="2026-01-14")
    wrong = store.record_self_test("seated-rotation", 88.0, side="left", day="2026-01-15")
    return session, wrong


def _ids(fixer: EntryFixer) -> list[str]:
    return [entry["id"] for entry in fixer.kept["entries"]]


def test_the_form_deletes_only_that_entry(store: ProgressStore) -> None:
    session, wrong = _history(store)
    fixer = fix_entries(store)
    assert isinstance(fixer, EntryFixer) and fixer.kind == "entries"
    # Every entry as the front-end groups and words it, oldest first, with its record.
    assert fixer.kept["entries"][-1] == {
        "id": wrong, "day": "2026-01-15", "test": "seated-rotation", "side": "left",
        "value": 88.0, "recorded_at": store.self_tests()[0].recorded_at,
        "method": "typed", "tries": None, "record": "self_tests"}
    assert _ids(fixer) == [session, wrong]
    assert fixer.config["words"]["next_day"]["same"] and fixer.config["latest"] == 20
    # the page asks once more, then sends the line's ids
    assert fixer.handle({"do": "delete", "ids": [wrong]}) is True
    assert fixer.status == {"n": 1, "problem": ""}
    assert store.self_tests() == [] and [s.id for s in store.sessions()] == [session]
    assert _ids(fixer) == [session]
    assert fixer.delete(["no-such-id"]) is False
    assert "no-such-id" in fixer.status["problem"] and _ids(fixer) == [session]


def test_the_command_lists_ids_and_deletes_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = ProgressStore(tmp_path / "progress.sqlite3")
    _, wrong = _history(store)
    assert main(["progress", "--list"]) == 0
    listed = capsys.readouterr().out
    assert f"{wrong}  2026-01-15 · self-test · Seated rotation, left side: 88 (degrees)" in listed
    assert main(["progress", "--delete", wrong]) == 0
    assert "Deleted 2026-01-15 · self-test" in capsys.readouterr().out
    assert store.self_tests() == []
    assert main(["progress", "--delete", "no-such-id"]) == 1
    assert "'thoracic progress --list' shows the ids" in capsys.readouterr().err


def test_a_next_day_answer_pressed_by_mistake_can_be_deleted(store: ProgressStore) -> None:
    session, _ = _history(store)
    wrong = store.record_next_day_check("worse", day="2026-01-15")
    fixer = EntryFixer(store)
    assert {"record": "next_day_checks", "answer": "worse"}.items() <= (
        fixer.kept["entries"][-1].items())
    assert fixer.delete([wrong]) is True
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


def test_the_command_prints_what_an_entry_holds_as_plain_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A note (or an exercise name from an imported file) cannot clear the screen, set the
    terminal's title, pose as lines of the list or turn text round: every control,
    line-break and direction character prints as an escape."""
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = ProgressStore(tmp_path / "progress.sqlite3")
    hostile = "\x1b]0;owned\x07\x1b[2J\rabc\nxyz-1  2026-01-01\u202egnp.exe"
    session = store.record_session("exercise", "Thread\x1b[31m", 60.0, sets=1, day="2026-01-14")
    store.rate_session(session, 2, hostile[:40])
    assert main(["progress", "--list"]) == 0
    listed = capsys.readouterr().out
    assert not any(ch in listed for ch in "\x1b\x07\r\u202e")
    assert listed.count("\n") == 2  # the entry and the footer: one line each
    assert "Thread\\x1b[31m" in listed and "\\x1b]0;owned\\x07\\x1b[2J\\rabc\\nxyz-1" in listed
    assert main(["progress", "--delete", session]) == 0
    deleted = capsys.readouterr().out
    assert deleted.count("\n") == 1 and "\x1b" not in deleted


@pytest.mark.parametrize("given", ["", "   "])
def test_an_empty_id_deletes_nothing_and_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        given: str) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = ProgressStore(tmp_path / "progress.sqlite3")
    _history(store)
    assert main(["progress", "--delete", given]) == 1
    err = capsys.readouterr().err
    assert err == ("thoracic progress: --delete needs the id of the entry to delete; "
                   "'thoracic progress --list' shows the ids. Nothing was deleted.\n")
    assert len(store.sessions()) == 1 and len(store.self_tests()) == 1


def test_an_unknown_id_is_named_without_python_quotes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    ProgressStore(tmp_path / "progress.sqlite3")
    assert main(["progress", "--delete", "no-such\x1b[2J"]) == 1
    assert capsys.readouterr().err == (
        "thoracic progress: There is no practice-log entry, self-test result or next-day "
        "check with the id no-such\\x1b[2J. 'thoracic progress --list' shows the ids. "
        "Nothing was deleted.\n")


def _exercise_with_sets(store: ProgressStore, name: str, sets: int, day: str) -> list[str]:
    made = [store.record_session("set", name, 30.0, sets=1, day=day) for _ in range(sets)]
    return [*made, store.record_session("exercise", name, 40.0 * sets, sets=sets, day=day)]


def test_an_exercise_and_its_sets_go_together_all_or_none(store: ProgressStore) -> None:
    """Which sets go with an exercise is the front-end's to say (tests/js/parts.test.mjs,
    on a history this store made); the host deletes what the line names, all or none."""
    stray = store.record_session("set", "Prone Y raise", 30.0, sets=1, day="2026-01-14")
    first = _exercise_with_sets(store, "Prone Y raise", 3, "2026-01-14")
    fixer = EntryFixer(store)
    assert _ids(fixer) == [stray, *first]
    for bad in ([], "abc", [1], [*first, "gone"]):
        assert fixer.handle({"do": "delete", "ids": bad}) is False
        assert fixer.status["problem"]
    assert len(store.sessions()) == 1 + 4
    assert fixer.delete(first) is True
    assert [s.id for s in store.sessions()] == [stray] and _ids(fixer) == [stray]


def test_the_list_follows_what_is_saved_elsewhere_on_the_page(store: ProgressStore) -> None:
    fixer = EntryFixer(store)
    assert fixer.kept == {"entries": []}
    made = store.record_self_test("seated-rotation", 40.0, side="left", day="2026-01-15")
    assert _ids(fixer) == [made]
    store.record_next_day_check("same", day="2026-01-15")
    assert fixer.delete([made]) is True
    assert store.self_tests() == [] and len(fixer.kept["entries"]) == 1
    # A line deleted elsewhere (another notebook, the command) is not deleted twice.
    [other] = _ids(fixer)
    store.delete_entries([other])
    assert fixer.kept == {"entries": []}
    assert fixer.delete([other]) is False and other in fixer.status["problem"]


def test_the_front_end_gets_the_newest_entries_only(store: ProgressStore) -> None:
    made = [store.record_self_test("seated-rotation", 40.0, side="left", day="2026-01-15")
            for _ in range(WINDOW + 5)]
    assert _ids(EntryFixer(store)) == made[-WINDOW:]


def test_a_delete_the_store_refuses_is_reported_and_keeps_the_line(tmp_path: Path,
                                                                   disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    _, wrong = _history(store)
    fixer = EntryFixer(store)
    before = fixer.kept
    disk_full.fill()
    assert fixer.delete([wrong]) is False
    assert "The disk is full" in fixer.status["problem"] and fixer.saving
    assert fixer.kept == before
    disk_full.free()
    assert fixer.delete([wrong]) is True and store.self_tests() == []
    assert fixer.saving == ""


def test_the_stored_preview_lists_the_latest_entries(store: ProgressStore) -> None:
    _history(store)
    data = EntryFixer(store)._repr_mimebundle_()[0]  # anywidget: (data, metadata)
    assert "<h3>Fix a wrong entry</h3>" in data["text/html"]
    assert ("<li>2026-01-15 · self-test · Seated rotation, left side: 88 (degrees)</li>"
            in data["text/html"])
    assert data["text/plain"].startswith("Fix a wrong entry. Run this cell")


def test_deleting_several_is_all_or_nothing(store: ProgressStore) -> None:
    kept = _exercise_with_sets(store, "Child's pose", 2, "2026-01-14")
    with pytest.raises(KeyError, match=r"no-such-id.*Nothing was deleted"):
        store.delete_entries([kept[0], "no-such-id"])
    assert len(store.sessions()) == 3
    assert [entry.id for entry in store.delete_entries(kept)] == kept
    assert store.sessions() == []

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from thoracic import ProgressStore
from thoracic.authoring import sample_history
from thoracic.progress import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    DamagedStoreError,
    ForeignStoreError,
    ImportFileError,
    NewerStoreError,
    StoreLocationError,
    data_dir,
    store_path,
)


def test_location_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path / "mine"))
    assert store_path() == tmp_path / "mine" / "progress.sqlite3"
    monkeypatch.delenv("THORACIC_DATA_DIR")
    assert data_dir().name == "upper-back-relief"
    assert "notebooks" not in data_dir().parts


def test_new_store_is_marked_versioned_and_in_wal_mode(store: ProgressStore) -> None:
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_ticks_are_saved_per_day_or_once(store: ProgressStore) -> None:
    store.set_tick("daily", "a", True, day="2026-01-14")
    store.set_tick("daily", "a", True, day="2026-01-15")
    store.set_tick("daily", "a", False, day="2026-01-15")
    store.set_tick("safety", "fever", True)
    assert store.ticks("daily", day="2026-01-14") == {"a": True}
    assert store.ticks("daily", day="2026-01-15") == {"a": False}
    assert store.ticks("safety") == {"fever": True}
    assert store.tick_days() == ["2026-01-14"]


def test_sessions_and_ratings(store: ProgressStore) -> None:
    first = store.record_session("exercise", "Child's pose", 75, sets=1, day="2026-01-10")
    store.record_session("set", "Child's pose", 30, day="2026-01-11")
    store.rate_session(first, 4, "<b>x</b>")
    sessions = store.sessions()
    assert [(s.day, s.kind, s.rating, s.note) for s in sessions] == [
        ("2026-01-10", "exercise", 4, "<b>x</b>"), ("2026-01-11", "set", None, None)]
    with pytest.raises(ValueError, match="rating must be a whole number from 0 to 10, got 11"):
        store.rate_session(first, 11, None)
    with pytest.raises(KeyError, match="No practice-log entry"):
        store.rate_session("nope", 3, None)
    with pytest.raises(ValueError, match="kind must be one of set, exercise, routine"):
        store.record_session("nap", "x", 1)


def test_self_tests_are_kept_with_their_side(store: ProgressStore) -> None:
    store.record_self_test("seated-rotation", 44, side="left", day="2026-01-01")
    store.record_self_test("neck-to-wall", 7.5, day="2026-01-01")
    assert [(r.test, r.side, r.value) for r in store.self_tests()] == [
        ("seated-rotation", "left", 44.0), ("neck-to-wall", "", 7.5)]


# -- faults: the file is never changed ----------------------------------------------------

def _filled_store(tmp_path: Path) -> Path:
    store = ProgressStore(tmp_path / "progress.sqlite3")
    for n in range(200):
        store.record_session("exercise", f"exercise {n}", 60, note="x" * 200)
    # fold the WAL into the main file so the file holds everything on its own
    with sqlite3.connect(store.path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.path


def _assert_refused_and_untouched(path: Path, error: type[Exception], message: str) -> None:
    before = path.read_bytes()
    with pytest.raises(error) as caught:
        ProgressStore(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert path.read_bytes() == before


def test_random_bytes_are_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(os.urandom(5000))
    _assert_refused_and_untouched(path, DamagedStoreError, "is damaged or is not a progress file")


def test_truncated_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = _filled_store(tmp_path)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    for extra in tmp_path.glob("progress.sqlite3-*"):
        extra.unlink()
    # SQLite's own check finds it (no guess from the header that a busy writer could fool)
    _assert_refused_and_untouched(path, DamagedStoreError, "is damaged (")


def test_newer_schema_is_refused_and_kept(tmp_path: Path) -> None:
    path = _filled_store(tmp_path)
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    _assert_refused_and_untouched(path, NewerStoreError, "written by a newer version")


def test_another_programs_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.execute("INSERT INTO recipes VALUES ('soup')")
    _assert_refused_and_untouched(path, ForeignStoreError, "belongs to another program")


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "in-the-way"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StoreLocationError) as caught:
        ProgressStore(blocker / "progress.sqlite3")
    assert "cannot be created" in str(caught.value)
    assert "Set THORACIC_DATA_DIR to a folder you can write to" in str(caught.value)
    assert blocker.read_text() == "a file where the folder should be"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only folders")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(StoreLocationError, match="cannot be written"):
            ProgressStore(folder / "progress.sqlite3")
    finally:
        folder.chmod(0o700)


def test_unwritable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root ignores folder permissions, so make SQLite fail the way a locked folder does.
    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr("thoracic.progress._store.sqlite3.connect", refuse)
    with pytest.raises(StoreLocationError) as caught:
        ProgressStore(tmp_path / "progress.sqlite3")
    assert str(caught.value) == (
        f"The folder {tmp_path} cannot be written, so your progress is not being saved. Make "
        "it writable (saving starts again by itself at your next tick, set or answer), or set "
        "THORACIC_DATA_DIR to a folder you can write to and restart the kernel.")


def test_empty_file_becomes_a_store(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.touch()
    ProgressStore(path).record_session("set", "x", 1)
    assert len(ProgressStore(path).sessions()) == 1


# -- concurrency ------------------------------------------------------------------------

def _writer(path: str, worker: int, count: int) -> None:
    store = ProgressStore(Path(path))
    for n in range(count):
        store.record_session("set", f"worker {worker}", n)


@pytest.mark.stress
def test_four_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    ProgressStore(path)
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(str(path), w, 250)) for w in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0, 0, 0]
    sessions = ProgressStore(path).sessions()
    assert len(sessions) == 1000
    assert {s.exercise for s in sessions} == {f"worker {w}" for w in range(4)}


# -- export and import -------------------------------------------------------------------

def test_export_wipe_import_gives_the_same_history(tmp_path: Path) -> None:
    import datetime as dt

    original = ProgressStore(tmp_path / "a" / "progress.sqlite3")
    original.import_data(sample_history(dt.date(2026, 1, 15)))
    original.set_tick("safety-screen", "fever", True)
    original.set_tick("daily-routine", "warm-up", True, day="2026-01-15")
    original.record_quiz_answer("intro-where-is-thoracic", 1, True, day="2026-01-15")
    original.record_next_day_check("worse", day="2026-01-14")
    original.record_next_day_check("same", day="2026-01-15")
    exported = json.loads(json.dumps(original.export_data()))
    fresh = ProgressStore(tmp_path / "b" / "progress.sqlite3")
    added = fresh.import_data(exported)
    assert fresh.export_data() == original.export_data()
    assert added["sessions"] == len(original.sessions()) > 100
    assert fresh.import_data(exported) == {"sessions": 0, "self_tests": 0, "checklist_ticks": 0,
                                           "quiz_answers": 0, "next_day_checks": 0}
    assert fresh.export_data() == original.export_data()


def test_newer_tick_wins_when_merging(store: ProgressStore) -> None:
    tick = {"checklist": "c", "item": "i", "day": "", "checked": True,
            "updated_at": "2030-01-01T00:00:00+00:00"}
    data = {"format": "upper-back-relief-progress", "version": 1, "checklist_ticks": [tick]}
    store.set_tick("c", "i", False)
    store.import_data(data)
    assert store.ticks("c") == {"i": True}
    store.import_data({**data, "checklist_ticks": [{**tick, "checked": False,
                                                    "updated_at": "2020-01-01T00:00:00+00:00"}]})
    assert store.ticks("c") == {"i": True}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "The file: it is not a progress export from this course"),
        ({"format": "upper-back-relief-progress", "version": 99}, "cannot read"),
        ({"format": "upper-back-relief-progress", "version": 1, "sessions": "x"},
         "The file: 'sessions' must be a list of records"),
        ({"format": "upper-back-relief-progress", "version": 1,
          "sessions": [{"id": "a", "day": "yesterday"}]}, "field 'recorded_at' is missing"),
        ({"format": "upper-back-relief-progress", "version": 1,
          "sessions": [{"id": "a", "day": "2026-13-01", "kind": "set", "exercise": "x",
                        "duration_seconds": 1, "recorded_at": "t"}]}, "is not a date"),
        ({"format": "upper-back-relief-progress", "version": 1,
          "sessions": [{"id": "a", "day": "2026-01-01", "kind": "set", "exercise": "x",
                        "duration_seconds": 1, "recorded_at": "t", "rating": 12}]},
         "field 'rating' must be a whole number from 0 to 10 or null"),
    ],
)
def test_bad_import_changes_nothing(store: ProgressStore, data, message: str) -> None:
    store.record_session("set", "kept", 1)
    before = store.export_data()
    with pytest.raises(ImportFileError) as caught:
        store.import_data(data)
    assert message in str(caught.value) and "Nothing was imported." in str(caught.value)
    assert store.export_data() == before


def test_a_bad_record_late_in_the_file_imports_nothing_at_all(store: ProgressStore) -> None:
    import datetime as dt

    data = sample_history(dt.date(2026, 1, 15))
    data["self_tests"][-1]["value"] = "lots"
    with pytest.raises(ImportFileError, match="Self-test"):
        store.import_data(data)
    assert store.sessions() == []


def test_a_version_1_store_is_migrated_and_keeps_its_history(tmp_path: Path) -> None:
    from thoracic.progress import MIGRATIONS

    path = tmp_path / "progress.sqlite3"
    with sqlite3.connect(path) as db:  # a file as the first release of the course wrote it
        db.executescript(MIGRATIONS[0])
        db.execute("INSERT INTO sessions VALUES ('old', '2025-06-01', 't', 'exercise', "
                   "'Child''s pose', 1, 75, 3, 'kept')")
        db.execute("INSERT INTO self_tests VALUES ('typed', '2025-06-01', 'seated-rotation', "
                   "'left', 40, 't')")
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("PRAGMA user_version = 1")
    store = ProgressStore(path)
    assert [(s.id, s.note) for s in store.sessions()] == [("old", "kept")]
    # Self-tests gained how they were taken later (schema 5): an old one's is not known.
    (old_result,) = store.self_tests()
    assert (old_result.value, old_result.method, old_result.tries) == (40.0, None, None)
    store.record_quiz_answer("q", 0, False)
    assert len(store.quiz_answers()) == 1
    store.record_next_day_check("same", day="2025-06-02")
    assert [c.answer for c in store.next_day_checks()] == ["same"]
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 5


def test_a_version_1_export_still_imports(store: ProgressStore) -> None:
    old = {"format": "upper-back-relief-progress", "version": 1, "sessions": [
        {"id": "a", "day": "2026-01-01", "recorded_at": "t", "kind": "set", "exercise": "x",
         "sets": 1, "duration_seconds": 1.0, "rating": None, "note": None}]}
    assert store.import_data(old)["sessions"] == 1


def test_views_are_told_of_each_saved_change_and_let_go_when_gone(tmp_path: Path) -> None:
    import gc

    store = ProgressStore(tmp_path / "progress.sqlite3")
    told: list[str] = []

    class View:
        def redraw(self) -> None:
            told.append("redraw")

    view = View()
    store.watch(view.redraw)
    store.set_tick("form", "a", True)
    store.record_session("exercise", "Child's pose", 75.0, sets=1)
    assert told == ["redraw", "redraw"]
    store.sessions()  # reading changes nothing: no call
    assert len(told) == 2
    del view
    gc.collect()
    store.set_tick("form", "a", False)
    assert len(told) == 2  # the view is gone; the store did not keep it alive

    def broken() -> None:
        raise RuntimeError("a view that cannot draw")

    store.watch(broken)
    store.set_tick("form", "b", True)  # the change is kept all the same
    assert store.ticks("form") == {"a": False, "b": True}

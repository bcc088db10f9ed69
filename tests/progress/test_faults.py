"""Faults never lose or misreport a learner's data: busy writers, a full disk, a held lock,
files of other programs, and a backup written while the disk fills."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from thoracic import Checklist, dashboard
from thoracic.content import get_exercise, get_self_test
from thoracic.progress import (
    DamagedStoreError,
    ForeignStoreError,
    LearnerStore,
    NewerStoreError,
    ProgressStore,
    StoreError,
    StoreFullError,
    StoreLockedError,
    write_progress_file,
)
from thoracic.ui import ChecklistItem, SelfTestForm

ITEMS = [ChecklistItem("a", "A"), ChecklistItem("b", "B")]


def _digest(*paths: Path) -> dict[str, str | None]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None
            for p in paths}


# -- 1. a healthy file is never called damaged, whatever others are doing ----------------

def _write_notes(path: str, stop: object, seed: int) -> None:
    """Another program (or an older course) adding rows with 2 to 20 KB notes, as in the
    report, so the file keeps growing; bounded, so each open's check stays quick."""
    import random
    import uuid

    rng = random.Random(seed)
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    # Copy the journal into the file every few pages, so the file grows (and its header
    # changes) again and again while the other process opens it.
    db.execute("PRAGMA wal_autocheckpoint = 4")
    for _ in range(400):
        if stop.is_set():  # type: ignore[attr-defined]
            break
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO sessions (id, day, recorded_at, kind, exercise, sets, "
                   "duration_seconds, rating, note) VALUES (?, '2026-01-15', 't', 'set', "
                   "'childs-pose', 1, 30.0, NULL, ?)",
                   (uuid.uuid4().hex, "n" * rng.randint(2_000, 20_000)))
        db.execute("COMMIT")
    db.close()


def _open_many(path: str, count: int, refused: object) -> None:
    for _ in range(count):
        try:
            ProgressStore(Path(path))
        except StoreError as problem:
            refused.append(str(problem))  # type: ignore[attr-defined]


@pytest.mark.stress
def test_opening_while_two_others_write_never_calls_a_healthy_file_damaged(
        tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    ProgressStore(path)
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        stop, refused = manager.Event(), manager.list()
        writers = [context.Process(target=_write_notes, args=(str(path), stop, seed))
                   for seed in (1, 2)]
        for writer in writers:
            writer.start()
        opener = context.Process(target=_open_many, args=(str(path), 3000, refused))
        opener.start()
        opener.join(timeout=600)
        stop.set()
        for writer in writers:
            writer.join(timeout=60)
        assert opener.exitcode == 0 and all(w.exitcode == 0 for w in writers)
        assert list(refused) == []  # 3,000 opens, no false "damaged"
    assert len(ProgressStore(path).sessions()) > 0


# -- 2 and 6. writes after opening: the notice, the real state, and back by itself -------

@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB disk of its own (a tmpfs, where this test runs as root and may mount one)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
        capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("cannot mount a small disk here (needs root); the simulated full disk "
                    "test covers the messages")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:  # unbuffered: nothing left to flush
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    return filler


def test_a_full_disk_after_opening_shows_the_notice_and_what_was_really_saved(
        small_disk: Path) -> None:
    store = LearnerStore(small_disk / "progress.sqlite3")
    checklist = Checklist("form", ITEMS, title="Form", store=store)
    form = SelfTestForm(get_self_test("neck-to-wall"), store)
    checklist.toggle("a", True)
    assert store.ticks("form") == {"a": True}
    store.record_session("exercise", "Child's pose", 75.0, sets=1, rating=2)
    filler = _fill(small_disk)
    for item in ("b",):
        checklist.toggle(item, True)
    assert checklist.checked == ["a"] and not checklist.kept["ticked"].get("b")  # not kept
    assert "The disk is full" in checklist.saving, checklist.saving
    assert form.save({"": 5}) is False and "The disk is full" in form.status["problem"]
    assert isinstance(store.problem, StoreFullError)
    shown = dashboard(store)  # never a traceback, and the history is still shown
    assert "Saving is turned off" in shown.html and "The disk is full" in shown.html
    assert "Days practised in all: 1" in shown.text
    assert len(store.export_data()["sessions"]) == 1  # and can still be backed up
    filler.unlink()  # space again: the next tick saves, with no restart
    checklist.toggle("b", True)
    assert checklist.checked == ["a", "b"] and checklist.saving == ""
    assert store.saving and store.ticks("form") == {"a": True, "b": True}



def test_a_full_disk_is_said_plainly_even_where_no_small_disk_can_be_made(
        tmp_path: Path, disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    checklist = Checklist("form", ITEMS, title="Form", store=store)
    disk_full.fill()
    checklist.toggle("a", True)
    assert not checklist.kept["ticked"].get("a") and "The disk is full" in checklist.saving
    assert "saving starts again by itself" in checklist.saving
    disk_full.free()  # space again
    checklist.toggle("a", True)
    assert checklist.checked == ["a"] and checklist.saving == ""


def test_a_lock_held_by_another_program_is_waited_for_briefly_and_said(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("thoracic.progress._store.LOCK_WAIT_SECONDS", 0.2)
    path = tmp_path / "progress.sqlite3"
    store = LearnerStore(path)
    checklist = Checklist("form", ITEMS, title="Form", store=store)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program keeps the write lock
    checklist.toggle("a", True)
    assert not checklist.kept["ticked"].get("a")
    assert isinstance(store.problem, StoreLockedError)
    assert "stayed locked for more than 0.2 seconds" in checklist.saving
    assert "can still be read" in checklist.saving
    assert store.ticks("form") == {}  # reading waits for no lock
    holder.execute("ROLLBACK")  # it lets go
    holder.close()
    checklist.toggle("a", True)
    assert checklist.checked == ["a"] and store.saving


# -- 5. files that are not ours stay byte-identical, -wal and -shm included --------------

def _other_programs_file(path: Path, *, app_id: int = 0, version: int = 0
                         ) -> sqlite3.Connection:
    """A WAL database of another program, left open so its -wal and -shm stay."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute(f"PRAGMA application_id = {app_id}")
    db.execute(f"PRAGMA user_version = {version}")
    db.execute("CREATE TABLE IF NOT EXISTS notes (text TEXT)")
    db.execute("INSERT INTO notes VALUES ('mine, not the course''s')")
    return db


@pytest.mark.parametrize(("app_id", "version", "refusal"), [
    (0, 0, ForeignStoreError),  # no mark at all
    (0x12345678, 0, ForeignStoreError),  # another program's mark
    (0x55425231, 99, NewerStoreError),  # ours, from a newer course
])
def test_a_refused_file_with_a_wal_beside_it_is_left_byte_identical(
        tmp_path: Path, app_id: int, version: int, refusal: type[StoreError]) -> None:
    path = tmp_path / "progress.sqlite3"
    other = _other_programs_file(path, app_id=app_id, version=version)
    files = [path, tmp_path / "progress.sqlite3-wal", tmp_path / "progress.sqlite3-shm"]
    before = _digest(*files)
    assert before["progress.sqlite3-wal"] is not None
    with pytest.raises(refusal):
        ProgressStore(path)
    store = LearnerStore(path)
    assert isinstance(store.problem, refusal) and store.sessions() == []
    assert _digest(*files) == before
    other.close()


def test_damage_is_judged_by_sqlite_and_the_damaged_file_kept(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    store = ProgressStore(path)
    for _ in range(80):
        store.record_session("set", "childs-pose", 30.0, sets=1, note="x" * 1900)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 3 + 200] = b"\xff" * 200  # scribble on a page in the middle
    path.write_bytes(bytes(data))
    with pytest.raises(DamagedStoreError, match="is damaged"):
        ProgressStore(path)
    assert path.read_bytes() == bytes(data)


# -- 3. a backup written while the disk fills leaves the old one whole -------------------

def test_a_backup_on_a_full_disk_keeps_the_previous_one(small_disk: Path,
                                                        tmp_path: Path) -> None:
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.record_session("exercise", get_exercise("childs-pose").name, 80.0, sets=1)
    backup = small_disk / "backup.json"
    write_progress_file(store.export_data(), backup)
    good = backup.read_bytes()
    for _ in range(20):  # the next backup will be bigger than the space left
        store.record_session("set", "childs-pose", 30.0, sets=1, note="y" * 1500)
    filler = _fill(small_disk)
    filler.write_bytes(filler.read_bytes()[: -8_000])  # leave a little room, not enough
    with pytest.raises(StoreFullError, match=r"previous backup\.json is unchanged"):
        write_progress_file(store.export_data(), backup)
    assert backup.read_bytes() == good
    assert sorted(p.name for p in small_disk.iterdir()) == ["backup.json", "filler"]


# -- a journal that another notebook removes while this one looks at it -----------------

@pytest.mark.parametrize("vanishes_at", ["lstat", "open"])
def test_a_journal_removed_while_it_is_checked_is_no_fault(tmp_path: Path, vanishes_at: str,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    # SQLite removes the -wal when the last connection closes, in another process at any
    # moment; one racing open in 320 once called that "could not be used".
    path = tmp_path / "progress.sqlite3"
    ProgressStore(path).record_session("exercise", "Child's pose", 75.0, sets=1)
    wal = tmp_path / "progress.sqlite3-wal"
    wal.write_bytes(b"")
    real_lstat, real_open = os.lstat, Path.open

    def gone_lstat(target: Any, *args: Any, **kwargs: Any) -> Any:
        if vanishes_at == "lstat" and str(target) == str(wal):
            raise FileNotFoundError(2, "No such file or directory", str(wal))
        return real_lstat(target, *args, **kwargs)

    def gone_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if vanishes_at == "open" and self == wal:
            raise FileNotFoundError(2, "No such file or directory", str(wal))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(os, "lstat", gone_lstat)
    monkeypatch.setattr(Path, "open", gone_open)
    assert [s.exercise for s in ProgressStore(path).sessions()] == ["Child's pose"]

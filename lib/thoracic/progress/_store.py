"""The progress store: one small SQLite database in the learner's own data folder.

- Where: ``THORACIC_DATA_DIR`` if set, else the platform's user data folder
  (platformdirs). Never inside the course folder, which may be read-only.
- Safe with several writers (two notebooks and a command at once): WAL journal, a busy
  timeout, short ``BEGIN IMMEDIATE`` transactions, one short-lived connection per call.
- Careful with what is already there: an existing file is inspected read-only first. A
  damaged, foreign or newer file raises a StoreError naming the file and what to do, and
  is left exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import struct
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ..base import DATA_DIR_VARIABLE, today
from ._errors import (
    DamagedStoreError,
    ForeignStoreError,
    NewerStoreError,
    StoreError,
    StoreLocationError,
)
from ._location import store_path
from ._records import QuizAnswer, SelfTestResult, Session, check_rating
from ._schema import (
    APPLICATION_ID,
    EXPORT_FORMAT,
    MIGRATIONS,
    SCHEMA_VERSION,
    SESSION_KINDS,
    SQLITE_HEADER,
    SessionKind,
)
from ._transfer import validated_import

__all__ = ["ProgressStore"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _move_aside_advice(path: Path) -> str:
    return (f"Your progress has not been changed. To start a fresh record, move {path.name} "
            f"somewhere safe (keep it: it may be recoverable) and run the notebook again; "
            f"or set {DATA_DIR_VARIABLE} to another folder.")


def _inspect_existing(path: Path) -> None:
    """Check a file we did not just create, reading only. Raise StoreError if unusable."""
    if not path.is_file():
        raise StoreLocationError(path, f"The progress file {path} is not a regular file. "
                                 f"Set {DATA_DIR_VARIABLE} to a folder for your progress.")
    size = path.stat().st_size
    if size == 0:
        return  # an empty file holds nothing to lose; SQLite treats it as a new database
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise DamagedStoreError(path, f"The progress file {path} is damaged or is not a "
                                f"progress file. {_move_aside_advice(path)}")
    if len(header) < 100:
        raise DamagedStoreError(path, f"The progress file {path} is cut short (damaged). "
                                f"{_move_aside_advice(path)}")
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    page_count = struct.unpack(">I", header[28:32])[0]
    if page_count and size < page_size * page_count:
        raise DamagedStoreError(path, f"The progress file {path} is cut short (damaged): it "
                                f"should hold {page_size * page_count} bytes but has {size}. "
                                f"{_move_aside_advice(path)}")
    try:
        with closing(sqlite3.connect(path, timeout=30)) as db:
            db.execute("PRAGMA query_only = ON")
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DamagedStoreError(path, f"The progress file {path} cannot be read ({error}). "
                                f"{_move_aside_advice(path)}") from None
    if check != "ok":
        raise DamagedStoreError(path, f"The progress file {path} is damaged ({check}). "
                                f"{_move_aside_advice(path)}")
    if app_id != APPLICATION_ID and not (app_id == 0 and tables == 0):
        raise ForeignStoreError(path, f"The file {path} belongs to another program, not to "
                                f"this course. {_move_aside_advice(path)}")
    if version > SCHEMA_VERSION:
        raise NewerStoreError(path, f"The progress file {path} was written by a newer version "
                              f"of the course (format {version}; this one reads up to "
                              f"{SCHEMA_VERSION}). Update the course (git pull, then make lab). "
                              "Your progress has not been changed.")


class ProgressStore:
    """The learner's progress. Each method opens, uses and closes its own connection."""

    saving = True
    problem: StoreError | None = None

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else store_path()
        self._prepare()

    # -- opening ------------------------------------------------------------------------
    def _prepare(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreLocationError(self.path, (
                f"The progress folder {folder} cannot be created ({error.strerror or error}). "
                f"Set {DATA_DIR_VARIABLE} to a folder you can write to, then restart the "
                "kernel.")) from None
        if self.path.exists():
            _inspect_existing(self.path)
        try:
            with self._connection() as db:
                self._migrate(db)
        except sqlite3.OperationalError as error:
            raise StoreLocationError(self.path, (
                f"The progress file {self.path} cannot be written ({error}). Set "
                f"{DATA_DIR_VARIABLE} to a folder you can write to, then restart the kernel."
            )) from None

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA busy_timeout = 30000")
            yield db
        finally:
            db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction; the write lock is taken at the start, so writers queue."""
        with self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _migrate(self, db: sqlite3.Connection) -> None:
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("BEGIN IMMEDIATE")
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        db.execute(statement)
            if version < SCHEMA_VERSION:
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    # -- checklists ---------------------------------------------------------------------
    def set_tick(self, checklist: str, item: str, checked: bool, *, day: str = "") -> None:
        """Save one checkbox. ``day`` is an ISO date for daily checklists, '' for once-only."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO checklist_ticks VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                "(checklist, item, day) DO UPDATE SET checked = excluded.checked, "
                "updated_at = excluded.updated_at",
                (checklist, item, day, int(checked), _now()))

    def ticks(self, checklist: str, *, day: str = "") -> dict[str, bool]:
        with self._connection() as db:
            rows = db.execute("SELECT item, checked FROM checklist_ticks WHERE checklist = ? "
                              "AND day = ?", (checklist, day)).fetchall()
        return {item: bool(checked) for item, checked in rows}

    def tick_days(self) -> list[str]:
        """Days on which any daily checklist item was ticked."""
        with self._connection() as db:
            rows = db.execute("SELECT DISTINCT day FROM checklist_ticks WHERE day != '' AND "
                              "checked = 1 ORDER BY day").fetchall()
        return [row[0] for row in rows]

    # -- practice log -------------------------------------------------------------------
    def record_session(self, kind: SessionKind, exercise: str, duration_seconds: float, *,
                       sets: int | None = None, day: str | None = None,
                       rating: int | None = None, note: str | None = None) -> str:
        """Add one entry to the practice log and return its id."""
        if kind not in SESSION_KINDS:
            raise ValueError(f"kind must be one of {', '.join(SESSION_KINDS)}, got {kind!r}.")
        check_rating(rating)
        session_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (session_id, day or today().isoformat(), _now(), kind, exercise, sets,
                        float(duration_seconds), rating, note))
        return session_id

    def rate_session(self, session_id: str, rating: int | None, note: str | None) -> None:
        """Add how it felt (0-10) and a note to a logged session."""
        check_rating(rating)
        with self._transaction() as db:
            found = db.execute("UPDATE sessions SET rating = ?, note = ? WHERE id = ?",
                               (rating, note or None, session_id)).rowcount
        if not found and self.saving:  # a store that keeps nothing has nothing to find
            raise KeyError(f"No practice-log entry with id {session_id!r}.")

    def sessions(self) -> list[Session]:
        with self._connection() as db:
            rows = db.execute("SELECT * FROM sessions ORDER BY day, recorded_at, rowid").fetchall()
        return [Session(*row) for row in rows]

    # -- self-tests ---------------------------------------------------------------------
    def record_self_test(self, test: str, value: float, *, side: str = "",
                         day: str | None = None) -> str:
        result_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute("INSERT INTO self_tests VALUES (?, ?, ?, ?, ?, ?)",
                       (result_id, day or today().isoformat(), test, side, float(value),
                        _now()))
        return result_id

    def self_tests(self) -> list[SelfTestResult]:
        with self._connection() as db:
            rows = db.execute("SELECT * FROM self_tests ORDER BY day, recorded_at, rowid")
            return [SelfTestResult(*row) for row in rows.fetchall()]

    # -- knowledge checks ---------------------------------------------------------------
    def record_quiz_answer(self, question: str, choice: int, correct: bool, *,
                           day: str | None = None) -> str:
        answer_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute("INSERT INTO quiz_answers VALUES (?, ?, ?, ?, ?, ?)",
                       (answer_id, day or today().isoformat(), question, int(choice),
                        int(correct), _now()))
        return answer_id

    def quiz_answers(self) -> list[QuizAnswer]:
        with self._connection() as db:
            rows = db.execute("SELECT * FROM quiz_answers ORDER BY day, recorded_at, rowid")
            return [QuizAnswer(i, d, q, c, bool(k), r) for i, d, q, c, k, r in rows.fetchall()]

    # -- whole history ------------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        with self._connection() as db:
            ticks = db.execute("SELECT checklist, item, day, checked, updated_at FROM "
                               "checklist_ticks ORDER BY checklist, item, day").fetchall()
        return {
            "format": EXPORT_FORMAT,
            "version": SCHEMA_VERSION,
            "sessions": [asdict(s) for s in self.sessions()],
            "self_tests": [asdict(r) for r in self.self_tests()],
            "quiz_answers": [asdict(a) for a in self.quiz_answers()],
            "checklist_ticks": [dict(zip(("checklist", "item", "day", "checked", "updated_at"),
                                         (c, i, d, bool(k), u), strict=True))
                                for c, i, d, k, u in ticks],
        }

    def import_data(self, data: Any) -> dict[str, int]:
        """Merge an export into this store; what is already here is kept, nothing doubles.

        The whole file is checked before anything is written; a bad file changes nothing.
        """
        sessions, tests, ticks, answers = validated_import(data)
        added = {"sessions": 0, "self_tests": 0, "checklist_ticks": 0, "quiz_answers": 0}
        with self._transaction() as db:
            # Entries have ids: one already here is kept as it is.
            for table, rows in (("sessions", sessions), ("self_tests", tests),
                                ("quiz_answers", answers)):
                for row in rows:
                    marks = ", ".join("?" * len(row))
                    added[table] += db.execute(
                        f"INSERT OR IGNORE INTO {table} VALUES ({marks})", row).rowcount
            for row in ticks:
                # A tick saved later wins, wherever it was saved.
                added["checklist_ticks"] += db.execute(
                    "INSERT INTO checklist_ticks VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                    "(checklist, item, day) DO UPDATE SET checked = excluded.checked, "
                    "updated_at = excluded.updated_at "
                    "WHERE excluded.updated_at > checklist_ticks.updated_at", row).rowcount
        return added

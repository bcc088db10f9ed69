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
import errno
import os
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any
from urllib.parse import quote

from ..base import DATA_DIR_VARIABLE, today
from ..content import NEXT_DAY_CHECK, VARIATIONS
from ._errors import (
    DamagedStoreError,
    ForeignStoreError,
    NewerStoreError,
    StoreDiskError,
    StoreError,
    StoreFullError,
    StoreLocationError,
    StoreLockedError,
)
from ._location import store_path
from ._records import (
    TICK_FIELDS,
    Entry,
    NextDayCheck,
    QuizAnswer,
    SelfTestResult,
    Session,
    check_note,
    check_rating,
)
from ._schema import (
    APPLICATION_ID,
    EXPORT_FORMAT,
    MIGRATIONS,
    SCHEMA_VERSION,
    SESSION_KINDS,
    SQLITE_HEADER,
    SessionKind,
)
from ._transfer import EXPORT_KINDS, FIELDS, validated_import

__all__ = ["LOCK_WAIT_SECONDS", "ProgressStore", "store_problem"]


def _values(table: str) -> str:
    """``VALUES (?, ...)`` with one mark per column of a table, from its record's fields, so
    a new column cannot leave an insert a mark short."""
    return f"VALUES ({', '.join('?' * len(FIELDS[table]))})"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _check_day(day: str) -> None:
    """ValueError unless ``day`` is a date written YYYY-MM-DD."""
    try:
        valid = dt.date.fromisoformat(day).isoformat() == day
    except (TypeError, ValueError):
        valid = False
    if not valid:
        raise ValueError(f"day must be a date written YYYY-MM-DD, got {day!r}.")


# How long a save waits for another program's lock before saying so.
LOCK_WAIT_SECONDS = 5.0


def _move_aside_advice(path: Path) -> str:
    return (f"Your progress has not been changed. To start a fresh record, move {path.name} "
            "somewhere safe (keep it: it may be recoverable); the course starts a new one at "
            f"your next tick, with no restart. Or set {DATA_DIR_VARIABLE} to another folder.")


def store_problem(path: Path, error: BaseException) -> StoreError:
    """The real cause of an SQLite or system error on the progress file, and what to do."""
    text = str(error).lower()
    code = getattr(error, "errno", None)
    again = "saving starts again by itself at your next tick, set or answer"
    if code in (errno.ENOSPC, errno.EDQUOT) or "full" in text or (
            "disk i/o" in text and _no_space_left(path)):
        return StoreFullError(path, f"The disk is full, so your progress could not be saved "
                                    f"in {path}. Free some space: {again}.")
    if "locked" in text or "busy" in text:
        return StoreLockedError(path, (
            f"Another program kept your progress file {path} locked for more than "
            f"{LOCK_WAIT_SECONDS:g} seconds (another copy of the course, or a backup or sync "
            f"tool). When it lets go, {again}."))
    if (code in (errno.EACCES, errno.EPERM, errno.EROFS) or "readonly" in text
            or "read-only" in text or "unable to open" in text):
        return StoreLocationError(path, (
            f"The folder {path.parent} cannot be written, so your progress is not being "
            f"saved. Make it writable ({again}), or set {DATA_DIR_VARIABLE} to a folder you "
            "can write to and restart the kernel."))
    if "disk i/o" in text:
        return StoreDiskError(path, (
            f"The disk reported an error while reading or saving {path} (it may be full or "
            f"failing). Your saved progress has not been changed; {again} once it works."))
    if "malformed" in text or "not a database" in text:
        return DamagedStoreError(path, f"The progress file {path} is damaged ({error}). "
                                       f"{_move_aside_advice(path)}")
    return StoreError(path, f"Your progress file {path} could not be used ({error}).")


def _no_space_left(path: Path) -> bool:
    """Whether the disk holding ``path`` is full (SQLite may call that an I/O error)."""
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except (OSError, AttributeError):  # no such folder, or a system without statvfs
        return False


def _inspect_existing(path: Path) -> None:
    """Check a file we did not just create, without changing it. Raise StoreError if
    unusable; the file (and any -wal and -shm beside it) is left exactly as it was."""
    if not path.is_file():
        raise StoreLocationError(path, f"The progress file {path} is not a regular file. "
                                 f"Set {DATA_DIR_VARIABLE} to a folder for your progress.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise store_problem(path, error) from None
    if size == 0:
        return  # an empty file holds nothing to lose; SQLite treats it as a new database
    if not header.startswith(SQLITE_HEADER):
        raise DamagedStoreError(path, f"The progress file {path} is damaged or is not a "
                                f"progress file. {_move_aside_advice(path)}")
    if len(header) < 100:
        raise DamagedStoreError(path, f"The progress file {path} is cut short (damaged). "
                                f"{_move_aside_advice(path)}")
    # Another program's file, or a newer course's, is known from its header alone: refused
    # without any SQLite connection, which could checkpoint its -wal or touch its -shm.
    app_id = int.from_bytes(header[68:72], "big")
    version = int.from_bytes(header[60:64], "big")
    if app_id:
        _judge(path, app_id, version, tables=1)
    wal = path.with_name(f"{path.name}-wal")
    if app_id == 0 and wal.exists():
        # Not yet marked as ours, with a journal beside it: look at a copy of the pair.
        with TemporaryDirectory(prefix="thoracic-inspect-") as scratch:
            copy = Path(scratch) / path.name
            shutil.copy2(path, copy)
            shutil.copy2(wal, Path(scratch) / wal.name)
            _judge(path, *_read_with_sqlite(path, copy))
        return
    _judge(path, *_read_with_sqlite(path, path))


def _read_with_sqlite(path: Path, target: Path) -> tuple[int, int, int]:
    """(application id, version, tables) of ``target``, after SQLite's own damage check,
    through a read-only connection that waits for writers and changes nothing."""
    uri = f"file:{quote(str(target))}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT_SECONDS)) as db:
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = db.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
    except sqlite3.OperationalError as error:
        problem = store_problem(path, error)
        if type(problem) is not StoreError:
            raise problem from None
        raise DamagedStoreError(path, f"The progress file {path} cannot be read ({error}). "
                                f"{_move_aside_advice(path)}") from None
    except sqlite3.DatabaseError as error:
        raise DamagedStoreError(path, f"The progress file {path} is damaged ({error}). "
                                f"{_move_aside_advice(path)}") from None
    if check != "ok":
        raise DamagedStoreError(path, f"The progress file {path} is damaged ({check}). "
                                f"{_move_aside_advice(path)}")
    return app_id, version, tables


def _judge(path: Path, app_id: int, version: int, tables: int) -> None:
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

    problem: StoreError | None = None

    @property
    def saving(self) -> bool:
        return True  # this store raises instead of running without saving

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
        with self._database() as db:
            self._migrate(db)

    @contextmanager
    def _database(self) -> Iterator[sqlite3.Connection]:
        """A connection to the file; any SQLite or system error leaves it as a StoreError
        that names the real cause (full disk, lock, read-only folder, damage)."""
        try:
            db = sqlite3.connect(self.path, timeout=LOCK_WAIT_SECONDS, isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise store_problem(self.path, error) from None
        try:
            db.execute(f"PRAGMA busy_timeout = {round(LOCK_WAIT_SECONDS * 1000)}")
            yield db
        except (sqlite3.Error, OSError) as error:
            raise store_problem(self.path, error) from None
        finally:
            db.close()

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection for reading."""
        with self._database() as db:
            yield db

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction; the write lock is taken at the start, so writers queue."""
        with self._database() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
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
                f"INSERT INTO checklist_ticks {_values('checklist_ticks')} ON CONFLICT "
                "(checklist, item, day) DO UPDATE SET checked = excluded.checked, "
                "updated_at = excluded.updated_at",
                (checklist, item, day, int(checked), _now()))

    def ticks(self, checklist: str, *, day: str = "") -> dict[str, bool]:
        with self._connection() as db:
            rows = db.execute("SELECT item, checked FROM checklist_ticks WHERE checklist = ? "
                              "AND day = ?", (checklist, day)).fetchall()
        return {item: bool(checked) for item, checked in rows}

    def tick_times(self, checklist: str, *, day: str = "") -> dict[str, str]:
        """When each ticked item was last ticked (an ISO timestamp, UTC), by item."""
        with self._connection() as db:
            rows = db.execute("SELECT item, updated_at FROM checklist_ticks WHERE checklist = ? "
                              "AND day = ? AND checked = 1", (checklist, day)).fetchall()
        return {item: updated_at for item, updated_at in rows}

    def tick_days(self) -> list[str]:
        """Days on which any daily checklist item was ticked."""
        with self._connection() as db:
            rows = db.execute("SELECT DISTINCT day FROM checklist_ticks WHERE day != '' AND "
                              "checked = 1 ORDER BY day").fetchall()
        return [row[0] for row in rows]

    # -- practice log -------------------------------------------------------------------
    def record_session(self, kind: SessionKind, exercise: str, duration_seconds: float, *,
                       sets: int | None = None, day: str | None = None,
                       rating: int | None = None, note: str | None = None,
                       version: str | None = None) -> str:
        """Add one entry to the practice log and return its id; ``version`` is the dose's
        version the timer ran (standard, easier, harder, longer-holds)."""
        if kind not in SESSION_KINDS:
            raise ValueError(f"kind must be one of {', '.join(SESSION_KINDS)}, got {kind!r}.")
        if version is not None and version not in VARIATIONS:
            raise ValueError(f"version must be one of {', '.join(VARIATIONS)} or None, got "
                             f"{version!r}.")
        check_note(note)
        check_rating(rating)
        session_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(f"INSERT INTO sessions {_values('sessions')}",
                       (session_id, day or today().isoformat(), _now(), kind, exercise, sets,
                        float(duration_seconds), rating, note, version))
        return session_id

    def rate_session(self, session_id: str, rating: int | None, note: str | None) -> None:
        """Add how it felt (0-10) and a note to a logged session."""
        check_rating(rating)
        check_note(note)
        with self._transaction() as db:
            found = db.execute("UPDATE sessions SET rating = ?, note = ? WHERE id = ?",
                               (rating, note or None, session_id)).rowcount
        if not found:
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
            db.execute(f"INSERT INTO self_tests {_values('self_tests')}",
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
            db.execute(f"INSERT INTO quiz_answers {_values('quiz_answers')}",
                       (answer_id, day or today().isoformat(), question, int(choice),
                        int(correct), _now()))
        return answer_id

    def quiz_answers(self) -> list[QuizAnswer]:
        with self._connection() as db:
            rows = db.execute("SELECT * FROM quiz_answers ORDER BY day, recorded_at, rowid")
            return [QuizAnswer(i, d, q, c, bool(k), r) for i, d, q, c, k, r in rows.fetchall()]

    # -- the next-day check -------------------------------------------------------------
    def record_next_day_check(self, answer: str, *, day: str | None = None) -> str:
        """Save the answer to the next-day check ("better", "same" or "worse") for ``day``
        (an ISO date; today if not given). A day holds one answer: a new one replaces it,
        and the day's entry keeps its id, which is returned."""
        NEXT_DAY_CHECK.option(answer)  # ValueError naming the answers, if it is not one
        if day is not None:
            _check_day(day)
        with self._transaction() as db:
            rows = db.execute(
                f"INSERT INTO next_day_checks {_values('next_day_checks')} "
                "ON CONFLICT (day) DO UPDATE SET answer = excluded.answer, "
                "recorded_at = excluded.recorded_at "
                "RETURNING id",
                (uuid.uuid4().hex, day or today().isoformat(), answer, _now())).fetchall()
        return str(rows[0][0])

    def next_day_checks(self) -> list[NextDayCheck]:
        """Every answer to the next-day check, oldest day first."""
        with self._connection() as db:
            rows = db.execute("SELECT id, day, answer, recorded_at FROM next_day_checks "
                              "ORDER BY day").fetchall()
        return [NextDayCheck(*row) for row in rows]

    # -- mending ------------------------------------------------------------------------
    def delete_entry(self, entry_id: str) -> Entry:
        """Remove one practice-log entry, self-test result or next-day check (a wrong one)
        by its id, and return what was removed. KeyError, saying where to find ids, if
        there is none."""
        entries: list[Entry] = [*self.sessions(), *self.self_tests(), *self.next_day_checks()]
        for entry in entries:
            if entry.id == entry_id:
                table = ("sessions" if isinstance(entry, Session) else
                         "self_tests" if isinstance(entry, SelfTestResult) else
                         "next_day_checks")
                with self._transaction() as db:
                    db.execute(f"DELETE FROM {table} WHERE id = ?", (entry_id,))
                return entry
        raise KeyError(f"There is no practice-log entry, self-test result or next-day check "
                       f"with id {entry_id!r}. 'thoracic progress --list' shows the ids.")

    # -- whole history ------------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        with self._connection() as db:
            ticks = db.execute("SELECT checklist, item, day, checked, updated_at FROM "
                               "checklist_ticks ORDER BY checklist, item, day").fetchall()
        parts = {
            "sessions": [asdict(s) for s in self.sessions()],
            "self_tests": [asdict(r) for r in self.self_tests()],
            "quiz_answers": [asdict(a) for a in self.quiz_answers()],
            "next_day_checks": [asdict(c) for c in self.next_day_checks()],
            "checklist_ticks": [dict(zip(TICK_FIELDS, (c, i, d, bool(k), u), strict=True))
                                for c, i, d, k, u in ticks],
        }
        # In EXPORT_KINDS' order, which the site's device store writes too.
        return {"format": EXPORT_FORMAT, "version": SCHEMA_VERSION,
                **{kind: parts[kind] for kind in EXPORT_KINDS}}

    def import_data(self, data: Any) -> dict[str, int]:
        """Merge an export into this store; what is already here is kept, nothing doubles.
        Where a day or a checklist item holds one value (a tick, a next-day answer), the one
        saved later wins.

        The whole file is checked before anything is written; a bad file changes nothing.
        """
        checked = validated_import(data)
        added: dict[str, int] = {}
        with self._transaction() as db:
            # Entries have ids: one already here is kept as it is (and counted as skipped).
            for table, rows in (("sessions", checked.sessions),
                                ("self_tests", checked.self_tests),
                                ("quiz_answers", checked.quiz_answers)):
                added[table] = db.executemany(
                    f"INSERT OR IGNORE INTO {table} {_values(table)}", rows).rowcount
            # A tick saved later wins, wherever it was saved.
            count = "SELECT count(*) FROM checklist_ticks"
            before = db.execute(count).fetchone()[0]
            changed = db.executemany(
                f"INSERT INTO checklist_ticks {_values('checklist_ticks')} ON CONFLICT "
                "(checklist, item, day) DO UPDATE SET checked = excluded.checked, "
                "updated_at = excluded.updated_at "
                "WHERE excluded.updated_at > checklist_ticks.updated_at",
                checked.checklist_ticks).rowcount
            added["checklist_ticks"] = db.execute(count).fetchone()[0] - before
            # One answer a day: the file's replaces this day's answer if it was given later,
            # whether it is the same entry (changed since, elsewhere) or another one.
            count = "SELECT count(*) FROM next_day_checks"
            before = db.execute(count).fetchone()[0]
            answered = db.executemany(
                f"INSERT INTO next_day_checks {_values('next_day_checks')} "
                "ON CONFLICT (id) DO UPDATE SET answer = excluded.answer, "
                "recorded_at = excluded.recorded_at "
                "WHERE excluded.recorded_at > next_day_checks.recorded_at "
                "AND excluded.day = next_day_checks.day "
                "ON CONFLICT (day) DO UPDATE SET id = excluded.id, answer = excluded.answer, "
                "recorded_at = excluded.recorded_at "
                "WHERE excluded.recorded_at > next_day_checks.recorded_at",
                checked.next_day_checks).rowcount
            added["next_day_checks"] = db.execute(count).fetchone()[0] - before
        return checked.report(added, {"checklist_ticks": changed - added["checklist_ticks"],
                                      "next_day_checks": answered - added["next_day_checks"]})

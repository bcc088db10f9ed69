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
import os
import sqlite3
import struct
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal

from ._dates import today

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "DamagedStoreError",
    "ForeignStoreError",
    "ImportFileError",
    "NewerStoreError",
    "ProgressStore",
    "QuizAnswer",
    "SelfTestResult",
    "Session",
    "StoreError",
    "StoreLocationError",
    "data_dir",
    "store_path",
]

DATA_DIR_VARIABLE = "THORACIC_DATA_DIR"
FILENAME = "progress.sqlite3"
APPLICATION_ID = 0x55425231  # "UBR1": marks the file as ours
SCHEMA_VERSION = 2
_SQLITE_HEADER = b"SQLite format 3\x00"

SessionKind = Literal["set", "exercise", "routine"]
SESSION_KINDS = ("set", "exercise", "routine")

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE checklist_ticks (
        checklist TEXT NOT NULL,
        item TEXT NOT NULL,
        day TEXT NOT NULL,          -- ISO date for daily checklists, '' for once-only ones
        checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (checklist, item, day)
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('set', 'exercise', 'routine')),
        exercise TEXT NOT NULL,
        sets INTEGER,
        duration_seconds REAL NOT NULL CHECK (duration_seconds >= 0),
        rating INTEGER CHECK (rating BETWEEN 0 AND 10),
        note TEXT
    );
    CREATE INDEX sessions_by_day ON sessions (day);
    CREATE TABLE self_tests (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        test TEXT NOT NULL,
        side TEXT NOT NULL,         -- 'left', 'right' or '' for tests without sides
        value REAL NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX self_tests_by_test ON self_tests (test, day);
    """,
    """
    CREATE TABLE quiz_answers (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        question TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        recorded_at TEXT NOT NULL
    );
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION


class StoreError(Exception):
    """The progress file cannot be used. The message names the file and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class DamagedStoreError(StoreError):
    pass


class ForeignStoreError(StoreError):
    pass


class NewerStoreError(StoreError):
    pass


class StoreLocationError(StoreError):
    pass


@dataclass(frozen=True)
class Session:
    """One entry of the practice log."""

    id: str
    day: str
    recorded_at: str
    kind: SessionKind
    exercise: str
    sets: int | None
    duration_seconds: float
    rating: int | None
    note: str | None


@dataclass(frozen=True)
class QuizAnswer:
    id: str
    day: str
    question: str
    choice: int
    correct: bool
    recorded_at: str


@dataclass(frozen=True)
class SelfTestResult:
    id: str
    day: str
    test: str
    side: str
    value: float
    recorded_at: str


def data_dir() -> Path:
    """The folder that holds the learner's progress."""
    chosen = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("upper-back-relief", appauthor=False))


def store_path() -> Path:
    return data_dir() / FILENAME


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
    if not header.startswith(_SQLITE_HEADER):
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
        _check_rating(rating)
        session_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (session_id, day or today().isoformat(), _now(), kind, exercise, sets,
                        float(duration_seconds), rating, note))
        return session_id

    def rate_session(self, session_id: str, rating: int | None, note: str | None) -> None:
        """Add how it felt (0-10) and a note to a logged session."""
        _check_rating(rating)
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
        sessions, tests, ticks, answers = _validated_import(data)
        added = {"sessions": 0, "self_tests": 0, "checklist_ticks": 0, "quiz_answers": 0}
        with self._transaction() as db:
            for row in sessions:
                added["sessions"] += db.execute(
                    "INSERT OR IGNORE INTO sessions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row).rowcount
            for row in tests:
                added["self_tests"] += db.execute(
                    "INSERT OR IGNORE INTO self_tests VALUES (?, ?, ?, ?, ?, ?)", row).rowcount
            for row in answers:
                added["quiz_answers"] += db.execute(
                    "INSERT OR IGNORE INTO quiz_answers VALUES (?, ?, ?, ?, ?, ?)",
                    row).rowcount
            for row in ticks:
                # A tick saved later wins, wherever it was saved.
                added["checklist_ticks"] += db.execute(
                    "INSERT INTO checklist_ticks VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                    "(checklist, item, day) DO UPDATE SET checked = excluded.checked, "
                    "updated_at = excluded.updated_at "
                    "WHERE excluded.updated_at > checklist_ticks.updated_at", row).rowcount
        return added


EXPORT_FORMAT = "upper-back-relief-progress"


def _check_rating(rating: int | None) -> None:
    if rating is not None and (isinstance(rating, bool) or not isinstance(rating, int)
                               or not 0 <= rating <= 10):
        raise ValueError(f"rating must be a whole number from 0 to 10, got {rating!r}.")


class ImportFileError(ValueError):
    """An import file that is not a progress export; nothing was changed."""


def _validated_import(data: Any) -> tuple[list[tuple], list[tuple], list[tuple], list[tuple]]:
    def bad(where: str, problem: str) -> ImportFileError:
        return ImportFileError(f"{where}: {problem}. Nothing was imported.")

    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise bad("The file", "is not a progress export from this course")
    if not isinstance(data.get("version"), int) or data["version"] > SCHEMA_VERSION:
        raise bad("The file", f"has format version {data.get('version')!r}, which this course "
                  "cannot read; update the course first")

    def records(name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise bad(f"'{name}'", "must be a list of records")
        return value

    def field(record: dict[str, Any], name: str, kinds: type | tuple[type, ...], where: str,
              optional: bool = False) -> Any:
        value = record.get(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple)
                                                   else (kinds,)):
            raise bad(where, f"field '{name}' has the wrong type ({value!r})")
        if not isinstance(value, kinds):
            raise bad(where, f"field '{name}' is missing or has the wrong type ({value!r})")
        return value

    def day(value: str, where: str) -> str:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise bad(where, f"'{value}' is not a date (YYYY-MM-DD)") from None
        return value

    sessions = []
    for n, record in enumerate(records("sessions"), start=1):
        where = f"Session {n}"
        kind = field(record, "kind", str, where)
        if kind not in SESSION_KINDS:
            raise bad(where, f"kind {kind!r} is not one of {', '.join(SESSION_KINDS)}")
        rating = field(record, "rating", int, where, optional=True)
        if rating is not None and not 0 <= rating <= 10:
            raise bad(where, f"rating {rating} is not from 0 to 10")
        duration = field(record, "duration_seconds", (int, float), where)
        if not 0 <= duration < 1e7:
            raise bad(where, f"duration {duration} is not a sensible number of seconds")
        sessions.append((field(record, "id", str, where),
                         day(field(record, "day", str, where), where),
                         field(record, "recorded_at", str, where), kind,
                         field(record, "exercise", str, where),
                         field(record, "sets", int, where, optional=True), float(duration),
                         rating, field(record, "note", str, where, optional=True)))
    tests = []
    for n, record in enumerate(records("self_tests"), start=1):
        where = f"Self-test {n}"
        tests.append((field(record, "id", str, where),
                      day(field(record, "day", str, where), where),
                      field(record, "test", str, where), field(record, "side", str, where),
                      float(field(record, "value", (int, float), where)),
                      field(record, "recorded_at", str, where)))
    ticks = []
    for n, record in enumerate(records("checklist_ticks"), start=1):
        where = f"Checklist tick {n}"
        tick_day = field(record, "day", str, where)
        ticks.append((field(record, "checklist", str, where), field(record, "item", str, where),
                      day(tick_day, where) if tick_day else "",
                      int(field(record, "checked", bool, where)),
                      field(record, "updated_at", str, where)))
    answers = []
    for n, record in enumerate(records("quiz_answers"), start=1):
        where = f"Quiz answer {n}"
        answers.append((field(record, "id", str, where),
                        day(field(record, "day", str, where), where),
                        field(record, "question", str, where),
                        field(record, "choice", int, where),
                        int(field(record, "correct", bool, where)),
                        field(record, "recorded_at", str, where)))
    return sessions, tests, ticks, answers

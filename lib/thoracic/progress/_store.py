"""The progress store: one small SQLite database in the learner's own data folder.

- Where: ``THORACIC_DATA_DIR`` if set, else the platform's user data folder
  (platformdirs). Never inside the course folder, which may be read-only.
- Safe with several writers (two notebooks and a command at once): WAL journal, a busy
  timeout, short ``BEGIN IMMEDIATE`` transactions, one short-lived connection per call.
- Careful with what is already there: an existing file is inspected from a copy of it
  and its -wal (never opened in place, where SQLite would create or rewrite siblings). A
  damaged, foreign or newer file raises a StoreError naming the file and what to do, and
  it and its siblings are left exactly as they were. A progress file that is a link is
  refused, and a -wal or -shm left without its file is moved aside, never deleted.
- Reading needs no space and no write lock: reads use a read-only connection (or, where
  even that cannot open, SQLite's immutable mode), and the schema is migrated only when it
  must change, so a full disk, a held lock or a read-only folder still shows the history.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import shutil
import sqlite3
import stat
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from types import MethodType
from typing import Any
from urllib.parse import quote
from weakref import WeakMethod

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
from ._groups import every_entry
from ._location import store_path
from ._records import (
    MAX_TRIES,
    MEASURE_METHODS,
    TICK_FIELDS,
    Entry,
    MeasureMethod,
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
from ._transfer import (
    EXPORT_KINDS,
    EXPORT_ORDER,
    FIELDS,
    KINDS,
    MERGE,
    stored_tries,
    validated_import,
)

__all__ = ["LOCK_WAIT_SECONDS", "ProgressStore", "store_problem"]


def _self_test(row: Sequence[Any]) -> SelfTestResult:
    """A self-test row as its record: the tries are kept as a JSON list."""
    record = SelfTestResult(*row)
    kept: str | None = row[-1]
    return replace(record, tries=None if kept is None else tuple(json.loads(kept)))


def _values(table: str) -> str:
    """``VALUES (?, ...)`` with one mark per column of a table, from its record's fields, so
    a new column cannot leave an insert a mark short."""
    return f"VALUES ({', '.join('?' * len(FIELDS[table]))})"


def _order(table: str) -> str:
    """``ORDER BY`` as an export lists a table (the site's device store sorts the same)."""
    return f"ORDER BY {', '.join(EXPORT_ORDER[table])}, rowid"


def _merge(table: str) -> str:
    """The statement that merges one row of a file into ``table`` as MERGE says."""
    keys, stamp = MERGE[table]
    if stamp is None:
        return f"INSERT OR IGNORE INTO {table} {_values(table)}"
    clauses = []
    for n, (_, key) in enumerate(keys):
        kept = ", ".join(f"{name} = excluded.{name}" for name in FIELDS[table]
                         if name not in key)
        same = "".join(f" AND excluded.{name} = {table}.{name}"
                       for _, later in keys[n + 1:] for name in later)
        clauses.append(f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {kept} "
                       f"WHERE excluded.{stamp} > {table}.{stamp}{same}")
    return f"INSERT INTO {table} {_values(table)} {' '.join(clauses)}"


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


# SQLite's write-ahead log starts with one of these two numbers (wal format, section 4.1).
_WAL_MAGIC = (0x377F0682, 0x377F0683)
_SIBLINGS = ("-wal", "-shm", "-journal")


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(f"{path.name}{suffix}")


def _move_aside_advice(path: Path) -> str:
    return (f"Your progress has not been changed. To start a fresh record, move {path.name} "
            f"together with {path.name}-wal and {path.name}-shm (where they are there) into "
            "one folder somewhere safe: keep all of them, the newest entries may be in the "
            "-wal file. The course starts a new record at your next tick, with no restart. "
            f"Or set {DATA_DIR_VARIABLE} to another folder.")


def _lock_holders(path: Path) -> list[str]:
    """The other processes that have the progress file (or its siblings) open, as
    "process 123 (sqlite3 progress.sqlite3)"; empty where that cannot be seen."""
    names = {str(path), *(str(_sibling(path, suffix)) for suffix in _SIBLINGS)}
    found = []
    try:
        pids = [entry for entry in os.listdir("/proc") if entry.isdigit()]
    except OSError:
        return []
    for pid in pids:
        if int(pid) == os.getpid():
            continue
        try:
            links = {os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")}
            if links & names:
                command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                found.append(f"process {pid} ({command.decode(errors='replace').strip()[:80]})")
        except OSError:
            continue  # gone, or not ours to look at
    return found


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
        holders = _lock_holders(path)
        who = (f"It is held by {', '.join(holders)}" if holders else
               "Another copy of the course, the sqlite3 tool, or a backup or sync tool may "
               "hold it")
        return StoreLockedError(path, (
            f"Your progress file {path} stayed locked for more than {LOCK_WAIT_SECONDS:g} "
            f"seconds, so this could not be saved. {who}. Your saved progress can still be "
            f"read. When the lock is let go, {again}."))
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


def _file_state(path: Path) -> tuple[int, int] | None:
    """(size, modification time) of a file, or None where there is none."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_size, found.st_mtime_ns


def _check_sibling(path: Path, suffix: str) -> None:
    """A -wal or -shm beside the file must be a plain file; a -wal must look like one."""
    sibling = _sibling(path, suffix)
    # SQLite removes the -wal and -shm when the last connection closes, so another notebook
    # may remove them between any two of these steps: gone is fine, as if never there.
    try:
        found = os.lstat(sibling)
    except FileNotFoundError:
        return
    except OSError as error:
        raise store_problem(path, error) from None
    if not stat.S_ISREG(found.st_mode):
        raise StoreLocationError(path, (
            f"Beside your progress file, {sibling} is not a plain file (a folder, a link or a "
            f"device). Move it out of {path.parent}; your progress has not been changed."))
    if suffix != "-wal":
        return
    try:
        with sibling.open("rb") as handle:
            head = handle.read(4)
    except FileNotFoundError:
        return
    except OSError as error:
        raise store_problem(path, error) from None
    if head and int.from_bytes(head.ljust(4, b"\0"), "big") not in _WAL_MAGIC:
        raise DamagedStoreError(path, (
            f"The journal {sibling} beside your progress file is damaged, so SQLite would "
            f"drop it without a word. {_move_aside_advice(path)}"))


def _inspect_existing(path: Path) -> None:
    """Check a file we did not just create, without changing it. Raise StoreError if
    unusable; the file and its -wal and -shm are left exactly as they were."""
    if not path.is_file():
        raise StoreLocationError(path, f"The progress file {path} is not a regular file. "
                                 f"Set {DATA_DIR_VARIABLE} to a folder for your progress.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise store_problem(path, error) from None
    for suffix in ("-wal", "-shm"):
        _check_sibling(path, suffix)
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
    _inspect_copy(path)


def _inspect_copy(path: Path) -> None:
    """SQLite's own check, on a copy of the file and its -wal in a scratch folder. A copy
    taken while another program wrote may be torn: then look again, and a file that keeps
    changing is one the course is using, not a damaged one."""
    wal = _sibling(path, "-wal")
    for _ in range(3):
        before = (_file_state(path), _file_state(wal))
        problem: StoreError | None = None
        with TemporaryDirectory(prefix="thoracic-inspect-") as scratch:
            copy = Path(scratch) / path.name
            try:
                shutil.copyfile(path, copy)
                if wal.is_file():
                    shutil.copyfile(wal, Path(scratch) / wal.name)
            except FileNotFoundError:
                continue  # moved or checkpointed while copying: look again
            except OSError as error:
                raise store_problem(path, error) from None
            try:
                judged = _read_with_sqlite(path, copy)
            except DamagedStoreError as damaged:
                problem = damaged
        if (_file_state(path), _file_state(wal)) != before:
            continue  # written while copying: the copy proves nothing
        if problem is not None:
            raise problem
        _judge(path, *judged)
        return


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
        self._listeners: list[Callable[[], Callable[[], None] | None]] = []
        self._prepare()

    # -- telling views --------------------------------------------------------------------
    def watch(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every change saved through this store object, so a view
        on the page (the dashboard, a plan line) shows it without its cell running again.
        A bound method is held weakly: a view that is gone stops being called."""
        if isinstance(listener, MethodType):
            self._listeners.append(WeakMethod(listener))
        else:
            self._listeners.append(lambda: listener)

    def _changed(self) -> None:
        """A change was saved: tell every view still there. A view that fails to redraw
        does not make the save fail: the change is kept either way."""
        alive = []
        for reference in self._listeners:
            listener = reference()
            if listener is None:
                continue
            alive.append(reference)
            with suppress(Exception):
                listener()
        self._listeners = alive

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
        if self.path.is_symlink():
            raise StoreLocationError(self.path, (
                f"Your progress file {self.path} is a link (to {os.readlink(self.path)}). The "
                "course does not follow links for your progress, so that no other file is "
                f"changed by mistake. Set {DATA_DIR_VARIABLE} to the folder that really holds "
                "the file, or move the link aside."))
        if self.path.exists():
            _inspect_existing(self.path)
        else:
            self._keep_leftovers()
        if self._needs_migration():
            with self._database() as db:
                self._migrate(db)

    def _keep_leftovers(self) -> None:
        """Move a -wal, -shm or -journal left without its file aside (renamed, beside it),
        so a new file does not take them over or delete them: a -wal may hold the newest
        entries of a file the learner moved away."""
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        for suffix in _SIBLINGS:
            leftover = _sibling(self.path, suffix)
            # Another process may be creating the file this moment, with its own journal:
            # once the file is there, what is beside it is that file's, and is left alone.
            if not os.path.lexists(leftover) or os.path.lexists(self.path):
                continue
            try:
                leftover.rename(leftover.with_name(f"{leftover.name}.left-{stamp}"))
            except FileNotFoundError:
                continue  # gone already: the journal of a file another process just made
            except OSError as error:
                raise store_problem(self.path, error) from None

    def _needs_migration(self) -> bool:
        """Whether the file must be created, set to WAL or brought to this schema; reading
        it needs neither a write lock nor any free space."""
        try:
            if not self.path.exists() or self.path.stat().st_size == 0:
                return True
        except OSError as error:
            raise store_problem(self.path, error) from None
        # From the file's header (SQLite file format, section 1.3): bytes 18 and 19 are 2
        # in WAL mode, bytes 60 to 63 hold user_version. No connection, so nothing waits
        # for a lock and nothing needs space.
        try:
            with self.path.open("rb") as handle:
                header = handle.read(100)
        except OSError as error:
            raise store_problem(self.path, error) from None
        wal = header[18:20] == b"\x02\x02"
        return not wal or int.from_bytes(header[60:64], "big") != SCHEMA_VERSION

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
        with self._read_only() as db:
            yield db

    @contextmanager
    def _read_only(self) -> Iterator[sqlite3.Connection]:
        """A read-only connection: it takes no write lock and needs no free space. Where
        even that cannot open (a read-only folder with no -shm beside the file, or a full
        disk), SQLite's immutable mode reads the file as it is, for the history and its
        export; no program can be writing it then."""
        db = self._reader(immutable=False)
        try:
            yield db
        except (sqlite3.Error, OSError) as error:
            raise store_problem(self.path, error) from None
        finally:
            db.close()

    def _reader(self, *, immutable: bool) -> sqlite3.Connection:
        mode = "ro&immutable=1" if immutable else "ro"
        uri = f"file:{quote(str(self.path))}?mode={mode}"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=LOCK_WAIT_SECONDS,
                                 isolation_level=None)
        except (sqlite3.Error, OSError) as error:
            raise store_problem(self.path, error) from None
        try:
            db.execute(f"PRAGMA busy_timeout = {round(LOCK_WAIT_SECONDS * 1000)}")
            db.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        except (sqlite3.Error, OSError) as error:
            db.close()
            problem = store_problem(self.path, error)
            if immutable or not isinstance(problem, StoreLocationError | StoreFullError
                                           | StoreDiskError):
                raise problem from None
            return self._reader(immutable=True)
        return db

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
        self._changed()

    def _migrate(self, db: sqlite3.Connection) -> None:
        # Changing the journal mode does not wait for a busy timeout: wait for it here, up
        # to the same limit, so processes creating one new file at once queue instead.
        # (A database in memory stays in its own mode: asked once, it answers at once.)
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            try:
                db.execute("PRAGMA journal_mode = WAL")
                break
            except sqlite3.OperationalError as error:
                if "locked" not in str(error).lower() or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)
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
            rows = db.execute(f"SELECT * FROM sessions {_order('sessions')}").fetchall()
        return [Session(*row) for row in rows]

    # -- self-tests ---------------------------------------------------------------------
    def record_self_test(self, test: str, value: float, *, side: str = "",
                         day: str | None = None, method: MeasureMethod = "typed",
                         tries: Sequence[float] | None = None) -> str:
        """Keep one self-test result: typed, or measured by the phone (``value`` the median
        of its ``tries``)."""
        if method not in MEASURE_METHODS:
            raise ValueError(f"method must be one of {', '.join(MEASURE_METHODS)}, "
                             f"got {method!r}.")
        if (tries is None) != (method == "typed") or (tries is not None and not (
                1 <= len(tries) <= MAX_TRIES)):
            raise ValueError(f"A measured result keeps its tries (1 to {MAX_TRIES}); a "
                             f"typed one has none (got {tries!r} for {method!r}).")
        result_id = uuid.uuid4().hex
        with self._transaction() as db:
            db.execute(f"INSERT INTO self_tests {_values('self_tests')}",
                       (result_id, day or today().isoformat(), test, side, float(value),
                        _now(), method, stored_tries(tries)))
        return result_id

    def self_tests(self) -> list[SelfTestResult]:
        with self._connection() as db:
            rows = db.execute(f"SELECT * FROM self_tests {_order('self_tests')}")
            return [_self_test(row) for row in rows.fetchall()]

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
            rows = db.execute(f"SELECT * FROM quiz_answers {_order('quiz_answers')}")
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
                              f"{_order('next_day_checks')}").fetchall()
        return [NextDayCheck(*row) for row in rows]

    # -- mending ------------------------------------------------------------------------
    def delete_entry(self, entry_id: str) -> Entry:
        """Remove one practice-log entry, self-test result or next-day check (a wrong one)
        by its id, and return what was removed. KeyError, saying where to find ids, if
        there is none."""
        return self.delete_entries([entry_id])[0]

    def delete_entries(self, entry_ids: Sequence[str]) -> list[Entry]:
        """Remove several entries at once (an exercise and its sets): all of them, in one
        transaction, or none. What was removed, in the order asked; KeyError naming the
        first unknown id, and deleting nothing, if one is missing."""
        held = {entry.id: entry for entry in every_entry(self)}
        for entry_id in entry_ids:
            if entry_id not in held:
                raise KeyError(f"There is no practice-log entry, self-test result or next-day "
                               f"check with the id {entry_id}. 'thoracic progress --list' "
                               "shows the ids. Nothing was deleted.")
        removed = [held[entry_id] for entry_id in dict.fromkeys(entry_ids)]
        with self._transaction() as db:
            for entry in removed:
                table = ("sessions" if isinstance(entry, Session) else
                         "self_tests" if isinstance(entry, SelfTestResult) else
                         "next_day_checks")
                db.execute(f"DELETE FROM {table} WHERE id = ?", (entry.id,))
        return removed

    # -- whole history ------------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        with self._connection() as db:
            ticks = db.execute("SELECT checklist, item, day, checked, updated_at FROM "
                               f"checklist_ticks {_order('checklist_ticks')}").fetchall()
        parts = {
            "sessions": [asdict(s) for s in self.sessions()],
            "self_tests": [{**asdict(r), "tries": None if r.tries is None else list(r.tries)}
                           for r in self.self_tests()],  # as JSON has it: a list
            "quiz_answers": [asdict(a) for a in self.quiz_answers()],
            "next_day_checks": [asdict(c) for c in self.next_day_checks()],
            "checklist_ticks": [dict(zip(TICK_FIELDS, (c, i, d, bool(k), u), strict=True))
                                for c, i, d, k, u in ticks],
        }
        # In EXPORT_KINDS' order, which the site's device store writes too.
        return {"format": EXPORT_FORMAT, "version": SCHEMA_VERSION,
                **{kind: parts[kind] for kind in EXPORT_KINDS}}

    def import_data(self, data: Any, *, name: str | None = None) -> dict[str, int]:
        """Merge an export into this store; what is already here is kept, nothing doubles.
        Where a day or a checklist item holds one value (a tick, a next-day answer), the one
        saved later wins: MERGE says how, for each kind (the site's device store reads it).

        The whole file is checked before anything is written; a bad file changes nothing,
        and its refusal names the file by ``name``, where one is given.
        """
        checked = validated_import(data, name)
        added: dict[str, int] = {}
        updated: dict[str, int] = {}
        with self._transaction() as db:
            for table in KINDS:
                count = f"SELECT count(*) FROM {table}"
                before = db.execute(count).fetchone()[0]
                changed = db.executemany(_merge(table), getattr(checked, table)).rowcount
                added[table] = db.execute(count).fetchone()[0] - before
                updated[table] = changed - added[table]
        return checked.report(added, updated)

"""What a teacher sees of a class on one server: only what each learner chose to share.

``thoracic class-report --home-root DIR`` goes through the learners' home folders under
``DIR`` (one folder each, as the class server makes them) and reads each one's progress
file. A learner who ticked "Share with my teacher" (in 12 · My progress) shows two
figures: the days practised this week and the latest rating with its zone. Everyone else
is listed as "not shared", whether they have a progress file or not. Nothing else leaves
a progress file: no ticks, notes, self-tests or answers.

A learner's file is never opened where it lies: it (and its journal, if a save is under
way) is copied into a scratch folder and read there, so the report never creates, locks,
changes or checkpoints anything in a learner's folder, even while they practise. The way
to the file is walked one folder at a time from the learner's home without following any
link, and only plain files of a bounded size are copied: a learner cannot show someone
else's figures under their name, or make the report read a device. A file
that is damaged, belongs to another program, or comes from a newer course is reported as
such for that learner, and the report goes on.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

from ..base import for_terminal
from ..content import DISCOMFORT_SCALE
from ..progress import (
    FILENAME,
    DamagedStoreError,
    ForeignStoreError,
    NewerStoreError,
    ProgressStore,
    StoreError,
    summarise_practice,
)
from ..ui import SHARE_CHECKLIST_ID, SHARE_ITEM_ID

__all__ = ["LEARNER_STORE", "MAX_COPY_BYTES", "NOT_PLAIN", "LearnerShare", "class_report",
           "format_class_report", "report_summary", "report_week"]

# Where a learner's progress file sits in their home: the course's usual place (the
# platform's data folder on Linux), which the class server's settings keep it in.
LEARNER_STORE = Path(".local", "share", "upper-back-relief", FILENAME)
# How often to copy a file again that changed while it was being copied.
_COPY_TRIES = 5
# The most the report copies of a progress file or its journal: far more than years of
# daily practice fill, far less than a disk (a journal linked to /dev/zero never ends).
MAX_COPY_BYTES = 256 * 1024 * 1024
_CHUNK = 1 << 20
# Why a file reached through a link, or a device or FIFO in its place, is not read.
NOT_PLAIN = ("it is not a plain file in the learner's own folder (a link or a special file "
             "is on the way to it), so it was not read")


@dataclass(frozen=True)
class LearnerShare:
    """One learner's line of the report: what they shared, or why nothing can be shown."""

    learner: str
    shared: bool = False
    days_this_week: int = 0
    latest_rating: int | None = None
    latest_rating_day: str | None = None
    problem: str | None = None  # why their progress file could not be read

    def describe(self) -> str:
        if self.problem is not None:
            return f"progress file not read: {self.problem}"
        if not self.shared:
            return "not shared"
        days = f"{self.days_this_week} day{'' if self.days_this_week == 1 else 's'}"
        if self.latest_rating is None:
            rating = "no rating yet"
        else:
            zone = DISCOMFORT_SCALE.zone(self.latest_rating)
            rating = (f"latest rating {self.latest_rating}/{DISCOMFORT_SCALE.highest}, "
                      f"{zone.word} zone ({self.latest_rating_day})")
        return f"{days} practised this week; {rating}"


class _NotPlain(Exception):
    """A part of the way to a learner's progress file is a link or not a plain file."""


# Opened without following a link at the last step; a FIFO must not make open() wait.
_NO_LINK = os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK


def _open_folder(name: str | Path, at: int | None = None) -> int:
    try:
        return os.open(name, os.O_RDONLY | os.O_DIRECTORY | _NO_LINK, dir_fd=at)
    except OSError as error:
        if error.errno in (errno.ELOOP, errno.ENOTDIR):  # a link, or a file in the way
            raise _NotPlain from None
        raise


@contextmanager
def _store_folder(home: Path) -> Iterator[int]:
    """The folder that holds the learner's progress file, reached from their home one step
    at a time without following any link, so every step stays inside their own home."""
    folder = _open_folder(home)
    try:
        for part in LEARNER_STORE.parent.parts:
            inner = _open_folder(part, at=folder)
            os.close(folder)
            folder = inner
        yield folder
    finally:
        os.close(folder)


def _copy_file(folder: int, name: str, copy: Path) -> tuple[int, int] | None:
    """Copy the plain file ``name`` in ``folder`` to ``copy``, at most MAX_COPY_BYTES;
    its (modified time, size) as it was, or None if there is none. _NotPlain for a link,
    a device, a FIFO or a folder; OSError (EFBIG) for a file too large to be progress."""
    try:
        if not stat.S_ISREG(os.stat(name, dir_fd=folder, follow_symlinks=False).st_mode):
            raise _NotPlain  # a device is never opened: opening some has effects
        source = os.open(name, os.O_RDONLY | _NO_LINK, dir_fd=folder)
    except FileNotFoundError:
        return None
    except OSError as error:
        if error.errno == errno.ELOOP:  # it became a link since
            raise _NotPlain from None
        raise
    with os.fdopen(source, "rb") as reading:
        info = os.fstat(source)
        if not stat.S_ISREG(info.st_mode):
            raise _NotPlain
        if info.st_size > MAX_COPY_BYTES:
            raise OSError(errno.EFBIG, "it is larger than any progress file")
        left = MAX_COPY_BYTES + 1
        with copy.open("wb") as writing:
            while left > 0 and (chunk := reading.read(min(left, _CHUNK))):
                writing.write(chunk)
                left -= len(chunk)
        if left <= 0:  # it grew past the bound while being copied
            raise OSError(errno.EFBIG, "it is larger than any progress file")
        return info.st_mtime_ns, info.st_size


def _fingerprint(folder: int, name: str) -> tuple[int, int] | None:
    try:
        info = os.stat(name, dir_fd=folder, follow_symlinks=False)
    except FileNotFoundError:
        return None
    return info.st_mtime_ns, info.st_size


def _copy_of(home: Path, scratch: Path) -> Path | None:
    """A copy in ``scratch`` of the learner's progress file (and its journal, if a save is
    under way), copied again while their course saves something during the copy; None if
    they have no progress file."""
    copy, copied_wal = scratch / FILENAME, scratch / f"{FILENAME}-wal"
    with _store_folder(home) as folder:
        for _ in range(_COPY_TRIES):
            copied_wal.unlink(missing_ok=True)
            copied = (_copy_file(folder, FILENAME, copy),
                      _copy_file(folder, f"{FILENAME}-wal", copied_wal))
            if copied[0] is None:
                return None
            if (_fingerprint(folder, FILENAME), _fingerprint(folder, f"{FILENAME}-wal")) == copied:
                break
    return copy


@contextmanager
def _read_only(home: Path) -> Iterator[ProgressStore | None]:
    """The learner's progress file as a store, from a copy that is thrown away after; None
    if they have none."""
    with TemporaryDirectory(prefix="thoracic-class-report-") as scratch:
        copy = _copy_of(home, Path(scratch))
        yield None if copy is None else ProgressStore(copy)


def _why_not(error: BaseException) -> str:
    if isinstance(error, DamagedStoreError):
        return "it is damaged (or is not a progress file)"
    if isinstance(error, ForeignStoreError):
        return "it belongs to another program, not to this course"
    if isinstance(error, NewerStoreError):
        return "it was written by a newer version of the course; update this one"
    if isinstance(error, OSError):
        return f"it cannot be read ({error.strerror or error})"
    return "it cannot be read"


def _learner(home: Path, on: dt.date) -> LearnerShare:
    name = home.name
    try:
        with _read_only(home) as store:
            if store is None or not store.ticks(SHARE_CHECKLIST_ID).get(SHARE_ITEM_ID, False):
                return LearnerShare(name)  # no progress yet, or not shared
            sessions = [session for session in store.sessions()
                        if dt.date.fromisoformat(session.day) <= on]
    except FileNotFoundError:
        return LearnerShare(name)  # no progress folder yet: nothing shared either
    except _NotPlain:  # a link could lead to another learner's file, or anywhere
        return LearnerShare(name, problem=NOT_PLAIN)
    except (StoreError, OSError) as error:
        return LearnerShare(name, problem=_why_not(error))
    rated = [session for session in sessions if session.rating is not None]
    latest = rated[-1] if rated else None  # the store lists them oldest first
    return LearnerShare(name, shared=True,
                        days_this_week=summarise_practice(sessions, on).days_this_week,
                        latest_rating=latest.rating if latest else None,
                        latest_rating_day=latest.day if latest else None)


def class_report(home_root: Path, on: dt.date) -> list[LearnerShare]:
    """One line for each learner folder in ``home_root``, by name, as of the date ``on``.
    ValueError if ``home_root`` is not a folder."""
    if not home_root.is_dir():
        raise ValueError(f"{home_root} is not a folder. Give the folder that holds the "
                         "learners' homes, for example: --home-root /srv/upper-back-relief/homes")
    # A home that is a link is listed too, and refused as one when its file is read.
    homes = sorted((entry for entry in home_root.iterdir()
                    if entry.is_dir() and not entry.name.startswith(".")),
                   key=lambda entry: entry.name)
    return [_learner(home, on) for home in homes]


def format_class_report(home_root: Path, on: dt.date, lines: list[LearnerShare]) -> str:
    """The report as the teacher reads it in a terminal."""
    head = f"Class report for {report_week(on)}, from {for_terminal(str(home_root))}:"
    if not lines:
        return f"{head}\n  No learner has logged in yet.\n"
    names = [for_terminal(line.learner) for line in lines]  # a folder's name may hold ESC
    width = max(len(name) for name in names)
    body = [f"  {name.ljust(width)}  {line.describe()}" for name, line in zip(names, lines,
                                                                            strict=True)]
    return "\n".join([head, *body, report_summary(lines)]) + "\n"


def report_week(on: dt.date) -> str:
    """The days a report covers: its week (from Monday) up to ``on``."""
    start = on - dt.timedelta(days=on.weekday())
    return (f"the week from {start:%A} {start.day} {start:%B %Y} to "
            f"{on:%A} {on.day} {on:%B %Y}")


def report_summary(lines: list[LearnerShare]) -> str:
    """How many learners share, and what sharing shows (the report's last words)."""
    shared = sum(line.shared for line in lines)
    return (f"{shared} of {len(lines)} learner{'' if len(lines) == 1 else 's'} share their "
            "figures with you. Only a learner who ticks \"Share with my teacher\" in "
            "12 · My progress is shown; nothing else leaves their progress.")

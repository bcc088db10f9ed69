"""What a teacher sees of a class on one server: only what each learner chose to share.

``thoracic class-report --home-root DIR`` goes through the learners' home folders under
``DIR`` (one folder each, as the class server makes them) and reads each one's progress
file. A learner who ticked "Share with my teacher" (in 12 · My progress) shows two
figures: the days practised this week and the latest rating with its zone. Everyone else
is listed as "not shared", whether they have a progress file or not. Nothing else leaves
a progress file: no ticks, notes, self-tests or answers.

A learner's file is never opened where it lies: it (and its journal, if a save is under
way) is copied into a scratch folder and read there, so the report never creates, locks,
changes or checkpoints anything in a learner's folder, even while they practise. A file
that is damaged, belongs to another program, or comes from a newer course is reported as
such for that learner, and the report goes on.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory

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

__all__ = ["LEARNER_STORE", "LearnerShare", "class_report", "format_class_report"]

# Where a learner's progress file sits in their home: the course's usual place (the
# platform's data folder on Linux), which the class server's settings keep it in.
LEARNER_STORE = Path(".local", "share", "upper-back-relief", FILENAME)
# How often to copy a file again that changed while it was being copied.
_COPY_TRIES = 5


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


def _fingerprint(*paths: Path) -> tuple[tuple[int, int] | None, ...]:
    found: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            info = path.stat()
        except FileNotFoundError:
            found.append(None)
        else:
            found.append((info.st_mtime_ns, info.st_size))
    return tuple(found)


def _copy_of(path: Path, scratch: Path) -> Path:
    """A copy of the progress file ``path`` (and its journal, if any) in ``scratch``;
    copied again while the learner's course saves something during the copy."""
    wal = path.with_name(f"{path.name}-wal")
    copy, copied_wal = scratch / FILENAME, scratch / f"{FILENAME}-wal"
    for _ in range(_COPY_TRIES):
        before = _fingerprint(path, wal)
        shutil.copyfile(path, copy)
        copied_wal.unlink(missing_ok=True)
        with suppress(FileNotFoundError):  # none: no save under way
            shutil.copyfile(wal, copied_wal)
        if _fingerprint(path, wal) == before:
            break
    return copy


@contextmanager
def _read_only(path: Path) -> Iterator[ProgressStore]:
    """The progress file at ``path`` as a store, from a copy that is thrown away after."""
    with TemporaryDirectory(prefix="thoracic-class-report-") as scratch:
        yield ProgressStore(_copy_of(path, Path(scratch)))


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
    name, path = home.name, home / LEARNER_STORE
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return LearnerShare(name)  # no progress yet: nothing shared either
    except OSError as error:
        return LearnerShare(name, problem=_why_not(error))
    if not stat.S_ISREG(mode):  # a link or anything else would be read from elsewhere
        return LearnerShare(name, problem="it is not a plain file")
    try:
        with _read_only(path) as store:
            if not store.ticks(SHARE_CHECKLIST_ID).get(SHARE_ITEM_ID, False):
                return LearnerShare(name)
            sessions = [session for session in store.sessions()
                        if dt.date.fromisoformat(session.day) <= on]
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
                         "learners' homes, for example: --home-root .hub/homes")
    homes = sorted((entry for entry in home_root.iterdir()
                    if entry.is_dir() and not entry.name.startswith(".")),
                   key=lambda entry: entry.name)
    return [_learner(home, on) for home in homes]


def format_class_report(home_root: Path, on: dt.date, lines: list[LearnerShare]) -> str:
    """The report as the teacher reads it in a terminal."""
    week_start = on - dt.timedelta(days=on.weekday())
    head = (f"Class report for the week from {week_start:%A} {week_start.day} "
            f"{week_start:%B %Y} to {on:%A} {on.day} {on:%B %Y}, from {home_root}:")
    if not lines:
        return f"{head}\n  No learner has logged in yet.\n"
    width = max(len(line.learner) for line in lines)
    body = [f"  {line.learner.ljust(width)}  {line.describe()}" for line in lines]
    shared = sum(line.shared for line in lines)
    foot = (f"{shared} of {len(lines)} learner{'' if len(lines) == 1 else 's'} share their "
            "figures with you. Only a learner who ticks \"Share with my teacher\" in "
            "12 · My progress is shown; nothing else leaves their progress.")
    return "\n".join([head, *body, foot]) + "\n"

"""Writing a progress file (``thoracic progress --export``) so an old one always survives.

The new file is written beside the target under a temporary name, flushed to the disk,
and only then renamed over the target: on a full disk, a crash or a lost power supply
the previous backup is still there, whole. A temporary file left by an export that was
stopped mid-way (a crash, a kill -9) is removed by the next export to the same place.
"""

from __future__ import annotations

import json
import os
import re
import stat
from contextlib import suppress
from pathlib import Path
from typing import Any

from ._errors import StoreLocationError
from ._store import store_problem

__all__ = ["progress_file_text", "write_progress_file"]


def _kind_of(mode: int) -> str | None:
    """What a file that is not a plain file is, in words; None for a plain file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket or another special file"


def _check_target(path: Path) -> None:
    """StoreLocationError if ``path`` is there and is not a plain file: replacing a link, a
    pipe or a device with a file would break what it stood for and leave the real target
    stale, and writing into one is not a backup."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise store_problem(path, error) from None
    kind = _kind_of(mode)
    if kind is None:
        return
    where = ""
    if stat.S_ISLNK(mode):
        where = f" to {os.readlink(path)}"
        kind = f"a link{where}"
    raise StoreLocationError(path, (
        f"{path} is {kind}, not a plain file, so the course will not write your progress "
        "there. Give the name of a new .json file (or of an earlier backup) in a folder you "
        "can write to, for example --export upper-back-relief-progress.json. Nothing was "
        "written."))


def _temporary_names(path: Path) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(path.name)}\.([0-9]+)\.tmp")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it runs, as someone else
    return True


def _remove_stale_temporaries(path: Path) -> None:
    """Remove half-written temporary files that an export stopped mid-way (a crash, a
    kill -9) left beside ``path``: plain files of this name whose process has ended."""
    named = _temporary_names(path)
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        found = named.fullmatch(entry.name)
        if found is None or int(found.group(1)) == os.getpid() or _running(int(found.group(1))):
            continue
        with suppress(OSError):
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)


def progress_file_text(data: dict[str, Any]) -> str:
    """A progress export as the text of its file (what ``write_progress_file`` writes)."""
    return json.dumps(data, indent=1, ensure_ascii=False)


def write_progress_file(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` as JSON to ``path``, replacing any old file only once complete.
    StoreError (named, with what to do) if ``path`` is a link, a folder, a pipe or a
    device, or if it cannot be written; the old file, if any, is then unchanged."""
    _check_target(path)
    _remove_stale_temporaries(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.unlink(missing_ok=True)  # one of ours, from a process with this number
        # O_EXCL and O_NOFOLLOW: never written through a link someone put in its place.
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                             | os.O_CLOEXEC, 0o600)
        with open(descriptor, "w", encoding="utf-8") as handle:
            handle.write(progress_file_text(data))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with suppress(OSError):
            temporary.unlink(missing_ok=True)
        problem = store_problem(path, error)
        kind = type(problem)
        message = (f"{problem} The progress file was not written"
                   + (f"; your previous {path.name} is unchanged." if path.exists() else "."))
        raise kind(path, message) from None
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is synced
    finally:
        os.close(descriptor)

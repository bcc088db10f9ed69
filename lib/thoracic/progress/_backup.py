"""Writing a progress file (``thoracic progress --export``) so an old one always survives.

The new file is written beside the target under a temporary name, flushed to the disk,
and only then renamed over the target: on a full disk, a crash or a lost power supply
the previous backup is still there, whole.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ._store import store_problem

__all__ = ["write_progress_file"]


def write_progress_file(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` as JSON to ``path``, replacing any old file only once complete."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
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

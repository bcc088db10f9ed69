"""Where the learner's progress lives: never inside the course folder."""

from __future__ import annotations

import os
from pathlib import Path

from ..base import DATA_DIR_VARIABLE
from ._schema import FILENAME

__all__ = ["data_dir", "store_path"]


def data_dir() -> Path:
    """The folder that holds the learner's progress."""
    chosen = os.environ.get(DATA_DIR_VARIABLE, "").strip()
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("upper-back-relief", appauthor=False))


def store_path() -> Path:
    return data_dir() / FILENAME

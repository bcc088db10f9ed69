from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


def remove_tree(path: Path) -> None:
    """Remove a tree that may hold read-only folders (a course copy)."""
    if not path.exists():
        return
    for folder in [path, *(p for p in path.rglob("*") if p.is_dir() and not p.is_symlink())]:
        folder.chmod(0o755)
    shutil.rmtree(path)


@pytest.fixture
def reachable() -> Iterator[Path]:
    """A folder every user can pass through (pytest's own tmp_path is in a 0700 folder),
    as a class's state and learners' homes must be."""
    folder = Path(tempfile.mkdtemp(prefix="thoracic-hub-test-", dir="/tmp"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        remove_tree(folder)

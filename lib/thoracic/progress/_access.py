"""Getting the learner's progress store, or carrying on without saving.

Notebooks never see a traceback from the store: if it cannot be opened, they get a
``SavingOff`` stand-in that keeps nothing, and the notices in ``thoracic.ui`` say so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ._errors import StoreError
from ._location import store_path
from ._protocol import Store
from ._store import ProgressStore

__all__ = ["SavingOff", "progress_store", "store_or_own"]


class SavingOff(ProgressStore):
    """Stands in for a store that cannot be used: reads are empty, writes are dropped.

    It is a ``ProgressStore`` whose every call runs against a new, empty database in
    memory that is thrown away afterwards, so it behaves like the real store in every
    method without restating any of them, and nothing touches the learner's file.
    """

    saving = False

    def __init__(self, problem: StoreError) -> None:
        self.problem = problem
        self.path = problem.path

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(":memory:", isolation_level=None)
        try:
            self._migrate(db)
            yield db
        finally:
            db.close()


_opened: dict[Path, Store] = {}


def progress_store() -> Store:
    """The learner's store at the current location (opened once per kernel), or SavingOff."""
    path = store_path()
    if path not in _opened:
        try:
            _opened[path] = ProgressStore(path)
        except StoreError as problem:
            _opened[path] = SavingOff(problem)
    return _opened[path]


def store_or_own(store: Store | None) -> Store:
    """The store a caller passed in (tests, other folders), or else the learner's own."""
    return store if store is not None else progress_store()

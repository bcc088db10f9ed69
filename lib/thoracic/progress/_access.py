"""Getting the learner's progress store, or carrying on without saving.

Notebooks never see a traceback from the store: the learner's store reports what is
wrong in ``problem``, widgets show it with the notices in ``thoracic.ui``, and saving comes
back by itself when the cause is gone.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ._errors import DamagedStoreError, ForeignStoreError, NewerStoreError, StoreError
from ._location import store_path
from ._protocol import Store
from ._store import ProgressStore

__all__ = ["LearnerStore", "progress_store", "store_or_own"]


class LearnerStore(ProgressStore):
    """The learner's own store, as notebooks use it.

    Opening never raises: when the file cannot be used, ``problem`` says why, reads give
    nothing, and writes raise that StoreError, so a widget can show what was really kept.
    Every call tries the file again first, so saving comes back by itself once the cause
    is gone (space freed, a lock released, a damaged file moved aside), with no restart.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problem: StoreError | None = None
        self._listeners = []
        self._ready = False
        self._retry()

    @property
    def saving(self) -> bool:
        return self.problem is None

    def _retry(self) -> bool:
        """Open (or re-open) the file if it is not open yet; whether it is usable."""
        if not self._ready:
            try:
                self._prepare()
            except StoreError as problem:
                self.problem = problem
                return False
            self._ready, self.problem = True, None
        return True

    def _failed(self, problem: StoreError) -> None:
        self.problem = problem
        if isinstance(problem, DamagedStoreError | ForeignStoreError | NewerStoreError):
            self._ready = False  # look at the file afresh next time

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        if not self._retry():
            with _empty_database(self) as db:  # nothing can be read: show nothing
                yield db
            return
        try:
            with super()._connection() as db:
                yield db
        except StoreError as problem:
            self._failed(problem)
            raise

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        if not self._retry():
            assert self.problem is not None
            raise self.problem
        try:
            with super()._transaction() as db:
                yield db
        except StoreError as problem:
            self._failed(problem)
            raise

    def _changed(self) -> None:
        self.problem = None  # a write went through: saving is on again (views see it)
        super()._changed()


@contextmanager
def _empty_database(store: ProgressStore) -> Iterator[sqlite3.Connection]:
    """A new, empty database in memory, with the store's tables."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        store._migrate(db)
        yield db
    finally:
        db.close()


_opened: dict[Path, Store] = {}


def progress_store() -> Store:
    """The learner's store at the current location (one per kernel and location)."""
    path = store_path()
    if path not in _opened:
        _opened[path] = LearnerStore(path)
    return _opened[path]


def store_or_own(store: Store | None) -> Store:
    """The store a caller passed in (tests, other folders), or else the learner's own."""
    return store if store is not None else progress_store()

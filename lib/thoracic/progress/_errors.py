"""What can be wrong with a progress file or an import file; each message says what to do."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DamagedStoreError",
    "ForeignStoreError",
    "ImportFileError",
    "NewerStoreError",
    "StoreDiskError",
    "StoreError",
    "StoreFullError",
    "StoreLocationError",
    "StoreLockedError",
]


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
    """The folder cannot be made or written (read-only, no permission)."""


class StoreFullError(StoreError):
    """The disk is full."""


class StoreLockedError(StoreError):
    """Another program held the file locked for longer than the course waits."""


class StoreDiskError(StoreError):
    """The disk reported an input/output error."""


class ImportFileError(ValueError):
    """An import file that is not a progress export; nothing was changed.

    ``entry`` is the refused entry as (kind, index from 0), such as ("sessions", 11), and
    ``field`` the field at fault, where the refusal is about one (None otherwise): the
    site names the same entry and field for the same file (a test holds them together).
    """

    def __init__(self, message: str, *, entry: tuple[str, int] | None = None,
                 field: str | None = None) -> None:
        super().__init__(message)
        self.entry = entry
        self.field = field

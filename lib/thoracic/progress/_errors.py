"""What can be wrong with a progress file or an import file; each message says what to do."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "DamagedStoreError",
    "ForeignStoreError",
    "ImportFileError",
    "NewerStoreError",
    "StoreError",
    "StoreLocationError",
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
    pass


class ImportFileError(ValueError):
    """An import file that is not a progress export; nothing was changed."""

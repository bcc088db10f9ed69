"""What can be wrong with a progress file or an import file; each message says what to do."""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "NOTHING",
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


NOTHING = "Nothing was imported."


class ImportFileError(ValueError):
    """An import file that is not a progress export; nothing was changed.

    ``entry`` is the refused entry as (kind, index from 0), such as ("sessions", 11), and
    ``field`` the field at fault, where the refusal is about one (None otherwise): the
    site names the same entry and field for the same file (a test holds them together).
    A refusal of what the file holds also keeps its ``problem`` in words and its ``place``
    ("practice-log entry 12", or None for the whole file), so that ``naming`` can say it
    again about a file with a name.
    """

    def __init__(self, message: str, *, entry: tuple[str, int] | None = None,
                 field: str | None = None, problem: str | None = None,
                 place: str | None = None) -> None:
        super().__init__(message)
        self.entry = entry
        self.field = field
        self.problem = problem
        self.place = place

    @classmethod
    def refusal(cls, entry: tuple[str, int] | None, field: str | None, problem: str,
                place: str | None, name: str | None = None) -> ImportFileError:
        """"name.json, practice-log entry 12: <problem>. Nothing was imported." (without a
        name: "Practice-log entry 12: ...", or "The file: ..." for the whole file)."""
        if name is not None:
            where = f"{name}, {place}" if place else name
        else:
            where = place[0].upper() + place[1:] if place else "The file"
        return cls(f"{where}: {problem.rstrip('.')}. {NOTHING}", entry=entry, field=field,
                   problem=problem, place=place)

    def naming(self, name: str) -> ImportFileError:
        """The same refusal, said about the file called ``name``; one that is not about what
        the file holds (it cannot be read, say) names its file already, and stays as it is."""
        if self.problem is None:
            return self
        return ImportFileError.refusal(self.entry, self.field, self.problem, self.place, name)

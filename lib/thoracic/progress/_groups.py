"""Every entry a learner may delete, in the order it was logged. (Which sets go with
which exercise is the front-end's to say: ``entryLines`` in ui/static/parts.js.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._records import Entry
from ._transfer import ENTRY_KINDS

if TYPE_CHECKING:
    from ._protocol import Store

__all__ = ["every_entry"]


def _order(entry: Entry) -> tuple[str, str]:
    return entry.day, entry.recorded_at


def every_entry(store: Store) -> list[Entry]:
    """Every entry a learner may delete (practice log, self-tests, next-day checks), oldest
    first: what ``thoracic progress --list`` and "fix a wrong entry" show."""
    return sorted((entry for kind in ENTRY_KINDS for entry in getattr(store, kind)()),
                  key=_order)

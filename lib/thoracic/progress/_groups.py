"""Entries as a learner thinks of them: an exercise together with the sets its timer
logged on the way (each set is kept at once, so a learner who stops halfway keeps what
they did), and every other entry alone.

The store holds no link from a set to its exercise; the timer's order gives it: an
exercise entry of ``n`` sets is logged right after its ``n``-th set, on the same day and
for the same exercise, so its sets are the latest ``n`` such sets not claimed before it.
Sets of an exercise that was never finished stay entries of their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._records import Entry, Session, describe_entry

if TYPE_CHECKING:
    from ._protocol import Store

__all__ = ["EntryGroup", "every_entry", "group_entries"]


@dataclass(frozen=True)
class EntryGroup:
    """One line of "fix a wrong entry": an entry and the sets that go with it."""

    entry: Entry
    sets: tuple[Session, ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every id that deleting this line removes, the entry's own first."""
        return (self.entry.id, *(part.id for part in self.sets))

    def describe(self) -> str:
        """The line a learner recognises it by."""
        line = describe_entry(self.entry)
        if isinstance(self.entry, Session) and self.entry.kind == "set":
            return f"{line} · not part of a finished exercise"
        return line


def _order(entry: Entry) -> tuple[str, str]:
    return entry.day, entry.recorded_at


def every_entry(store: Store) -> list[Entry]:
    """Every entry a learner may delete (practice log, self-tests, next-day checks), oldest
    first: what ``thoracic progress --list`` and "fix a wrong entry" show."""
    return sorted([*store.sessions(), *store.self_tests(), *store.next_day_checks()],
                  key=_order)


def group_entries(entries: Iterable[Entry]) -> list[EntryGroup]:
    """Every entry once, with each exercise's sets inside its group; newest first."""
    ordered = sorted(entries, key=_order)
    claimed: set[str] = set()
    sets_of: dict[str, tuple[Session, ...]] = {}
    for position, entry in enumerate(ordered):
        if not (isinstance(entry, Session) and entry.kind == "exercise" and entry.sets):
            continue
        mine: list[Session] = []
        for earlier in reversed(ordered[:position]):
            if len(mine) == entry.sets:
                break
            if (isinstance(earlier, Session) and earlier.kind == "set"
                    and earlier.id not in claimed and earlier.day == entry.day
                    and earlier.exercise == entry.exercise):
                mine.append(earlier)
        claimed.update(part.id for part in mine)
        sets_of[entry.id] = tuple(reversed(mine))
    return [EntryGroup(entry, sets_of.get(entry.id, ())) for entry in reversed(ordered)
            if entry.id not in claimed]

"""Mending the practice history: delete one wrong entry (a mistyped self-test, a timer
left running, a next-day answer pressed by mistake), from the My progress notebook.

The list shows entries as a learner thinks of them: an exercise with the sets logged on
its way is one line, and deleting it removes them together. The command works entry by
entry: ``thoracic progress --list`` and ``--delete ID``."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview
from ..progress import EntryGroup, Store, StoreError, every_entry, group_entries
from ..ui import CoursePart

__all__ = ["EntryFixer", "fix_entries"]

LATEST = 20


_TITLE = "Fix a wrong entry"


class EntryFixer(CoursePart):
    """The latest entries in a list; Delete asks once more before it removes one."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"delete": "_delete"}

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        config = {"title": _TITLE,
                  "lead": "Your latest entries, newest first. Press Delete beside a wrong one, "
                          "then press again to be sure.",
                  "nothing": "Nothing is kept yet."}
        super().__init__(store, kind="entries", config=config, **kwargs)

    def entries(self) -> list[EntryGroup]:
        """The latest lines, newest first: an exercise with its sets, or one entry."""
        return group_entries(every_entry(self.store))[:LATEST]

    def read_kept(self) -> dict[str, Any]:
        return {"lines": [{"ids": list(group.ids), "text": group.describe() + _with_sets(group)}
                          for group in self.entries()]}

    def delete(self, entry_id: str) -> bool:
        """Delete the line whose entry is ``entry_id`` (with its sets), as pressing its
        Delete twice does; whether it was deleted."""
        group = next((g for g in self.entries() if g.entry.id == entry_id), None)
        if group is None:
            raise KeyError(f"No entry {entry_id!r} among the latest.")
        return self.handle({"do": "delete", "ids": list(group.ids)})

    def _delete(self, message: Mapping[str, Any]) -> None:
        ids = list(message["ids"])
        if not any(list(group.ids) == ids for group in self.entries()):
            raise ValueError("that line is no longer in the list")
        self.store.delete_entries(ids)

    def preview(self) -> Rendered:
        try:
            latest = self.entries()[:5]
        except StoreError:
            latest = []
        items = "".join(f"<li>{escape(group.describe())}</li>" for group in latest)
        return preview(_TITLE, "choose a wrong entry and delete it",
                       f"<p>Your latest entries:</p><ul>{items}</ul>" if items else "")


def _with_sets(group: EntryGroup) -> str:
    count = len(group.sets)
    return f", with the {count} set{'s' if count > 1 else ''} logged on its way" if count else ""


def fix_entries(store: Store | None = None) -> EntryFixer:
    """The "fix a wrong entry" form of the My progress notebook."""
    return EntryFixer(store)

"""Mending the practice history: delete one wrong entry (a mistyped self-test, a timer
left running, a next-day answer pressed by mistake), from the My progress notebook.

The list shows entries as a learner thinks of them: an exercise with the sets logged on
its way is one line, and deleting it removes them together (the front-end groups them,
in JupyterLab and on the site alike). The command works entry by
entry: ``thoracic progress --list`` and ``--delete ID``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview
from ..content import NEXT_DAY_CHECK, SELF_TESTS
from ..progress import (
    Entry,
    NextDayCheck,
    SelfTestResult,
    Session,
    Store,
    StoreError,
    describe_entry,
    every_entry,
)
from ..ui import CoursePart

__all__ = ["EntryFixer", "entry_json", "entry_words", "fix_entries"]

LATEST = 20
# How many of the newest entries the front-end gets to group: plenty for the sets of the
# latest twenty lines (an exercise has at most MAX_SETS), and a small message.
WINDOW = 200
_TITLE = "Fix a wrong entry"
_RECORD = {Session: "sessions", SelfTestResult: "self_tests", NextDayCheck: "next_day_checks"}


def entry_words() -> dict[str, Any]:
    """What the front-end words entries with, from the records: each next-day answer's
    word and each self-test's name and unit."""
    return {"next_day": {o.answer: o.word for o in NEXT_DAY_CHECK.answers},
            "self_tests": {t.id: {"name": t.name, "unit": t.unit} for t in SELF_TESTS}}


def entry_json(entry: Entry) -> dict[str, Any]:
    """An entry as the front-end groups and words it: its fields, and which record."""
    return {**asdict(entry), "record": _RECORD[type(entry)]}


class EntryFixer(CoursePart):
    """The latest entries, an exercise with the sets logged on its way as one line
    (grouped and worded by the front-end); Delete asks once more before it removes one."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"delete": "_delete"}

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        config = {"title": _TITLE,
                  "lead": "Your latest entries, newest first. Press Delete beside a wrong one, "
                          "then press again to be sure.",
                  "nothing": "Nothing is kept yet.", "latest": LATEST, "window": WINDOW,
                  "words": entry_words()}
        super().__init__(store, kind="entries", config=config, **kwargs)

    def entries(self) -> list[Entry]:
        """The newest entries the front-end groups, oldest first."""
        return every_entry(self.store)[-WINDOW:]

    def read_kept(self) -> dict[str, Any]:
        return {"entries": [entry_json(entry) for entry in self.entries()]}

    def delete(self, entry_ids: Sequence[str]) -> bool:
        """Delete a line's entries (an exercise and its sets), all or none, as pressing its
        Delete twice does; whether they were deleted."""
        return self.handle({"do": "delete", "ids": list(entry_ids)})

    def _delete(self, message: Mapping[str, Any]) -> None:
        ids = message["ids"]
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
            raise ValueError("a line to delete names its entries")
        self.store.delete_entries(ids)  # all or none; names a missing one

    def preview(self) -> Rendered:
        try:
            latest = every_entry(self.store)[-5:][::-1]
        except StoreError:
            latest = []
        items = "".join(f"<li>{escape(describe_entry(entry))}</li>" for entry in latest)
        return preview(_TITLE, "choose a wrong entry and delete it",
                       f"<p>Your latest entries:</p><ul>{items}</ul>" if items else "")


def fix_entries(store: Store | None = None) -> EntryFixer:
    """The "fix a wrong entry" form of the My progress notebook."""
    return EntryFixer(store)

"""Mending the practice history: delete one wrong entry (a mistyped self-test, a timer
left running, a next-day answer pressed by mistake), from the My progress notebook.

The list shows entries as a learner thinks of them: an exercise with the sets logged on
its way is one line, and deleting it removes them together. The command works entry by
entry: ``thoracic progress --list`` and ``--delete ID``."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, exporting, offline_part, preview
from ..progress import EntryGroup, Store, StoreError, every_entry, group_entries, store_or_own
from ..ui import SavingNotice

__all__ = ["EntryFixer", "fix_entries"]

LATEST = 20


class EntryFixer(Previewed, widgets.VBox):
    """The latest entries in a list; Delete asks once more before it removes one."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self.notice = SavingNotice(self.store)
        self.choice = widgets.Dropdown(description="Entry", style={"description_width": "initial"},
                                       layout=widgets.Layout(width="100%", max_width="40em"))
        self.delete_button = widgets.Button(description="Delete this entry", icon="trash",
                                            tooltip="Remove the chosen entry from your history",
                                            layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self._armed: str | None = None
        self._groups: dict[str, EntryGroup] = {}
        self.delete_button.on_click(lambda _: self.delete())
        self.choice.observe(lambda _: self._disarm(), names="value")
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__([widgets.HTML("<h3>Fix a wrong entry</h3>"), self.choice,
                          self.delete_button, self.status, self.notice], **kwargs)
        self.refresh()
        self.store.watch(self._saved_elsewhere)  # a timer or form on the page logged more

    def _saved_elsewhere(self) -> None:
        if self._armed is None:  # never change the list under a question being asked
            self.refresh()

    def entries(self) -> list[EntryGroup]:
        """The latest lines, newest first: an exercise with its sets, or one entry."""
        return group_entries(every_entry(self.store))[:LATEST]

    def refresh(self) -> None:
        try:
            latest = self.entries()
        except StoreError:
            latest = []  # the notice says why nothing could be read
        self.notice.refresh()
        self._groups = {group.entry.id: group for group in latest}
        self.choice.options = [(group.describe(), group.entry.id) for group in latest]
        self.delete_button.disabled = not latest
        self._disarm()

    def _disarm(self) -> None:
        self._armed = None
        self.delete_button.description = "Delete this entry"

    def delete(self) -> bool:
        """First press: ask to confirm. Second press: delete. Whether it deleted."""
        chosen = self.choice.value
        if chosen is None:
            return False
        group = self._groups[chosen]
        if self._armed != chosen:
            self._armed = chosen
            self.delete_button.description = "Yes, delete it"
            self.status.value = (f'<p role="status">Delete <em>{escape(group.describe())}'
                                 f"</em>{_with_sets(group)}? Press again to delete it.</p>")
            return False
        if not self.notice.keep(lambda: self.store.delete_entries(group.ids)):
            self.status.value = '<p role="alert">⚠ Nothing was deleted. The notice says why.</p>'
            self._disarm()
            return False
        self.status.value = (f'<p role="status">✓ Deleted: {escape(group.describe())}'
                             f"{_with_sets(group)}.</p>")
        self.refresh()
        return True

    def preview(self) -> Rendered:
        try:
            latest = self.entries()[:5]
        except StoreError:
            latest = []
        items = "".join(f"<li>{escape(group.describe())}</li>" for group in latest)
        return preview("Fix a wrong entry", "choose a wrong entry and delete it",
                       f"<p>Your latest entries:</p><ul>{items}</ul>" if items else "")


def _with_sets(group: EntryGroup) -> str:
    count = len(group.sets)
    return f", with the {count} set{'s' if count > 1 else ''} logged on its way" if count else ""


def fix_entries(store: Store | None = None) -> EntryFixer | Rendered:
    """The "fix a wrong entry" form of the My progress notebook."""
    if exporting():  # the site's script lists what this device kept, to delete a wrong one
        return offline_part("entries", {"latest": LATEST}, Rendered(
            "<p>Your latest entries on this device show here.</p>",
            "Your latest entries on this device show here."))
    return EntryFixer(store)

"""Notices the widgets show: saving is off (and why), or this page needs JupyterLab."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets

from ..base import Rendered, alert_html
from ..progress import Store, StoreError, store_or_own

__all__ = ["SavingNotice", "saving_notice"]

def saving_notice(store: Store | None = None) -> Rendered | None:
    """A visible notice when progress is not being saved; None when all is well."""
    store = store_or_own(store)
    if store.saving:
        return None
    message = str(store.problem) if store.problem else "The progress file cannot be used."
    html = alert_html("<strong>⚠ Saving is turned off.</strong> You can still read and use "
                      "everything, but what you do now is not kept."
                      f"<br>{escape(message)}")
    return Rendered(html, f"Saving is turned off. {message}")


class SavingNotice(widgets.HTML):
    """Says that saving is off, and why, for as long as it is; otherwise says nothing.

    Widgets save through ``keep``, so the notice follows every write: it appears when one
    fails and goes when saving works again.
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.refresh()

    def refresh(self) -> None:
        notice = saving_notice(self.store)
        self.value = notice.html if notice else ""

    def keep(self, write: Callable[[], object]) -> bool:
        """Run one write to the store; whether it was kept (if not, the notice says why)."""
        try:
            write()
        except StoreError:
            return False
        finally:
            self.refresh()
        return True


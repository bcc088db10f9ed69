"""The notice the parts show while saving is off, and why."""

from __future__ import annotations

from html import escape

from ..base import Rendered, alert_html
from ..progress import Store, store_or_own

__all__ = ["saving_notice"]


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

"""Notices the widgets show: saving is off (and why), or this page needs JupyterLab."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ..base import Rendered, alert_html
from ..progress import Store, store_or_own

if TYPE_CHECKING:
    import ipywidgets as widgets

__all__ = ["kernel_note", "notice_widgets", "saving_notice"]


def saving_notice(store: Store | None = None) -> Rendered | None:
    """A visible notice when progress is not being saved; None when all is well."""
    store = store_or_own(store)
    if store.saving:
        return None
    message = str(store.problem) if store.problem else "The progress file cannot be used."
    html = alert_html("<strong>⚠ Saving is turned off.</strong> You can still read and use "
                      "everything, but your ticks and practice will not be kept."
                      f"<br>{escape(message)}")
    return Rendered(html, f"Saving is turned off. {message}")


def notice_widgets(store: Store) -> list[widgets.Widget]:
    """The saving notice as a widget to append under a form, or nothing when all is well."""
    import ipywidgets as widgets

    notice = saving_notice(store)
    return [] if notice is None else [widgets.HTML(notice.html)]


def kernel_note(what: str) -> str:
    """A short note, as HTML, for a web page where ``what`` needs JupyterLab."""
    return (f'<p class="thoracic-kernel-note"><em>In this web page, {what}. Open the '
            "notebook in JupyterLab to use it fully.</em></p>")

"""Whether notebooks are being run to make the offline web pages.

``thoracic export`` runs each notebook with ``THORACIC_EXPORT=1``. Widgets that need a
live kernel (buttons that call Python, saving) then build a version that works in a page
with no Python behind it, or say plainly what needs JupyterLab.
"""

from __future__ import annotations

import os

__all__ = ["EXPORT_VARIABLE", "exporting", "kernel_note"]

EXPORT_VARIABLE = "THORACIC_EXPORT"


def exporting() -> bool:
    return os.environ.get(EXPORT_VARIABLE, "") == "1"


def kernel_note(what: str) -> str:
    """A short note, as HTML, for a web page where ``what`` needs JupyterLab."""
    return (f'<p class="thoracic-kernel-note"><em>In this web page, {what}. Open the '
            "notebook in JupyterLab to use it fully.</em></p>")

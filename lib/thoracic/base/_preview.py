"""What a widget shows before its cell has run: a static preview, not widget internals.

A widget's display data carries three versions of it: the live view (only while a kernel
runs it), an HTML preview of what it will show, and one plain line. JupyterLab shows the
live view when it can, and otherwise the preview: in a notebook opened before its cells
run, in one whose kernel has gone, and in any viewer that cannot run widgets. The stored
notebooks keep only the preview and the line, so a second visit never shows "model not
found".
"""

from __future__ import annotations

from html import escape
from typing import Any

from ._rendered import Rendered
from ._style import BOX_STYLE

__all__ = ["Previewed", "preview"]


def preview(title: str, action: str, body_html: str) -> Rendered:
    """A preview: the widget's title, what running the cell lets you do, and its content.

    ``action`` completes "Run this cell (Shift+Enter) to ...", as in "use the timer".
    """
    hint = f"Run this cell (Shift+Enter) to {action}."
    html = (f'<div class="thoracic-preview" style="{BOX_STYLE}">'
            f"<h3>{escape(title)}</h3><p><em>▶ {escape(hint)}</em></p>{body_html}</div>")
    return Rendered(html, f"{title}. {hint}")


class Previewed:
    """Mixin for widgets (put it before the widget class): adds the preview to what the
    widget displays. Subclasses say what they look like in ``preview()``."""

    def preview(self) -> Rendered:
        return preview(type(self).__name__, "use it", "")

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        # The next class in line is a widget, which gives the live view: ipywidgets returns
        # the data, anywidget a (data, metadata) pair. Keep whichever shape it gave.
        given = super()._repr_mimebundle_(**kwargs)  # type: ignore[misc]
        data: dict[str, Any] = given[0] if isinstance(given, tuple) else given
        shown = self.preview()
        data["text/html"] = shown.html
        data["text/plain"] = shown.text
        return given

"""One exported notebook as a single self-contained page: everything it needs is inside
the file (stylesheet, scripts, the widget renderer and its icon font), so it works offline
even when copied alone.
"""

from __future__ import annotations

import base64
import re
from functools import cache
from pathlib import Path
from typing import Any

from ._app import SITE_SCRIPTS, site_script
from ._export import (
    ExportError,
    WidgetScripts,
    anywidget_module,
    course_stylesheet,
    find_renderer,
    html_exporter,
    prune_widget_state,
    requirejs_file,
)

__all__ = ["inline_widget_scripts", "single_page"]

# The renderer's bundle asks for its icon font by name (``n.p+"<hash>.woff2"``); browsers
# that read the bundle all read woff2, so only those files are put inside it.
_FONT_REFERENCE = re.compile(r'\b[a-z]\.p\+"([0-9a-f]+\.woff2)"')


def _data_url(text: str) -> str:
    return "data:text/javascript;base64," + base64.b64encode(text.encode()).decode("ascii")


@cache
def inline_widget_scripts(dist: Path) -> WidgetScripts:
    """RequireJS, the renderer (with its woff2 fonts inside it) and anywidget's module, all
    as ``data:`` URLs, so a page needs no other file."""
    bundle = (dist / "embed-amd.js").read_text("utf-8")

    def inline(match: re.Match[str]) -> str:
        font = base64.b64encode((dist / match.group(1)).read_bytes()).decode("ascii")
        return f'"data:font/woff2;base64,{font}"'

    return WidgetScripts(_data_url(requirejs_file(dist).read_text("utf-8")),
                         _data_url(_FONT_REFERENCE.sub(inline, bundle)),
                         {"anywidget": _data_url(anywidget_module().read_text("utf-8"))})


def single_page(nb: Any, title: str, *, renderer: Path | None = None) -> str:
    """An executed notebook as one page that needs no other file and no network."""
    dist = renderer or find_renderer([Path.cwd(), Path(__file__).parent])
    if dist is None:
        raise ExportError("The offline widget renderer (@jupyter-widgets/html-manager) is not "
                          "installed. Run 'make install' in the course folder.")
    prune_widget_state(nb)
    html, _ = html_exporter().from_notebook_node(
        nb, resources={"metadata": {"name": title},
                       "course_widgets": inline_widget_scripts(dist).resources(),
                       # the site's scripts inside the page, so its parts work alone too
                       "course_app_head": "\n".join(
                           "<script>" + site_script(name).replace("</", "<\\/") + "</script>"
                           for name in SITE_SCRIPTS)})
    html = _links_as_text(html)
    stylesheet = f"<style>{course_stylesheet()}</style>"
    html = re.sub(r'<link[^>]*href="_static/course\.css"[^>]*>', lambda _: stylesheet, html,
                  count=1)
    # A page on its own has no site index to go back to.
    html = re.sub(r'<header class="course-header">.*?</header>', "", html, count=1,
                  flags=re.DOTALL)
    return re.sub(r"(<main[^>]*>|<body[^>]*>)", lambda m: m.group(1) + _ALONE, html, count=1)


# Links to the other notebooks lead nowhere from a page saved on its own (file://, or
# copied to a phone): they become their words, and the top of the page says why.
_OTHER_NOTEBOOK = re.compile(
    r'<a\s[^>]*href="\d\d-[a-z0-9-]+\.(?:ipynb|html)(?:#[^"]*)?"[^>]*>(.*?)</a>', re.DOTALL)
_ALONE = ('<p class="course-alone"><em>This is one page of the Upper Back Relief course, '
          "saved on its own. The names of the other notebooks show as plain text, since "
          "their pages are not here. To have the whole course offline, with every page "
          "and your progress, export it with: thoracic export</em></p>")


def _links_as_text(html: str) -> str:
    """Links to other notebooks as their words (a link within this page stays a link)."""
    return _OTHER_NOTEBOOK.sub(lambda m: f'<span class="course-elsewhere">{m.group(1)}</span>',
                               html)

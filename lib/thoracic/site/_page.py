"""One exported notebook as a single self-contained page: everything it needs is inside
the file (stylesheet and the site's own scripts, which draw its widgets), so it works
offline even when copied alone.
"""

from __future__ import annotations

import re
from typing import Any

from ._app import SITE_SCRIPTS, script_attributes, site_script
from ._export import course_stylesheet, html_exporter, prune_widget_state

__all__ = ["single_page"]


def single_page(nb: Any, title: str) -> str:
    """An executed notebook as one page that needs no other file and no network."""
    modules = prune_widget_state(nb)
    html, _ = html_exporter().from_notebook_node(
        nb, resources={"metadata": {"name": title},
                       # the site's scripts inside the page, so its parts work alone too
                       "course_app_head": "\n".join(
                           f"<script{script_attributes(name, modules)}>"
                           + site_script(name).replace("</", "<\\/") + "</script>"
                           for name in SITE_SCRIPTS)})
    html = _links_as_text(html)
    # A page on its own has no site index to go back to.
    html = re.sub(r'<header class="course-header">.*?</header>', "", html, count=1,
                  flags=re.DOTALL)
    html = re.sub(r"(<main[^>]*>|<body[^>]*>)", lambda m: m.group(1) + _ALONE, html, count=1)
    stylesheet = f"<style>{course_stylesheet([html])}</style>"
    return re.sub(r'<link[^>]*href="_static/course\.css"[^>]*>', lambda _: stylesheet, html,
                  count=1)


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

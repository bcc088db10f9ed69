"""The offline website: ``thoracic export`` runs every notebook afresh and turns the
course into linked pages that work from ``file://`` with no network.

Owns running a notebook in a fresh kernel, the export itself (course template, shared
stylesheet, local widget renderer, atomic replacement of the old site) and its templates.

May import: every package below it (``base`` to ``practice``); never ``authoring``.
"""

from ._execute import NotebookExecutionError, execute_notebook, execute_notebook_node
from ._export import (
    CDN_RENDERER,
    CDN_REQUIREJS,
    ExportError,
    ExportReport,
    anywidget_module,
    course_stylesheet,
    export_course,
    export_environment,
    find_renderer,
    html_exporter,
    prune_widget_state,
    rewrite_notebook_links,
)
from ._page import inline_widget_scripts, single_page

__all__ = [
    "CDN_RENDERER",
    "CDN_REQUIREJS",
    "ExportError",
    "ExportReport",
    "NotebookExecutionError",
    "anywidget_module",
    "course_stylesheet",
    "execute_notebook",
    "execute_notebook_node",
    "export_course",
    "export_environment",
    "find_renderer",
    "html_exporter",
    "inline_widget_scripts",
    "prune_widget_state",
    "rewrite_notebook_links",
    "single_page",
]

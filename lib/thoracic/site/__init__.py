"""The offline website: ``thoracic export`` runs every notebook afresh and turns the
course into linked pages that work from ``file://`` with no network.

Owns running a notebook in a fresh kernel, the export itself (course template, shared
stylesheet, atomic replacement of the old site) and its templates, the site's own scripts
(``static/``: the device store that keeps progress in the browser, the hosts that keep
what the course's parts do on the device, and site_widgets.js, which draws the widgets
and runs their front-ends with no renderer bundle), the app files (manifest, icons,
service worker), the local server of ``thoracic export --serve``, and the printable week
(``thoracic sheet``, and ``sheet.html`` in the site).

May import: every package below it (``base`` to ``practice``); never ``authoring``.
"""

from ._app import APP_NAME, ICON_SIZES, OFFLINE_PAGE, SITE_SCRIPTS, write_app_files
from ._execute import (
    KERNEL_ENCRYPTION,
    NotebookExecutionError,
    execute_notebook,
    execute_notebook_node,
)
from ._export import (
    ExportError,
    ExportReport,
    app_head,
    course_stylesheet,
    export_course,
    export_environment,
    html_exporter,
    mark_navigation,
    prune_widget_state,
    rewrite_notebook_links,
)
from ._page import single_page
from ._serve import LOCAL_HOST, content_security_policy, site_server
from ._sheet import SHEET_PAGE, sheet_html, sheet_name, site_sheet

__all__ = [
    "APP_NAME",
    "ICON_SIZES",
    "KERNEL_ENCRYPTION",
    "LOCAL_HOST",
    "OFFLINE_PAGE",
    "SHEET_PAGE",
    "SITE_SCRIPTS",
    "ExportError",
    "ExportReport",
    "NotebookExecutionError",
    "app_head",
    "content_security_policy",
    "course_stylesheet",
    "execute_notebook",
    "execute_notebook_node",
    "export_course",
    "export_environment",
    "html_exporter",
    "mark_navigation",
    "prune_widget_state",
    "rewrite_notebook_links",
    "sheet_html",
    "sheet_name",
    "single_page",
    "site_server",
    "site_sheet",
    "write_app_files",
]

"""The "Upper Back Relief page" format in JupyterLab's File > Save and Export Notebook As.

JupyterLab's usual HTML export loads the widget renderer from the network and keeps the
widgets the notebook file holds (none: the course stores previews). This format runs the
notebook afresh, as ``thoracic export`` does, and writes one page with everything inside
it (the site's own scripts draw its widgets), so they work offline even when the file is
copied alone.
"""

from __future__ import annotations

import copy
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from nbconvert.exporters import HTMLExporter

from ..site import execute_notebook_node, export_environment, single_page

__all__ = ["CoursePageExporter"]


class CoursePageExporter(HTMLExporter):
    """One notebook as a self-contained course page (entry point ``Upper_Back_Relief_page``).

    An ``HTMLExporter`` by kind (JupyterLab offers it as an HTML page), but the page comes
    from the course's own export rather than from a template of its own.
    """

    export_from_notebook = "Upper Back Relief page"

    # nbconvert types the base method as returning a notebook; HTML exporters return text.
    def from_notebook_node(self, nb: Any, resources: dict[str, Any] | None = None,  # type: ignore[override]
                           **kw: Any) -> tuple[str, dict[str, Any]]:
        resources = dict(resources or {})
        name = resources.get("metadata", {}).get("name") or "notebook"
        # The learner's progress stays out of a page that may be copied anywhere.
        with TemporaryDirectory(prefix="thoracic-page-") as scratch:
            executed = execute_notebook_node(copy.deepcopy(nb), f"{name}.ipynb", Path(scratch),
                                             export_environment(Path(scratch)))
        resources["output_extension"] = ".html"
        return single_page(executed, f"{name} · Upper Back Relief"), resources

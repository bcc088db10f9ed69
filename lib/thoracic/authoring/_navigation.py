"""Generated navigation: previous / contents / next links and the contents list.

Like the Python Data Science Handbook, notebooks hold marked cells that a re-runnable
script rewrites: every notebook starts and ends with a ``<!--NAVIGATION-->`` cell, and
the start-here notebook holds one ``<!--CONTENTS-->`` cell. Run ``thoracic nav`` after
adding, renaming or retitling a notebook; ``thoracic nav --check`` only reports.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from ..content import COURSE, NAVIGATION_MARKER, NotebookInfo

__all__ = ["CONTENTS_MARKER", "NAVIGATION_MARKER", "NavigationError", "update_navigation"]

CONTENTS_MARKER = "<!--CONTENTS-->"
CONTENTS_HEADING_ANCHOR = "Course-contents"  # the id Jupyter gives "## Course contents"


class NavigationError(ValueError):
    """A notebook lacks the marked cells the navigation script fills."""


def _link(info: NotebookInfo) -> str:
    return f"[{info.number:02d} · {info.title}]({info.filename})"


def navigation_text(position: int) -> str:
    """The navigation line for the notebook at this position of the course."""
    contents_target = f"{COURSE[0].filename}#{CONTENTS_HEADING_ANCHOR}"
    parts = []
    if position > 0:
        parts.append(f"← Previous: {_link(COURSE[position - 1])}")
    parts.append(f"[Contents]({contents_target})")
    if position < len(COURSE) - 1:
        parts.append(f"Next: {_link(COURSE[position + 1])} →")
    return NAVIGATION_MARKER + "\n" + " | ".join(parts)


def contents_text() -> str:
    """The contents list shown in the start-here notebook."""
    lines = [f"{info.number}. {_link(info)}: {info.summary}" for info in COURSE]
    # Markdown ordered lists start at the first number, so 00 must be written as 0.
    return CONTENTS_MARKER + "\n" + "\n".join(lines)


def _expected_sources(nb: nbformat.NotebookNode, position: int, path: Path) -> list[str]:
    sources = [cell.source for cell in nb.cells]
    nav = [i for i, cell in enumerate(nb.cells)
           if cell.cell_type == "markdown" and cell.source.startswith(NAVIGATION_MARKER)]
    if not nav or nav[0] != 0 or nav[-1] != len(nb.cells) - 1 or len(nav) != 2:
        raise NavigationError(
            f"{path.name} must start and end with a markdown cell beginning {NAVIGATION_MARKER} "
            f"(and have no other): add them, then run 'thoracic nav' again.")
    for index in nav:
        sources[index] = navigation_text(position)
    contents = [i for i, cell in enumerate(nb.cells)
                if cell.cell_type == "markdown" and cell.source.startswith(CONTENTS_MARKER)]
    if position == 0 and len(contents) != 1:
        raise NavigationError(
            f"{path.name} must hold exactly one markdown cell beginning {CONTENTS_MARKER}.")
    for index in contents:
        sources[index] = contents_text()
    return sources


def update_navigation(folder: Path, *, check: bool = False) -> list[Path]:
    """Rewrite the marked cells of every course notebook in ``folder``.

    Returns the notebooks that changed (with ``check=True``: that would change; nothing
    is written). Raises NavigationError if a notebook is missing or lacks its marked cells.
    """
    changed = []
    for position, info in enumerate(COURSE):
        path = folder / info.filename
        if not path.exists():
            raise NavigationError(f"The course notebook {path} is missing.")
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        expected = _expected_sources(nb, position, path)
        if [cell.source for cell in nb.cells] == expected:
            continue
        changed.append(path)
        if not check:
            for cell, source in zip(nb.cells, expected, strict=True):
                cell.source = source
            nbformat.write(nb, path)
    return changed

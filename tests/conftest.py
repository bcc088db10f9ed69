from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


@pytest.fixture(scope="session")
def notebooks_dir() -> Path:
    return NOTEBOOKS


def _strip_html(text: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", text))


def read_notebook_text(path: Path, *, outputs: bool = True) -> str:
    """All markdown of a notebook, plus (optionally) the text of its stored outputs."""
    nb = nbformat.read(path, as_version=4)
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif cell.cell_type == "code" and outputs:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                if "text/html" in data:
                    parts.append(_strip_html(data["text/html"]))
                elif "text/plain" in data:
                    parts.append(data["text/plain"])
                if output.get("output_type") == "stream":
                    parts.append(output.get("text", ""))
    return "\n".join(parts)


@pytest.fixture(scope="session")
def notebook_text() -> Callable[..., str]:
    return read_notebook_text

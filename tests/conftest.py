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


class FakeClock:
    """A clock the test moves by hand: ``clock()`` reads it, ``advance(s)`` moves it."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def fake_clock_factory() -> type[FakeClock]:
    """The FakeClock class, for tests (like hypothesis ones) that need a fresh clock often."""
    return FakeClock

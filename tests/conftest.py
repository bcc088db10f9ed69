from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import unescape
from pathlib import Path
from typing import Any

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


def _missing_tool(message: str) -> None:
    """Skip locally when a browser-test tool is missing; in CI (CI=true) fail instead."""
    import os

    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true: a missing tool is a failure, not a skip)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def missing_tool() -> Callable[[str], None]:
    return _missing_tool


@pytest.fixture(scope="session")
def exported_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The course exported once for all the tests that look at the site."""
    from thoracic.site import export_course

    out = tmp_path_factory.mktemp("export") / "site"
    export_course(NOTEBOOKS, out)
    return out


@pytest.fixture
def store(tmp_path: Path):
    """A fresh, empty progress store of the test's own."""
    from thoracic import ProgressStore

    return ProgressStore(tmp_path / "progress.sqlite3")


SIMULATOR = Path(__file__).resolve().parent / "js" / "simulate.mjs"
ROOT = Path(__file__).resolve().parent.parent

NodeRunner = Callable[..., Any]


@pytest.fixture(scope="session")
def run_node() -> NodeRunner:
    """Run a front-end module's own code under Node, as the tests of both sides need:
    ``run_node(script, data, env=None)`` runs ``script`` (a module's text, or a file) with
    ``data`` as JSON on its standard input, and returns the JSON it prints. A failure shows
    Node's own error."""
    import json
    import os
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run the course's front-end modules: install it.")

    def run(script: str | Path, data: Any, env: dict[str, str] | None = None) -> Any:
        command = ([node, str(script)] if isinstance(script, Path)
                   else [node, "--input-type=module", "-e", script])
        done = subprocess.run(command, input=json.dumps(data), capture_output=True,
                              text=True, check=False, cwd=ROOT,
                              env={**os.environ, **(env or {})})
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


@pytest.fixture
def browser_events(run_node: NodeRunner) -> Callable[..., list[dict[str, Any]]]:
    """The events the browser timer sends for a plan and a list of steps, computed by the
    real front-end state machine (timer_core.js) under Node, not by a copy of it."""

    def run(plan: Any, steps: list[list[Any]]) -> list[dict[str, Any]]:
        events: list[dict[str, Any]] = run_node(SIMULATOR, {"plan": plan.to_json(),
                                                            "steps": steps})
        return events

    return run


class _FullDisk:
    """An SQLite connection whose every write finds the disk full, as SQLite reports it."""

    def __init__(self, db: Any) -> None:
        self.db = db

    def execute(self, sql: str, *args: object) -> Any:
        if sql.startswith("BEGIN IMMEDIATE"):
            import sqlite3

            raise sqlite3.OperationalError("database or disk is full")
        return self.db.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.db, name)


class DiskFull:
    """``fill()``: from then on every write of the progress store finds the disk full;
    ``free()``: there is space again."""

    def __init__(self) -> None:
        self._patch = pytest.MonkeyPatch()

    def fill(self) -> None:
        import sqlite3

        connect = sqlite3.connect
        self._patch.setattr("thoracic.progress._store.sqlite3.connect",
                            lambda *args, **kwargs: _FullDisk(connect(*args, **kwargs)))

    def free(self) -> None:
        self._patch.undo()


@pytest.fixture
def disk_full() -> Iterator[DiskFull]:
    disk = DiskFull()
    yield disk
    disk.free()


@pytest.fixture
def own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The learner's own progress in a fresh folder, and the test's folder to work in: for
    the command-line tests."""
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return tmp_path

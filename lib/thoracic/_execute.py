"""Running notebooks in a clean, reproducible environment.

Used to refresh the outputs stored in the course notebooks (``make notebooks``) and by
the tests, so both see the same fixed date and an empty, temporary progress store: the
learner's own progress is never read or written.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Coroutine, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import nbformat

from ._dates import TODAY_VARIABLE

__all__ = [
    "DATA_DIR_VARIABLE",
    "FIXED_TODAY",
    "NotebookExecutionError",
    "deterministic_environment",
    "execute_notebook",
    "reproducible_settings",
    "seed_sample_history",
]

DATA_DIR_VARIABLE = "THORACIC_DATA_DIR"
# The date every stored output is computed for.
FIXED_TODAY = "2026-01-15"


class NotebookExecutionError(RuntimeError):
    """A notebook failed while it ran; the message names the notebook, cell and error."""


def reproducible_settings(data_dir: Path) -> dict[str, str]:
    """Environment variables that make a notebook run the same way every time."""
    return {
        DATA_DIR_VARIABLE: str(data_dir),
        TODAY_VARIABLE: FIXED_TODAY,
        "PYTHONHASHSEED": "0",
        # matplotlib writes no date into SVG and PDF output when this is set.
        "SOURCE_DATE_EPOCH": "1768435200",
        "TZ": "UTC",
    }


def seed_sample_history(data_dir: Path) -> None:
    """Fill a new progress store in ``data_dir`` with the fixed sample history."""
    from ._sample import sample_history
    from ._store import FILENAME, ProgressStore

    store = ProgressStore(data_dir / FILENAME)
    store.import_data(sample_history(dt.date.fromisoformat(FIXED_TODAY)))


@contextmanager
def deterministic_environment(*, sample_history: bool = True) -> Iterator[dict[str, str]]:
    """The current environment plus reproducible settings around a temporary data folder,
    seeded with the sample history unless told otherwise."""
    with TemporaryDirectory(prefix="thoracic-run-") as data_dir:
        if sample_history:
            seed_sample_history(Path(data_dir))
        yield {**os.environ, **reproducible_settings(Path(data_dir))}


def _run_to_completion(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """Run a coroutine on a fresh event loop that is closed afterwards (so worker threads
    leak no sockets), in a thread of its own if this thread already runs a loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def execute_notebook(path: Path, env: Mapping[str, str], *, timeout: int = 120,
                     ) -> nbformat.NotebookNode:
    """Run every cell of the notebook at ``path`` in a fresh kernel and return it with outputs.

    Raises NotebookExecutionError naming the notebook, the cell number and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        _run_to_completion(client.async_execute(env=dict(env)))
    except CellExecutionError as error:
        index = next((i for i, cell in enumerate(nb.cells) if any(
            out.get("output_type") == "error" for out in cell.get("outputs", []))), None)
        where = f"cell {index + 1}" if index is not None else "a cell"
        summary = f"{error.ename}: {error.evalue}" if error.ename else str(error)
        raise NotebookExecutionError(f"{path.name} failed in {where}: {summary}") from None
    return nb

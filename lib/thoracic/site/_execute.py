"""Running a notebook in a fresh kernel, with a clear message naming the cell that failed.

The export runs every notebook this way; the authoring tools use it to refresh the
outputs stored in the course.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import nbformat

__all__ = ["KERNEL_ENCRYPTION", "NotebookExecutionError", "execute_notebook",
           "execute_notebook_node"]

# Kernels talk to whoever started them over CurveZMQ where the kernel says it can (ipykernel
# does): nothing readable on the wire, and no "running over TCP without encryption" warning
# in the learner's terminal for every notebook (jupyter_client's transport_encryption).
KERNEL_ENCRYPTION = "auto"


class NotebookExecutionError(RuntimeError):
    """A notebook failed while it ran; the message names the notebook, cell and error."""


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
    nb: nbformat.NotebookNode = nbformat.read(path, as_version=4)
    return execute_notebook_node(nb, path.name, path.parent, env, timeout=timeout)


def execute_notebook_node(nb: nbformat.NotebookNode, name: str, folder: Path,
                          env: Mapping[str, str], *, timeout: int = 120,
                          ) -> nbformat.NotebookNode:
    """Run every cell of ``nb`` (called ``name``) in a fresh kernel started in ``folder``;
    the same notebook comes back with its outputs."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    encrypted = Config({"KernelManager": {"transport_encryption": KERNEL_ENCRYPTION}})
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", record_timing=False,
                            resources={"metadata": {"path": str(folder)}}, config=encrypted)
    try:
        _run_to_completion(client.async_execute(env=dict(env)))
    except CellExecutionError as error:
        index = next((i for i, cell in enumerate(nb.cells) if any(
            out.get("output_type") == "error" for out in cell.get("outputs", []))), None)
        where = f"cell {index + 1}" if index is not None else "a cell"
        summary = f"{error.ename}: {error.evalue}" if error.ename else str(error)
        raise NotebookExecutionError(f"{name} failed in {where}: {summary}") from None
    return nb

"""Running notebooks the same way every time, so their stored outputs can be compared.

``make notebooks`` (``thoracic refresh``) and the test session use these settings: a fixed
date, a temporary progress folder seeded with the fixed sample history, fixed hashing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from ..base import DATA_DIR_VARIABLE, TODAY_VARIABLE
from ..progress import FILENAME, ProgressStore
from ._sample import sample_history

__all__ = [
    "FIXED_TODAY",
    "WIDGET_VIEW",
    "deterministic_environment",
    "prepare_for_storage",
    "reproducible_settings",
    "seed_sample_history",
]

# The date every stored output is computed for.
FIXED_TODAY = "2026-01-15"


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


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def prepare_for_storage(nb: Any) -> None:
    """Make a freshly run notebook fit to store in the course folder, in place.

    Widget views are dropped from the outputs and the widget state from the metadata: a
    stored notebook has no kernel behind it, so a view would only say "model not found".
    The preview and the plain line each widget displays stay, and nbval compares them.
    The kernel is named as the installed kernel names itself, so opening a notebook in
    JupyterLab does not mark it changed.
    """
    from jupyter_client.kernelspec import KernelSpecManager

    for cell in nb.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)
    nb.metadata.pop("widgets", None)
    spec = KernelSpecManager().get_kernel_spec("python3")
    nb.metadata["kernelspec"] = {"display_name": spec.display_name, "language": spec.language,
                                 "name": "python3"}

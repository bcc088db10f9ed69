"""Test-session set-up shared by the unit tests and nbval.

Before any kernel starts, point the course at a temporary progress folder and a fixed
date, seeded with the fixed sample history: the same settings `make notebooks` uses to
store outputs, so nbval compares like with like and no test touches a learner's progress.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from thoracic.authoring import reproducible_settings, seed_sample_history

_saved_environment: dict[str, str | None] = {}
_data_dir: Path | None = None


def pytest_configure(config: pytest.Config) -> None:
    global _data_dir
    _data_dir = Path(tempfile.mkdtemp(prefix="thoracic-tests-"))
    seed_sample_history(_data_dir)
    for name, value in reproducible_settings(_data_dir).items():
        _saved_environment[name] = os.environ.get(name)
        os.environ[name] = value


def pytest_unconfigure(config: pytest.Config) -> None:
    for name, value in _saved_environment.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    if _data_dir is not None:
        shutil.rmtree(_data_dir, ignore_errors=True)

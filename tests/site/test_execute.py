from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from thoracic.authoring import FIXED_TODAY, deterministic_environment
from thoracic.site import NotebookExecutionError, execute_notebook

pytestmark = pytest.mark.kernel  # starts Jupyter kernels: left out of `make check`


def _write(path: Path, *sources: str) -> Path:
    nb = new_notebook(cells=[new_markdown_cell("# title"),
                             *(new_code_cell(source) for source in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, path)
    return path


def test_environment_is_fixed_and_temporary() -> None:
    with deterministic_environment() as env:
        data_dir = Path(env["THORACIC_DATA_DIR"])
        assert data_dir.is_dir() and env["THORACIC_TODAY"] == FIXED_TODAY
        assert env["PATH"] == os.environ["PATH"]
    assert not data_dir.exists()


def test_the_kernel_is_encrypted_and_quiet(tmp_path: Path, capfd: pytest.CaptureFixture[str]
                                           ) -> None:
    # ipykernel warns on every start when its connection is plain TCP; thoracic export
    # printed that warning 13 times.
    path = _write(tmp_path / "ok.ipynb", "print('hello')")
    with deterministic_environment() as env:
        execute_notebook(path, env)
    assert "without encryption" not in capfd.readouterr().err


def test_notebook_runs_with_the_given_environment(tmp_path: Path) -> None:
    path = _write(tmp_path / "ok.ipynb", "from thoracic.base import today\nprint(today())")
    with deterministic_environment() as env:
        nb = execute_notebook(path, env)
    assert nb.cells[1].outputs[0].text == f"{FIXED_TODAY}\n"
    assert nb.cells[1].execution_count == 1


def test_failure_names_notebook_cell_and_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "broken.ipynb", "x = 1", "1 / 0")
    with deterministic_environment() as env, pytest.raises(NotebookExecutionError) as caught:
        execute_notebook(path, env)
    assert str(caught.value) == "broken.ipynb failed in cell 3: ZeroDivisionError: division by zero"

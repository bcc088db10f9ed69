"""Running the course never writes inside the course folder (it may be read-only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thoracic.authoring import deterministic_environment
from thoracic.site import execute_notebook

pytestmark = pytest.mark.kernel  # starts Jupyter kernels: left out of `make check`

# The notebooks that save progress: checklists, timers, self-tests, dashboard.
SAVING_NOTEBOOKS = ["00-start-here.ipynb", "04-childs-pose.ipynb",
                    "09-mobilization-benefits.ipynb", "12-my-progress.ipynb"]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}


def test_running_notebooks_leaves_the_course_folder_untouched(tmp_path: Path,
                                                              notebooks_dir: Path) -> None:
    course = tmp_path / "course"
    course.mkdir()
    for name in SAVING_NOTEBOOKS:
        shutil.copy2(notebooks_dir / name, course / name)
    for path in course.iterdir():
        path.chmod(0o444)
    course.chmod(0o555)
    before = _snapshot(course)
    try:
        with deterministic_environment() as env:
            data_dir = Path(env["THORACIC_DATA_DIR"])
            for name in SAVING_NOTEBOOKS:
                execute_notebook(course / name, env)
            assert (data_dir / "progress.sqlite3").exists()  # progress went to the data folder
        assert _snapshot(course) == before
    finally:
        course.chmod(0o755)

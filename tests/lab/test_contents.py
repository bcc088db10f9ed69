"""The contents manager keeps the course folder byte-identical, without error dialogs."""

from __future__ import annotations

import asyncio
import hashlib
import shutil
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import nbformat
import pytest
from tornado.web import HTTPError

from thoracic.content import COURSE
from thoracic.lab import COURSE_FOLDER_MESSAGE, CourseContentsManager, is_course_folder

T = TypeVar("T")


# One thread for every call: the browser tests leave an event loop running in the main
# thread when they share a session with these, and Jupyter's notebook-signature database
# (SQLite) may only be used from the thread that opened it.
_THREAD = ThreadPoolExecutor(max_workers=1)


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run on a fresh event loop in this module's own thread."""
    return _THREAD.submit(asyncio.run, coroutine).result()


def fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def home(tmp_path: Path, notebooks_dir: Path) -> Path:
    shutil.copytree(notebooks_dir, tmp_path / "course")
    return tmp_path


@pytest.fixture
def manager(home: Path) -> CourseContentsManager:
    return CourseContentsManager(root_dir=str(home))


def test_the_course_folder_is_recognised(home: Path) -> None:
    assert is_course_folder(home / "course") and not is_course_folder(home)


def test_saving_a_course_notebook_writes_nothing_and_reports_success(
        home: Path, manager: CourseContentsManager) -> None:
    before = fingerprint(home / "course")
    model = run(manager.get("course/00-start-here.ipynb"))
    assert model["writable"]
    model["content"].cells[0].source = "the learner typed here"
    model["content"].metadata["widgets"] = {"state": "ticked red flag"}
    saved = run(manager.save(model, "course/00-start-here.ipynb"))
    assert saved["last_modified"] == model["last_modified"]  # no "file changed" dialog
    checkpoint = run(manager.create_checkpoint("course/00-start-here.ipynb"))
    assert checkpoint["id"] == "as-installed"
    run(manager.restore_checkpoint("as-installed", "course/00-start-here.ipynb"))
    assert fingerprint(home / "course") == before  # no checkpoint folder either


@pytest.mark.parametrize("action", ["new file", "new folder", "rename", "delete", "copy"])
def test_other_writes_in_the_course_folder_are_refused_with_a_reason(
        home: Path, manager: CourseContentsManager, action: str) -> None:
    before = fingerprint(home / "course")
    calls = {
        "new file": lambda: manager.new_untitled("course", type="notebook"),
        "new folder": lambda: manager.new_untitled("course", type="directory"),
        "rename": lambda: manager.rename("course/04-childs-pose.ipynb", "course/mine.ipynb"),
        "delete": lambda: manager.delete("course/04-childs-pose.ipynb"),
        "copy": lambda: manager.copy("course/04-childs-pose.ipynb", "course"),
    }
    with pytest.raises(HTTPError) as refused:
        run(calls[action]())
    assert refused.value.status_code == 403 and refused.value.log_message == COURSE_FOLDER_MESSAGE
    assert fingerprint(home / "course") == before


def test_files_outside_the_course_folder_save_as_usual(
        home: Path, manager: CourseContentsManager) -> None:
    nb = nbformat.v4.new_notebook()
    run(manager.save({"type": "notebook", "content": nb}, "my-notes.ipynb"))
    run(manager.copy("course/04-childs-pose.ipynb", ""))  # a copy of my own, at home
    assert (home / "my-notes.ipynb").is_file() and (home / "04-childs-pose.ipynb").is_file()


def test_a_read_only_course_folder_still_saves_without_error(
        home: Path, manager: CourseContentsManager) -> None:
    course = home / "course"
    for path in [course, *course.iterdir()]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = fingerprint(course)
        model = run(manager.get("course/03-foam-roller-extension.ipynb"))
        assert model["writable"]  # so JupyterLab offers no "read-only" dialog
        run(manager.save(model, "course/03-foam-roller-extension.ipynb"))
        assert fingerprint(course) == before
    finally:
        for path in [course, *course.iterdir()]:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_every_course_notebook_is_protected(manager: CourseContentsManager) -> None:
    assert all(manager._course_notebook(f"course/{info.filename}") for info in COURSE)
    assert not manager._course_notebook("00-start-here.ipynb")  # not in a course folder

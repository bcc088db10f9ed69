"""A place of one's own in JupyterLab (issue 23, finding 3): after ``thoracic lab`` (what
``make lab`` runs), the Launcher's Notebook button makes a notebook in "My notes", in the
learner's data folder; it is there after a restart, and the course folder is unchanged."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.lab.test_launch import Lab, _fingerprint
from thoracic.lab import NOTES_FOLDER

from .lab import IDLE

pytestmark = pytest.mark.browser


def test_the_launcher_makes_a_notebook_in_my_notes_that_survives_a_restart(
        tmp_path: Path, notebooks_dir: Path, browser, artifacts: Path) -> None:
    course = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir, course)
    before = _fingerprint(course)
    notes = tmp_path / "data" / "jupyterlab" / NOTES_FOLDER
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    lab = Lab(tmp_path, course)
    try:
        page.goto(lab.address)
        page.locator(".lm-TabBar-tab", has_text="00-start-here.ipynb").first.wait_for(
            timeout=60_000)  # 00 is open
        page.locator(".jp-FileBrowser").get_by_text(NOTES_FOLDER).first.wait_for()
        page.get_by_role("menuitem", name="File").click()
        page.get_by_role("menuitem", name="New Launcher").click()
        page.locator('.jp-LauncherCard[data-category="Notebook"]').first.click()
        page.locator(".lm-TabBar-tab", has_text="Untitled.ipynb").first.wait_for(
            timeout=60_000)  # its tab: the new notebook is open
        assert page.get_by_text("kept exactly as it was installed").count() == 0
        page.wait_for_function(IDLE, timeout=60_000)  # its kernel has started
        page.screenshot(path=str(artifacts / "lab-own-notebook.png"))
    finally:
        lab.stop()
        context.close()
    assert [path.name for path in notes.iterdir() if path.name[0] != "."] == ["Untitled.ipynb"]

    again = Lab(tmp_path, course)  # a restart: the notebook is still there
    again.stop()
    assert [path.name for path in notes.iterdir() if path.name[0] != "."] == ["Untitled.ipynb"]
    assert _fingerprint(course) == before  # byte for byte, no .ipynb_checkpoints either

"""Two visits, as a learner makes them: the course folder stays byte-identical, and the
second day shows previews before running and working widgets with the saved ticks after.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thoracic import get_exercise

from .conftest import running_jupyterlab
from .lab import (
    NO_DIRTY_TAB,
    assert_calm,
    checkbox,
    code_cells,
    fingerprint,
    new_page,
    notebook,
    open_notebook,
    restart_and_run_all,
    widget_outputs,
)

pytestmark = pytest.mark.browser

START, ROLLER = "00-start-here.ipynb", "03-foam-roller-extension.ipynb"
RED_FLAG = "lost weight without trying"
FORM_CUE = get_exercise("foam-roller-extension").form_cues[0].text
# Autosave every second; render every cell (not only those in view), so all can be counted.
SETTINGS = {"@jupyterlab/docmanager-extension:plugin": {"autosaveInterval": 1},
            "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


@pytest.mark.parametrize("read_only", [False, True], ids=["writable-folder", "read-only-folder"])
def test_two_days_leave_the_course_folder_as_it_was(browser, tmp_path: Path, notebooks_dir: Path,
                                                    artifacts: Path, read_only: bool) -> None:
    course = tmp_path / "course"
    shutil.copytree(notebooks_dir, course)
    installed = fingerprint(course)
    with running_jupyterlab(tmp_path, course, user_settings=SETTINGS,
                            read_only=read_only) as lab:
        # Day one: run 00 and 03, tick a red flag and a form cue, save, let autosave run.
        context, page = new_page(browser)
        open_notebook(page, lab, START)
        restart_and_run_all(page, code_cells(lab, START))
        checkbox(notebook(page), RED_FLAG).check()
        advice = "See a doctor or physiotherapist before you start"  # under its group, and below
        notebook(page).get_by_text(advice).first.wait_for()
        notebook(page).locator(".jp-Cell").first.click()
        page.keyboard.press("Control+s")
        page.wait_for_function(NO_DIRTY_TAB, timeout=20_000)
        open_notebook(page, lab, ROLLER)
        restart_and_run_all(page, code_cells(lab, ROLLER))  # outputs change: the tab is dirty
        checkbox(notebook(page), FORM_CUE).check()
        page.wait_for_function(NO_DIRTY_TAB, timeout=20_000)  # autosave, with no key pressed
        assert_calm(page)
        context.close()
        assert fingerprint(course) == installed

        # Day two: before running, previews; after running, the widgets with saved ticks.
        context, page = new_page(browser)
        for name in (START, ROLLER):
            open_notebook(page, lab, name)
            previews = notebook(page).locator(".thoracic-preview")
            assert previews.count() == widget_outputs(lab, name) > 0
            assert notebook(page).get_by_text("Run this cell (Shift+Enter)").count() >= 1
            assert_calm(page)
            previews.first.screenshot(path=str(artifacts / f"second-visit-preview-{name[:2]}.png"))
        open_notebook(page, lab, START)
        restart_and_run_all(page, code_cells(lab, START))
        assert checkbox(notebook(page), RED_FLAG).is_checked()
        open_notebook(page, lab, ROLLER)
        restart_and_run_all(page, code_cells(lab, ROLLER))
        assert checkbox(notebook(page), FORM_CUE).is_checked()
        notebook(page).get_by_text("Read this first:").wait_for()
        assert_calm(page)
        context.close()
    assert fingerprint(course) == installed

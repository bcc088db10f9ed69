"""Learner journeys in real JupyterLab, driven in headless Chromium.

Waits are for conditions (kernel idle, text shown), never for a fixed time, except where
a test must show that something does *not* change (a paused timer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from thoracic import COURSE
from thoracic.content import RED_FLAGS

from .lab import (
    SHOWN_WIDGETS,
    code_cells,
    notebook,
    open_notebook,
    restart_and_run_all,
    widget_outputs,
)

pytestmark = pytest.mark.browser

@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
def test_every_notebook_runs_and_shows_its_widgets(lab_page, jupyterlab, artifacts: Path,
                                                   info) -> None:
    page, lab = lab_page, jupyterlab
    open_notebook(page, lab, info.filename)
    cells = code_cells(lab, info.filename)
    if cells:
        restart_and_run_all(page, cells)
    panel = notebook(page)
    widgets = widget_outputs(lab, info.filename)
    if widgets:
        try:  # every widget output gets a view (or an error message) once displayed
            page.wait_for_function(f"(n) => {SHOWN_WIDGETS} >= n", arg=widgets,
                                   timeout=20_000)
        except PlaywrightTimeout:
            shown = page.evaluate(f"() => {SHOWN_WIDGETS}")
            pytest.fail(f"{info.filename}: only {shown} of {widgets} widgets were displayed")
    page.screenshot(path=str(artifacts / f"lab-{info.stem}.png"))
    assert panel.locator(".jp-OutputArea-output[data-mime-type="
                         "'application/vnd.jupyter.stderr']").count() == 0
    assert panel.locator("[data-mime-type='application/vnd.jupyter.error']").count() == 0
    assert panel.locator(".jupyter-widgets-error-widget").count() == 0
    assert panel.get_by_text(re.compile("Error (displaying|rendering) widget|"
                                        "Could not render|Failed to render")).count() == 0

    assert page.problems == []


def _checkbox(panel, text: str):
    return panel.locator(".widget-checkbox", has_text=text).locator("input")


def test_safety_screen_ticks_survive_a_reload(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    name = "00-start-here.ipynb"
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    panel = notebook(page)
    _checkbox(panel, "lost weight without trying").check()
    panel.get_by_text("See a doctor or physiotherapist before you start").wait_for()
    _checkbox(panel, "fever or chills").check()
    panel.get_by_text("Urgent: get medical help today").wait_for()
    panel.get_by_text(f"2 of {len(RED_FLAGS)}").wait_for()
    page.reload()
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    panel = notebook(page)
    assert _checkbox(panel, "fever or chills").is_checked()
    assert _checkbox(panel, "lost weight without trying").is_checked()
    assert not _checkbox(panel, "You have had cancer").is_checked()
    # and every exercise notebook now shows the banner
    open_notebook(page, lab, "04-childs-pose.ipynb")
    restart_and_run_all(page, code_cells(lab, "04-childs-pose.ipynb"))
    notebook(page).get_by_text("Before you try this exercise").wait_for()
    # untick again, so the other journeys start from a clear safety screen
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    for text in ("fever or chills", "lost weight without trying"):
        _checkbox(notebook(page), text).uncheck()


def _readout(timer) -> str:
    return timer.locator("[aria-label^='Time left in this phase']").inner_text()


def test_exercise_timer_journey_ends_in_the_dashboard(lab_page, jupyterlab,
                                                     artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    name = "05-kneeling-thoracic-extension.ipynb"  # 2 sets of 8 reps: 7.8 s at ten times speed
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    timer = notebook(page).locator(".jupyter-widgets", has=page.get_by_role(
        "button", name="Done with set")).first
    timer.scroll_into_view_if_needed()
    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("Set 1 of 2").first.wait_for()
    timer.get_by_text(re.compile(r"Rep [2-8] of 8")).wait_for()
    page.screenshot(path=str(artifacts / "lab-timer-mid-run.png"))
    timer.get_by_role("button", name="Pause").click()
    timer.get_by_text("(paused)").wait_for()
    paused_at = _readout(timer)
    page.wait_for_timeout(1500)  # a paused timer must not move: look again after a while
    assert _readout(timer) == paused_at
    timer.get_by_role("button", name="Resume").click()
    timer.get_by_text("Set 2 of 2").first.wait_for(timeout=20_000)
    timer.get_by_text("Well done! You finished this timer.").wait_for(timeout=20_000)
    assert _readout(timer) == "0:00"
    progress = "10-my-progress.ipynb"
    open_notebook(page, lab, progress)
    restart_and_run_all(page, code_cells(lab, progress))
    notebook(page).get_by_text("Days practised in all: 1").wait_for()
    assert notebook(page).get_by_text("Current streak: 1 day(s)").count() == 1


def test_previous_and_next_links_open_the_right_notebooks(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    open_notebook(page, lab, "03-foam-roller-extension.ipynb")
    notebook(page).get_by_role("link", name="04 · Exercise 2: Child's pose").first.click()
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="04-childs-pose.ipynb").wait_for()
    notebook(page).get_by_role("link", name="03 · Exercise 1: Foam roller extension").first \
        .click()
    page.locator(".lm-TabBar-tab.lm-mod-current",
                 has_text="03-foam-roller-extension.ipynb").wait_for()


def test_guided_routine_moves_on_to_the_next_exercise(lab_page, jupyterlab,
                                                      artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    name = "06-daily-routine.ipynb"
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    routine = notebook(page).locator(".jupyter-widgets", has=page.get_by_label(
        "Routine steps")).first
    routine.scroll_into_view_if_needed()
    routine.get_by_text("Foam roller extension ← now").wait_for()
    routine.get_by_role("button", name="Start").click()
    routine.get_by_text("Foam roller extension ✓ done").wait_for(timeout=30_000)
    routine.get_by_text("Child's pose ← now").wait_for()
    page.screenshot(path=str(artifacts / "lab-routine-second-exercise.png"))
    routine.get_by_role("button", name="Pause").click()

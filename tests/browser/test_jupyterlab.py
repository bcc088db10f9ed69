"""Learner journeys in real JupyterLab, driven in headless Chromium.

Waits are for conditions (kernel idle, text shown), never for a fixed time, except where
a test must show that something does *not* change (a paused timer).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from thoracic import COURSE
from thoracic.content import RED_FLAGS

pytestmark = pytest.mark.browser

IDLE = ("() => { const s = document.querySelector('.jp-StatusBar-TextItem[title*=\"Kernel\"]')"
        " || [...document.querySelectorAll('.jp-StatusBar-TextItem')].find("
        "e => /\\| (Idle|Busy)/.test(e.textContent));"
        " return s && /\\| Idle/.test(s.textContent); }")


# Widget outputs that show something: a view that failed to render shows an error icon
# ("Click to show javascript error") or nothing at all.
SHOWN_WIDGETS = (
    "[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
    ".jp-OutputArea-output > .jupyter-widgets')].filter(w => w.textContent.trim() && "
    "!w.querySelector('.jupyter-widgets-error-widget')).length")


def _open(page, lab, name: str) -> None:
    page.goto(f"{lab['url']}/lab/tree/{name}?reset")
    page.locator(".jp-NotebookPanel").first.wait_for()
    page.wait_for_function(IDLE, timeout=60_000)


def _notebook(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first


def _run_command(page, menu: str, item: str) -> None:
    page.locator("#jp-MainMenu").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def _restart_and_run_all(page, code_cells: int) -> None:
    _run_command(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    # Done when every code cell shows an execution number and the kernel is idle again.
    page.wait_for_function(
        "(n) => { const p = [...document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];"
        " return p.length === n && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }",
        arg=code_cells, timeout=90_000)
    page.wait_for_function(IDLE, timeout=60_000)


def _code_cells(lab, name: str) -> int:
    nb = nbformat.read(lab["course"] / name, as_version=4)
    return sum(cell.cell_type == "code" for cell in nb.cells)


def _widget_outputs(lab, name: str) -> int:
    nb = nbformat.read(lab["course"] / name, as_version=4)
    return sum("application/vnd.jupyter.widget-view+json" in out.get("data", {})
               for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)


@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
def test_every_notebook_runs_and_shows_its_widgets(lab_page, jupyterlab, artifacts: Path,
                                                   info) -> None:
    page, lab = lab_page, jupyterlab
    _open(page, lab, info.filename)
    code_cells = _code_cells(lab, info.filename)
    if code_cells:
        _restart_and_run_all(page, code_cells)
    panel = _notebook(page)
    widgets = _widget_outputs(lab, info.filename)
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
    _open(page, lab, name)
    _restart_and_run_all(page, _code_cells(lab, name))
    panel = _notebook(page)
    _checkbox(panel, "lost weight without trying").check()
    panel.get_by_text("See a doctor or physiotherapist before you start").wait_for()
    _checkbox(panel, "fever or chills").check()
    panel.get_by_text("Urgent: get medical help today").wait_for()
    panel.get_by_text(f"2 of {len(RED_FLAGS)}").wait_for()
    page.reload()
    _open(page, lab, name)
    _restart_and_run_all(page, _code_cells(lab, name))
    panel = _notebook(page)
    assert _checkbox(panel, "fever or chills").is_checked()
    assert _checkbox(panel, "lost weight without trying").is_checked()
    assert not _checkbox(panel, "You have had cancer").is_checked()
    # and every exercise notebook now shows the banner
    _open(page, lab, "04-childs-pose.ipynb")
    _restart_and_run_all(page, _code_cells(lab, "04-childs-pose.ipynb"))
    _notebook(page).get_by_text("Before you try this exercise").wait_for()
    # untick again, so the other journeys start from a clear safety screen
    _open(page, lab, name)
    _restart_and_run_all(page, _code_cells(lab, name))
    for text in ("fever or chills", "lost weight without trying"):
        _checkbox(_notebook(page), text).uncheck()


def _readout(timer) -> str:
    return timer.locator("[aria-label^='Time left in this phase']").inner_text()


def test_exercise_timer_journey_ends_in_the_dashboard(lab_page, jupyterlab,
                                                     artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    name = "05-kneeling-thoracic-extension.ipynb"  # 2 sets of 8 reps: 7.8 s at ten times speed
    _open(page, lab, name)
    _restart_and_run_all(page, _code_cells(lab, name))
    timer = _notebook(page).locator(".jupyter-widgets", has=page.get_by_role(
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
    _open(page, lab, progress)
    _restart_and_run_all(page, _code_cells(lab, progress))
    _notebook(page).get_by_text("Days practised in all: 1").wait_for()
    assert _notebook(page).get_by_text("Current streak: 1 day(s)").count() == 1


def test_previous_and_next_links_open_the_right_notebooks(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    _open(page, lab, "03-foam-roller-extension.ipynb")
    _notebook(page).get_by_role("link", name="04 · Exercise 2: Child's pose").first.click()
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="04-childs-pose.ipynb").wait_for()
    _notebook(page).get_by_role("link", name="03 · Exercise 1: Foam roller extension").first \
        .click()
    page.locator(".lm-TabBar-tab.lm-mod-current",
                 has_text="03-foam-roller-extension.ipynb").wait_for()


def test_guided_routine_moves_on_to_the_next_exercise(lab_page, jupyterlab,
                                                      artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    name = "06-daily-routine.ipynb"
    _open(page, lab, name)
    _restart_and_run_all(page, _code_cells(lab, name))
    routine = _notebook(page).locator(".jupyter-widgets", has=page.get_by_label(
        "Routine steps")).first
    routine.scroll_into_view_if_needed()
    routine.get_by_text("Foam roller extension ← now").wait_for()
    routine.get_by_role("button", name="Start").click()
    routine.get_by_text("Foam roller extension ✓ done").wait_for(timeout=30_000)
    routine.get_by_text("Child's pose ← now").wait_for()
    page.screenshot(path=str(artifacts / "lab-routine-second-exercise.png"))
    routine.get_by_role("button", name="Pause").click()

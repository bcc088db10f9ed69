"""Learner journeys in real JupyterLab, driven in headless Chromium.

Waits are for conditions (kernel idle, text shown), never for a fixed time, except where
a test must show that something does *not* change (a paused timer).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from thoracic import COURSE
from thoracic.content import RED_FLAGS

from .lab import (
    SHOWN_WIDGETS,
    checkbox,
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


def test_safety_screen_ticks_survive_a_reload(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    name = "00-start-here.ipynb"
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    panel = notebook(page)
    checkbox(panel, "lost weight without trying").check()
    # (the advice shows under the ticked group and again at the foot of the list)
    panel.get_by_text("See a doctor or physiotherapist before you start").first.wait_for()
    checkbox(panel, "A fever, chills or feeling very unwell").check()
    # With its full stop: the advice, not the group's heading above the list.
    panel.get_by_text("Urgent: speak to a doctor today.").first.wait_for()
    panel.get_by_text(f"2 of {len(RED_FLAGS)}").wait_for()
    page.reload()
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    panel = notebook(page)
    assert checkbox(panel, "A fever, chills or feeling very unwell").is_checked()
    assert checkbox(panel, "lost weight without trying").is_checked()
    assert not checkbox(panel, "You have had cancer").is_checked()
    # and every exercise notebook now shows the banner
    open_notebook(page, lab, "04-childs-pose.ipynb")
    restart_and_run_all(page, code_cells(lab, "04-childs-pose.ipynb"))
    notebook(page).get_by_text("Read this first:").wait_for()
    # untick again, so the other journeys start from a clear safety screen
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    for text in ("A fever, chills or feeling very unwell", "lost weight without trying"):
        checkbox(notebook(page), text).uncheck()


def test_previous_and_next_links_open_the_right_notebooks(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    open_notebook(page, lab, "03-foam-roller-extension.ipynb")
    notebook(page).get_by_role("link", name="04 · Exercise 2: Child's pose").first.click()
    page.locator(".lm-TabBar-tab.lm-mod-current", has_text="04-childs-pose.ipynb").wait_for()
    notebook(page).get_by_role("link", name="03 · Exercise 1: Foam roller extension").first \
        .click()
    page.locator(".lm-TabBar-tab.lm-mod-current",
                 has_text="03-foam-roller-extension.ipynb").wait_for()


def test_the_dashboard_shows_a_next_day_answer_without_running_its_cell(
        lab_page, jupyterlab, artifacts: Path) -> None:
    """In 12 · My progress, answering the next-morning check redraws the dashboard below
    it at once; its cell is not run again (issue 23, finding 4)."""
    import datetime as dt

    from thoracic import ProgressStore

    page, lab = lab_page, jupyterlab
    store = ProgressStore(lab["progress"] / "progress.sqlite3")
    # JupyterLab's kernels use the real date (this process may have a fixed one), and the
    # journeys after this one share the store: what this test adds, it takes away.
    real_today = dt.date.today()
    checks_before = {check.id for check in store.next_day_checks()}
    added = [store.record_session("exercise", "Child's pose", 75.0, sets=2, rating=1,
                                  day=(real_today - dt.timedelta(days=1)).isoformat())]
    try:
        _answer_and_see_the_dashboard(page, lab, store, real_today, artifacts)
    finally:
        added += [check.id for check in store.next_day_checks()
                  if check.id not in checks_before]
        for entry_id in added:
            store.delete_entry(entry_id)


def _answer_and_see_the_dashboard(page, lab, store, real_today, artifacts: Path) -> None:
    import time

    name = "12-my-progress.ipynb"
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    panel = notebook(page)
    # Today's links open notebooks here (they once pointed at the site's .html pages).
    today = panel.locator('[data-thoracic="today"]')
    today.get_by_role("link", name="Daily routine").wait_for()
    hrefs = today.locator("a").evaluate_all("(links) => links.map((a) => a.getAttribute('href'))")
    assert hrefs and all(re.fullmatch(r"\d\d-[a-z-]+\.ipynb(#.+)?", h) for h in hrefs), hrefs
    assert today.get_by_text("See all your progress").count() == 0  # it is this page
    # A link opens its notebook in a new tab: followed here, it reloaded JupyterLab after
    # asking whether to leave the page.
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    with page.context.expect_page() as opened:
        today.get_by_role("link", name="Daily routine").click()
    opened.value.wait_for_url("**/tree/**08-daily-routine.ipynb")
    opened.value.locator(".jp-NotebookPanel").first.wait_for()
    opened.value.close()
    assert asked == [] and page.url.endswith("12-my-progress.ipynb")
    already = any(check.day == real_today.isoformat() for check in store.next_day_checks())
    if not store.next_day_checks():
        panel.get_by_text("No next-day checks yet").wait_for()
    dashboard_cell = panel.locator(".jp-CodeCell", has_text="Days in a row").first
    started = time.monotonic()
    panel.get_by_role("radio", name="Better").or_(
        panel.get_by_role("button", name="Better", exact=True)).first.click()
    shown = dashboard_cell.locator('[data-thoracic="dashboard"]').first
    expect(shown).not_to_contain_text("No next-day checks yet", timeout=5_000)
    shown.get_by_role("table", name="The next-day check, last 4 weeks").wait_for()
    took = time.monotonic() - started
    (artifacts / "live-dashboard.txt").write_text(f"next-day answer to dashboard: {took:.2f} s "
                                                 f"(answered before: {already})\n")
    page.screenshot(path=str(artifacts / "lab-live-dashboard.png"))
    assert shown.get_by_text("No next-day checks yet").count() == 0
    assert page.problems == []

"""Helpers shared by the JupyterLab browser tests: open, run, find widgets, and check
that nothing broke (no dialog, no broken widget, the course folder unchanged)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import nbformat

IDLE = ("() => { const s = document.querySelector('.jp-StatusBar-TextItem[title*=\"Kernel\"]')"
        " || [...document.querySelectorAll('.jp-StatusBar-TextItem')].find("
        "e => /\\| (Idle|Busy)/.test(e.textContent));"
        " return s && /\\| Idle/.test(s.textContent); }")


# Widget outputs that show something: a view that failed to render shows an error icon
# ("Click to show javascript error") or nothing at all.
# A widget's view: ipywidgets' own, or an anywidget's (a plain lm-Widget). A part with
# nothing to say (the banner before any tick) is drawn but empty.
SHOWN_WIDGETS = (
    "[...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) "
    ".jp-OutputArea-output:not([data-mime-type]) > .lm-Widget')]"
    ".filter(w => (w.textContent.trim() || w.querySelector('[data-thoracic]')) && "
    "!w.querySelector('.jupyter-widgets-error-widget')).length")


NO_DIRTY_TAB = "() => !document.querySelector('.lm-TabBar-tab.jp-mod-dirty')"
BROKEN = ("model not found", "Error displaying widget", "Error rendering widget",
          "official Jupyter news")


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by its SHA-256, to show the folder did not change."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def checkbox(panel, text: str):
    """The checkbox labelled with ``text`` (not the safety check's "I have been checked"
    box for the same flag, whose label repeats the flag's words)."""
    return panel.locator(".thoracic-checklist label", has_text=text,
                         has_not_text="I have been checked").locator("input")


def assert_calm(page) -> None:
    """No dialog (save failed, file changed, read-only) and no broken widget anywhere."""
    assert page.locator(".jp-Dialog").count() == 0, page.locator(".jp-Dialog").inner_text()
    for words in BROKEN:
        assert page.get_by_text(words).count() == 0, words
    assert page.problems == []


def new_page(browser):
    """A laptop-sized page in a context of its own, recording page errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    return context, page


def open_notebook(page, lab, name: str) -> None:
    page.goto(f"{lab['url']}/lab/tree/{name}?reset")
    page.locator(".jp-NotebookPanel").first.wait_for()
    page.wait_for_function(IDLE, timeout=60_000)


def notebook(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first


def run_command(page, menu: str, item: str) -> None:
    page.locator("#jp-MainMenu").get_by_text(menu, exact=True).click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def restart_and_run_all(page, code_cells: int) -> None:
    start_run_all(page)
    wait_for_run_all(page, code_cells)


def start_run_all(page) -> None:
    """Restart the kernel and run every cell, without waiting (so two pages can run at once)."""
    run_command(page, "Kernel", "Restart Kernel and Run All Cells")
    page.locator(".jp-Dialog .jp-mod-accept").click()


def wait_for_run_all(page, code_cells: int) -> None:
    """Done when every code cell shows an execution number and the kernel is idle again."""
    page.wait_for_function(
        "(n) => { const p = [...document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt')];"
        " return p.length === n && p.every(e => /\\[\\d+\\]/.test(e.textContent)); }",
        arg=code_cells, timeout=90_000)
    page.wait_for_function(IDLE, timeout=60_000)


def code_cells(lab, name: str) -> int:
    nb = nbformat.read(lab["course"] / name, as_version=4)
    return sum(cell.cell_type == "code" for cell in nb.cells)


def widget_outputs(lab, name: str) -> int:
    """How many widgets the notebook displays: each one's stored output is its preview."""
    nb = nbformat.read(lab["course"] / name, as_version=4)
    return sum("thoracic-preview" in out.get("data", {}).get("text/html", "")
               for cell in nb.cells if cell.cell_type == "code" for out in cell.outputs)

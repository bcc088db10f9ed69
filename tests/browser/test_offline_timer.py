"""The timer still counts in an exported page, with no kernel and no network."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_notebook

from thoracic.authoring import deterministic_environment
from thoracic.site import execute_notebook

pytestmark = pytest.mark.browser


def _exported_timer_page(tmp_path: Path, renderer: Path) -> Path:
    nb = new_notebook(cells=[new_code_cell(
        'from thoracic import exercise_timer\n\nexercise_timer("childs-pose")')])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    source = tmp_path / "timer.ipynb"
    nbformat.write(nb, source)
    with deterministic_environment() as env:
        executed = execute_notebook(source, {**env, "THORACIC_EXPORT": "1"})
    # Only the renderer is needed; the page must not reach for RequireJS or MathJax online.
    empty_script = "data:text/javascript,"
    exporter = HTMLExporter(widget_renderer_url=renderer.as_uri(), require_js_url=empty_script,
                            mathjax_url=empty_script)
    html, _ = exporter.from_notebook_node(executed)
    page = tmp_path / "timer.html"
    page.write_text(html, encoding="utf-8")
    return page


def test_exported_timer_counts_without_a_kernel(tmp_path: Path, widget_renderer: Path,
                                                offline_page, artifacts: Path) -> None:
    page = offline_page
    page.goto(_exported_timer_page(tmp_path, widget_renderer).as_uri())
    page.get_by_text("This page has no Python running").wait_for()
    seconds = page.locator(".widget-text input")
    assert seconds.input_value() == "0"
    page.locator(".widget-play button").first.click()
    page.wait_for_function(
        "() => Number(document.querySelector('.widget-text input').value) >= 2",
        timeout=10_000)
    now = page.locator(".widget-dropdown select")
    page.wait_for_function(
        "() => document.querySelector('.widget-dropdown select').selectedIndex >= 2")
    shown = now.evaluate("s => s.options[s.selectedIndex].text").replace("\xa0", " ")
    assert shown.startswith("Get ready: 0:0") and shown.endswith("Get into your start position.")
    bar = page.locator(".progress-bar").first.get_attribute("style") or ""
    assert "width: 0%" not in bar
    page.screenshot(path=str(artifacts / "offline-timer.png"))
    assert page.locator("button", has_text="Skip").count() == 0  # no dead kernel buttons
    assert page.problems == []

"""How quickly the course is ready to use: importing it, and Run All to the first click.

Measured in one run:
- import_s: `import thoracic` in a fresh interpreter (median of 7), next to
- ipywidgets_import_s: `import ipywidgets` the same way (the floor: every widget needs it);
- run_all_to_click_s: in real JupyterLab and Chromium, with notebook 03 open and its kernel
  ready, the time from choosing Run All to the first clickable widget (median of 3).
Last line: one JSON object. Targets: import_s at most 0.3 s above ipywidgets_import_s;
run_all_to_click_s under 1.5 s.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # JupyterLab is started exactly as the browser tests start it

NOTEBOOK = "03-foam-roller-extension.ipynb"
CLICKABLE = (".jp-NotebookPanel:not(.lm-mod-hidden) .jupyter-widgets "
             ":is(button, input[type=checkbox]):enabled")


def import_seconds(module: str, runs: int = 7) -> float:
    code = ("import time; t = time.perf_counter(); import " + module +
            "; print(time.perf_counter() - t)")
    times = [float(subprocess.run([sys.executable, "-c", code], check=True,
                                  capture_output=True, text=True).stdout)
             for _ in range(runs)]
    return statistics.median(times)


def run_all_to_click(runs: int = 3) -> float:
    from playwright.sync_api import sync_playwright
    from tests.browser.conftest import LAUNCH_ARGS, running_jupyterlab
    from tests.browser.lab import open_notebook, run_command

    times = []
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        shutil.copytree(ROOT / "notebooks", home / "course")
        with running_jupyterlab(home, home / "course") as lab, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=shutil.which("chromium"),
                                         args=LAUNCH_ARGS, headless=True)
            for _ in range(runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                open_notebook(page, lab, NOTEBOOK)  # waits until the kernel is idle
                start = time.perf_counter()
                run_command(page, "Run", "Run All Cells")
                page.locator(CLICKABLE).first.wait_for(state="visible", timeout=30_000)
                times.append(time.perf_counter() - start)
                page.close()
            browser.close()
    return statistics.median(times)


def main() -> None:
    figures = {"import_s": round(import_seconds("thoracic"), 3),
               "ipywidgets_import_s": round(import_seconds("ipywidgets"), 3),
               "run_all_to_click_s": round(run_all_to_click(), 3)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

"""The exported site's weight, and how soon a phone can start a timer from it.

Measured in one run, on a site exported afresh:
- site_bytes: the whole site; page_bytes_max: its largest page;
- timer_ready_first_s / timer_ready_warm_s: from navigation to the timer's Start button
  on 04-childs-pose.html, opened from file:// at 390x844 with the CPU slowed 4x (through
  the DevTools protocol), on a first visit (a new browser profile each time) and on a
  visit right after (median of 5 each);
- floor_first_s / floor_warm_s: the same page loads' floor, a page without a timer
  (02-why-thoracic-flexibility.html) to its load event, the same way;
- one_page_bytes, one_page_ready_first_s / one_page_ready_warm_s: the same notebook saved
  as one self-contained page (JupyterLab's File > Save and Export Notebook As > Upper Back
  Relief page), and its timer's readiness measured the same way (issue 23).
- script_lines: the lines of the site's hand-written scripts (the .js files under
  lib/thoracic/site/static/ but the *.generated.js ones, which are made by tools);
  plan_script_lines: the plan's browser half (lib/thoracic/plan/static/plan.js), which the
  site loads too, counted on its own: it lives with the plan, and the plan on the site came
  with issue 25, after issue 24 set its count.
Last line: one JSON object. Targets (issue 24): site_bytes at most 1.5 MB,
timer_ready_first_s at most 0.6, timer_ready_warm_s at most 0.4, and script_lines at
most 1,209 (half of the 2,418 when the issue was filed).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from thoracic.lab import CoursePageExporter
from thoracic.plan import PLAN_SCRIPT
from thoracic.site import export_course

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # Chromium is started as the browser tests start it
RUNS = 5
NOTEBOOK = "04-childs-pose.ipynb"
TIMER_PAGE = NOTEBOOK.replace(".ipynb", ".html")
FLOOR_PAGE = "02-why-thoracic-flexibility.html"
START = ".ubr-timer button:has-text('Start')"
# Milliseconds from the navigation's start, as the page's own clock counts them.
SINCE_NAVIGATION = "() => performance.now()"
LOADED = "() => performance.getEntriesByType('navigation')[0].loadEventEnd"
SCRIPTS = ROOT / "lib" / "thoracic" / "site" / "static"


def _script_lines() -> int:
    return sum(len(path.read_text("utf-8").splitlines()) for path in SCRIPTS.glob("*.js")
               if not path.name.endswith(".generated.js"))


def _visits(browser: object, url: str, ready: str | None) -> tuple[float, float]:
    """Seconds to ready on a first visit and on the visit after it, in a new profile."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        times = []
        for _ in range(2):
            page.goto(url, wait_until="commit")
            if ready is None:
                page.wait_for_load_state("load")
                times.append(page.evaluate(LOADED) / 1000)
            else:
                page.locator(ready).first.wait_for(state="visible", timeout=60_000)
                times.append(page.evaluate(SINCE_NAVIGATION) / 1000)
        return times[0], times[1]
    finally:
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None,
                        help="measure this exported site instead of exporting one afresh")
    parser.add_argument("--page", type=Path, default=None,
                        help="measure this one-page export of 04 instead of making one")
    arguments = parser.parse_args()
    given = arguments.site
    from tests.browser.conftest import LAUNCH_ARGS

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench/site.py needs Debian's chromium: apt-get install chromium")
    with tempfile.TemporaryDirectory() as work:
        site = given.resolve() if given else Path(work) / "site"
        if given is None:
            export_course(ROOT / "notebooks", site)
        files = [path for path in site.rglob("*") if path.is_file()]
        site_bytes = sum(path.stat().st_size for path in files)
        page_bytes_max = max(path.stat().st_size for path in files if path.suffix == ".html")
        one_page = arguments.page.resolve() if arguments.page else Path(work) / "alone.html"
        if arguments.page is None:
            html, _ = CoursePageExporter().from_filename(str(ROOT / "notebooks" / NOTEBOOK))
            one_page.write_text(html, "utf-8")
        one_page_bytes = one_page.stat().st_size
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            timer = [_visits(browser, (site / TIMER_PAGE).as_uri(), START)
                     for _ in range(RUNS)]
            floor = [_visits(browser, (site / FLOOR_PAGE).as_uri(), None)
                     for _ in range(RUNS)]
            alone = [_visits(browser, one_page.as_uri(), START) for _ in range(RUNS)]
            browser.close()

    def median(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    result = {"site_bytes": site_bytes, "page_bytes_max": page_bytes_max,
              "timer_ready_first_s": median([first for first, _ in timer]),
              "timer_ready_warm_s": median([warm for _, warm in timer]),
              "floor_first_s": median([first for first, _ in floor]),
              "floor_warm_s": median([warm for _, warm in floor]),
              "one_page_bytes": one_page_bytes,
              "one_page_ready_first_s": median([first for first, _ in alone]),
              "one_page_ready_warm_s": median([warm for _, warm in alone]),
              "script_lines": _script_lines(),
              "plan_script_lines": len(PLAN_SCRIPT.read_text("utf-8").splitlines()),
              "runs": RUNS}
    print(f"site {site_bytes:,} bytes, largest page {page_bytes_max:,}; timer ready "
          f"{result['timer_ready_first_s']} s first, {result['timer_ready_warm_s']} s after "
          f"(floor {result['floor_first_s']} s / {result['floor_warm_s']} s); one page "
          f"{result['one_page_bytes']:,} bytes, ready {result['one_page_ready_first_s']} s / "
          f"{result['one_page_ready_warm_s']} s; site scripts {result['script_lines']:,} lines")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

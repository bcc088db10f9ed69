"""The site's device store with a long history: a tick, My progress, a large import.

Measured in Chromium (Playwright, Debian's chromium, the browser tests' launch arguments)
on a site exported afresh, from file://, each figure in a new browser profile:
- tick_ms_20k: with 20,000 entries stored, from a click on a Form check box on
  03-foam-roller-extension.html until the part shows the tick kept (median of 15 ticks);
- progress_page_s_20k: with 20,000 entries stored, from navigation to 12-my-progress.html
  until its dashboard is drawn (its practice summary; median of 3);
- import_100k_s: a 100,000-entry progress file through the page's import (what the
  dashboard's Load does: readProgressBytes, then the store's importFile, then every part
  read again), timed in the page; null if the store refuses it;
- max_entries_loaded: the largest of 25,000, 50,000, 100,000 and 200,000 entries (a progress
  file holds at most 200,000) that one import keeps and a reload reads back whole.
The same figures for the store before IndexedDB (device.js and its callers as they were
on main just before IndexedDB came in, BEFORE, in a copy of the site) come under
"before". Last line: one JSON object. Targets: tick_ms_20k at most 10,
progress_page_s_20k at most 0.5, max_entries_loaded at least 200,000.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from thoracic.site import export_course

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # Chromium is started as the browser tests start it
STATIC = "lib/thoracic/site/static"
# The scripts the store's change touched: the baseline site gets all of them back.
CHANGED = ("device.js", "site.js", "site_parts.js", "site_widgets.js")
# main just before the device store moved to IndexedDB (the first parent of that merge).
BEFORE = "2b50ce4^1"
TICK_PAGE = "03-foam-roller-extension.html"
PROGRESS_PAGE = "12-my-progress.html"
DRAWN = '.thoracic-dashboard ul[aria-label="Practice summary"]'
TICKS = 15
VISITS = 3
SIZES = (25_000, 50_000, 100_000, 200_000)

# The page's import, as the dashboard's Load does it, timed by the page's clock; the
# refusal's words if it is refused.
IMPORT = """async (text) => {
  const start = performance.now();
  try {
    const data = ThoracicDevice.readProgressBytes(new TextEncoder().encode(text),
      ThoracicRules, "bench.json");
    await ThoracicSite.store().importFile(data);
  } catch (error) {
    return {refused: error.message};
  }
  ThoracicSite.refreshParts();
  return {ms: performance.now() - start};
}"""
COUNT = "() => Object.values(ThoracicSite.store().records()).flat().length"
# Clicks the first Form check box and waits until the part says how many are ticked again.
TICK = """async () => {
  const form = [...document.querySelectorAll('.thoracic-live')]
    .find((part) => part.textContent.includes('Form check'));
  const said = () => (form.textContent.match(/\\d+ of \\d+ ticked/) || [''])[0];
  const before = said();
  const start = performance.now();
  await new Promise((resolve) => {
    const watch = new MutationObserver(() => {
      if (said() !== before) { watch.disconnect(); resolve(); }
    });
    watch.observe(form, {subtree: true, childList: true, characterData: true});
    form.querySelector('input[type=checkbox]').click();
  });
  return performance.now() - start;
}"""


def history(count: int) -> str:
    """A progress file's text with `count` entries, on days up to today: mostly practice,
    some self-tests and quiz answers, as a learner's years might hold."""
    today = dt.date.today()
    stamp = f"{today.isoformat()}T07:00:00+00:00"
    day = [(today - dt.timedelta(days=n % 5000)).isoformat() for n in range(count)]
    tests = count // 10
    answers = count // 20
    sessions = count - tests - answers
    return json.dumps({
        "format": "upper-back-relief-progress", "version": 3,
        "sessions": [{"id": f"s{n}", "day": day[n], "recorded_at": stamp, "kind": "exercise",
                      "exercise": "Child's pose", "sets": 2, "duration_seconds": 75.0,
                      "rating": n % 11, "note": None, "version": None}
                     for n in range(sessions)],
        "self_tests": [{"id": f"t{n}", "day": day[n], "test": "seated-rotation",
                        "side": "left", "value": 40 + n % 20, "recorded_at": stamp}
                       for n in range(tests)],
        "quiz_answers": [{"id": f"q{n}", "day": day[n], "question": "intro-where-is-thoracic",
                          "choice": n % 4, "correct": n % 4 == 0, "recorded_at": stamp}
                         for n in range(answers)],
    })


def _open(context: Any, site: Path, page_name: str) -> Any:
    page = context.new_page()
    page.goto((site / page_name).as_uri())
    page.wait_for_function("() => window.ThoracicSite && ThoracicSite.store() && "
                           "document.querySelector('.thoracic-live')")
    return page


def _measure(browser: Any, site: Path, files: dict[int, str]) -> dict[str, Any]:
    context = browser.new_context()
    try:
        page = _open(context, site, TICK_PAGE)
        assert "ms" in page.evaluate(IMPORT, files[20_000])
        assert page.evaluate(COUNT) == 20_000
        page.reload()
        page.wait_for_function("() => ThoracicSite.store() && "
                               "document.querySelector('.thoracic-live')")
        ticks = [page.evaluate(TICK) for _ in range(TICKS)]
        visits = []
        for _ in range(VISITS):
            page.goto((site / PROGRESS_PAGE).as_uri(), wait_until="commit")
            page.locator(DRAWN).wait_for(timeout=60_000)
            visits.append(page.evaluate("() => performance.now()") / 1000)
    finally:
        context.close()
    return {"tick_ms_20k": round(statistics.median(ticks), 2),
            "progress_page_s_20k": round(statistics.median(visits), 3),
            "import_100k_s": _import(browser, site, files[100_000]),
            "max_entries_loaded": _most(browser, site, files)}


def _import(browser: Any, site: Path, text: str) -> float | None:
    context = browser.new_context()
    try:
        done = _open(context, site, PROGRESS_PAGE).evaluate(IMPORT, text)
    finally:
        context.close()
    if "refused" in done:
        print(f"  100,000 entries refused: {done['refused']}", file=sys.stderr)
        return None
    return round(done["ms"] / 1000, 2)


def _most(browser: Any, site: Path, files: dict[int, str]) -> int:
    most = 0
    for size in SIZES:
        context = browser.new_context()
        try:
            page = _open(context, site, PROGRESS_PAGE)
            if "refused" in page.evaluate(IMPORT, files[size]):
                break
            page.reload()
            page.wait_for_function("() => ThoracicSite.store()")
            if page.evaluate(COUNT) != size:
                break
            most = size
        finally:
            context.close()
    return most


def _baseline(site: Path, copy: Path) -> None:
    """A copy of the site with the store's scripts as they were before IndexedDB."""
    base = subprocess.run(["git", "rev-parse", BEFORE], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    shutil.copytree(site, copy)
    for name in CHANGED:
        text = subprocess.run(["git", "show", f"{base}:{STATIC}/{name}"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout
        (copy / "_static" / name).write_text(text, "utf-8")


def main() -> None:
    from tests.browser.conftest import LAUNCH_ARGS

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench/device.py needs Debian's chromium: apt-get install chromium")
    files = {size: history(size) for size in {20_000, *SIZES}}
    with tempfile.TemporaryDirectory() as work:
        site = Path(work) / "site"
        export_course(ROOT / "notebooks", site)
        before = Path(work) / "before"
        _baseline(site, before)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
            result = _measure(browser, site, files)
            result["before"] = _measure(browser, before, files)
            browser.close()
    print(f"tick {result['tick_ms_20k']} ms (was {result['before']['tick_ms_20k']}); My progress "
          f"{result['progress_page_s_20k']} s (was {result['before']['progress_page_s_20k']}); "
          f"100,000 imported in {result['import_100k_s']} s (was "
          f"{result['before']['import_100k_s']}); most kept {result['max_entries_loaded']:,} "
          f"(was {result['before']['max_entries_loaded']:,})")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

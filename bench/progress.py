"""Dashboard speed: five years of daily history next to an empty store, in one run.

Five years is about 2,000 practice sessions and 10,000 checklist ticks (plus weekly
self-tests). Both stores are filled through the store's own import, then the dashboard
is rendered a few times each (after one warm-up that pays for importing matplotlib);
the figures are medians. Last line: one JSON object. Target: dashboard_s under 0.5.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from thoracic import ProgressStore, dashboard

END = dt.date(2026, 1, 15)
YEARS = 5


def five_years() -> dict:
    sessions, ticks, tests = [], [], []
    start = END - dt.timedelta(days=365 * YEARS)
    for offset in range((END - start).days):
        day = (start + dt.timedelta(days=offset)).isoformat()
        stamp = f"{day}T07:00:00+00:00"
        sessions.append({"id": f"s{offset}", "day": day, "recorded_at": stamp,
                         "kind": "exercise", "exercise": "Child's pose", "sets": 1,
                         "duration_seconds": 75.0, "rating": offset % 11,
                         "note": "note" if offset % 9 == 0 else None})
        for item in ("warm-up", "foam-roller-extension", "childs-pose",
                     "kneeling-thoracic-extension", "slow-breathing"):
            ticks.append({"checklist": "daily-routine", "item": item, "day": day,
                          "checked": True, "updated_at": stamp})
        if offset % 7 == 0:
            for side in ("left", "right"):
                tests.append({"id": f"t{offset}{side}", "day": day, "test": "seated-rotation",
                              "side": side, "value": 40 + offset % 10, "recorded_at": stamp})
    return {"format": "upper-back-relief-progress", "version": 1, "sessions": sessions,
            "self_tests": tests, "checklist_ticks": ticks}


def median_render(store: ProgressStore, repeats: int = 5) -> float:
    dashboard(store)  # warm-up
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        dashboard(store)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    os.environ["THORACIC_TODAY"] = END.isoformat()
    with tempfile.TemporaryDirectory() as folder:
        full = ProgressStore(Path(folder) / "full" / "progress.sqlite3")
        history = five_years()
        full.import_data(history)
        empty = ProgressStore(Path(folder) / "empty" / "progress.sqlite3")
        dashboard_s = median_render(full)
        empty_s = median_render(empty)
    print(f"{len(history['sessions'])} sessions, {len(history['checklist_ticks'])} ticks, "
          f"{len(history['self_tests'])} self-test results")
    print(json.dumps({"dashboard_s": round(dashboard_s, 3), "empty_s": round(empty_s, 4)}))


if __name__ == "__main__":
    main()

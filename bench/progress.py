"""Dashboard speed with five years of history and with an empty store; a big import.

Five years is about 2,000 practice sessions and 10,000 checklist ticks (plus weekly
self-tests). Both stores are filled through the store's own import, then the dashboard
is rendered a few times each (after one warm-up that pays for importing matplotlib);
the figures are medians.

Then a big import: 100,000 entries (about 23 years of heavy use: five practice-log
entries, five checklist ticks and a quiz answer a day, five self-test results a week),
written to a file as ``thoracic progress --export`` writes one and imported into an empty
store as ``thoracic progress --import`` does it (``read_progress_file``, then
``import_data``: reading, checking every entry, writing). That runs in a subprocess of
its own (this file with ``--import-only``), which times the phase with ``perf_counter``
and, when it is done, reads its own peak resident memory: the whole process's peak, so it
includes the Python interpreter and the course library (about 35 MB), as a learner's
command would. On Linux that is ``VmHWM`` from ``/proc/self/status``, not
``getrusage().ru_maxrss``: Linux carries the parent's high-water mark over ``exec`` into
the child's ``ru_maxrss`` (and so into the parent's ``RUSAGE_CHILDREN``), which would
count this benchmark's own memory. Elsewhere it is ``getrusage(RUSAGE_SELF).ru_maxrss``.
Then the dashboard is rendered from that store (median, as above).

Last line: one JSON object. Targets: dashboard_s under 0.5; import_100k_s under 2,
import_100k_peak_mb under 200 and dashboard_after_import_s under 0.5.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thoracic import ProgressStore, dashboard
from thoracic.progress import read_progress_file

END = dt.date(2026, 1, 15)
YEARS = 5
BIG = 100_000
DAILY_ROUTINE = ("warm-up", "foam-roller-extension", "childs-pose",
                 "kneeling-thoracic-extension", "slow-breathing")


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


def many_entries(count: int) -> dict:
    """``count`` entries of every kind, a day at a time back from END."""
    data: dict = {"format": "upper-back-relief-progress", "version": 2, "sessions": [],
                  "self_tests": [], "checklist_ticks": [], "quiz_answers": []}
    kinds = ("sessions", "self_tests", "checklist_ticks", "quiz_answers")
    offset = 0
    while sum(len(data[kind]) for kind in kinds) < count:
        day = (END - dt.timedelta(days=offset)).isoformat()
        stamp = f"{day}T07:00:00+00:00"
        for n in range(5):
            data["sessions"].append({
                "id": f"s{offset}-{n}", "day": day, "recorded_at": stamp,
                "kind": "exercise" if n < 4 else "routine", "exercise": "Child's pose",
                "sets": 2, "duration_seconds": 75.0, "rating": offset % 11 if n == 4 else None,
                "note": "Felt looser than last week" if offset % 9 == 0 and n == 0 else None})
        for item in DAILY_ROUTINE:
            data["checklist_ticks"].append({"checklist": "daily-routine", "item": item,
                                            "day": day, "checked": True, "updated_at": stamp})
        data["quiz_answers"].append({"id": f"q{offset}", "day": day,
                                     "question": "intro-where-is-thoracic",
                                     "choice": offset % 3, "correct": offset % 3 == 1,
                                     "recorded_at": stamp})
        if offset % 7 == 0:
            for test, side, value in (("seated-rotation", "left", 40 + offset % 10),
                                      ("seated-rotation", "right", 42.5),
                                      ("wall-angel", "left", 2), ("wall-angel", "right", 1),
                                      ("neck-to-wall", "", 8.5)):
                data["self_tests"].append({"id": f"t{offset}{test}{side}", "day": day,
                                           "test": test, "side": side, "value": value,
                                           "recorded_at": stamp})
        offset += 1
    extra = sum(len(data[kind]) for kind in kinds) - count
    del data["checklist_ticks"][len(data["checklist_ticks"]) - extra:]
    return data


def import_only(source: Path, target: Path) -> None:
    """The subprocess: import ``source`` into ``target``; print seconds and peak memory."""
    store = ProgressStore(target)
    started = time.perf_counter()
    report = store.import_data(read_progress_file(source))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(),
                      "added": sum(report.values())}))


def peak_mb() -> float:
    """This process's peak resident memory in MB (MiB), as the docstring above explains."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB, or bytes on macOS
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def big_import(folder: Path) -> tuple[float, float, float]:
    """Import BIG entries into an empty store in a subprocess; then render the dashboard."""
    source = folder / "big.json"
    data = many_entries(BIG)
    source.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    del data
    target = folder / "big" / "progress.sqlite3"
    done = subprocess.run([sys.executable, __file__, "--import-only", str(source), str(target)],
                          capture_output=True, text=True, check=True)
    measured = json.loads(done.stdout.splitlines()[-1])
    if measured["added"] != BIG:
        raise SystemExit(f"The big import added {measured['added']} entries, not {BIG}.")
    print(f"{BIG:,} entries ({source.stat().st_size / 1e6:.1f} MB) imported in "
          f"{measured['seconds']:.2f} s, peak memory {measured['peak_mb']:.0f} MB")
    return measured["seconds"], measured["peak_mb"], median_render(ProgressStore(target))


def main() -> None:
    os.environ["THORACIC_TODAY"] = END.isoformat()  # the subprocess inherits it
    with tempfile.TemporaryDirectory() as folder:
        full = ProgressStore(Path(folder) / "full" / "progress.sqlite3")
        history = five_years()
        full.import_data(history)
        empty = ProgressStore(Path(folder) / "empty" / "progress.sqlite3")
        dashboard_s = median_render(full)
        empty_s = median_render(empty)
        print(f"{len(history['sessions'])} sessions, {len(history['checklist_ticks'])} ticks, "
              f"{len(history['self_tests'])} self-test results")
        import_s, import_mb, after_s = big_import(Path(folder))
    print(json.dumps({"dashboard_s": round(dashboard_s, 3), "empty_s": round(empty_s, 4),
                      "import_100k_s": round(import_s, 3),
                      "import_100k_peak_mb": round(import_mb, 1),
                      "dashboard_after_import_s": round(after_s, 3)}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--import-only"]:
        import_only(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        main()

"""How well the phone measures the seated rotation self-test, in simulation (issue 26).

Runs in Chromium (Playwright, Debian's chromium, the browser tests' launch arguments): the
page loads lib/thoracic/ui/static/measure_core.js and the seeded stream generator
tests/js/sensor_streams.mjs as ES modules, served from this checkout through Playwright's
routing (no server, no network), and runs whole measurements in simulated time: a
simulated learner sits, turns, holds and comes back as the measurement's events ask, the
phone on their chest reporting DeviceOrientationEvent angles at 60 Hz. Each measurement
has both sides, three tries each; each side's true turn is drawn from 10 to 70 degrees
(each try within 1.5 degrees of it), the phone held upright, tilted or flat in turn,
facing a random heading (so some turns cross alpha's 0/360), with Gaussian jitter of 1.5
degrees on each of its three angles, a slow sway and a steady drift of up to 4 degrees a
minute either way.
- median_abs_error_deg / p95_abs_error_deg: a side's median against the median of its
  tries' true turns (from the neutral taken for each try to where the trunk stopped);
- try_median_abs_error_deg / try_p95_abs_error_deg: the same for every recorded try;
- still_to_recorded_s: median time from the simulated learner going still at the end of
  the turn to the try being recorded (p95 as still_to_recorded_p95_s);
- refused: tries refused (none of these learners does anything wrong).
Last line: one JSON object, with the thresholds used. Targets: median_abs_error_deg at
most 1.0, p95_abs_error_deg at most 2.5, still_to_recorded_s at most 2.5.
"""

from __future__ import annotations

import argparse
import json
import mimetypes
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import Route, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # Chromium is started as the browser tests start it
ORIGIN = "http://measure.bench"  # answered by the route below, never by a network
CORE = "lib/thoracic/ui/static/measure_core.js"
STREAMS = "tests/js/sensor_streams.mjs"
HOLDS = ("upright", "tilted", "flat")
TARGETS = {"median_abs_error_deg": 1.0, "p95_abs_error_deg": 2.5, "still_to_recorded_s": 2.5}

PAGE = f"""<!doctype html><meta charset="utf-8"><title>measure bench</title>
<script type="module">
import * as core from "/{CORE}";
import * as streams from "/{STREAMS}";
window.bench = {{core, streams}};
window.benchReady = true;
</script>"""

# Every measurement in the page; what each try was and what the measurement said.
RUN = """({seed, count, holds}) => {
  const {core, streams} = window.bench;
  const random = streams.mulberry32(seed);
  const uniform = (low, high) => low + random() * (high - low);
  const measurements = [];
  for (let i = 0; i < count; i++) {
    const hold = holds[i % holds.length];
    const attempts = {};
    for (const side of ["left", "right"]) {
      const base = uniform(10, 70);
      attempts[side] = Array.from({length: core.TRIES_PER_SIDE},
        () => ({degrees: base + uniform(-1.5, 1.5)}));
    }
    const learner = new streams.SimulatedLearner({seed: seed * 1000 + i, hold, attempts,
      jitterDegrees: 1.5, driftDegreesPerMinute: uniform(-4, 4)});
    const run = streams.runMeasurement(new core.RotationMeasurement(), learner);
    const done = run.events.find((event) => event.type === "done");
    measurements.push({hold, results: done ? done.results : null,
      tries: run.tries.map(({side, truth, stillAt, event}) => ({side, truth, stillAt,
        type: event.type, t: event.t, degrees: event.degrees ?? null}))});
  }
  const names = ["STILL_SECONDS", "STILL_SLICES", "STILL_DEGREES", "SMOOTH_SECONDS",
    "TRIES_PER_SIDE", "EXTRA_ATTEMPTS_PER_SIDE", "MIN_TURN_DEGREES", "WRONG_WAY_DEGREES",
    "CAME_BACK_DEGREES", "RETURN_DEGREES", "TILT_LIMIT_DEGREES", "TRY_TIMEOUT_SECONDS"];
  return {measurements, thresholds: Object.fromEntries(names.map((n) => [n, core[n]]))};
}"""


def _serve(route: Route) -> None:
    """This checkout's files, and the bench's page at the root."""
    path = route.request.url.removeprefix(ORIGIN).split("?")[0].lstrip("/")
    if path in ("", "index.html"):
        route.fulfill(body=PAGE, content_type="text/html")
        return
    file = (ROOT / path).resolve()
    if ROOT not in file.parents or not file.is_file():
        route.fulfill(status=404, body="")
        return
    kind = "text/javascript" if file.suffix in (".js", ".mjs") else (
        mimetypes.guess_type(file.name)[0] or "application/octet-stream")
    route.fulfill(body=file.read_bytes(), content_type=kind)


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def _summary(measurements: list[dict[str, Any]]) -> dict[str, Any]:
    """The errors and delays over every measurement, overall and for each hold."""
    side_errors: list[float] = []
    try_errors: list[float] = []
    delays: list[float] = []
    refused = 0
    by_hold: dict[str, list[float]] = {hold: [] for hold in HOLDS}
    for measurement in measurements:
        recorded = [one for one in measurement["tries"] if one["type"] == "recorded"]
        refused += len(measurement["tries"]) - len(recorded)
        for one in recorded:
            try_errors.append(abs(one["degrees"] - one["truth"]))
            delays.append(one["t"] - one["stillAt"])
        for side, result in (measurement["results"] or {}).items():
            truths = [one["truth"] for one in recorded if one["side"] == side]
            if result["median"] is None or not truths:
                continue
            error = abs(result["median"] - statistics.median(truths))
            side_errors.append(error)
            by_hold[measurement["hold"]].append(error)
    return {
        "median_abs_error_deg": round(statistics.median(side_errors), 2),
        "p95_abs_error_deg": round(_p95(side_errors), 2),
        "max_abs_error_deg": round(max(side_errors), 2),
        "try_median_abs_error_deg": round(statistics.median(try_errors), 2),
        "try_p95_abs_error_deg": round(_p95(try_errors), 2),
        "still_to_recorded_s": round(statistics.median(delays), 2),
        "still_to_recorded_p95_s": round(_p95(delays), 2),
        "sides": len(side_errors), "tries_recorded": len(try_errors), "refused": refused,
        "median_abs_error_by_hold_deg": {hold: round(statistics.median(errors), 2)
                                         for hold, errors in by_hold.items() if errors},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--measurements", type=int, default=240,
                        help="simulated measurements, both sides each (at least 200)")
    parser.add_argument("--seed", type=int, default=26)
    arguments = parser.parse_args()
    from tests.browser.conftest import LAUNCH_ARGS

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("bench/measure.py needs Debian's chromium: apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        page = browser.new_page()
        page.route(f"{ORIGIN}/**", _serve)
        page.goto(f"{ORIGIN}/index.html")
        page.wait_for_function("() => window.benchReady === true")
        started = page.evaluate("() => performance.now()")
        out: dict[str, Any] = page.evaluate(RUN, {"seed": arguments.seed, "holds": HOLDS,
                                                  "count": arguments.measurements})
        page_seconds = (page.evaluate("() => performance.now()") - started) / 1000
        browser.close()
    summary = _summary(out["measurements"])
    print(f"{arguments.measurements} measurements ({summary['sides']} sides, "
          f"{summary['tries_recorded']} tries recorded, {summary['refused']} refused) in "
          f"{page_seconds:.1f} s of Chromium time")
    print(f"side median error: median {summary['median_abs_error_deg']} deg, p95 "
          f"{summary['p95_abs_error_deg']} deg, max {summary['max_abs_error_deg']} deg")
    print(f"each try's error: median {summary['try_median_abs_error_deg']} deg, p95 "
          f"{summary['try_p95_abs_error_deg']} deg")
    print("by hold: " + ", ".join(f"{hold} {error} deg" for hold, error
                                  in summary["median_abs_error_by_hold_deg"].items()))
    print(f"still to recorded: median {summary['still_to_recorded_s']} s, p95 "
          f"{summary['still_to_recorded_p95_s']} s")
    met = all(summary[name] <= limit for name, limit in TARGETS.items())
    print(f"targets {'met' if met else 'NOT met'}: " + ", ".join(
        f"{name} <= {limit}" for name, limit in TARGETS.items()))
    print(json.dumps({**summary, "measurements": arguments.measurements,
                      "seed": arguments.seed, "jitter_deg": 1.5,
                      "drift_deg_per_min_max": 4, "sample_rate_hz": 60,
                      "thresholds": out["thresholds"], "targets_met": met}))


if __name__ == "__main__":
    main()

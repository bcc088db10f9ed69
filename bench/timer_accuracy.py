"""How well the exercise timer keeps time while the kernel is busy.

In a real kernel (started with jupyter_client) a 60 s timer plan runs while another cell
blocks the kernel for 20 s with time.sleep. Measured in the same run:
- final_late_ms: how late the timer's last phase change (the end) came, from the
  timer's own log against its schedule;
- max_update_gap_s: the longest gap between display updates (comm messages for the
  big readout) that reached the client while the timer ran;
- baseline_final_late_ms: the same end-lateness for a naive timer that counts
  `await asyncio.sleep(1)` ticks in the kernel's event loop.
Last line: one JSON object. Targets: final change within 50 ms, no gap over 1.5 s.
"""

from __future__ import annotations

import json
import queue
import time

from jupyter_client.manager import start_new_kernel

PLAN_SECONDS = 60
BLOCK_AT, BLOCK_FOR = 10, 20

SETUP = f"""
import asyncio, json, time
from thoracic.timer import ExerciseTimer, build_plan
plan = build_plan(name="Bench", style="hold", reps=3, sets=1, rest_seconds=5,
                  hold_seconds=15, get_ready_seconds=5)
assert plan.total_seconds == {PLAN_SECONDS}
timer = ExerciseTimer(plan, key="bench")
timer.sound = False
naive = {{}}

async def naive_timer(seconds):
    naive["start"] = time.monotonic()
    for _ in range(seconds):
        await asyncio.sleep(1)
    naive["end"] = time.monotonic()

naive_task = asyncio.ensure_future(naive_timer({PLAN_SECONDS}))
timer.start()
print(json.dumps({{"readout": timer.readout.model_id, "start": timer.model._since}}))
"""
BLOCK = f"import time\ntime.sleep({BLOCK_FOR})"
REPORT = """
await naive_task  # the naive timer ends late; wait for it
print(json.dumps({"log": timer.phase_log, "phases": len(plan.phases),
                  "naive": naive, "status": timer.status}))
"""


def run_cell(client, code: str, updates: list[float], readout: str | None,
             timeout: float) -> str:
    """Run code, collecting its stdout and the arrival times of readout updates."""
    msg_id = client.execute(code)
    return pump(client, updates, readout, until=msg_id, timeout=timeout)


def pump(client, updates: list[float], readout: str | None, until: str | None = None,
         timeout: float = 1.0) -> str:
    out, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            msg = client.get_iopub_msg(timeout=0.05)
        except queue.Empty:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "comm_msg" and readout and content.get("comm_id") == readout:
            updates.append(time.monotonic())
        elif kind == "stream":
            out.append(content["text"])
        elif kind == "error":
            raise RuntimeError("\n".join(content["traceback"]))
        elif (kind == "status" and content["execution_state"] == "idle" and until
              and msg["parent_header"].get("msg_id") == until):
            return "".join(out)
    if until:
        raise TimeoutError("cell did not finish")
    return "".join(out)


def main() -> None:
    manager, client = start_new_kernel(kernel_name="python3")
    updates: list[float] = []
    try:
        info = json.loads(run_cell(client, SETUP, updates, None, timeout=60))
        start, readout = info["start"], info["readout"]
        pump(client, updates, readout, timeout=max(0.0, start + BLOCK_AT - time.monotonic()))
        run_cell(client, BLOCK, updates, readout, timeout=BLOCK_FOR + 30)
        pump(client, updates, readout,
             timeout=max(0.0, start + PLAN_SECONDS + 2 - time.monotonic()))
        report = json.loads(run_cell(client, REPORT, updates, None, timeout=30))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)

    final_index, final_time = report["log"][-1]
    assert final_index == report["phases"] and report["status"] == "done", report
    final_late_ms = (final_time - (start + PLAN_SECONDS)) * 1000
    running = [t for t in updates if start <= t <= start + PLAN_SECONDS + 0.5]
    gaps = [b - a for a, b in zip([start, *running], running, strict=False)]
    naive = report["naive"]
    baseline_ms = (naive["end"] - (naive["start"] + PLAN_SECONDS)) * 1000
    print(f"{len(running)} display updates reached the client; "
          f"kernel blocked {BLOCK_FOR} s from t={BLOCK_AT} s")
    print(json.dumps({"final_late_ms": round(final_late_ms, 2),
                      "max_update_gap_s": round(max(gaps), 3),
                      "baseline_final_late_ms": round(baseline_ms, 1)}))


if __name__ == "__main__":
    main()

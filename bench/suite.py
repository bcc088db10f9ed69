"""Wall time of the full test suite next to a floor measured in the same run.

The floor starts and stops one kernel per notebook and runs nothing: the part of nbval's
cost that no change to the course can remove. Last line: one JSON object.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from jupyter_client.manager import start_new_kernel

ROOT = Path(__file__).resolve().parent.parent


def kernel_floor(count: int) -> float:
    started = time.perf_counter()
    for _ in range(count):
        manager, client = start_new_kernel(kernel_name="python3")
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    return time.perf_counter() - started


def full_suite() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    notebooks = len(list((ROOT / "notebooks").glob("*.ipynb")))
    floor_s = kernel_floor(notebooks)
    suite_s = full_suite()
    print(f"{notebooks} notebooks; suite {suite_s:.1f} s; floor {floor_s:.1f} s")
    print(json.dumps({"suite_s": round(suite_s, 2), "floor_s": round(floor_s, 2),
                      "ratio": round(suite_s / floor_s, 2)}))


if __name__ == "__main__":
    main()

"""Full-course export next to plain nbconvert, in the same run.

- ours: `thoracic export` (one reused exporter, two kernels at a time, shared stylesheet);
- baseline: `jupyter nbconvert --execute --to html` over the same notebooks.
Both run with a temporary progress folder. Sizes: the whole site (its widgets are drawn by
its own small script, with no renderer bundle), next to the sum of the default pages.
Last line: one JSON object.
Targets: time ratio at most 1.0, size ratio at most 0.3.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from thoracic import COURSE
from thoracic.site import export_course

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        work_dir = Path(work)
        os.environ["THORACIC_DATA_DIR"] = str(work_dir / "data")
        baseline_out = work_dir / "baseline"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--execute", "--to",
                        "html", "--output-dir", str(baseline_out),
                        *[str(NOTEBOOKS / info.filename) for info in COURSE]],
                       check=True, capture_output=True)
        baseline_s = time.perf_counter() - started

        started = time.perf_counter()
        export_course(NOTEBOOKS, work_dir / "site")
        export_s = time.perf_counter() - started

        site_bytes = folder_bytes(work_dir / "site")
        baseline_bytes = folder_bytes(baseline_out)
    print(f"export {export_s:.1f} s vs nbconvert {baseline_s:.1f} s; "
          f"site {site_bytes} bytes vs default pages {baseline_bytes} bytes")
    print(json.dumps({"time_ratio": round(export_s / baseline_s, 3),
                      "size_ratio": round(site_bytes / baseline_bytes, 3),
                      "export_s": round(export_s, 2), "site_bytes": site_bytes}))


if __name__ == "__main__":
    main()

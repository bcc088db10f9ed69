"""Eight processes opening a brand-new progress file at once, and six readers beside a
writer: no raw exception and no lock refusal that did not wait (issue 22, findings 4, 5
and 9). bench/store_race.py runs the same loads at full size (10,000 opens and more)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "store_race.py"

pytestmark = pytest.mark.stress  # fifteen processes for several seconds


def test_a_crowd_opening_one_file_meets_no_traceback_and_no_hasty_refusal() -> None:
    done = subprocess.run([sys.executable, str(BENCH), "--rounds", "40", "--reads", "30"],
                          capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout.splitlines()[-1])
    assert figures["race_opens"] == 320 and figures["reader_opens"] == 7 * 30
    assert figures["raw_exceptions"] == 0, figures["raw_examples"]
    assert figures["immediate_lock_refusals"] == 0
    assert figures["other_store_errors"] == 0, figures["store_error_examples"]
    assert figures["reader_lock_refusals"] == 0 or figures["lock_messages_naming_no_holder"] == 0

"""The browser's state machine and Python's plan agree: one truth for the timer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.js.fixtures import FOLDER as FIXTURES
from tests.js.fixtures import fixture_text, node_fixtures
from thoracic.timer import (
    daily_routine_plan,
    with_get_ready,
)

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "lib" / "thoracic" / "timer" / "static" / "timer_core.js"


def test_the_node_tests_read_the_files_python_writes_today() -> None:
    """make js writes them (tests/js/fixtures.py); this catches a stale committed copy."""
    for name, content in node_fixtures().items():
        assert (FIXTURES / name).read_text("utf-8") == fixture_text(content), (
            f"tests/js/{name} is out of date: run make js (python -m tests.js.fixtures).")


def test_locate_agrees_with_python_at_every_tenth_of_a_second(run_node) -> None:
    plan = daily_routine_plan()
    times = [t / 10 for t in range(-5, round(plan.total_seconds * 10) + 6)]
    script = (f"import {{locate}} from {json.dumps(CORE.as_uri())};"
              "import {readFileSync} from 'node:fs';"
              "const {plan, times} = JSON.parse(readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(times.map((t) => {const p = locate(plan, t);"
              " return [p.index, p.timeLeft, p.rep, p.finished];})));")
    browser = run_node(script, {"plan": plan.to_json(), "times": times})
    for t, (index, time_left, rep, finished) in zip(times, browser, strict=True):
        here = plan.locate(t)
        assert (index, rep, finished) == (here.index, here.rep, here.finished), t
        assert time_left == pytest.approx(here.time_left, abs=1e-9), t


def test_get_ready_choice_is_the_same_in_both(run_node) -> None:
    plan = daily_routine_plan()
    script = (f"import {{withGetReady}} from {json.dumps(CORE.as_uri())};"
              "import {readFileSync} from 'node:fs';"
              "const plan = JSON.parse(readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(withGetReady(plan, 17)));")
    assert run_node(script, plan.to_json()) == with_get_ready(plan, 17).to_json()

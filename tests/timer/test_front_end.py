"""The browser's state machine and Python's plan agree: one truth for the timer."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from thoracic.content import get_exercise
from thoracic.timer import (
    TimerPlan,
    build_plan,
    daily_routine_plan,
    join_plans,
    plan_for_exercise,
    with_get_ready,
)

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "lib" / "thoracic" / "timer" / "static" / "timer_core.js"
FIXTURE = ROOT / "tests" / "js" / "plans.json"


def _routine() -> TimerPlan:
    """A routine of fixed numbers (the course's first routine, as the Node tests pin its
    times), so changing a dose in the course does not move every time in those tests."""
    return join_plans("Daily routine", [
        build_plan(name="Foam roller extension", style="reps", reps=6, sets=3,
                   rest_seconds=20, rep_seconds=4, get_ready_seconds=10),
        build_plan(name="Child's pose", style="hold", reps=2, sets=1, rest_seconds=15,
                   hold_seconds=30, get_ready_seconds=10),
        build_plan(name="Kneeling thoracic extension", style="reps", reps=8, sets=2,
                   rest_seconds=30, rep_seconds=3, get_ready_seconds=10)])


def _plans() -> dict[str, object]:
    return {"routine": _routine(),
            # the Node tests pin times for a 5 s countdown, whatever the default
            "childs_pose": plan_for_exercise(get_exercise("childs-pose"), get_ready_seconds=5),
            "roller": plan_for_exercise(get_exercise("foam-roller-extension"),
                                        get_ready_seconds=5),
            "sides": build_plan(name="Sides", style="hold", reps=2, sets=2, rest_seconds=5,
                                per_side=True, hold_seconds=10)}


def _node(script: str, data: object) -> object:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to test the timer's front-end module: install it.")
    done = subprocess.run([node, "--input-type=module", "-e", script], input=json.dumps(data),
                          capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(done.stdout)


def test_the_node_tests_use_the_plans_python_makes_today() -> None:
    fixture = json.loads(FIXTURE.read_text("utf-8"))
    assert fixture == {name: plan.to_json() for name, plan in _plans().items()}, (
        "tests/js/plans.json is out of date: regenerate it from TimerPlan.to_json().")


def test_locate_agrees_with_python_at_every_tenth_of_a_second() -> None:
    plan = daily_routine_plan()
    times = [t / 10 for t in range(-5, round(plan.total_seconds * 10) + 6)]
    script = (f"import {{locate}} from {json.dumps(CORE.as_uri())};"
              "import {readFileSync} from 'node:fs';"
              "const {plan, times} = JSON.parse(readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(times.map((t) => {const p = locate(plan, t);"
              " return [p.index, p.timeLeft, p.rep, p.finished];})));")
    browser = _node(script, {"plan": plan.to_json(), "times": times})
    for t, (index, time_left, rep, finished) in zip(times, browser, strict=True):
        here = plan.locate(t)
        assert (index, rep, finished) == (here.index, here.rep, here.finished), t
        assert time_left == pytest.approx(here.time_left, abs=1e-9), t


def test_get_ready_choice_is_the_same_in_both() -> None:
    plan = daily_routine_plan()
    script = (f"import {{withGetReady}} from {json.dumps(CORE.as_uri())};"
              "import {readFileSync} from 'node:fs';"
              "const plan = JSON.parse(readFileSync(0, 'utf8'));"
              "console.log(JSON.stringify(withGetReady(plan, 17)));")
    assert _node(script, plan.to_json()) == with_get_ready(plan, 17).to_json()

"""The JSON files the Node tests read, written from Python's own records.

``make js`` runs this (``python -m tests.js.fixtures``) before ``node --test tests/js/``,
so the files are never written by hand; tests check that the committed ones are current,
for anyone who runs the Node tests alone."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thoracic.content import get_exercise
from thoracic.progress import device_rules
from thoracic.timer import TimerPlan, build_plan, join_plans, plan_for_exercise

FOLDER = Path(__file__).resolve().parent


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


def timer_plans() -> dict[str, TimerPlan]:
    """The plans the timer's Node tests run."""
    return {"routine": _routine(),
            # the Node tests pin times for a 5 s countdown, whatever the default
            "childs_pose": plan_for_exercise(get_exercise("childs-pose"), get_ready_seconds=5),
            "roller": plan_for_exercise(get_exercise("foam-roller-extension"),
                                        get_ready_seconds=5),
            "sides": build_plan(name="Sides", style="hold", reps=2, sets=2, rest_seconds=5,
                                per_side=True, hold_seconds=10)}


def node_fixtures() -> dict[str, Any]:
    """Each file's name and what it holds."""
    return {"plans.json": {name: plan.to_json() for name, plan in timer_plans().items()},
            "device_rules.json": device_rules()}


def fixture_text(content: Any) -> str:
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    for name, content in node_fixtures().items():
        path = FOLDER / name
        text = fixture_text(content)
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(FOLDER.parents[1])}")


if __name__ == "__main__":
    main()

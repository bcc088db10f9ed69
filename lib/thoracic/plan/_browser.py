"""The plan's rules as plain JSON, for the browser's half of the plan (``static/plan.js``).

The offline site has no Python, so it works the week's plan out itself from the device's
history; it reads every number, sentence and dose from here, so the rules stay in
``progression.toml`` and the exercise records. tests/js/plan.test.mjs holds plan.js to
``plan_week`` and ``plan_history`` on the same histories.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content import (
    DISCOMFORT_SCALE,
    get_routine,
    load_exercises,
    load_progression,
)
from ..progress import EXAMPLE_ID_PREFIX
from ..timer import routine_plan
from ._model import expected_sets

# The routines the site's timers run and its sheet and Today page give the length of.
ROUTINES = ("daily", "strength-day")

__all__ = ["PLAN_SCRIPT", "plan_rules"]

PLAN_SCRIPT = Path(__file__).parent / "static" / "plan.js"


def plan_rules() -> dict[str, Any]:
    """What plan.js needs to plan a week exactly as ``plan_week`` does."""
    rules = load_progression()
    return {
        "ladder": list(rules.ladder),
        "start": rules.start,
        "step_up_sessions": rules.step_up_sessions,
        "gap_days": rules.gap_days,
        "see_someone_sessions": rules.see_someone_sessions,
        "targets": dict(rules.targets),
        "effort_cue": rules.effort_cue,
        "say": dict(rules.say),
        "zones": [{"name": zone.name, "lowest": zone.lowest, "highest": zone.highest}
                  for zone in DISCOMFORT_SCALE.zones],
        "example_prefix": EXAMPLE_ID_PREFIX,
        # Each exercise's versions in its record's order, with the sets a whole dose logs
        # and the dose in words.
        "exercises": [{"id": exercise.id, "name": exercise.name, "kind": exercise.kind,
                       "form_checklist": exercise.form_checklist,
                       "whole_sets": {level: expected_sets(dose)
                                      for level, dose in exercise.doses.items()},
                       "doses": {level: dose.describe() for level, dose in exercise.doses.items()}}
                      for exercise in load_exercises()],
        **routine_pieces(),
    }


def routine_pieces() -> dict[str, Any]:
    """The routines' timer plans in pieces, for the site to run them at this week's doses:
    each routine's name and exercises in order, and each exercise's phases at each version
    on the ladder, with the change-over that comes before it when it is not first. Put
    together at the plan's versions, they are the plan ``routine_plan`` makes (a test
    checks every mix)."""
    rules = load_progression()
    routines = [get_routine(routine_id) for routine_id in ROUTINES]
    pieces: dict[str, Any] = {}
    for routine in routines:
        at_start = {exercise.id: rules.start for exercise in routine.exercises}
        for n, exercise in enumerate(routine.exercises):
            piece = pieces.setdefault(exercise.id, {"levels": {}})
            for level in (step for step in rules.ladder if step in exercise.doses):
                whole = routine_plan(routine, versions={**at_start, exercise.id: level})
                phases = [phase for phase in whole.to_json()["phases"]
                          if phase["exercise"] == exercise.name]
                if n:  # its first phase is the change-over onto it
                    piece["changeover"] = phases.pop(0)
                piece["levels"][level] = phases  # the same in every routine (tested)
    return {"routines": {routine.id: {"name": routine.name,
                                      "exercises": [e.id for e in routine.exercises]}
                         for routine in routines},
            "pieces": pieces}

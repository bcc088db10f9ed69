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
    Exercise,
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
        "routines": {routine: routine_segments(routine) for routine in ROUTINES},
    }


def routine_segments(routine_id: str) -> dict[str, Any]:
    """A routine's timer plan in pieces, for the site to run it at this week's doses: for
    each exercise in order, its phases at each version on the ladder (with the change-over
    before it). The pieces at the plan's versions, one after another, are the plan
    ``routine_plan`` makes (a test checks every mix)."""
    routine = get_routine(routine_id)
    rules = load_progression()
    at_start = {exercise.id: rules.start for exercise in routine.exercises}

    def phases(exercise: Exercise, level: str) -> list[dict[str, Any]]:
        whole = routine_plan(routine, versions={**at_start, exercise.id: level}).to_json()
        return [phase for phase in whole["phases"] if phase["exercise"] == exercise.name]

    return {"name": routine.name, "segments": [
        {"exercise": exercise.id,
         "levels": {level: phases(exercise, level)
                    for level in rules.ladder if level in exercise.doses}}
        for exercise in routine.exercises]}

"""The plan's rules as plain JSON, for the browser's half of the plan (``static/plan.js``).

The offline site has no Python, so it works the week's plan out itself from the device's
history; it reads every number, sentence and dose from here, so the rules stay in
``progression.toml`` and the exercise records. tests/js/plan.test.mjs holds plan.js to
``plan_week`` and ``plan_history`` on the same histories.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..content import DISCOMFORT_SCALE, get_routine, load_exercises, load_progression
from ..progress import EXAMPLE_ID_PREFIX
from ..timer import routine_plan
from ._model import expected_sets

# The routines whose length the site's sheet shows.
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
        "routines": {routine: routine_seconds(routine) for routine in ROUTINES},
    }


def routine_seconds(routine_id: str) -> dict[str, Any]:
    """How long a routine's timer runs at the plan's levels: ``start`` seconds with every
    exercise at the starting dose, plus ``change[exercise][level]`` for each exercise at
    another (a routine's length adds up exercise by exercise; a test checks every mix)."""
    routine = get_routine(routine_id)
    start = load_progression().start
    at_start = {exercise.id: start for exercise in routine.exercises}
    base = routine_plan(routine, versions=at_start).total_seconds
    return {"start": base, "change": {
        exercise.id: {level: routine_plan(routine, versions={**at_start, exercise.id: level})
                      .total_seconds - base
                      for level in load_progression().ladder if level in exercise.doses}
        for exercise in routine.exercises}}

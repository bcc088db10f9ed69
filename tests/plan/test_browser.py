"""The plan's rules as the browser reads them (plan_rules): what plan.js is given must be
enough to plan exactly as Python does. tests/js/plan.test.mjs runs plan.js on histories
Python planned; these check the data's own promises."""

from __future__ import annotations

import itertools
import json
import math
import re
import string

from thoracic.content import get_routine, load_exercises, load_progression
from thoracic.plan import PLAN_SCRIPT, expected_sets, plan_rules
from thoracic.timer import routine_minutes, routine_plan


def test_the_rules_are_plain_json_from_the_records() -> None:
    rules = plan_rules()
    assert json.loads(json.dumps(rules)) == rules
    progression = load_progression()
    assert rules["ladder"] == list(progression.ladder) and rules["say"] == progression.say
    assert [e["id"] for e in rules["exercises"]] == [e.id for e in load_exercises()]
    for exercise, given in zip(load_exercises(), rules["exercises"], strict=True):
        assert given["doses"] == {level: dose.describe() for level, dose in exercise.doses.items()}
        assert given["whole_sets"] == {level: expected_sets(dose)
                                       for level, dose in exercise.doses.items()}


def test_every_sentence_is_filled_by_name_only() -> None:
    """plan.js fills "{name}" and nothing more: no format specs, conversions or braces."""
    for template in plan_rules()["say"].values():
        for _text, name, spec, conversion in string.Formatter().parse(template):
            assert name is None or (re.fullmatch(r"\w+", name) and not spec and not conversion)


def test_a_routines_pieces_make_its_timer_plan_for_every_mix_of_doses() -> None:
    """The site runs a routine at this week's doses by putting its pieces together; for
    every mix of the ladder's versions that is exactly the plan the timer gets in
    JupyterLab, and so is its length in minutes."""
    rules = plan_rules()
    pieces = rules["pieces"]
    for routine_id, given in rules["routines"].items():
        routine = get_routine(routine_id)
        ids = given["exercises"]
        assert given["name"] == routine.name and ids == [e.id for e in routine.exercises]
        for levels in itertools.product(rules["ladder"], repeat=len(ids)):
            versions = dict(zip(ids, levels, strict=True))
            whole = routine_plan(routine, versions=versions)
            phases = [phase for n, ident in enumerate(ids)
                      for phase in ([pieces[ident]["changeover"]] if n else [])
                      + pieces[ident]["levels"][versions[ident]]]
            assert {"name": routine.name, "routine": True, "phases": phases} == whole.to_json()
            seconds = sum(phase["seconds"] for phase in phases)
            assert math.ceil(seconds / 60) == routine_minutes(routine, versions=versions)


def test_the_script_ships_with_the_package() -> None:
    assert PLAN_SCRIPT.is_file() and "ThoracicPlan" in PLAN_SCRIPT.read_text("utf-8")

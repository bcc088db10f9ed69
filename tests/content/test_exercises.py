from __future__ import annotations

import re
import tomllib
from importlib import resources
from typing import Any

import pytest

from thoracic import get_exercise
from thoracic.content import Dose, ExerciseDataError, load_exercises, parse_exercises

EXPECTED_IDS = ["foam-roller-extension", "childs-pose", "kneeling-thoracic-extension",
                "open-book", "prone-y-raise"]


def _raw_document() -> dict[str, Any]:
    text = resources.files("thoracic.content").joinpath("data/exercises.toml").read_text("utf-8")
    return tomllib.loads(text)


def _raw_records() -> list[dict[str, Any]]:
    return _raw_document()["exercise"]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, float) and value != value:
        return "nan"
    if isinstance(value, float) and value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return repr(value)


def _to_toml(records: list[dict[str, Any]]) -> str:
    """Just enough TOML writing to rebuild the exercise file with one field changed (the
    shared [common] part as it is)."""
    out = ["[common]"]
    out.extend(f"{key} = {_toml_value(value)}" for key, value in _raw_document()["common"].items())
    for record in records:
        out.append("[[exercise]]")
        for key, value in record.items():
            if key not in ("dose", "form_cues", "variations"):
                out.append(f"{key} = {_toml_value(value)}")
        for cue in record.get("form_cues", []):
            out.append("[[exercise.form_cues]]")
            out.extend(f"{key} = {_toml_value(value)}" for key, value in cue.items())
        if "dose" in record:
            out.append("[exercise.dose]")
            out.extend(f"{key} = {_toml_value(value)}" for key, value in record["dose"].items())
        for name, changes in record.get("variations", {}).items():
            out.append(f"[exercise.variations.{name}]")
            out.extend(f"{key} = {_toml_value(value)}" for key, value in changes.items())
    return "\n".join(out) + "\n"


def _parse_with(change) -> None:
    records = _raw_records()
    change(records)
    parse_exercises(_to_toml(records))


def test_the_five_exercises_load_in_course_order() -> None:
    assert [exercise.id for exercise in load_exercises()] == EXPECTED_IDS


def test_records_round_trip_through_the_test_toml_writer() -> None:
    assert parse_exercises(_to_toml(_raw_records())) == load_exercises()


@pytest.mark.parametrize("exercise_id", EXPECTED_IDS)
def test_every_record_is_complete(exercise_id: str) -> None:
    exercise = get_exercise(exercise_id)
    assert exercise.notebook.endswith(exercise_id)
    assert len(exercise.setup) >= 2 and len(exercise.steps) >= 2
    assert 4 <= len(exercise.form_cues) <= 8
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", cue.id) for cue in exercise.form_cues)
    assert exercise.common_mistakes and exercise.skip_or_modify and exercise.stop_if


def test_every_exercise_stops_on_the_shared_rules_first() -> None:
    shared = tuple(_raw_document()["common"]["stop_if"])
    for exercise in load_exercises():
        assert exercise.stop_if[:len(shared)] == shared
    text = " ".join(shared).lower()
    for words in ("arm or a leg", "chest pain", "short of breath", "dizzy"):
        assert words in text


def test_data_without_the_common_part_is_refused_with_a_reason() -> None:
    records = _raw_records()
    text = _to_toml(records).replace("[common]", "[commons]")
    with pytest.raises(ExerciseDataError, match=r"no \[common\] table"):
        parse_exercises(text)


def test_doses_follow_the_sources() -> None:
    # ACSM 2021: holds of 10-30 s; Garber 2011: 2-4 repetitions, about 60 s per stretch.
    childs_pose = get_exercise("childs-pose").dose
    assert childs_pose.style == "hold"
    assert 10 <= childs_pose.work_seconds <= 30
    assert 2 <= childs_pose.reps <= 4
    assert 50 <= childs_pose.reps * childs_pose.work_seconds <= 90
    # ACSM 2021: older adults may hold 30-60 s.
    assert 30 <= get_exercise("childs-pose").doses["longer-holds"].work_seconds <= 60
    for exercise_id in ("foam-roller-extension", "kneeling-thoracic-extension", "open-book",
                        "prone-y-raise"):
        dose = get_exercise(exercise_id).dose
        assert dose.style == "reps"
        assert 4 <= dose.work_seconds <= 6  # slow, controlled, one breath each
        assert dose.total_seconds <= 180
    # Garber 2011, strength: 8-12 reps (10-15 lighter ones when starting out or older).
    strength = get_exercise("prone-y-raise")
    assert 8 <= strength.dose.reps <= 12
    assert 10 <= strength.doses["easier"].reps <= 15


def test_unknown_exercise_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="Known exercises: foam-roller-extension, childs-pose"):
        get_exercise("cobra")


@pytest.mark.parametrize("field", ["purpose", "steps", "breathing", "easier", "dose"])
def test_missing_field_names_exercise_and_field(field: str) -> None:
    with pytest.raises(ExerciseDataError) as caught:
        _parse_with(lambda records: records[1].pop(field))
    assert str(caught.value) == (
        f"In exercise 'childs-pose', field '{field}' is missing. "
        "Fix it in thoracic/data/exercises.toml.")


@pytest.mark.parametrize(
    ("exercise", "field", "value", "problem"),
    [
        (1, "hold_seconds", -5, "must be a positive, finite number of seconds, got -5"),
        (1, "hold_seconds", 0, "must be a positive, finite number of seconds, got 0"),
        (1, "hold_seconds", float("nan"), "must be a positive, finite number of seconds, got nan"),
        (1, "hold_seconds", float("inf"), "must be a positive, finite number of seconds, got inf"),
        (1, "hold_seconds", "thirty", "must be a number of seconds, got 'thirty'"),
        (1, "hold_seconds", True, "must be a number of seconds, got True"),
        (0, "out_seconds", -1.5, "must be a positive, finite number of seconds, got -1.5"),
        (0, "pause_seconds", -1, "must be zero or a positive, finite number of seconds, got -1"),
        (1, "move_seconds", 0, "must be a positive, finite number of seconds, got 0"),
        (0, "reps", 0, "must be at least 1, got 0"),
        (0, "sets", -2, "must be at least 1, got -2"),
        (0, "reps", 2.5, "must be a whole number, got 2.5"),
        (0, "rest_seconds", -10, "must be zero or a positive, finite number of seconds, got -10"),
        (0, "rest_seconds", "ten", "must be a number of seconds, got 'ten'"),
        (0, "per_side", "yes", "must be true or false, got 'yes'"),
        (0, "style", "stretch", "must be 'hold' or 'reps', got 'stretch'"),
    ],
)
def test_nonsensical_dose_is_rejected(exercise: int, field: str, value: Any, problem: str) -> None:
    def change(records: list[dict[str, Any]]) -> None:
        records[exercise]["dose"][field] = value

    with pytest.raises(ExerciseDataError) as caught:
        _parse_with(change)
    name = EXPECTED_IDS[exercise]
    assert str(caught.value) == (
        f"In exercise '{name}', field 'dose.{field}' {problem}. "
        "Fix it in thoracic/data/exercises.toml.")


def test_dose_of_the_wrong_style_is_rejected() -> None:
    def change(records: list[dict[str, Any]]) -> None:
        records[1]["dose"]["out_seconds"] = 3

    with pytest.raises(ExerciseDataError, match=r"'dose\.out_seconds' does not belong to a 'hold'"):
        _parse_with(change)

    def old_style(records: list[dict[str, Any]]) -> None:
        records[0]["dose"]["rep_seconds"] = 4

    with pytest.raises(ExerciseDataError, match=r"a rep's length is out_seconds \+ pause"):
        _parse_with(old_style)


def test_a_rep_too_short_for_one_calm_breath_is_rejected() -> None:
    def change(records: list[dict[str, Any]]) -> None:
        records[2]["dose"].update(out_seconds=1.5, back_seconds=1.5)

    with pytest.raises(ExerciseDataError, match=r"makes a rep of 3 s; one slow breath goes with "
                                                r"each rep, so a rep needs at least 4 s"):
        _parse_with(change)

    def quick_variation(records: list[dict[str, Any]]) -> None:
        records[2]["variations"]["harder"] = {"out_seconds": 1}

    with pytest.raises(ExerciseDataError, match=r"'variations\.harder\.out_seconds' with"):
        _parse_with(quick_variation)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r[0]["variations"].update(gentler={"reps": 2}),
         r"'variations\.gentler' is not a variation the timer knows \(easier, harder, longer"),
        (lambda r: r[0]["variations"]["easier"].update(style="hold"),
         r"'variations\.easier\.style' cannot change in a variation"),
        (lambda r: r[0]["variations"]["easier"].update(reps=0),
         r"'variations\.easier\.reps' must be at least 1"),
        (lambda r: r[0]["variations"].update({"longer-holds": {"reps": 2}}),
         r"'variations\.longer-holds' only fits an exercise you hold still"),
        (lambda r: r[1].pop("longer_holds"),
         r"'longer_holds' and variations\.longer-holds go together"),
        (lambda r: r[0]["dose"].pop("warm_up"),
         r"'dose\.warm_up' and warm_up_seconds go together"),
    ],
)
def test_bad_variations_are_rejected(change: Any, message: str) -> None:
    with pytest.raises(ExerciseDataError, match=message):
        _parse_with(change)


def test_variations_change_only_the_numbers_they_name() -> None:
    roller = get_exercise("foam-roller-extension")
    easier = roller.doses["easier"]
    assert (easier.reps, easier.sets) == (4, 2)
    assert (easier.tempo, easier.rest_seconds, easier.warm_up) == (
        roller.dose.tempo, roller.dose.rest_seconds, roller.dose.warm_up)
    assert list(get_exercise("childs-pose").doses) == [
        "standard", "easier", "harder", "longer-holds", "chair"]


def test_dose_over_an_hour_is_rejected() -> None:
    def change(records: list[dict[str, Any]]) -> None:
        records[0]["dose"].update(reps=100, sets=20)

    with pytest.raises(ExerciseDataError, match=r"adds up to \d+ s, more than one hour"):
        _parse_with(change)


def test_empty_text_and_bad_lists_are_rejected() -> None:
    with pytest.raises(ExerciseDataError, match="field 'purpose' must be non-empty text"):
        _parse_with(lambda records: records[2].update(purpose="  "))
    with pytest.raises(ExerciseDataError, match="field 'steps' must be a non-empty list"):
        _parse_with(lambda records: records[2].update(steps=[]))
    with pytest.raises(ExerciseDataError, match=r"'form_cues\[0\]\.id' is missing"):
        _parse_with(lambda records: records[2]["form_cues"][0].pop("id"))


def test_record_without_id_is_named_by_position() -> None:
    with pytest.raises(ExerciseDataError, match="In exercise number 2, field 'id' is missing"):
        _parse_with(lambda records: records[1].pop("id"))


def test_duplicate_ids_are_rejected() -> None:
    def change(records: list[dict[str, Any]]) -> None:
        records[2]["id"] = records[0]["id"]

    with pytest.raises(ExerciseDataError, match="used twice: foam-roller-extension"):
        _parse_with(change)

    def repeat_cue(records: list[dict[str, Any]]) -> None:
        records[0]["form_cues"][1]["id"] = records[0]["form_cues"][0]["id"]

    with pytest.raises(ExerciseDataError, match="'form_cues' repeats the id"):
        _parse_with(repeat_cue)


def test_broken_toml_is_reported() -> None:
    with pytest.raises(ExerciseDataError, match="not valid TOML"):
        parse_exercises("[[exercise]\nid = ")
    with pytest.raises(ExerciseDataError, match="no \\[\\[exercise\\]\\] records"):
        parse_exercises("title = 'nothing here'\n")


def test_dose_total_and_description() -> None:
    holds = Dose(style="hold", reps=2, sets=1, rest_seconds=15, per_side=False, hold_seconds=30)
    assert holds.total_seconds == 75
    assert holds.describe() == "2 holds of 30 s, 15 s rest between holds"
    reps = Dose(style="reps", reps=8, sets=2, rest_seconds=30, per_side=True, rep_seconds=3)
    assert reps.total_seconds == 2 * (2 * 24 + 30) + 5  # and 5 s to change sides
    assert reps.describe() == (
        "2 sets of 8 slow reps on each side, about 3 s each, 30 s rest between sets")

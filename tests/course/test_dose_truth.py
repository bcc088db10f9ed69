"""One dose truth: for every exercise, the record, the timer, the animation and the words
agree.

The record (``data/exercises.toml``) is the truth. The timer's plans and the animation's
pace are built from it; the words are written by hand, so this test reads every figure in
them ("2 seconds", "6 reps", "3 sets", "2 holds") and checks it against the record. A
sentence that cites a source ("ACSM guidelines, 2021") quotes the source's figures, not
ours, and is left out.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from thoracic.content import (
    BREATH_SECONDS,
    DAILY_ROUTINE_MINUTES,
    Dose,
    Exercise,
    get_routine,
    load_exercises,
    load_progression,
)
from thoracic.figures import movement_animation
from thoracic.figures._animation import loop_seconds
from thoracic.timer import GET_READY_SECONDS, plan_for_exercise, routine_plan

EXERCISES = load_exercises()
IDS = [exercise.id for exercise in EXERCISES]
_FIGURE = re.compile(r"\b(\d+(?:\.\d+)?)(?:-second)? (?:slow )?(seconds?|reps?|sets?|holds?)\b")
_CITES = re.compile(r"\(.*\d{4}.*\)|\bACSM\b|Garber|Thomas and|Gross and|Osteoporosis Canada")


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?:])\s+|\n+", text) if part.strip()]


def _figures(text: str) -> list[tuple[float, str]]:
    """(number, unit) for every dose figure in sentences that do not cite a source."""
    found = []
    for sentence in _sentences(text):
        if _CITES.search(sentence):
            continue
        for number, unit in _FIGURE.findall(sentence):
            found.append((float(number), unit.rstrip("s")))
    return found


def _allowed(doses: list[Dose]) -> dict[str, set[float]]:
    seconds: set[float] = set()
    reps: set[float] = set()
    sets: set[float] = set()
    holds: set[float] = set()
    for dose in doses:
        seconds |= {dose.rest_seconds, dose.warm_up_seconds, dose.work_seconds,
                    GET_READY_SECONDS}
        seconds |= {part for part in dose.movement_seconds if part}
        sets.add(dose.sets)
        (holds if dose.style == "hold" else reps).add(dose.reps)
        if dose.per_side:
            reps.add(dose.reps)  # "6 more" on the other side is said as reps too
    return {"second": seconds, "rep": reps, "set": sets, "hold": holds}


def _check(text: str, doses: list[Dose], where: str) -> None:
    allowed = _allowed(doses)
    for number, unit in _figures(text):
        assert number in allowed[unit], (
            f"{where} says {number:g} {unit}(s), but the record has {sorted(allowed[unit])}")


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_record_s_own_words_agree_with_its_dose(exercise: Exercise) -> None:
    standard = [exercise.dose]
    for field in ("setup", "steps", "common_mistakes"):
        _check(" ".join(getattr(exercise, field)), standard, f"{exercise.id}.{field}")
    for field in ("breathing", "dose_reason", "purpose"):
        _check(getattr(exercise, field), standard, f"{exercise.id}.{field}")
    _check(" ".join(cue.text for cue in exercise.form_cues), standard, f"{exercise.id} cues")
    for key, dose in exercise.variations.items():
        text = exercise.variation_text(key)
        _check(text, [dose], f"{exercise.id} {key} variation")
        assert _figures(text) or _CITES.search(text), (
            f"{exercise.id}: the {key} words should say its numbers, as the timer's choice does")


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_timer_runs_each_version_of_the_record_s_dose(exercise: Exercise) -> None:
    for version, dose in exercise.doses.items():
        plan = plan_for_exercise(exercise, version=version)
        work = [phase for phase in plan.phases if phase.kind in ("hold", "reps")]
        sides = 2 if dose.per_side else 1
        if dose.style == "reps":
            assert len(work) == dose.sets * sides
            assert {(p.rep_seconds, p.rep_count) for p in work} == {(dose.rep_seconds, dose.reps)}
        else:
            assert len(work) == dose.sets * dose.reps * sides
            assert {p.seconds for p in work} == {dose.hold_seconds}
        assert plan.total_seconds - plan.phases[0].seconds == pytest.approx(dose.total_seconds)


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_animation_moves_at_the_record_s_pace(exercise: Exercise) -> None:
    html = movement_animation(exercise.id).html
    durations = set(re.findall(r'dur="([\d.]+)s"', html))
    assert durations == {f"{loop_seconds(exercise.dose):g}"}
    if exercise.dose.style == "reps":
        assert loop_seconds(exercise.dose) == exercise.dose.rep_seconds
    # keyTimes: the way there ends at out / loop, the way back starts after the pause.
    there, pause, back, _ = exercise.dose.movement_seconds
    key_times = [float(v) for v in re.search(r'keyTimes="([^"]+)"', html)[1].split(";")]
    total = sum(exercise.dose.movement_seconds)
    assert there / total == pytest.approx(key_times[len(key_times) // 2 - 1], abs=1e-4)
    assert (there + pause) / total == pytest.approx(key_times[len(key_times) // 2], abs=1e-4)
    caption = re.search(r"<figcaption>(.*?)</figcaption>", html)[1]
    _check(caption.replace("&#x27;", "'"), [exercise.dose], f"{exercise.id} caption")
    assert back > 0


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_one_breathing_rule_for_every_exercise(exercise: Exercise) -> None:
    """Out into the stretch or effort, in on the way back, never held; time for it."""
    breathing = exercise.breathing
    assert breathing.startswith("Breathe out as you"), breathing
    assert "Breathe in as you" in breathing
    assert "never hold your breath" in breathing or "keep breathing" in breathing
    for dose in exercise.doses.values():
        if dose.style == "reps":
            assert dose.rep_seconds is not None and dose.rep_seconds >= BREATH_SECONDS


@pytest.mark.parametrize("exercise", [e for e in EXERCISES if e.dose.style == "reps"],
                         ids=[e.id for e in EXERCISES if e.dose.style == "reps"])
def test_the_hold_rule_is_not_stretched_to_moving_reps(exercise: Exercise) -> None:
    """ACSM's and Garber's "about 60 seconds per stretch" is time spent holding still."""
    assert "60 seconds" not in exercise.dose_reason
    assert "not a stretch you hold still" in exercise.dose_reason or (
        "strength" in exercise.dose_reason)


def _markdown(notebook: Path) -> str:
    cells = json.loads(notebook.read_text("utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")


@pytest.mark.parametrize("exercise", EXERCISES, ids=IDS)
def test_the_exercise_notebook_says_the_record_s_figures(exercise: Exercise,
                                                         notebooks_dir: Path) -> None:
    text = _markdown(notebooks_dir / f"{exercise.notebook}.ipynb")
    _check(text, list(exercise.doses.values()), f"{exercise.notebook}.ipynb")


def test_the_daily_routine_fits_in_ten_minutes_and_the_words_say_how_long() -> None:
    plan = routine_plan("daily")
    assert plan.total_seconds < DAILY_ROUTINE_MINUTES * 60
    assert len(get_routine("strength-day").exercise_ids) > len(get_routine("daily").exercise_ids)


def test_notebooks_give_the_routines_true_length(notebooks_dir: Path) -> None:
    minutes = {routine: round(routine_plan(routine).total_seconds / 60)
               for routine in ("daily", "strength-day")}
    said = 0
    for notebook in sorted(notebooks_dir.glob("*.ipynb")):
        for sentence in _sentences(_markdown(notebook)):
            # "The routine takes about 9 minutes", "The routine in [08](...) takes about 9
            # minutes": any sentence about a routine and how long it takes.
            match = re.search(r"takes about (\d+) minutes", sentence)
            if match and "routine" in sentence.lower():
                said += 1
                routine = "strength-day" if "longer" in sentence.lower() else "daily"
                assert int(match[1]) == minutes[routine], (notebook.name, sentence)
    assert said >= 2


def test_notebooks_aim_for_the_plan_s_days_a_week(notebooks_dir: Path) -> None:
    """How often lives in the plan's record; every "aims for N days a week" says it."""
    targets = load_progression().targets
    said = 0
    for notebook in sorted(notebooks_dir.glob("*.ipynb")):
        for sentence in _sentences(_markdown(notebook)):
            for match in re.finditer(r"aims? for \**(\d+) days a week", sentence):
                said += 1
                assert int(match[1]) == targets["mobility"], (notebook.name, sentence)
            strength = re.search(r"\**(\d+) days\** for \[?strength work", sentence)
            if strength:
                said += 1
                assert int(strength[1]) == targets["strength"], (notebook.name, sentence)
    assert said >= 5


def test_the_wall_angel_table_in_the_notebook_is_the_record_s_scores(notebooks_dir: Path) -> None:
    from thoracic.content import get_self_test, notebook_by_slug

    levels = get_self_test("wall-angel").levels
    text = _markdown(notebooks_dir / notebook_by_slug("mobilization-benefits").filename)
    rows = re.findall(r"^\| (\d) \| (.+?) \|$", text, flags=re.M)
    assert rows == [(str(score), words) for score, words in enumerate(levels)]

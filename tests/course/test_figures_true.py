"""Every figure the course states is true, and every safety fact lives in one record.

The notebooks' prose and stored outputs are read against the records: counts of
notebooks and exercises, routine lengths, the clearance window, the plan's weekly aim and
its step-up rule, the stored timer previews, the red flags (said only by the safety
record) and the sources (no retired guideline, no claim a source does not make).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import thoracic
from thoracic.content import (
    CLEARANCE_DAYS,
    COURSE,
    DISCOMFORT_SCALE,
    RED_FLAGS,
    SELF_TESTS,
    URGENCIES,
    load_exercises,
    load_glossary,
    load_progression,
)
from thoracic.progress import device_rules
from thoracic.timer import format_seconds, plan_for_exercise, routine_plan

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
LIBRARY = Path(thoracic.__file__).parent
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13}
RULES = load_progression()


def _number(word: str) -> int:
    return int(word) if word.isdigit() else WORDS[word.lower()]


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text("utf-8"))["cells"]


def _markdown(path: Path) -> str:
    return "\n".join("".join(cell["source"]) for cell in _cells(path)
                     if cell["cell_type"] == "markdown").replace("**", "")


def _outputs(path: Path) -> str:
    parts = []
    for cell in _cells(path):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            parts.append(data.get("text/plain", "") if isinstance(data.get("text/plain"), str)
                         else "".join(data.get("text/plain", [])))
    return "\n".join(parts)


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"(?<=[.!?])\s+|\n+", text) if part.strip()]


NOTEBOOK_PATHS = sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
ALL_TEXT = {path.name: _markdown(path) + "\n" + _outputs(path) for path in NOTEBOOK_PATHS}


def test_counts_of_notebooks_and_exercises_are_the_records(notebook_text) -> None:
    said = 0
    for name, text in ALL_TEXT.items():
        for word in re.findall(r"\b(\w+) short notebooks\b", text):
            assert _number(word) == len(COURSE), name
            said += 1
        for word in re.findall(r"\b(\w+) (?:gentle )?(?:exercises|moves), one per notebook|"
                               r"\b(\w+) gentle (?:exercises|moves)\b", text):
            count = next(part for part in word if part)
            assert _number(count) == len(load_exercises()), name
            said += 1
        assert not re.search(r"\bthree (?:home |gentle )?(?:exercises|moves)\b", text,
                             re.IGNORECASE), name
    assert said >= 3


def test_every_routine_length_said_anywhere_is_the_routine_s(notebook_text) -> None:
    minutes = {routine: round(routine_plan(routine).total_seconds / 60)
               for routine in ("daily", "strength-day")}
    said = 0
    for name, text in ALL_TEXT.items():
        for sentence in _sentences(text):
            if "routine" not in sentence.lower():
                continue
            for number in re.findall(r"about (\d+) minutes", sentence):
                routine = "strength-day" if "longer" in sentence.lower() else "daily"
                assert int(number) == minutes[routine], (name, sentence)
                said += 1
    assert said >= 3


def test_the_kinds_of_progress_said_are_the_store_s() -> None:
    """My progress lists what the course keeps: one numbered item for each kind of record
    the store keeps and a progress file holds, and the count it gives is theirs."""
    kinds = device_rules()["kinds"]
    text = ALL_TEXT["12-my-progress.ipynb"]
    (count,) = re.findall(r"saves (\w+) kinds of things", text)
    assert _number(count) == len(kinds)
    listed = re.findall(r"^(\d+)\. Your ([\w -]+)\.", text, re.MULTILINE)
    assert [int(number) for number, _ in listed] == list(range(1, len(kinds) + 1))
    said = {"sessions": "practice log", "checklist_ticks": "checklists",
            "self_tests": "self-test results", "next_day_checks": "next-day answers",
            "quiz_answers": "quiz answers"}
    assert sorted(said[kind] for kind in kinds) == sorted(words for _, words in listed)


@pytest.mark.parametrize(("said", "truth"), [
    (r"\b(\w+) (?:simple )?self-tests\b", len(SELF_TESTS)),
    (r"\b(\w+) zones\b", len(DISCOMFORT_SCALE.zones)),
    (r"\bin (\w+) groups\b", len(URGENCIES)),  # the red flags, by how soon to get help
])
def test_counted_things_are_the_records_count(said: str, truth: int) -> None:
    found = [(name, word) for name, text in ALL_TEXT.items()
             for word in re.findall(said, text, re.IGNORECASE) if word.lower() in WORDS]
    assert found
    assert all(_number(word) == truth for _, word in found), found


def test_the_clearance_window_said_is_the_record_s() -> None:
    text = ALL_TEXT["00-start-here.ipynb"]
    assert f"after {CLEARANCE_DAYS} days" in text


def test_the_weekly_aim_said_is_the_plan_s() -> None:
    for name, text in ALL_TEXT.items():
        for number in re.findall(r"aims? for (\d+) days a week", text):
            assert int(number) == RULES.targets["mobility"], name


def test_one_story_of_when_the_dose_steps_up() -> None:
    vague = re.compile(r"few days in a row|few easy days|easy for a week|for two weeks|"
                       r"couple of weeks, try|weeks 1 and 2|use the easier versions",
                       re.IGNORECASE)
    for name, text in ALL_TEXT.items():
        assert not vague.search(text), (name, vague.search(text))
        for number in re.findall(r"after (\d+) complete sessions", text, re.IGNORECASE):
            assert int(number) == RULES.step_up_sessions, name


@pytest.mark.parametrize("exercise", load_exercises(), ids=lambda e: e.id)
def test_stored_timer_previews_show_the_standard_dose_or_say_example(exercise) -> None:
    path = NOTEBOOKS / f"{exercise.notebook}.ipynb"
    previews = [re.sub(r"<[^>]+>", " ", "".join(output["data"]["text/html"]))
                for cell in _cells(path) if "exercise_timer(" in "".join(cell["source"])
                for output in cell.get("outputs", []) if "text/html" in output.get("data", {})]
    standard = format_seconds(plan_for_exercise(exercise).total_seconds)
    assert previews, exercise.notebook
    for preview in previews:
        assert "EXAMPLE" in preview or f"{standard} in all" in preview, preview


# Words only a red flag uses: none of them may appear in prose outside the safety record.
FLAG_WORDS = ("saddle", "bladder", "bowel", "tearing", "ripping", "coughing up blood",
              "fever", "lost weight", "inject drugs", "steroid", "clumsy",
              "had cancer", "under 20", "over 50", "unsteady walking", "second half of the night")


def _prose_outside_the_record() -> dict[str, str]:
    texts = {path.name: _markdown(path) for path in NOTEBOOK_PATHS}
    texts["README.md"] = (ROOT / "README.md").read_text("utf-8")
    texts["glossary"] = " ".join(term.definition for term in load_glossary())
    return texts


@pytest.mark.parametrize("word", FLAG_WORDS)
def test_only_the_safety_record_states_the_red_flags(word: str) -> None:
    assert any(word in flag.text.lower() for flag in RED_FLAGS), word
    for name, text in _prose_outside_the_record().items():
        assert word not in text.lower(), (name, word)


def test_places_that_speak_of_red_flags_point_to_the_safety_check() -> None:
    for name, text in _prose_outside_the_record().items():
        for sentence in _sentences(text):
            if "red flag" in sentence.lower() and "before you exercise" in sentence.lower():
                raise AssertionError(f"{name} flattens the urgencies: {sentence}")
    glossary = next(t for t in load_glossary() if t.id == "red-flag").definition
    assert "safety check" in glossary and "how soon" in glossary


def _library_text() -> str:
    files = [*LIBRARY.rglob("*.py"), *LIBRARY.rglob("*.toml"), *LIBRARY.rglob("*.js")]
    return "\n".join(path.read_text("utf-8") for path in files)


@pytest.mark.parametrize("claim", [
    "CG88",  # replaced by NICE NG59 in 2016
    "T4 to T7",  # the NHS page does not say it
    "above 0.93",  # a reliability figure with no source
    "start below your last dose",  # not in ACSM
    "111 in the UK",  # 111 is an emergency number in New Zealand
    "Call emergency services",  # name the number, and say not to drive
])
def test_no_claim_a_source_does_not_make(claim: str) -> None:
    everything = "\n".join(ALL_TEXT.values()) + _library_text()
    everything = everything.replace("NHS 111 in the UK", "")
    assert claim not in everything


def test_six_degrees_is_said_only_as_trained_examiners_measured_it() -> None:
    for name, text in ALL_TEXT.items():
        for sentence in _sentences(text):
            if re.search(r"\b6 degrees", sentence):
                assert "trained examiners" in sentence, (name, sentence)


@pytest.mark.parametrize("routine", ["daily", "strength-day"])
def test_stored_routine_previews_show_the_standard_dose_or_say_example(routine: str) -> None:
    path = NOTEBOOKS / "08-daily-routine.ipynb"
    call = f'routine_timer("{routine}")' if routine != "daily" else "routine_timer()"
    previews = [re.sub(r"<[^>]+>", " ", "".join(output["data"]["text/html"]))
                for cell in _cells(path) if call in "".join(cell["source"])
                for output in cell.get("outputs", []) if "text/html" in output.get("data", {})]
    standard = format_seconds(routine_plan(routine).total_seconds)
    assert previews
    for preview in previews:
        assert "EXAMPLE" in preview or f"{standard} in all" in preview, preview

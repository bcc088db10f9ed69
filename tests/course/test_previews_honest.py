"""What a stored notebook shows before its cells run never claims something the learner
has not got: no answer of theirs, no ticks of theirs, and no dose but the standard one
unless it says EXAMPLE (issue 23, finding 6)."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from thoracic import COURSE
from thoracic.content import load_exercises

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _outputs(name: str) -> list[str]:
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            shown.append(f"{data.get('text/plain', '')}\n{data.get('text/html', '')}")
    return shown


@pytest.mark.parametrize("name", [info.filename for info in COURSE])
def test_no_preview_claims_an_answer_or_ticks(name: str) -> None:
    for shown in _outputs(name):
        assert "Your answer today" not in shown
        assert "☑" not in shown  # a ticked box in a preview
        assert 'aria-checked="true"' not in shown and "checked>" not in shown


@pytest.mark.parametrize("name", [info.filename for info in COURSE])
def test_no_dose_but_the_standard_one_unless_it_says_example(name: str) -> None:
    others = {dose.describe(): (exercise.name, level) for exercise in load_exercises()
              for level, dose in exercise.doses.items()
              if level != "standard" and dose.describe() != exercise.doses["standard"].describe()}
    for shown in _outputs(name):
        for words, (exercise, level) in others.items():
            if words in shown:
                assert "EXAMPLE" in shown, f"{name}: {exercise}'s {level} dose shown as yours"

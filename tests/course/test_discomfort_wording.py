"""One discomfort scale everywhere: the notebooks say the zones' words and numbers as the
record has them, and the code that shows ratings takes them from the record rather than
typing them again."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

import thoracic
from thoracic.content import DISCOMFORT_SCALE

LIBRARY = Path(thoracic.__file__).parent
# Everything that asks for or shows a rating or a next-day answer, apart from the record.
SHOWS_THE_SCALE = ["practice/_rating.py", "practice/_dashboard.py", "practice/_next_day.py",
                   "ui/_discomfort.py"]
NOTEBOOKS = Path(thoracic.__file__).parents[2] / "notebooks"
# The notebooks that talk about how much it should hurt, by slug (numbers may change).
TALKS_ABOUT_IT = ["start-here", "introduction", "faq", "my-progress"]

ZONE_WORDS = re.compile(r"\b(green|amber|red|yellow|orange)\b", re.IGNORECASE)
# A span of numbers ("0 to 2", "3-5"), but not of notebooks ("notebooks 03 to 06").
RANGE = re.compile(r"(?<!notebooks )\b\d+\s*(?:to|-|\u2013)\s*\d+\b")
OLD_SCALE = re.compile(r"\b\d+\s+(?:or|to)\s+\d+\s+out\s+of\s+10\b|\bout of 10 at most\b",
                       re.IGNORECASE)
# "**amber** zone (3 to 5, stay at this dose)", "**Red** (6 to 10)": a zone with its numbers.
ZONE_MENTION = re.compile(r"\b(green|amber|red)\b(?:\s+zone)?\s*\((\d+) to (\d+)(?:, ([^)]*))?\)",
                          re.IGNORECASE)
ANY_SPAN = re.compile(r"\((\d+) to (\d+)\b")


def _strings(path: Path) -> list[str]:
    """The string literals of a module, without its docstrings."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in docstrings]


@pytest.mark.parametrize("module", SHOWS_THE_SCALE)
def test_the_code_takes_zone_words_and_numbers_from_the_record(module: str) -> None:
    strings = _strings(LIBRARY / module)
    typed = [text for text in strings if ZONE_WORDS.search(text) or RANGE.search(text)
             or "out of 10" in text]
    assert not typed, f"{module} types zone words or numbers itself: {typed}"
    for zone in DISCOMFORT_SCALE.zones:
        for words in (zone.label, zone.advice):
            assert not any(words.lower() in text.lower() for text in strings), (module, words)


def test_the_rating_form_types_no_number_of_the_scale() -> None:
    tree = ast.parse((LIBRARY / "practice" / "_rating.py").read_text("utf-8"))
    numbers = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
               and isinstance(node.value, int) and not isinstance(node.value, bool)}
    assert numbers <= {0, 1}, numbers


def _notebook(slug: str) -> Path:
    (path,) = NOTEBOOKS.glob(f"[0-9][0-9]-{slug}.ipynb")
    return path


def _markdown(slug: str) -> str:
    """A notebook's markdown, without bold marks."""
    cells = nbformat.read(_notebook(slug), as_version=4).cells
    text = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    return text.replace("**", "")


@pytest.mark.parametrize("slug", TALKS_ABOUT_IT)
def test_the_notebooks_say_the_zones_as_the_record_does(slug: str) -> None:
    text = _markdown(slug)
    assert not OLD_SCALE.findall(text), f"{slug} still uses another scale's words"
    assert not re.search(r"\b(yellow|orange)\s+zone", text, re.IGNORECASE)
    zones = {zone.name: zone for zone in DISCOMFORT_SCALE.zones}
    mentions = ZONE_MENTION.findall(text)
    for name, low, high, label in mentions:
        zone = zones[name.lower()]
        assert (int(low), int(high)) == (zone.lowest, zone.highest), (slug, name, low, high)
        assert not label or label == zone.label.lower(), (slug, name, label)
    # Every "(a to b" in these notebooks is a zone's numbers, said with the zone's name.
    assert len(ANY_SPAN.findall(text)) == len(mentions), slug


def test_the_faq_uses_the_zones_words_and_numbers() -> None:
    mentioned = {name.lower() for name, *_ in ZONE_MENTION.findall(_markdown("faq"))}
    assert mentioned == {zone.name for zone in DISCOMFORT_SCALE.zones}


def test_the_scale_is_explained_once_in_start_here() -> None:
    shown_in = []
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code" and "discomfort_scale()" in cell.source:
                shown_in.append(path)
    assert shown_in == [_notebook("start-here")]
    start = _markdown("start-here")
    assert "## One scale for discomfort" in start and "### The next-day check" in start
    assert "Did your pain stay worse the next day?" not in start


def test_my_progress_asks_the_next_day_check_and_explains_the_marks() -> None:
    cells = nbformat.read(_notebook("my-progress"), as_version=4).cells
    code = [cell.source for cell in cells if cell.cell_type == "code"]
    assert "from thoracic import next_day_check\n\nnext_day_check()" in code
    text = _markdown("my-progress")
    assert "green, amber and red" in text and "next-day answers" in text

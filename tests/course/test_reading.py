"""The course reads easily, claims nothing it cannot back, and every picture has words."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
import textstat

from thoracic import COURSE

MIN_READING_EASE = 60  # Flesch reading ease; 60-70 is plain English, 80+ easy
OVERCLAIMS = re.compile(
    r"\b(cures?|cured|guarantee[ds]?|guaranteeing|eliminates? (?:your |all )?pain|"
    r"permanent(?:ly)? fix(?:es)?|miracle|instant(?:ly)? relief|pain[- ]free for good|"
    r"never hurt again|100 ?%|fix(?:es)? your back|heals? your spine)\b", re.IGNORECASE)


def prose(path: Path) -> str:
    """A notebook's own words: markdown without markup, links' targets, code or tables."""
    cells = nbformat.read(path, as_version=4).cells
    parts = []
    for cell in cells:
        if cell.cell_type != "markdown" or cell.source.startswith("<!--"):
            continue
        text = re.sub(r"```.*?```", " ", cell.source, flags=re.DOTALL)
        text = re.sub(r"^\|.*\|$", " ", text, flags=re.MULTILINE)  # tables are not sentences
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # keep link text only
        text = re.sub(r"`[^`]*`", " ", text)
        text = re.sub(r"[#*_>]", " ", text)
        parts.append(text)
    return "\n".join(parts)


def reading_ease(text: str) -> float:
    return textstat.flesch_reading_ease(text)


@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
def test_each_notebook_is_easy_to_read(info, notebooks_dir: Path) -> None:
    score = reading_ease(prose(notebooks_dir / info.filename))
    assert score >= MIN_READING_EASE, f"{info.filename} reads at {score:.0f}; simplify it"


def test_a_hard_paragraph_would_fail_the_reading_test() -> None:
    hard = ("Contemporaneous musculoskeletal rehabilitation methodologies emphasise "
            "individualised, progressively periodised interventions incorporating "
            "proprioceptive neuromuscular facilitation alongside thoracolumbar "
            "mobilisation paradigms. ") * 5
    assert reading_ease(hard) < MIN_READING_EASE


def test_exercise_records_are_easy_to_read() -> None:
    from importlib import resources

    text = resources.files("thoracic.content").joinpath("data/exercises.toml").read_text("utf-8")
    strings = " ".join(re.findall(r'"([^"]{20,})"', text))
    assert reading_ease(strings) >= MIN_READING_EASE


@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
def test_no_medical_overclaims(info, notebook_text, notebooks_dir: Path) -> None:
    found = OVERCLAIMS.findall(notebook_text(notebooks_dir / info.filename))
    assert not found, f"{info.filename} overclaims: {found}"


@pytest.mark.parametrize("claim", ["This stretch cures back pain.", "Results guaranteed!",
                                   "It will eliminate pain for good.", "A permanent fix.",
                                   "Instant relief, 100% of the time."])
def test_the_overclaim_check_catches_overclaims(claim: str) -> None:
    assert OVERCLAIMS.search(claim)


def test_each_faq_answer_is_150_to_300_words_with_sources(notebooks_dir: Path) -> None:
    cells = nbformat.read(notebooks_dir / "11-faq.ipynb", as_version=4).cells
    answers = [cell.source for cell in cells if cell.cell_type == "markdown"
               and "**Sources:**" in cell.source]
    assert len(answers) == 5
    for answer in answers:
        body = answer.split("**Sources:**")[0]
        body = re.sub(r"^#+ .*$", "", body, flags=re.MULTILINE)
        words = len(re.findall(r"[A-Za-z0-9'\u2019-]+", body))
        assert 150 <= words <= 300, f"{words} words: {answer[:60]}"
        sources = answer.split("**Sources:**")[1]
        assert re.search(r"\b(19|20)\d\d\b", sources) or "no strong trials" in sources.lower()


@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
def test_every_picture_has_alt_text(info, notebooks_dir: Path) -> None:
    nb = nbformat.read(notebooks_dir / info.filename, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            assert not re.search(r"!\[\s*\]\(", cell.source), "markdown image without alt text"
            continue
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            assert "image/png" not in data or "text/html" in data, "bare PNG without alt text"
            html = data.get("text/html", "")
            for svg in re.findall(r"<svg [^>]*>", html):
                assert 'role="img"' in svg and re.search(r'aria-label="[^"]{20,}"', svg)
            for img in re.findall(r"<img [^>]*>", html):
                assert re.search(r'alt="[^"]+"', img)

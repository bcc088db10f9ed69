"""The stored notebooks: valid, complete, executed top to bottom, and free of bad habits."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager

from thoracic import COURSE
from thoracic.authoring import WIDGET_VIEW

DISCLAIMER = re.compile(r"education,? not medical advice", re.IGNORECASE)


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=nbformat.NO_CONVERT)


def test_folder_holds_exactly_the_course(notebooks_dir: Path) -> None:
    assert sorted(p.name for p in notebooks_dir.glob("*.ipynb")) == [
        info.filename for info in COURSE]


@pytest.mark.parametrize("info", COURSE, ids=lambda info: info.stem)
class TestEachNotebook:
    def test_is_valid_nbformat_4_5_with_python3_kernel(self, info, notebooks_dir: Path) -> None:
        nb = _read(notebooks_dir / info.filename)
        nbformat.validate(nb)
        assert (nb.nbformat, nb.nbformat_minor) >= (4, 5)
        assert nb.metadata.kernelspec.name == "python3"
        # Named as the installed kernel names itself, or JupyterLab marks it changed on open.
        installed = KernelSpecManager().get_kernel_spec("python3").display_name
        assert nb.metadata.kernelspec.display_name == installed
        ids = [cell.id for cell in nb.cells]
        assert all(ids) and len(set(ids)) == len(ids)

    def test_has_title_goals_and_key_points(self, info, notebooks_dir: Path) -> None:
        cells = _read(notebooks_dir / info.filename).cells
        title = cells[1].source
        assert title.startswith(f"# {info.number:02d} · {info.title}\n")
        headings = [line for cell in cells if cell.cell_type == "markdown"
                    for line in cell.source.splitlines() if line.startswith("## ")]
        # The goals come first (on a page to practise from, after its Do it now, so that
        # a phone shows the button on its first screen); the key points last.
        assert headings[0] == "## What you will learn"
        assert headings[-1] == "## Key points"

    def test_was_executed_top_to_bottom_without_errors(self, info, notebooks_dir: Path) -> None:
        # A cell added or edited without `make notebooks` breaks this sequence.
        code = [cell for cell in _read(notebooks_dir / info.filename).cells
                if cell.cell_type == "code"]
        assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1)), (
            f"{info.filename} is out of date: run 'make notebooks'.")
        for cell in code:
            for output in cell.outputs:
                assert output.output_type != "error", cell.source
                assert not (output.output_type == "stream" and output.name == "stderr"), (
                    f"warning or error text in {info.filename}: {output.text[:200]}")

    def test_stores_previews_not_widget_views(self, info, notebooks_dir: Path) -> None:
        """Before a cell runs (and on every later visit) a widget shows a preview; a stored
        widget view would say "model not found" once its kernel is gone."""
        nb = _read(notebooks_dir / info.filename)
        assert "widgets" not in nb.metadata
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                assert WIDGET_VIEW not in data, cell.source
                plain = data.get("text/plain", "")
                assert "children=(" not in plain and "VBox(" not in plain, plain[:120]
                if "Run this cell (Shift+Enter)" in plain:
                    assert "thoracic-preview" in data["text/html"]

    def test_uses_the_installed_library_only(self, info, notebooks_dir: Path) -> None:
        source = (notebooks_dir / info.filename).read_text("utf-8")
        assert "sys.path" not in source
        assert "time.sleep" not in source  # never block the kernel the timers run in
        code = "\n".join(cell.source for cell in _read(notebooks_dir / info.filename).cells
                         if cell.cell_type == "code")
        assert "def " not in code and "class " not in code, "logic belongs in lib/thoracic"


def test_disclaimer_is_said_once_in_start_here(notebooks_dir: Path, notebook_text) -> None:
    counts = {info.stem: len(DISCLAIMER.findall(notebook_text(notebooks_dir / info.filename)))
              for info in COURSE}
    assert counts.pop("00-start-here") >= 1
    assert set(counts.values()) == {0}


def test_safety_screen_comes_before_any_exercise(notebooks_dir: Path) -> None:
    cells = _read(notebooks_dir / COURSE[0].filename).cells
    sources = [cell.source for cell in cells]
    red_flags = next(i for i, s in enumerate(sources) if "safety_screen()" in s)
    first_exercise_link = next((i for i, s in enumerate(sources)
                                if re.search(r"\(0[3-5]-[a-z-]+\.ipynb\)", s)
                                and not s.startswith("<!--")), len(sources))
    assert red_flags < first_exercise_link


def test_every_page_you_practise_from_shows_the_red_flag_banner_first(
        notebooks_dir: Path) -> None:
    """A sign ticked in the safety check is shown above the first way to start practice
    (the "Do it now" button, a timer, a self-test, Today's buttons), on every page that
    has one: the routine's, the self-tests' and My progress too, as on the site's home."""
    starts = ("do_it_now(", "exercise_timer(", "routine_timer(", "self_test_form(",
              "todays_practice(")
    for info in COURSE:
        sources = [cell.source for cell in _read(notebooks_dir / info.filename).cells
                   if cell.cell_type == "code"]
        first = next((i for i, s in enumerate(sources) if any(x in s for x in starts)), None)
        if first is None:
            continue
        banner = next((i for i, s in enumerate(sources) if "red_flag_banner()" in s), None)
        assert banner is not None and banner < first, info.filename

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from thoracic import COURSE
from thoracic.authoring import (
    CONTENTS_MARKER,
    NAVIGATION_MARKER,
    NavigationError,
    update_navigation,
)
from thoracic.authoring._navigation import contents_text, navigation_text


@pytest.fixture
def course_copy(tmp_path: Path, notebooks_dir: Path) -> Path:
    for info in COURSE:
        shutil.copy(notebooks_dir / info.filename, tmp_path / info.filename)
    return tmp_path


def test_stored_navigation_is_current(notebooks_dir: Path) -> None:
    stale = update_navigation(notebooks_dir, check=True)
    assert stale == [], "Run 'make nav' (thoracic nav) and commit the notebooks."


def test_links_point_to_neighbours() -> None:
    first, middle, last = navigation_text(0), navigation_text(4), navigation_text(len(COURSE) - 1)
    assert "Previous" not in first and "(01-introduction.ipynb)" in first
    assert "(03-foam-roller-extension.ipynb)" in middle
    assert "(05-kneeling-thoracic-extension.ipynb)" in middle
    assert "Next" not in last and "(11-faq.ipynb)" in last
    assert all("(00-start-here.ipynb#Course-contents)" in text for text in (first, middle, last))


def test_contents_lists_every_notebook_in_order() -> None:
    lines = contents_text().splitlines()[1:]
    assert [line.split("](")[1].split(")")[0] for line in lines] == [
        info.filename for info in COURSE]


def test_stale_links_are_found_and_fixed(course_copy: Path) -> None:
    path = course_copy / COURSE[5].filename
    nb = nbformat.read(path, as_version=4)
    nb.cells[0].source = NAVIGATION_MARKER + "\n[Next](nowhere.ipynb)"
    nbformat.write(nb, path)
    before = path.read_bytes()

    assert update_navigation(course_copy, check=True) == [path]
    assert path.read_bytes() == before, "check mode must not write"
    assert update_navigation(course_copy) == [path]
    assert nbformat.read(path, as_version=4).cells[0].source == navigation_text(5)
    assert update_navigation(course_copy, check=True) == []


def test_cell_ids_survive_an_update(course_copy: Path) -> None:
    path = course_copy / COURSE[2].filename
    nb = nbformat.read(path, as_version=4)
    ids = [cell.id for cell in nb.cells]
    nb.cells[-1].source = NAVIGATION_MARKER
    nbformat.write(nb, path)
    update_navigation(course_copy)
    assert [cell.id for cell in nbformat.read(path, as_version=4).cells] == ids


def test_missing_marker_is_a_clear_error(course_copy: Path) -> None:
    path = course_copy / COURSE[3].filename
    nb = nbformat.read(path, as_version=4)
    nb.cells.pop()
    nbformat.write(nb, path)
    with pytest.raises(NavigationError, match=r"03-foam-roller-extension\.ipynb must start"):
        update_navigation(course_copy)


def test_missing_contents_cell_is_a_clear_error(course_copy: Path) -> None:
    path = course_copy / COURSE[0].filename
    nb = nbformat.read(path, as_version=4)
    nb.cells = [cell for cell in nb.cells if not cell.source.startswith(CONTENTS_MARKER)]
    nbformat.write(nb, path)
    with pytest.raises(NavigationError, match=re.escape(CONTENTS_MARKER)):
        update_navigation(course_copy)


def test_missing_notebook_is_a_clear_error(course_copy: Path) -> None:
    (course_copy / COURSE[9].filename).unlink()
    with pytest.raises(NavigationError, match=r"09-mobilization-benefits\.ipynb is missing"):
        update_navigation(course_copy)

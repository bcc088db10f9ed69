from __future__ import annotations

import shutil
from pathlib import Path

import nbformat

from thoracic import COURSE, show_glossary
from thoracic.authoring import link_first_uses
from thoracic.content import GLOSSARY_HEADING, load_glossary


def test_the_glossary_has_the_core_terms() -> None:
    ids = [term.id for term in load_glossary()]
    assert ids == ["thoracic", "kyphosis", "extension", "rotation", "mobility", "flexibility",
                   "red-flag", "prone", "strength-work"]
    html = show_glossary()._repr_html_()
    assert all(f'id="glossary-{ident}"' in html for ident in ids)


def test_introduction_shows_it_under_the_glossary_heading(notebooks_dir: Path) -> None:
    nb = nbformat.read(notebooks_dir / "01-introduction.ipynb", as_version=4)
    sources = [cell.source for cell in nb.cells]
    heading = next(i for i, s in enumerate(sources) if s.startswith("## Glossary"))
    assert "show_glossary()" in sources[heading + 1]


def test_first_uses_are_linked_in_the_stored_notebooks(notebooks_dir: Path) -> None:
    assert link_first_uses(notebooks_dir, check=True) == [], "run 'make nav'"
    linked = sum(nbformat.read(notebooks_dir / info.filename, as_version=4).cells[1:-1]
                 .__str__().count(GLOSSARY_HEADING) for info in COURSE)
    assert linked >= 20


def test_linking_is_idempotent_and_skips_code_headings_and_links(tmp_path: Path,
                                                                  notebooks_dir: Path) -> None:
    for info in COURSE:
        shutil.copy(notebooks_dir / info.filename, tmp_path / info.filename)
    path = tmp_path / "10-conclusion.ipynb"
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:  # remove the links, as if written fresh
        cell.source = cell.source.replace(f"]({GLOSSARY_HEADING})", "]").replace("[", "")
    nb.cells.insert(1, nbformat.v4.new_markdown_cell(
        "## Thoracic heading\n\nSee `thoracic` and [thoracic notes](x.ipynb). Then thoracic."))
    nbformat.write(nb, path)
    assert link_first_uses(tmp_path) == [path]
    source = nbformat.read(path, as_version=4).cells[1].source
    assert source == ("## Thoracic heading\n\nSee `thoracic` and [thoracic notes](x.ipynb). "
                      f"Then [thoracic]({GLOSSARY_HEADING}).")
    assert link_first_uses(tmp_path, check=True) == []

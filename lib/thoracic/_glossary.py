"""The glossary: a few words the course uses, explained once, linked from first use.

Terms live in ``data/glossary.toml``. ``show_glossary()`` renders them (in the
introduction notebook, under the "Glossary" heading). ``link_first_uses()`` makes the
first use of each term in every notebook a link to that heading; it is re-runnable and
runs with ``thoracic nav``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from html import escape
from importlib import resources
from pathlib import Path

import nbformat

from ._course import COURSE
from ._display import Rendered

__all__ = ["GLOSSARY_TARGET", "Term", "link_first_uses", "load_glossary", "show_glossary"]

GLOSSARY_TARGET = "01-introduction.ipynb#Glossary"
_MASK = re.compile(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|<[^>]+>|^#.*$", re.MULTILINE)


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    words: tuple[str, ...]
    definition: str


@cache
def load_glossary() -> tuple[Term, ...]:
    document = resources.files("thoracic").joinpath("data/glossary.toml").read_text("utf-8")
    raw = tomllib.loads(document).get("term", [])
    terms = []
    for entry in raw:
        try:
            terms.append(Term(entry["id"], entry["term"], tuple(entry["words"]),
                              entry["definition"]))
        except KeyError as missing:
            raise ValueError(f"Glossary term {entry.get('id')!r} has no {missing}.") from None
    return tuple(terms)


def show_glossary() -> Rendered:
    entries = "".join(f'<dt id="glossary-{escape(t.id)}"><strong>{escape(t.term)}</strong></dt>'
                      f"<dd>{escape(t.definition)}</dd>" for t in load_glossary())
    text = "\n".join(f"{t.term}: {t.definition}" for t in load_glossary())
    return Rendered(f'<dl aria-label="Glossary">{entries}</dl>', text)


def _first_use(sources: list[str], words: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(cell, start, end) of the first use of any of ``words`` outside links, code and
    headings, or None if the first use is already inside a link (or there is none)."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)
    for index, source in enumerate(sources):
        if source.startswith("<!--"):
            continue
        masked_spans = [m.span() for m in _MASK.finditer(source)]
        for match in pattern.finditer(source):
            inside = next((span for span in masked_spans
                           if span[0] <= match.start() < span[1]), None)
            if inside is None:
                return index, match.start(), match.end()
            if source[inside[0]] == "[" and GLOSSARY_TARGET in source[inside[0]:inside[1]]:
                return None  # already linked to the glossary
    return None


def link_first_uses(folder: Path, *, check: bool = False) -> list[Path]:
    """Link each term's first use in every notebook to the glossary; returns the notebooks
    changed (with ``check=True``: that would change, writing nothing)."""
    changed = []
    for info in COURSE:
        path = folder / info.filename
        nb = nbformat.read(path, as_version=nbformat.NO_CONVERT)
        markdown = [cell for cell in nb.cells if cell.cell_type == "markdown"]
        sources = [cell.source for cell in markdown]
        for term in load_glossary():
            found = _first_use(sources, term.words)
            if found is None:
                continue
            cell, start, end = found
            text = sources[cell]
            sources[cell] = f"{text[:start]}[{text[start:end]}]({GLOSSARY_TARGET}){text[end:]}"
        if sources != [cell.source for cell in markdown]:
            changed.append(path)
            if not check:
                for cell, source in zip(markdown, sources, strict=True):
                    cell.source = source
                nbformat.write(nb, path)
    return changed

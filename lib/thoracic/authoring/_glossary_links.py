"""Linking each glossary term's first use in every notebook to the glossary.

Re-runnable: a first use already linked is left alone. Runs with ``thoracic nav``.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from ..content import COURSE, GLOSSARY_HEADING, load_glossary

__all__ = ["link_first_uses"]

# Text where a term must not be linked: inline code, existing links, HTML tags, headings.
_MASK = re.compile(r"`[^`]*`|\[[^\]]*\]\([^)]*\)|<[^>]+>|^#.*$", re.MULTILINE)


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
            if source[inside[0]] == "[" and GLOSSARY_HEADING in source[inside[0]:inside[1]]:
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
            sources[cell] = f"{text[:start]}[{text[start:end]}]({GLOSSARY_HEADING}){text[end:]}"
        if sources != [cell.source for cell in markdown]:
            changed.append(path)
            if not check:
                for cell, source in zip(markdown, sources, strict=True):
                    cell.source = source
                nbformat.write(nb, path)
    return changed

"""The glossary: a few words the course uses, explained once.

Terms live in ``data/glossary.toml``. The introduction shows them (``thoracic.ui``), and
the authoring tools link each term's first use in every notebook to that list.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["GLOSSARY_HEADING", "Term", "load_glossary"]

# The notebook and heading where the glossary is shown; first uses link here.
GLOSSARY_HEADING = "01-introduction.ipynb#Glossary"


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    words: tuple[str, ...]
    definition: str


@cache
def load_glossary() -> tuple[Term, ...]:
    document = resources.files(__package__).joinpath("data/glossary.toml").read_text("utf-8")
    raw = tomllib.loads(document).get("term", [])
    terms = []
    for entry in raw:
        try:
            terms.append(Term(entry["id"], entry["term"], tuple(entry["words"]),
                              entry["definition"]))
        except KeyError as missing:
            raise ValueError(f"Glossary term {entry.get('id')!r} has no {missing}.") from None
    return tuple(terms)

"""The glossary as the introduction shows it."""

from __future__ import annotations

from html import escape

from ..base import Rendered
from ..content import load_glossary

__all__ = ["show_glossary"]


def show_glossary() -> Rendered:
    """Every glossary term with its meaning, each with an anchor first uses can link to."""
    terms = load_glossary()
    entries = "".join(f'<dt id="glossary-{escape(t.id)}"><strong>{escape(t.term)}</strong></dt>'
                      f"<dd>{escape(t.definition)}</dd>" for t in terms)
    text = "\n".join(f"{t.term}: {t.definition}" for t in terms)
    return Rendered(f'<dl aria-label="Glossary">{entries}</dl>', text)

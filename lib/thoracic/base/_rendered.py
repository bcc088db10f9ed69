"""``Rendered``: what the course shows, as HTML for Jupyter and plain text elsewhere."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Rendered", "html_list", "minutes_text", "text_list"]


@dataclass(frozen=True)
class Rendered:
    """Something shown in a notebook: HTML for Jupyter, plain text everywhere else."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def html_list(items: Iterable[str], ordered: bool = False) -> str:
    """Items as an escaped HTML list."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{escape(item)}</li>" for item in items) + f"</{tag}>"


def text_list(items: Sequence[str], ordered: bool = False) -> str:
    """Items as an indented plain-text list."""
    return "\n".join(f"  {n}. {item}" if ordered else f"  - {item}"
                     for n, item in enumerate(items, start=1))


def minutes_text(seconds: float) -> str:
    """A duration in words a learner reads at a glance: "2 min 30 s", "45 s", "3 min"."""
    minutes, rest = divmod(round(seconds), 60)
    if minutes and rest:
        return f"{minutes} min {rest} s"
    return f"{minutes} min" if minutes else f"{rest} s"

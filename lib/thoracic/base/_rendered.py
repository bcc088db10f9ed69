"""``Rendered``: what the course shows, as HTML for Jupyter and plain text elsewhere."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["Rendered", "html_list", "html_table", "minutes_text", "text_list"]

# Every cell of the course's tables: JupyterLab right-aligns table cells (for numbers) and
# the course's boxes let long words break anywhere; text reads left-aligned, whole words.
_CELL = "text-align:left;vertical-align:top;overflow-wrap:normal;word-break:normal"


@dataclass(frozen=True)
class Rendered:
    """Something shown in a notebook: HTML for Jupyter, plain text everywhere else."""

    html: str
    text: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def html_table(label: str, headers: Sequence[str], rows: Iterable[Sequence[str]], *,
               whole: Collection[int] = ()) -> str:
    """A table of text: ``headers`` are plain words; each row's cells are HTML already
    (escaped by the caller, perhaps a link). Columns in ``whole`` (by index) never wrap,
    so a time such as "2 min 22 s" stays on one line."""
    def style(column: int) -> str:
        return _CELL + (";white-space:nowrap" if column in whole else "")

    head = "".join(f'<th scope="col" style="{style(n)}">{escape(text)}</th>'
                   for n, text in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td style="{style(n)}">{cell}</td>'
                                    for n, cell in enumerate(row)) + "</tr>" for row in rows)
    return (f'<table aria-label="{escape(label)}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


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

"""The course's colours and the two box styles every display uses.

Okabe-Ito palette: distinguishable with the common kinds of colour blindness, and
readable on light and dark themes.
"""

from __future__ import annotations

__all__ = ["ACCENT", "ALERT_STYLE", "BOX_STYLE", "PALETTE", "WARNING", "alert_html"]

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000")
ACCENT = PALETTE[0]  # blue: the upper back in every picture, and the course's boxes
WARNING = PALETTE[5]  # vermillion: alerts, and things to measure in pictures

BOX_STYLE = (f"border-left:4px solid {ACCENT};padding:0.2em 1em;margin:0.5em 0;"
             "max-width:48em;overflow-wrap:anywhere")
ALERT_STYLE = (f"border-left:6px solid {WARNING};padding:0.3em 0.8em;max-width:48em;"
               "overflow-wrap:anywhere")


def alert_html(inner_html: str) -> str:
    """An alert box (announced by screen readers) around already-escaped HTML."""
    return f'<div role="alert" style="{ALERT_STYLE}">{inner_html}</div>'

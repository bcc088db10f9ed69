"""The discomfort scale as the learner sees it: a traffic-light strip from 0 to 10, the
three zones in a table with what to do in each, and the next-day check.

Everything shown comes from ``thoracic.content``'s ``DISCOMFORT_SCALE`` and
``NEXT_DAY_CHECK``. Colour is never the only sign: each zone has its word and a symbol,
and the table says it all again in words.
"""

from __future__ import annotations

from html import escape
from typing import Any

from ..base import BOX_STYLE, Rendered
from ..content import DISCOMFORT_SCALE, NEXT_DAY_CHECK, DiscomfortZone, NextDayOption

__all__ = ["discomfort_config", "discomfort_scale", "next_day_option_html", "zone_html",
           "zone_text"]

# Black text on each zone's colour: at least 5.6:1 contrast with every one of them.
_ON_COLOUR = "#000000"


def _swatch(colour: str) -> str:
    return (f'<span aria-hidden="true" style="display:inline-block;width:0.9em;height:0.9em;'
            f'background:{colour};border:1px solid {_ON_COLOUR};vertical-align:-0.1em">'
            "</span>")


def zone_text(zone: DiscomfortZone) -> str:
    """A zone in one plain line: "✓ Green (0 to 2): Carry on. A little discomfort, ..."."""
    return f"{zone.symbol} {zone.word} ({zone.span}): {zone.label}. {zone.advice}"


def zone_html(zone: DiscomfortZone) -> str:
    """A zone in one line of HTML (no block around it): swatch, symbol, word, its ratings,
    the label and the advice."""
    return (f'{_swatch(zone.colour)} <span aria-hidden="true">{escape(zone.symbol)}</span> '
            f"<strong>{escape(zone.word)} ({escape(zone.span)}): {escape(zone.label)}."
            f"</strong> {escape(zone.advice)}")


def next_day_option_html(option: NextDayOption) -> str:
    """One answer to the next-day check with its advice, as a line of HTML."""
    return (f'{_swatch(option.colour)} <span aria-hidden="true">{escape(option.symbol)}</span> '
            f"<strong>{escape(option.word)}:</strong> {escape(option.advice)}")


def _strip_html() -> str:
    """The 0 to 10 strip: one coloured box per number, grouped by zone, each group with its
    symbol and word below it. An image to assistive technology, labelled in words."""
    scale = DISCOMFORT_SCALE
    label = (f"The scale from {scale.anchors}, in three zones: "
             + "; ".join(f"{zone.word}, {zone.span}" for zone in scale.zones) + ".")
    groups = []
    for zone in scale.zones:
        boxes = "".join(
            f'<span style="flex:1 1 0;text-align:center;padding:0.35em 0;'
            f'background:{zone.colour};color:{_ON_COLOUR};font-weight:bold">{rating}</span>'
            for rating in range(zone.lowest, zone.highest + 1))
        size = zone.highest - zone.lowest + 1
        groups.append(
            f'<div style="flex:{size} 1 0;min-width:0">'
            f'<div style="display:flex;gap:1px;border:1px solid {_ON_COLOUR}">{boxes}</div>'
            f'<div style="text-align:center;font-size:0.9em">{escape(zone.symbol)} '
            f"{escape(zone.word)}</div></div>")
    return (f'<div role="img" aria-label="{escape(label)}" style="display:flex;gap:4px;'
            f'max-width:36em;margin:0.5em 0">{"".join(groups)}</div>')


def discomfort_scale() -> Rendered:
    """The course's one discomfort scale: the 0 to 10 strip, its three zones with what to
    do in each, and the next-day check, with where the zones come from."""
    scale, check = DISCOMFORT_SCALE, NEXT_DAY_CHECK
    title = f"How much discomfort? One scale from {scale.lowest} to {scale.highest}"
    rows = "".join(
        f'<tr><th scope="row" style="text-align:left;white-space:nowrap">'
        f'{_swatch(zone.colour)} <span aria-hidden="true">{escape(zone.symbol)}</span> '
        f"{escape(zone.word)}</th><td style=\"white-space:nowrap\">{escape(zone.span)}</td>"
        f"<td style=\"text-align:left\"><strong>{escape(zone.label)}.</strong> "
        f"{escape(zone.advice)}</td></tr>"
        for zone in scale.zones)
    answers = "".join(f"<li>{next_day_option_html(option)}</li>" for option in check.answers)
    source = f"The zones come from {scale.source}. {scale.source_note}"
    html = (f'<section class="thoracic-discomfort" style="{BOX_STYLE}" '
            f'aria-label="{escape(title)}">'
            f"<h3>{escape(title)}</h3>"
            f"<p>{escape(scale.explain)} <strong>{escape(scale.anchors)}.</strong></p>"
            f"{_strip_html()}"
            '<table aria-label="The three discomfort zones"><thead><tr>'
            '<th scope="col">Zone</th><th scope="col">Your rating</th>'
            f'<th scope="col">What to do</th></tr></thead><tbody>{rows}</tbody></table>'
            "<h4>The next-day check</h4>"
            f"<p>{escape(check.when)} <strong>{escape(check.question)}</strong></p>"
            f"<ul>{answers}</ul>"
            f"<p><small>{escape(source)}</small></p></section>")
    strip = " | ".join(" ".join(str(n) for n in range(zone.lowest, zone.highest + 1))
                       for zone in scale.zones)
    text = "\n".join([
        title.upper(),
        f"{scale.explain} {scale.anchors}.",
        f"  {strip}",
        *(f"  {zone_text(zone)}" for zone in scale.zones),
        "The next-day check:",
        f"  {check.when} {check.question}",
        *(f"  {option.symbol} {option.word}: {option.advice}" for option in check.answers),
        source,
    ])
    return Rendered(html, text)


def discomfort_config() -> dict[str, Any]:
    """The scale as the web pages' script needs it: every word, number and colour from the
    one record."""
    scale = DISCOMFORT_SCALE
    return {"question": scale.question, "label": scale.label, "anchors": scale.anchors,
            "lowest": scale.lowest, "highest": scale.highest,
            "zones": [{"name": zone.name, "word": zone.word, "lowest": zone.lowest,
                       "highest": zone.highest, "label": zone.label, "advice": zone.advice,
                       "symbol": zone.symbol, "colour": zone.colour} for zone in scale.zones]}

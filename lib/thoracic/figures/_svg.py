"""Matplotlib figures as stable, accessible SVG.

Every picture in the course goes through ``svg_figure``: the SVG has fixed ids (so the
same figure gives the same bytes, which nbval compares), no date, a <title> and
aria-label carrying the alt text, and scales down on narrow screens.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from html import escape
from typing import TYPE_CHECKING, Literal

from ..base import Rendered

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["MIN_PRINT_PT", "MIN_TEXT_PX", "PHONE_FIGURE_PX", "fit_text_to_print", "new_figure",
           "readable_font", "svg_figure"]

# A figure fills the page's width, so on a phone its text shrinks with it. On a 390 px
# phone the page keeps a margin, which leaves a figure about 360 px; text drawn there at
# under 12 px is too small to read at arm's length.
PHONE_FIGURE_PX = 360
MIN_TEXT_PX = 12
MIN_PRINT_PT = 8  # on paper, where a picture is printed small
_MM_PER_INCH = 25.4


def readable_font(figure_width: float) -> float:
    """The smallest font size, in points, that stays MIN_TEXT_PX on a phone for text in a
    figure ``figure_width`` inches wide (72 points an inch)."""
    return _rounded_up(MIN_TEXT_PX * figure_width * 72 / PHONE_FIGURE_PX)


def _rounded_up(points: float) -> float:
    """A font size up to the next tenth of a point, so that a size worked out to be just
    big enough is never rounded under (nor a browser's layout a hair narrower)."""
    return math.ceil(points * 10 + 0.5) / 10


def fit_text_to_print(fig: Figure, printed_mm: float) -> None:
    """Enlarge every text of ``fig`` alike, if need be, so that none prints under
    MIN_PRINT_PT when the figure is printed ``printed_mm`` wide. Call before saving: the
    layout then makes room for the larger words."""
    from matplotlib.text import Text

    sizes = {text: text.get_fontproperties().get_size_in_points()
             for text in fig.findobj(Text) if text.get_text()}
    if not sizes:
        return
    scale = printed_mm / (fig.get_figwidth() * _MM_PER_INCH)  # printed size / drawn size
    factor = MIN_PRINT_PT / (scale * min(sizes.values()))
    if factor > 1:
        for text, size in sizes.items():
            text.set_fontsize(_rounded_up(size * factor))


def new_figure(width: float = 6.4, height: float = 3.2, *,
               layout: Literal["constrained"] | None = "constrained") -> Figure:
    """A figure not attached to pyplot, so nothing leaks between cells or threads.

    Pass ``layout=None`` and set margins by hand where speed matters: constrained layout
    measures every label and costs about 0.1 s a figure.
    """
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout=layout)


def _renumber_clip_ids(svg: str, prefix: str) -> str:
    """Clip-path ids are hashes of float bounds that can wobble between draws; number them.

    """
    ids: dict[str, str] = {}
    for found in re.findall(r'<clipPath id="([^"]+)"', svg):
        ids.setdefault(found, f"{prefix}{len(ids) + 1}")
    for old, new in ids.items():
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
    return svg


def svg_figure(fig: Figure, alt: str, caption: str | None = None) -> Rendered:
    """Render a figure as inline SVG with alt text; same figure, same bytes.

    Text stays text (``svg.fonttype = none``): smaller, faster, and selectable.
    """
    import matplotlib
    from matplotlib.text import Text

    # DejaVu Sans ships with matplotlib, so text is measured (and laid out) the same on
    # every machine, whatever fonts the system has.
    for text in fig.findobj(Text):
        text.set_fontfamily("DejaVu Sans")
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "thoracic", "svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]  # drop the XML prolog and doctype: this goes inline
    # Ids must differ between figures on one page: name them after the figure's content.
    digest = hashlib.sha256(svg.encode("utf-8")).hexdigest()[:10]
    svg = _renumber_clip_ids(svg, prefix=f"clip-{digest}-")
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
                 r'<svg \1style="width:100%;height:auto;max-width:40em"', svg, count=1)
    # matplotlib's <style> uses a bare "*" selector; inline in a page it would reach every
    # element, so scope it to this figure.
    svg = svg.replace("<svg ", f'<svg id="fig-{digest}" role="img" aria-label="{escape(alt)}" ',
                      1)
    svg = svg.replace('<style type="text/css">*{', f'<style type="text/css">#fig-{digest} *{{')
    svg = re.sub(r"(<svg [^>]*>)", rf"\1<title>{escape(alt)}</title>", svg, count=1)
    caption_html = f"<figcaption>{escape(caption)}</figcaption>" if caption else ""
    html = f'<figure style="margin:0.5em 0;max-width:40em">{svg}{caption_html}</figure>'
    return Rendered(html, f"[Picture: {alt}]")

"""The spine in one labelled side view: its regions, bone counts and curves."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..base import PALETTE, Rendered
from ._drawing import FIG_SIZE, FONT, INK, TEXT
from ._pose import Point
from ._svg import new_figure, svg_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["spine_picture"]

def _rounded_block(centre: Point, width: float, height: float, angle: float,
                   radius: float) -> list[Point]:
    """Corners of a rounded rectangle, turned by ``angle`` degrees about its centre."""
    half_w, half_h = width / 2 - radius, height / 2 - radius
    outline: list[Point] = []
    for (cx, cy), start in (((half_w, half_h), 0), ((-half_w, half_h), 90),
                            ((-half_w, -half_h), 180), ((half_w, -half_h), 270)):
        for step in range(7):
            theta = math.radians(start + step * 15)
            outline.append((cx + radius * math.cos(theta), cy + radius * math.sin(theta)))
    turn = math.radians(angle)
    cos_t, sin_t = math.cos(turn), math.sin(turn)
    return [(centre[0] + px * cos_t - py * sin_t, centre[1] + px * sin_t + py * cos_t)
            for px, py in outline]


@dataclass(frozen=True)
class _Region:
    label: str
    count: int
    block: float  # height of one bone
    width: float
    bulge: float  # sideways bow of the region's curve; positive toward the back (right)
    color: str


# The front of the body is on the left, so the labels sit clear of the ribs, on the right.
_REGIONS = (
    _Region("Neck (cervical)\n7 bones", 7, 0.062, 0.15, -0.07, PALETTE[1]),
    _Region("Upper back (thoracic)\n12 bones \N{EM DASH} ribs attach here", 12, 0.075, 0.19,
            0.15, PALETTE[0]),
    _Region("Low back (lumbar)\n5 bones", 5, 0.1, 0.25, -0.1, PALETTE[2]),
)
_GAP = 0.018  # the discs between bones


def _spine_figure() -> Figure:
    from matplotlib.patches import Polygon

    # Taller than the other pictures: the labels beside the spine take half the width at a
    # size a phone can read, so the spine has the height to be big enough to see.
    fig = new_figure(FIG_SIZE[0], FIG_SIZE[1] * 1.4)
    ax = fig.add_subplot()
    top = 2.25
    y = top
    spans: list[tuple[float, float, _Region]] = []
    last: tuple[Point, float, float] = ((0.0, top), 0.0, 0.0)  # centre, width, angle
    for region in _REGIONS:
        length = region.count * (region.block + _GAP)
        y_top = y

        def along(v: float, region: _Region = region, y_top: float = y_top,
                  length: float = length) -> float:
            # Each region bows as half a sine wave: the three together make the spine's S.
            return region.bulge * math.sin(math.pi * (y_top - v) / length)

        for i in range(region.count):
            cy = y_top - (i + 0.5) * (region.block + _GAP)
            slope = (along(cy - 0.01) - along(cy + 0.01)) / 0.02
            angle = math.degrees(math.atan(slope))  # each bone lies across the curve
            # Bones grow a little toward the bottom of each region, as real ones do.
            width = region.width * (1 + 0.25 * i / region.count)
            ax.add_patch(Polygon(
                _rounded_block((along(cy), cy), width, region.block, angle, region.block * 0.3),
                closed=True, facecolor=region.color, edgecolor=INK, linewidth=0.8))
            last = ((along(cy), cy - region.block / 2), width, angle)
            if region.count == 12:
                # A rib leaves each thoracic bone toward the front and sweeps down; the
                # middle ones are longest, as in a rib cage.
                rib_x = along(cy) - width / 2
                reach = 0.16 + 0.14 * math.sin(math.pi * (i + 1) / 13)
                ax.plot([rib_x, rib_x - 0.35 * reach, rib_x - 0.75 * reach, rib_x - reach],
                        [cy, cy + 0.01, cy - 0.05, cy - 0.14],
                        color=PALETTE[4], linewidth=1.5, solid_capstyle="round", zorder=0)
        spans.append((y_top, y_top - length, region))
        y = y_top - length
    # The sacrum: one wedge of fused bones under the last lumbar bone, tipping backward.
    (base_x, base_y), width, angle = last
    turn = math.radians(angle - 15)
    wedge = [(-width / 2, 0), (width / 2, 0), (width / 2 + 0.02, -0.15), (0.06, -0.33),
             (0.0, -0.36), (-0.04, -0.3), (-width / 2 + 0.05, -0.15)]
    sacrum = [(base_x + px * math.cos(turn) - (py - _GAP) * math.sin(turn),
               base_y + px * math.sin(turn) + (py - _GAP) * math.cos(turn)) for px, py in wedge]
    ax.add_patch(Polygon(sacrum, closed=True, facecolor=PALETTE[3], edgecolor=INK,
                         linewidth=0.8))
    label_x = 0.5
    for y_top, y_bottom, region in spans:
        # A bracket in the region's colour ties each label to its bones.
        ax.plot([0.36, 0.4, 0.4, 0.36],
                [y_top - 0.01, y_top - 0.01, y_bottom + 0.01, y_bottom + 0.01],
                color=region.color, linewidth=3, solid_capstyle="butt")
        ax.text(label_x, (y_top + y_bottom) / 2, region.label, fontsize=FONT, color=TEXT,
                va="center", ha="left")
    ax.text(label_x, y - 0.18, "Sacrum (base of the spine)", fontsize=FONT, color=TEXT,
            va="center", ha="left")
    ax.annotate("", xy=(-0.6, top + 0.12), xytext=(-0.2, top + 0.12),
                arrowprops={"arrowstyle": "-|>", "color": TEXT, "linewidth": 1.2})
    ax.text(-0.4, top + 0.17, "front", fontsize=FONT, color=TEXT, ha="center", va="bottom")
    ax.set_xlim(-0.65, 2.3)
    ax.set_ylim(y - 0.42, top + 0.4)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return fig


def spine_picture() -> Rendered:
    """Side view of the spine: its regions, bone counts and natural curves, labelled."""
    alt = ("Side view of the spine as a column of small bones with three natural curves. "
           "The 7 neck (cervical) bones curve forward, the 12 upper back (thoracic) bones "
           "curve backward and carry the ribs, and the 5 low back (lumbar) bones curve "
           "forward again, resting on the sacrum.")
    return svg_figure(_spine_figure(), alt)


# --- Self-tests ---------------------------------------------------------------------------

"""The side-lying open book, seen from the top of the head.

From the side, a turn of the upper back hardly shows; seen from above the head, the
shoulders turn like the cover of a book and the top arm sweeps over. So this exercise has
its own simple geometry (shoulders, arms and head in that view) instead of a side pose.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._drawing import (
    FIG_SIZE,
    FONT,
    HIGHLIGHT,
    INK,
    MARK,
    PROP,
    PROP_FILL,
    TEXT,
    draw_head,
    draw_line,
    panel,
)
from ._pose import HEAD_R, PAD, Geometry, Point, step

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["OpenBookDiagram", "open_book_geometry"]

_SHOULDER_WIDTH = 0.30  # from the lower shoulder to the upper one, in body units
_ARM = 0.55
_LOWER_SHOULDER: Point = (0.0, PAD + 0.03)
# The shoulders' line turns from upright (lying on the side) toward the floor behind;
# the top arm goes from resting on the lower arm, up over the body, to reaching behind.
# It stops at a mild stretch with the hand in the air, well off the floor (the hand does
# not need to reach the floor). Only the shoulders and the arm move: the hips and the
# knees, together on the floor, stay put behind them.
_TURN = (90.0, 135.0)
_TOP_ARM = (-30.0, 185.0)
_FACE = (0.0, 100.0)  # the face turns to follow the hand
_HEAD: Point = (0.0, PAD + 0.03 + _SHOULDER_WIDTH / 2 + 0.03)
_PILLOW = (-0.18, 0.0, 0.36, _HEAD[1] - HEAD_R)


def _lerp(pair: tuple[float, float], t: float) -> float:
    return (1 - t) * pair[0] + t * pair[1]


def open_book_geometry(t: float) -> Geometry:
    """The body a fraction ``t`` of the way through opening the book (0 closed, 1 open).

    Lines: ``lower_arm`` on the floor, ``thoracic`` across the shoulders (the upper back,
    which does the turning), ``arm`` the top arm.
    """
    upper_shoulder = step(_LOWER_SHOULDER, _lerp(_TURN, t), _SHOULDER_WIDTH)
    hand = step(upper_shoulder, _lerp(_TOP_ARM, t), _ARM)
    lower_hand = step(_LOWER_SHOULDER, -2.0, _ARM)
    face = step(_HEAD, _lerp(_FACE, t), HEAD_R)
    return Geometry({"lower_arm": (_LOWER_SHOULDER, lower_hand),
                     "thoracic": (_LOWER_SHOULDER, upper_shoulder),
                     "arm": (upper_shoulder, hand)}, _HEAD, face, None)


@dataclass(frozen=True)
class OpenBookDiagram:
    """The open book for the diagram and the animation (a ``MovementDiagram``)."""

    xlim: tuple[float, float] = (-0.95, 0.75)
    ylim: tuple[float, float] = (-0.05, 0.98)
    alt: str = (
        "Side-lying open book in two stick figures, seen from above the head, with the "
        "shoulders in blue. Start: lying on the left side with the head on a pillow and "
        "both arms reaching forward along the floor, one on top of the other. End: the top "
        "arm has swept up and over to reach behind and stops in the air at a mild stretch, "
        "the hand well off the floor; the shoulders have turned toward the ceiling and the "
        "face follows the hand, while the lower arm stays on the floor.")
    motion: str = (
        "A stick figure seen from above the head, lying on its side with both arms reaching "
        "forward. The top arm slowly sweeps up and over to reach behind, as the shoulders, "
        "in blue, turn toward the ceiling, and stops in the air at a mild stretch, the hand "
        "off the floor; then it sweeps back to meet the other hand.")

    @property
    def lines_in_front(self) -> tuple[str, ...]:
        return ("thoracic", "arm")  # seen from above the head, the shoulders are in front

    @property
    def props(self) -> tuple[tuple[float, float, float, float], ...]:
        return (_PILLOW,)

    def frames(self, steps: int) -> list[Geometry]:
        return [open_book_geometry((1 - math.cos(math.pi * k / steps)) / 2)
                for k in range(steps + 1)]

    def figure(self) -> Figure:
        from matplotlib.patches import FancyArrowPatch, Rectangle

        from ._svg import new_figure

        fig = new_figure(*FIG_SIZE)
        # Wide, flat panels over a label: the constrained layout lets their titles run off
        # the top when the words are made larger for print; the compressed one does not.
        fig.set_layout_engine("compressed")
        for ax, t, title in zip(fig.subplots(1, 2), (0.0, 1.0), ("Start", "End"), strict=True):
            panel(ax, self.xlim, self.ylim, title)
            x, y, width, height = _PILLOW
            ax.add_patch(Rectangle((x, y), width, height, facecolor=PROP_FILL, edgecolor=PROP,
                                   linewidth=1.2, zorder=0))
            body = open_book_geometry(t)
            draw_head(ax, body.head, body.face, zorder=2)
            draw_line(ax, body.lines["lower_arm"], INK, zorder=3)
            draw_line(ax, body.lines["thoracic"], HIGHLIGHT, zorder=4)
            draw_line(ax, body.lines["arm"], INK, zorder=5)
        # The hand's path, drawn on the End panel: up and over, from front to back.
        path = [open_book_geometry(k / 12).lines["arm"][-1] for k in range(13)]
        ax.plot([p[0] for p in path[:-1]], [p[1] for p in path[:-1]], color=MARK,
                linewidth=1.6, linestyle=(0, (4, 3)), zorder=1)
        ax.add_patch(FancyArrowPatch(path[-3], path[-1], arrowstyle="-|>", color=MARK,
                                     mutation_scale=14, linewidth=1.6, zorder=6))
        # As the figure's label, which the layout makes room for at any size of text.
        fig.supxlabel("Seen from above your head", fontsize=FONT, color=TEXT)
        return fig

"""Drawing helpers shared by every picture: the body, its head, props and panels.

The upper back is always drawn in the course's highlight colour, so learners see where
the movement happens. Matplotlib is imported only inside functions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..base import ACCENT, PALETTE, WARNING
from ._pose import (
    HEAD_R,
    PAD,
    ROLLER_R,
    Geometry,
    Point,
    Pose,
    Support,
    pose_geometry,
    step,
)
from ._svg import readable_font

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["FIG_SIZE", "FLOOR_WIDTH", "FONT", "HEAD_WIDTH", "HIGHLIGHT", "INK", "LIMB_WIDTH",
           "MARK", "PROP", "PROP_FILL", "ROLLER_FILL", "ROLLER_WIDTH", "TEXT", "TITLE_FONT",
           "add_label", "draw_body", "draw_head", "draw_line", "draw_pose", "panel",
           "wall_position"]

LIMB_WIDTH = 6.0  # points
HEAD_WIDTH = 3.0  # points: the outline of the head
ROLLER_WIDTH = 1.5  # points: the outline of the roller
FLOOR_WIDTH = 2.0  # points
FIG_SIZE = (6.4, 3.0)
FONT = readable_font(FIG_SIZE[0])  # every label: 12 px or more on a phone
TITLE_FONT = FONT * 1.1

INK = "#3b3b3b"  # dark grey body: calm, and lets the blue upper back stand out
TEXT = "#1a1a1a"
PROP = "#6f6f6f"
PROP_FILL = "#e4e4e4"
HIGHLIGHT = ACCENT  # blue: the upper back, in every picture of the course
MARK = WARNING  # vermillion: arrows, angles and things to measure
ROLLER_FILL = PALETTE[1]


def draw_line(ax: Axes, points: Sequence[Point], color: str, *, width: float = LIMB_WIDTH,
          zorder: float = 3) -> None:
    ax.plot([p[0] for p in points], [p[1] for p in points], color=color, linewidth=width,
            solid_capstyle="round", solid_joinstyle="round", zorder=zorder)


def draw_head(ax: Axes, centre: Point, face: Point | None, zorder: float = 5) -> None:
    from matplotlib.patches import Circle, Polygon

    # White fill: a hand "behind the head" disappears behind it, as it would in life.
    ax.add_patch(Circle(centre, HEAD_R, facecolor="white", edgecolor=INK,
                        linewidth=HEAD_WIDTH, zorder=zorder))
    if face is not None:
        direction = math.degrees(math.atan2(face[1] - centre[1], face[0] - centre[0]))
        nose = [step(centre, direction + 14, HEAD_R), step(centre, direction, HEAD_R + 0.03),
                step(centre, direction - 14, HEAD_R)]
        ax.add_patch(Polygon(nose, closed=True, facecolor=INK, edgecolor=INK, linewidth=1,
                             zorder=zorder))


def _draw_roller(ax: Axes, centre: Point) -> None:
    from matplotlib.patches import Circle

    ax.add_patch(Circle(centre, ROLLER_R, facecolor=ROLLER_FILL, edgecolor=INK,
                        linewidth=ROLLER_WIDTH, zorder=1))


def wall_position(geometry: Geometry) -> float:
    """Where a wall behind the figure touches the back (the spine) or the heels."""
    lines = geometry.lines
    back = [*lines["lumbar"], *lines["thoracic"], lines["leg"][2]]
    return min(px for px, _ in back) - PAD


def _draw_wall(ax: Axes, geometry: Geometry, height: float = 2.2) -> None:
    from matplotlib.patches import Rectangle

    wall_x = wall_position(geometry)
    ax.add_patch(Rectangle((wall_x - 0.12, 0), 0.12, height, facecolor=PROP_FILL,
                           edgecolor="none", hatch="//", zorder=0))
    ax.plot([wall_x, wall_x], [0, height], color=PROP, linewidth=2.5, zorder=1)


def _draw_chair(ax: Axes, geometry: Geometry) -> None:
    hip, knee = geometry.lines["leg"][0], geometry.lines["leg"][1]
    seat_y = hip[1] - PAD
    back_x, front_x = hip[0] - 0.14, min(knee[0] - 0.04, hip[0] + 0.3)
    style: dict[str, Any] = {"color": PROP, "linewidth": 3, "solid_capstyle": "round",
                             "zorder": 1}
    ax.plot([back_x, front_x], [seat_y, seat_y], **style)
    ax.plot([back_x, back_x], [0, seat_y + 0.4], **style)  # back leg and low backrest
    ax.plot([front_x, front_x], [0, seat_y], **style)


def draw_pose(ax: Axes, pose: Pose, x: float = 0.0, *, nose: bool = True,
              arm_in_front: bool = False) -> dict[str, Point]:
    """Draw a posed stick figure (and its support) on ``ax``, hip at ``x``, on a floor at 0.

    ``nose`` marks which way the face looks; leave it off when hands or arms are at the
    face and it would only clutter. The arm goes behind the head (so a hand "behind the
    head" hides there) unless ``arm_in_front``, for an arm raised beside the head.
    Returns named points (hip, knee, ankle, toe, c7, shoulder, elbow, hand, head,
    mid_back) for labels and arrows.
    """
    return draw_body(ax, pose_geometry(pose, x), pose.support, nose=nose,
                     arm_in_front=arm_in_front)


def draw_body(ax: Axes, geometry: Geometry, support: Support, *, nose: bool = True,
              arm_in_front: bool = False) -> dict[str, Point]:
    """Draw a figure already posed as coordinates, and its support: ``draw_pose`` for a
    ``Geometry`` (one placed with ``pose_geometry``'s options, such as a head rest)."""
    if geometry.roller is not None:
        _draw_roller(ax, geometry.roller)
    elif support == "wall":
        _draw_wall(ax, geometry)
    elif support == "chair":
        _draw_chair(ax, geometry)
    lines = geometry.lines
    draw_line(ax, lines["leg"], INK, zorder=2)
    draw_line(ax, lines["lumbar"], INK, zorder=3)
    draw_line(ax, lines["thoracic"], HIGHLIGHT, zorder=3.5)
    draw_line(ax, lines["neck"], INK, zorder=3)
    draw_line(ax, lines["arm"], INK, zorder=6 if arm_in_front else 4)
    draw_head(ax, geometry.head, geometry.face if nose else None)
    return geometry.named_points()


def panel(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float],
           title: str | None = None, floor: bool = True) -> None:
    """Same limits on every panel of a figure, so the figures share one scale."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if floor:
        ax.axhline(0, color=PROP, linewidth=FLOOR_WIDTH, zorder=0)
    if title:
        ax.set_title(title, fontsize=TITLE_FONT, color=TEXT)



def add_label(ax: Axes, text: str, xy: Point, target: Point | None = None, **style: Any) -> None:
    """Text, with a thin pointer line to ``target`` when given."""
    style = {"fontsize": FONT, "color": TEXT, **style}
    if target is None:
        ax.text(xy[0], xy[1], text, **style)
    else:
        ax.annotate(text, xy=target, xytext=xy,
                    arrowprops={"arrowstyle": "-", "color": TEXT, "linewidth": 0.9,
                                "shrinkA": 2, "shrinkB": 3},
                    **style)

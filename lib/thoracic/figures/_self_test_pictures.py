"""How to do each self-test, as a labelled picture."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..base import Rendered
from ..content import get_self_test
from ._drawing import (
    FIG_SIZE,
    FONT,
    HIGHLIGHT,
    INK,
    MARK,
    PROP,
    PROP_FILL,
    ROLLER_FILL,
    TEXT,
    TITLE_FONT,
    add_label,
    draw_head,
    draw_line,
    draw_pose,
    panel,
    wall_position,
)
from ._pose import HEAD_R, NECK, PAD, Pose, pose_geometry, step
from ._svg import new_figure, svg_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["SELF_TEST_PICTURE_IDS", "self_test_picture"]

def _seated_rotation_figure() -> Figure:
    from matplotlib.patches import Arc, FancyBboxPatch

    fig = new_figure(*FIG_SIZE)
    ax = fig.add_subplot()
    panel(ax, (-1.3, 1.3), (-0.5, 0.75), "Seen from above", floor=False)
    turn = 45.0
    # The chair seat and backrest, and the thighs pointing forward (up the page), knees
    # together.
    ax.add_patch(FancyBboxPatch((-0.27, -0.2), 0.54, 0.55,
                                boxstyle="round,pad=0,rounding_size=0.05",
                                facecolor=PROP_FILL, edgecolor=PROP, linewidth=1.5, zorder=0))
    ax.plot([-0.27, 0.27], [-0.25, -0.25], color=PROP, linewidth=5, solid_capstyle="round",
            zorder=0)
    for side in (-1, 1):
        draw_line(ax, [(side * 0.13, 0.0), (side * 0.05, 0.46)], INK, zorder=2)
    # Hips: a reference line that stays put, dashed on past the body to meet the angle.
    draw_line(ax, [(-0.18, 0.0), (0.18, 0.0)], INK, width=9, zorder=3)
    ax.plot([0.18, 0.62], [0, 0], color=INK, linewidth=1.2, linestyle=(0, (4, 3)), zorder=1)
    # Shoulders and the stick held across them, turned together.
    stick = [step((0, 0), turn, 0.62), step((0, 0), turn + 180, 0.62)]
    ax.plot([p[0] for p in stick], [p[1] for p in stick], color=ROLLER_FILL, linewidth=3,
            solid_capstyle="round", zorder=3)
    draw_line(ax, [step((0, 0), turn, 0.24), step((0, 0), turn + 180, 0.24)], HIGHLIGHT,
          width=10, zorder=4)
    head = (0.0, 0.0)
    draw_head(ax, head, step(head, turn + 90, HEAD_R), zorder=5)
    ax.add_patch(Arc((0, 0), 1.0, 1.0, theta1=0, theta2=turn, color=MARK, linewidth=2.5,
                     zorder=2))
    ax.text(*step((0, 0), turn / 2, 0.6), "45\N{DEGREE SIGN}", fontsize=TITLE_FONT,
            color=MARK, ha="left", va="center", fontweight="bold")
    add_label(ax, "Shoulders and stick\nturn to one side", (0.62, 0.5), step((0, 0), turn, 0.45),
           ha="left", va="center")
    add_label(ax, "Hips and knees\nkeep facing forward", (-1.25, 0.0), (-0.2, 0.0),
           ha="left", va="center")
    ax.annotate("", xy=(-0.75, 0.7), xytext=(-0.75, 0.4),
                arrowprops={"arrowstyle": "-|>", "color": TEXT, "linewidth": 1.2})
    ax.text(-0.7, 0.55, "front", fontsize=FONT, color=TEXT, ha="left", va="center")
    return fig


# Sitting on the floor, knees bent, back straight against the wall, head tipped just
# enough to rest on it; arms in a W: upper arm out to the side (seen end-on), forearm up.
_WALL_ANGEL_SIDE = Pose(trunk=90, hip=130, knee=84, ankle=48, neck=-28, shoulder=-90,
                        elbow=-90, upper_arm_seen=0.1, support="wall")


def _draw_w_front(ax: Axes) -> None:
    """The seated figure from the front, arms in a goal-post (W) shape against the wall."""
    hip_y, waist_y, shoulder_y = PAD + 0.03, 0.25, 0.55
    draw_line(ax, [(0, hip_y), (0, waist_y)], INK, zorder=3)
    draw_line(ax, [(0, waist_y), (0, shoulder_y)], HIGHLIGHT, zorder=3.5)
    draw_line(ax, [(0, shoulder_y), (0, shoulder_y + NECK)], INK, zorder=3)
    for side in (-1, 1):
        # Knees bent up in front, feet flat on the floor.
        draw_line(ax, [(side * 0.08, hip_y), (side * 0.2, 0.3), (side * 0.24, PAD)], INK,
              zorder=2)
        # Shoulder, elbow out at shoulder height, hand straight up.
        draw_line(ax, [(0, shoulder_y), (side * 0.3, shoulder_y), (side * 0.3, shoulder_y + 0.26)],
              INK, zorder=4)
    draw_line(ax, [(-0.1, hip_y), (0.1, hip_y)], INK, zorder=3)
    draw_head(ax, (0, shoulder_y + NECK + HEAD_R), None)


# The four scores seen from the side, wall on the left: where the elbow is, and how far
# the forearm and the hand tip away from the wall (degrees from upright).
_LEVEL_ARMS = ((0.16, 55.0, 0.0), (0.035, 40.0, 0.0), (0.035, 0.0, 45.0), (0.035, 0.0, 0.0))


def _draw_level(ax: Axes, score: int, words: str) -> None:
    """One score of the wall angel, from the side: the wall, the back, and the arm."""
    from matplotlib.patches import Circle, Rectangle

    panel(ax, (-0.12, 0.5), (0.0, 0.98), f"Score {score}", floor=False)
    ax.add_patch(Rectangle((-0.12, 0.0), 0.1, 0.98, facecolor=PROP_FILL, edgecolor="none",
                           hatch="//", zorder=0))
    ax.plot([-0.02, -0.02], [0.0, 0.98], color=PROP, linewidth=2.5, zorder=1)
    draw_line(ax, [(0.035, 0.05), (0.035, 0.3)], INK, width=4, zorder=2)
    draw_line(ax, [(0.035, 0.3), (0.035, 0.55)], HIGHLIGHT, width=4, zorder=2)
    draw_head(ax, (0.06, 0.55 + NECK + HEAD_R * 0.8), None)
    elbow_x, forearm_tilt, hand_tilt = _LEVEL_ARMS[score]
    elbow = (elbow_x, 0.5)
    wrist = step(elbow, 90 - forearm_tilt, 0.25)
    hand = step(wrist, 90 - forearm_tilt - hand_tilt, 0.1)
    draw_line(ax, [elbow, wrist, hand], INK, width=4, zorder=6)  # the near arm, beside the head
    touching = [point for point in (elbow, wrist, hand) if point[0] < 0.05]
    for point in touching:
        ax.add_patch(Circle(point, 0.022, facecolor=MARK, edgecolor="white", linewidth=0.8,
                            zorder=7))
    ax.text(0.19, -0.04, "\n".join(textwrap.wrap(words, 20)), fontsize=FONT - 1.5,
            color=TEXT, ha="center", va="top")


def _wall_angel_figure() -> Figure:
    from matplotlib.patches import Rectangle

    fig = new_figure(FIG_SIZE[0], FIG_SIZE[1] * 1.9)
    grid = fig.add_gridspec(2, 4, height_ratios=(1.0, 1.1), hspace=0.25)
    side = fig.add_subplot(grid[0, :2])
    front = fig.add_subplot(grid[0, 2:])
    for score, words in enumerate(get_self_test("wall-angel").levels):
        _draw_level(fig.add_subplot(grid[1, score]), score, words)
    panel(side, (-0.45, 0.95), (-0.05, 1.05), "From the side")
    draw_pose(side, _WALL_ANGEL_SIDE, arm_in_front=True)
    add_label(side, "Head, back and\narms on the wall", (0.25, 0.85), ha="left", va="center")
    panel(front, (-0.7, 0.7), (-0.05, 1.05), "From the front")
    # Seen from the front the wall is behind the figure: a plain panel.
    front.add_patch(Rectangle((-0.55, 0), 1.1, 1.0, facecolor=PROP_FILL, edgecolor=PROP,
                              linewidth=1, zorder=0))
    _draw_w_front(front)
    add_label(front, "Arms in a W", (0, 0.93), ha="center", va="center")
    return fig


# Standing with heels, bottom and upper back on the wall. A rounded upper back tips the
# base of the neck (C7) forward, away from the wall: that gap is what the test measures.
_NECK_TO_WALL = Pose(trunk=90, upper_back=-45, neck=38, hip=0, knee=0,
                     shoulder=43, elbow=8, support="wall")


def _neck_to_wall_figure() -> Figure:
    from matplotlib.patches import Circle

    fig = new_figure(*FIG_SIZE)
    whole, close = fig.subplots(1, 2, width_ratios=(1, 1.25))
    # Left: the whole body, to show what touches the wall.
    panel(whole, (-0.3, 0.95), (-0.05, 1.85), "Stand against a wall")
    points = draw_pose(whole, _NECK_TO_WALL)
    wall_x = wall_position(pose_geometry(_NECK_TO_WALL))
    for text, y in (("upper back", points["mid_back"][1] + 0.06), ("bottom", points["hip"][1]),
                    ("heels", points["ankle"][1])):
        add_label(whole, text, (0.45, y + 0.06), (wall_x + 0.01, y), ha="left", va="center")
    # Right: a close-up of the neck, where the gap is big enough to mark clearly.
    c7 = points["c7"]
    zoom = ((wall_x - 0.1, wall_x + 0.75), (c7[1] - 0.4, c7[1] + 0.32))
    whole.add_patch(Circle((c7[0] + 0.02, c7[1] + 0.04), 0.2, fill=False, edgecolor=MARK,
                           linewidth=1.2, linestyle=(0, (3, 2)), zorder=6))
    panel(close, *zoom, "Close-up", floor=False)
    draw_pose(close, _NECK_TO_WALL)
    # A dashed frame in the same colour as the circle on the left ties the two together.
    close.set_axis_on()
    close.set_xticks([])
    close.set_yticks([])
    for spine in close.spines.values():
        spine.set_edgecolor(MARK)
        spine.set_linestyle((0, (3, 2)))
    close.add_patch(Circle(c7, 0.012, facecolor=MARK, edgecolor="white", linewidth=1,
                           zorder=6))
    close.annotate("", xy=(wall_x, c7[1]), xytext=(c7[0] - 0.015, c7[1]),
                   arrowprops={"arrowstyle": "<|-|>", "color": MARK, "linewidth": 2,
                               "shrinkA": 0, "shrinkB": 0, "mutation_scale": 14}, zorder=6)
    add_label(close, "measure this\ngap (cm)", (c7[0] + 0.1, c7[1] - 0.2),
           ((wall_x + c7[0]) / 2, c7[1] - 0.01), ha="left", va="center", color=MARK,
           fontweight="bold")
    add_label(close, "base of the neck (C7)", (c7[0] + 0.1, c7[1] + 0.05), c7, ha="left",
           va="center")
    return fig


@dataclass(frozen=True)
class _SelfTestPicture:
    draw: Callable[[], Figure]
    alt: str


_SELF_TESTS: dict[str, _SelfTestPicture] = {
    "seated-rotation": _SelfTestPicture(
        _seated_rotation_figure,
        "A seated person seen from above. The hips and the knees face forward, while the "
        "shoulders and a stick held across them turn about 45 degrees to one side. An arc "
        "marks the 45 degree angle between the line of the hips and the line of the "
        "shoulders."),
    "wall-angel": _SelfTestPicture(
        _wall_angel_figure,
        "A person sits on the floor with the knees bent and the back and head against a "
        "wall, seen from the side and from the front. The arms make a goal-post or W shape: "
        "elbows bent at shoulder height and hands pointing up, trying to touch the wall. "
        "Below, four small side views show the scores, with a dot where the arm touches "
        "the wall. " + " ".join(f"Score {n}: {words}" for n, words in
                                enumerate(get_self_test("wall-angel").levels))),
    "neck-to-wall": _SelfTestPicture(
        _neck_to_wall_figure,
        "A person stands side-on with the heels, bottom and upper back against a wall, "
        "looking straight ahead. An arrow marks the gap between the bony bump at the base "
        "of the neck (C7) and the wall: measure this gap in centimetres."),
}

SELF_TEST_PICTURE_IDS: tuple[str, ...] = tuple(_SELF_TESTS)


def self_test_picture(test_id: str) -> Rendered:
    """How to do one self-test, as a labelled picture."""
    if test_id not in _SELF_TESTS:
        known = ", ".join(SELF_TEST_PICTURE_IDS)
        raise KeyError(f"No self-test picture called {test_id!r}. Known self-tests: {known}.")
    picture = _SELF_TESTS[test_id]
    return svg_figure(picture.draw(), picture.alt)

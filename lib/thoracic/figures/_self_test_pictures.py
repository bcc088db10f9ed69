"""How to do each self-test, as a labelled picture."""

from __future__ import annotations

import math
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
from ._pose import HEAD_R, NECK, PAD, Point, Pose, pose_geometry, step
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
    add_label(ax, "Hips and knees\nkeep facing\nforward", (-1.25, 0.0), (-0.2, 0.0),
           ha="left", va="center")
    ax.annotate("", xy=(-0.75, 0.7), xytext=(-0.75, 0.4),
                arrowprops={"arrowstyle": "-|>", "color": TEXT, "linewidth": 1.2})
    ax.text(-0.7, 0.55, "front", fontsize=FONT, color=TEXT, ha="left", va="center")
    return fig


# Kofoed and colleagues' (2024) set-up: sitting on the floor, knees bent and feet flat, the
# low back and head against the wall (the head tipped just enough to rest on it); elbows
# raised to shoulder height and turned back as far as they go: the upper arm out to the
# side (seen end-on), the forearm up the wall.
_WALL_ANGEL_SIDE = Pose(trunk=90, hip=130, knee=84, ankle=48, neck=-28, shoulder=-90,
                        elbow=-90, upper_arm_seen=0.1, support="wall")


def _draw_w_front(ax: Axes) -> None:
    """The seated figure from the front, arms in a goal-post (W) shape against the wall:
    elbows out at shoulder height, forearms up."""
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


# The four scores seen from the side, wall on the left, after Kofoed and colleagues
# (2024; studied in people with an unstable shoulder), who count the parts of the arm that
# touch the wall. The near arm is modelled as elbow -> wrist -> knuckles -> fingertips
# (forearm, back of the hand, fingers), the elbow at shoulder height; the upper arm points
# at the viewer, so it shows only when the elbow is held forward of the shoulder. Each row
# is how far those four points are from the wall, in panel units: 0 is touching.
_ARM_JOINTS = ("elbow", "wrist", "knuckles", "fingertips")
_ARM_LENGTHS = (0.24, 0.08, 0.07)  # forearm, back of the hand, fingers
_LEVEL_ARMS: tuple[tuple[float, float, float, float], ...] = (
    (0.07, 0.21, 0.255, 0.295),  # 0: elbow forward, arm leaning out: nothing reaches
    (0.0, 0.1, 0.047, 0.0),  # 1: forearm leaning out, hand bent back: only the fingertips
    (0.0, 0.05, 0.0, 0.0),  # 2: wrist just off, hand bent back: the fingers lie on the wall
    (0.0, 0.0, 0.0, 0.0),  # 3: forearm and hand flat on the wall
)
# How each score's arm is drawn, for the alt text (the dots are added from the geometry).
_LEVEL_DRAWN = (
    "The elbow is held forward of the wall and the arm leans away from it.",
    "The forearm leans away from the wall and the hand bends back so that only the "
    "fingertips reach it.",
    "The wrist is just off the wall and the hand bends back so that the fingers lie along it.",
    "The forearm and the back of the hand lie flat along the wall.",
)
# The parts of the arm as the alt text names them.
_PART_WORDS = {"elbow": "the elbow", "forearm": "the forearm", "hand": "the back of the hand",
               "fingers": "the backs of the fingers", "fingertips": "the fingertips",
               "wrist": "the wrist", "knuckles": "the knuckles"}
_LEVEL_WALL_X = -0.02  # the wall's surface line in the small views
# Where a limb's centre line is when its back rests on the wall: half the wall line's
# width and half the arm's, at the small views' scale (about 200 points a unit).
_ON_WALL = _LEVEL_WALL_X + 0.017
_SHOULDER_Y = 0.5
_ARM_WIDTH = 4.5  # points: the near arm in the small views
# The small views show the back from mid-height up, so the hand is big enough to read.
_LEVEL_VIEW = ((-0.1, 0.34), (0.3, 1.0))
_WORDS_PER_LINE = 18  # the words under a panel: within half the figure's width at FONT
_BEHIND = "#a6a6a6"  # the head and neck, behind the near arm
# The named stretches of the arm that can lie along the wall, as the record words them.
_ARM_STRETCHES = {"forearm": ("elbow", "wrist"), "hand": ("wrist", "knuckles"),
                  "fingers": ("knuckles", "fingertips")}


def _level_arm(score: int) -> dict[str, Point]:
    """The near arm at one score, from the side: shoulder, elbow, wrist, knuckles and
    fingertips, each joint above the last by its segment's length (pure, for the tests)."""
    shoulder = (_ON_WALL, _SHOULDER_Y)
    gaps = _LEVEL_ARMS[score]
    arm = {"shoulder": shoulder, "elbow": (_ON_WALL + gaps[0], _SHOULDER_Y)}
    for i, length in enumerate(_ARM_LENGTHS):
        below = arm[_ARM_JOINTS[i]]
        across = gaps[i + 1] - gaps[i]
        arm[_ARM_JOINTS[i + 1]] = (_ON_WALL + gaps[i + 1],
                                   below[1] + math.sqrt(length**2 - across**2))
    return arm


def _wall_contacts(score: int) -> dict[str, Point]:
    """Each part of the arm touching the wall at one score, and where its dot goes.

    The elbow when it touches; a stretch (forearm, back of the hand, fingers) when both
    its ends do, so it lies along the wall (fingers lying on with the back of the hand are
    part of it); a lone joint that touches (the fingertips) by its own name.
    """
    arm = _level_arm(score)
    on = {joint for joint in _ARM_JOINTS if math.isclose(arm[joint][0], _ON_WALL,
                                                         abs_tol=1e-9)}
    flat = [part for part, ends in _ARM_STRETCHES.items() if set(ends) <= on]
    covered = {joint for part in flat for joint in _ARM_STRETCHES[part]}
    if "hand" in flat and "fingers" in flat:
        flat.remove("fingers")
    contacts = {"elbow": arm["elbow"]} if "elbow" in on else {}
    for part in flat:
        (x0, y0), (x1, y1) = (arm[joint] for joint in _ARM_STRETCHES[part])
        contacts[part] = ((x0 + x1) / 2, (y0 + y1) / 2)
    for joint in _ARM_JOINTS:
        if joint in on and joint not in covered and joint not in contacts:
            contacts[joint] = arm[joint]
    return contacts


def _draw_level(ax: Axes, score: int, words: str) -> None:
    """One score of the wall angel, from the side: the wall, the back, the near arm, and a
    dot on every part of the arm that touches the wall."""
    from matplotlib.patches import Circle, Rectangle

    bottom, top = _LEVEL_VIEW[1]
    panel(ax, *_LEVEL_VIEW, f"Score {score}", floor=False)
    ax.add_patch(Rectangle((-0.12, bottom), _LEVEL_WALL_X + 0.12, top - bottom,
                           facecolor=PROP_FILL, edgecolor="none", hatch="//", zorder=0))
    # The wall's surface over the arm's white edge, so an arm on the wall meets it.
    ax.plot([_LEVEL_WALL_X, _LEVEL_WALL_X], [bottom, top], color=PROP, linewidth=2.5,
            zorder=5.5)
    # The back and head on the wall, paler than the arm in front of them.
    c7 = (_ON_WALL, _SHOULDER_Y + 0.05)
    head = (_LEVEL_WALL_X + 0.018 + HEAD_R, c7[1] + NECK + HEAD_R * 0.8)
    draw_line(ax, [(_ON_WALL, bottom), c7], HIGHLIGHT, width=_ARM_WIDTH, zorder=2)
    draw_line(ax, [c7, step(head, 250, HEAD_R)], _BEHIND, width=_ARM_WIDTH, zorder=2)
    ax.add_patch(Circle(head, HEAD_R, facecolor="white", edgecolor=_BEHIND, linewidth=2.5,
                        zorder=3))
    arm = list(_level_arm(score).values())
    # A white edge under the arm keeps it in front of the head and back it crosses.
    draw_line(ax, arm, "white", width=_ARM_WIDTH + 3, zorder=5)
    draw_line(ax, arm, INK, width=_ARM_WIDTH, zorder=6)
    for point in _wall_contacts(score).values():
        ax.add_patch(Circle(point, 0.024, facecolor=MARK, edgecolor="white", linewidth=0.8,
                            zorder=7))
    _words_under(ax, words)


def _words_under(ax: Axes, words: str) -> None:
    """``words`` under a panel, wrapped to its width, as its x label: the layout makes
    room for a label (it would not for free text), and the panel shows no axis."""
    ax.set_axis_on()
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xlabel("\n".join(textwrap.wrap(words, _WORDS_PER_LINE)), fontsize=FONT,
                  color=TEXT, labelpad=4)


def _wall_angel_figure() -> Figure:
    from matplotlib.patches import Rectangle

    # Two views of the set-up over the four scores in two rows of two: four in a row would
    # leave each score's words too small to read on a phone.
    fig = new_figure(FIG_SIZE[0], FIG_SIZE[1] * 3.6)
    grid = fig.add_gridspec(4, 2, height_ratios=(1.0, 0.12, 1.0, 1.0))
    side = fig.add_subplot(grid[0, 0])
    front = fig.add_subplot(grid[0, 1])
    for score, words in enumerate(get_self_test("wall-angel").levels):
        _draw_level(fig.add_subplot(grid[2 + score // 2, score % 2]), score, words)
    # Over the scores, what they count (Kofoed and colleagues, 2024).
    heading = fig.add_subplot(grid[1, :])
    heading.set_axis_off()
    heading.text(0.5, 0.5, "Score: count the parts of the arm\nthat touch the wall (dots)",
                 fontsize=FONT, color=TEXT, ha="center", va="center",
                 transform=heading.transAxes)
    panel(side, (-0.45, 0.95), (-0.05, 1.05), "From the side")
    draw_pose(side, _WALL_ANGEL_SIDE, arm_in_front=True)
    _words_under(side, "Low back and head on the wall. Elbows at shoulder height, turned back")
    panel(front, (-0.7, 0.7), (-0.05, 1.05), "From the front")
    # Seen from the front the wall is behind the figure: a plain panel.
    front.add_patch(Rectangle((-0.55, 0), 1.1, 1.0, facecolor=PROP_FILL, edgecolor=PROP,
                              linewidth=1, zorder=0))
    _draw_w_front(front)
    _words_under(front, "Arms in a W")
    return fig


# Standing with heels, bottom and upper back on the wall. A rounded upper back tips the
# base of the neck (C7) forward, away from the wall: that gap is what the test measures.
_NECK_TO_WALL = Pose(trunk=90, upper_back=-45, neck=38, hip=0, knee=0,
                     shoulder=43, elbow=8, support="wall")


def _neck_to_wall_figure() -> Figure:
    from matplotlib.patches import Circle

    fig = new_figure(FIG_SIZE[0], FIG_SIZE[1] * 1.3)  # room for a standing figure to read
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
    add_label(close, "base of the\nneck (C7)", (c7[0] + 0.1, c7[1] + 0.01), c7, ha="left",
           va="center")
    return fig


def _wall_angel_alt() -> str:
    """The wall angel's alt text: the set-up, then each score's words, how its arm is
    drawn, and its dots (named from the same geometry that places them)."""
    scores = []
    for score, words in enumerate(get_self_test("wall-angel").levels):
        parts = [_PART_WORDS[part] for part in _wall_contacts(score)]
        dots = (f"Dots on {', '.join(parts[:-1])} and {parts[-1]}." if len(parts) > 1
                else f"A dot on {parts[0]}." if parts else "No dots.")
        scores.append(f"Score {score}: {words} {_LEVEL_DRAWN[score]} {dots}")
    return ("A person sits on the floor with the knees bent, the feet flat, and the low back "
            "and head against a wall, seen from the side and from the front. The elbows are "
            "raised to shoulder height and turned back as far as they go, the forearms "
            "pointing up: a goal-post or W shape. Below, four small side views show the "
            "scores, which count the parts of the arm that touch the wall, with a dot on "
            "each. " + " ".join(scores))


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
    "wall-angel": _SelfTestPicture(_wall_angel_figure, _wall_angel_alt()),
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

"""Exercises, moving: SVG animated by the browser itself (SMIL), no kernel, no script."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import fields, replace
from html import escape

from ..base import Rendered
from ._drawing import (
    FLOOR_WIDTH,
    HEAD_WIDTH,
    HIGHLIGHT,
    INK,
    LIMB_WIDTH,
    PROP,
    ROLLER_FILL,
    ROLLER_WIDTH,
)
from ._exercise_poses import ExerciseDiagram, find_exercise_diagram
from ._pose import BODY_LINES, HEAD_R, PAD, ROLLER_R, Geometry, Point, Pose, pose_geometry

__all__ = ["movement_animation"]

#
# Written by hand rather than by matplotlib: a few <animate> elements move each body line
# between the same start and end poses the static diagram shows, so the movement plays in
# any browser with no kernel and no JavaScript. The props (floor, roller) stay still.

_ANGLES = tuple(field.name for field in fields(Pose) if field.name != "support")
_SCALE = 100.0  # SVG user units per body unit: with one decimal, steps of 1 mm or so
_EM_PER_UNIT = 12.0  # display size, about the scale of the static diagrams
_DURATION = 6  # seconds for the whole loop: there, pause, back, pause
_MOVE, _HOLD = 0.4, 0.1  # fractions of the loop spent moving one way, and pausing
_STEPS = 6  # keyframes per way; eased, so the movement starts and ends slowly
_PT = 2 * PAD / LIMB_WIDTH  # one point of line width in body units, as in the pictures
_ANIMATION_CAPTION = "The movement, slowly, on a loop."
_TOGGLE = "The movement on a loop (select here to hide it, or to show it again)"


def _between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from start to end, every joint turning evenly."""
    return replace(start, **{name: (1 - t) * getattr(start, name) + t * getattr(end, name)
                             for name in _ANGLES})


def _hand_height(geometry: Geometry) -> float:
    """How far the hand is above the knee."""
    return geometry.lines["arm"][-1][1] - geometry.lines["leg"][1][1]


def _keep_hand_height(pose: Pose, height: float) -> Pose:
    """The pose with the arm turned at the shoulder so the hand is ``height`` above the knee.

    Between two poses with the hands on the floor, turning every joint evenly would lift
    the hands off the floor or push them through it; this keeps them planted.
    """
    geometry = pose_geometry(pose)
    shoulder, hand = geometry.lines["arm"][0], geometry.lines["arm"][-1]
    reach = math.dist(shoulder, hand)
    now = math.degrees(math.atan2(hand[1] - shoulder[1], hand[0] - shoulder[0]))
    rise = geometry.lines["leg"][1][1] + height - shoulder[1]
    low = math.degrees(math.asin(max(-1.0, min(1.0, rise / reach))))
    # Of the two directions that put the hand at that height, take the nearer one. The
    # shoulder angle adds to the arm's direction, so the arm turns by the difference.
    turn = min((low - now, 180 - low - now), key=lambda d: abs((d + 180) % 360 - 180))
    return replace(pose, shoulder=pose.shoulder + (turn + 180) % 360 - 180)


def _animation_frames(diagram: ExerciseDiagram) -> list[Geometry]:
    """Keyframes from the start pose to the end pose, both exactly as the diagram has them.

    In between, the joint angles turn evenly (so limbs keep their length and move in
    arcs), the knees slide evenly from their start to their end place (in these exercises
    they stay put), and hands that are on the floor at both ends stay on it.
    """
    first = pose_geometry(diagram.start)
    last = pose_geometry(diagram.end, diagram.end_x)
    planted = all(abs(g.lines["arm"][-1][1] - PAD) < 0.005 for g in (first, last))
    frames = [first]
    for step in range(1, _STEPS):
        t = (1 - math.cos(math.pi * step / _STEPS)) / 2  # eased: slow at both ends
        pose = _between(diagram.start, diagram.end, t)
        if planted:
            height = (1 - t) * _hand_height(first) + t * _hand_height(last)
            pose = _keep_hand_height(pose, height)
        knee_x = (1 - t) * first.lines["leg"][1][0] + t * last.lines["leg"][1][0]
        frames.append(pose_geometry(pose, knee_x - pose_geometry(pose).lines["leg"][1][0]))
    frames.append(last)
    return frames


def _number(value: float) -> str:
    return f"{round(value, 1) + 0.0:g}"  # one decimal, and never "-0"


def _svg_xy(diagram: ExerciseDiagram, point: Point) -> tuple[str, str]:
    """A point in body units as SVG coordinates (y down) inside the diagram's panel."""
    return (_number((point[0] - diagram.xlim[0]) * _SCALE),
            _number((diagram.ylim[1] - point[1]) * _SCALE))


def _svg_points(diagram: ExerciseDiagram, points: Sequence[Point]) -> str:
    return " ".join(",".join(_svg_xy(diagram, point)) for point in points)


def _animate(attribute: str, values: Sequence[str]) -> str:
    """One looping <animate>: there, pause, back, pause; ``values`` are the way there."""
    there = [_MOVE * i / (len(values) - 1) for i in range(len(values))]
    times = [*there, *(_MOVE + _HOLD + at for at in there), 1.0]
    loop = [*values, *values[::-1], values[0]]
    key_times = ";".join(f"{round(at, 4):g}" for at in times)
    return (f'<animate attributeName="{attribute}" values="{";".join(loop)}" '
            f'keyTimes="{key_times}" dur="{_DURATION}s" repeatCount="indefinite"/>')


def _animation_svg(exercise_id: str, diagram: ExerciseDiagram) -> str:
    frames = _animation_frames(diagram)
    first = frames[0]
    width = (diagram.xlim[1] - diagram.xlim[0]) * _SCALE
    height = (diagram.ylim[1] - diagram.ylim[0]) * _SCALE
    max_width = (diagram.xlim[1] - diagram.xlim[0]) * _EM_PER_UNIT
    alt = escape(diagram.motion)
    parts = [
        f'<svg id="anim-{exercise_id}" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_number(width)} {_number(height)}" role="img" aria-label="{alt}" '
        f'style="display:block;width:100%;height:auto;max-width:{_number(max_width)}em">'
        f"<title>{alt}</title>",
    ]
    floor_y = _svg_xy(diagram, (0.0, 0.0))[1]
    parts.append(f'<line x1="0" y1="{floor_y}" x2="{_number(width)}" y2="{floor_y}" '
                 f'stroke="{PROP}" stroke-width="{_number(FLOOR_WIDTH * _PT * _SCALE)}"/>')
    if first.roller is not None:
        x, y = _svg_xy(diagram, first.roller)
        parts.append(f'<circle cx="{x}" cy="{y}" r="{_number(ROLLER_R * _SCALE)}" '
                     f'fill="{ROLLER_FILL}" stroke="{INK}" '
                     f'stroke-width="{_number(ROLLER_WIDTH * _PT * _SCALE)}"/>')
    parts.append(f'<g fill="none" stroke-linecap="round" stroke-linejoin="round" '
                 f'stroke-width="{_number(LIMB_WIDTH * _PT * _SCALE)}">')
    for name in BODY_LINES:
        color = HIGHLIGHT if name == "thoracic" else INK
        values = [_svg_points(diagram, frame.lines[name]) for frame in frames]
        parts.append(f'<polyline data-part="{name}" stroke="{color}" points="{values[0]}">'
                     f'{_animate("points", values)}</polyline>')
    parts.append("</g>")
    heads = [_svg_xy(diagram, frame.head) for frame in frames]
    parts.append(f'<circle data-part="head" cx="{heads[0][0]}" cy="{heads[0][1]}" '
                 f'r="{_number(HEAD_R * _SCALE)}" fill="white" stroke="{INK}" '
                 f'stroke-width="{_number(HEAD_WIDTH * _PT * _SCALE)}">'
                 f'{_animate("cx", [x for x, _ in heads])}{_animate("cy", [y for _, y in heads])}'
                 "</circle>")
    parts.append("</svg>")
    return "".join(parts)


def movement_animation(exercise_id: str) -> Rendered:
    """The exercise's movement as a looping animation, from its start pose to its end pose.

    Plain SVG animated by the browser (SMIL), so it plays with no kernel and no JavaScript;
    the same exercise always gives the same bytes.
    """
    diagram = find_exercise_diagram(exercise_id)
    # Moving pictures must be able to stop (WCAG 2.2.2): the summary hides the loop and
    # shows it again, with no script, in JupyterLab and in the web pages alike.
    html = (f'<details open class="thoracic-animation"><summary>{escape(_TOGGLE)}</summary>'
            f'<figure style="margin:0.5em 0;max-width:40em">'
            f"{_animation_svg(exercise_id, diagram)}"
            f"<figcaption>{escape(_ANIMATION_CAPTION)}</figcaption></figure></details>")
    return Rendered(html, f"[Animation: {diagram.motion}]")

"""Exercises, moving: SVG animated by the browser itself (SMIL), no kernel, no script."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..base import Rendered
from ..content import Dose, get_exercise
from ._drawing import (
    FLOOR_WIDTH,
    HEAD_WIDTH,
    HIGHLIGHT,
    INK,
    LIMB_WIDTH,
    PROP,
    PROP_FILL,
    ROLLER_FILL,
    ROLLER_WIDTH,
)
from ._exercise_poses import MovementDiagram, find_exercise_diagram
from ._pose import HEAD_R, PAD, ROLLER_R, Point

__all__ = ["loop_seconds", "movement_animation"]

#
# Written by hand rather than by matplotlib: a few <animate> elements move each body line
# between the same start and end positions the static diagram shows, so the movement
# plays in any browser with no kernel and no JavaScript. The props (floor, roller, pillow)
# stay still. Its pace is the exercise's own: one loop is one rep at the dose's tempo (or,
# for a hold, easing in and out at the dose's pace), so the picture and the timer agree.

_SCALE = 100.0  # SVG user units per body unit: with one decimal, steps of 1 mm or so
_EM_PER_UNIT = 12.0  # display size, about the scale of the static diagrams
_STEPS = 6  # keyframes per way; eased, so the movement starts and ends slowly
_PT = 2 * PAD / LIMB_WIDTH  # one point of line width in body units, as in the pictures
_TOGGLE = "The movement on a loop (select here to hide it, or to show it again)"


def loop_seconds(dose: Dose) -> float:
    """How long one loop of the exercise's animation lasts: its rep, or easing in and out."""
    return sum(dose.movement_seconds)


def _caption(dose: Dose) -> str:
    there, pause, back, _ = dose.movement_seconds
    if dose.style == "reps":
        held = f", a {pause:g}-second pause," if pause else ""
        return (f"One rep at the pace to aim for: about {there:g} seconds there{held} and "
                f"{back:g} seconds back, so each loop is one rep of {loop_seconds(dose):g} "
                "seconds and one slow breath.")
    return (f"Easing into the stretch and out of it at the pace to aim for, about {there:g} "
            f"seconds each way. The loop only pauses briefly at the end; in the real "
            f"exercise you hold still there for {dose.work_seconds:g} seconds, and the timer "
            "counts it for you.")


def _number(value: float) -> str:
    return f"{round(value, 1) + 0.0:g}"  # one decimal, and never "-0"


def _svg_xy(diagram: MovementDiagram, point: Point) -> tuple[str, str]:
    """A point in body units as SVG coordinates (y down) inside the diagram's panel."""
    return (_number((point[0] - diagram.xlim[0]) * _SCALE),
            _number((diagram.ylim[1] - point[1]) * _SCALE))


def _svg_points(diagram: MovementDiagram, points: Sequence[Point]) -> str:
    return " ".join(",".join(_svg_xy(diagram, point)) for point in points)


def _animate(attribute: str, values: Sequence[str],
             timing: tuple[float, float, float, float]) -> str:
    """One looping <animate>: there, pause, back, pause (``timing``, in seconds);
    ``values`` are the way there."""
    total = sum(timing)
    there, pause, back, _ = (part / total for part in timing)
    steps = len(values) - 1
    times = [*(there * i / steps for i in range(steps + 1)),
             *(there + pause + back * i / steps for i in range(steps + 1)), 1.0]
    loop = [*values, *values[::-1], values[0]]
    key_times = ";".join(f"{round(at, 4):g}" for at in times)
    return (f'<animate attributeName="{attribute}" values="{";".join(loop)}" '
            f'keyTimes="{key_times}" dur="{total:g}s" repeatCount="indefinite"/>')


def _animation_svg(exercise_id: str, diagram: MovementDiagram,
                   timing: tuple[float, float, float, float]) -> str:
    frames = diagram.frames(_STEPS)
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
    for x0, y0, box_width, box_height in diagram.props:
        left, top = _svg_xy(diagram, (x0, y0 + box_height))
        parts.append(f'<rect x="{left}" y="{top}" width="{_number(box_width * _SCALE)}" '
                     f'height="{_number(box_height * _SCALE)}" fill="{PROP_FILL}" '
                     f'stroke="{PROP}"/>')
    if first.roller is not None:
        x, y = _svg_xy(diagram, first.roller)
        parts.append(f'<circle cx="{x}" cy="{y}" r="{_number(ROLLER_R * _SCALE)}" '
                     f'fill="{ROLLER_FILL}" stroke="{INK}" '
                     f'stroke-width="{_number(ROLLER_WIDTH * _PT * _SCALE)}"/>')
    heads = [_svg_xy(diagram, frame.head) for frame in frames]
    head = (f'<circle data-part="head" cx="{heads[0][0]}" cy="{heads[0][1]}" '
            f'r="{_number(HEAD_R * _SCALE)}" fill="white" stroke="{INK}" '
            f'stroke-width="{_number(HEAD_WIDTH * _PT * _SCALE)}">'
            f'{_animate("cx", [x for x, _ in heads], timing)}'
            f'{_animate("cy", [y for _, y in heads], timing)}'
            "</circle>")
    # A hand behind the head hides behind it; an arm reaching past the head shows over it.
    front = diagram.lines_in_front
    for layer in ("behind", "front"):
        parts.append(f'<g fill="none" stroke-linecap="round" stroke-linejoin="round" '
                     f'stroke-width="{_number(LIMB_WIDTH * _PT * _SCALE)}">')
        for name in first.lines:
            if (name in front) != (layer == "front"):
                continue
            color = HIGHLIGHT if name == "thoracic" else INK
            values = [_svg_points(diagram, frame.lines[name]) for frame in frames]
            parts.append(f'<polyline data-part="{name}" stroke="{color}" '
                         f'points="{values[0]}">{_animate("points", values, timing)}'
                         "</polyline>")
        parts.append("</g>")
        if layer == "behind":
            parts.append(head)
    parts.append("</svg>")
    return "".join(parts)


def movement_animation(exercise_id: str) -> Rendered:
    """The exercise's movement as a looping animation, from its start pose to its end pose.

    Plain SVG animated by the browser (SMIL), so it plays with no kernel and no JavaScript;
    the same exercise always gives the same bytes.
    """
    diagram = find_exercise_diagram(exercise_id)
    dose = get_exercise(exercise_id).dose
    # Moving pictures must be able to stop (WCAG 2.2.2): the summary hides the loop and
    # shows it again, with no script, in JupyterLab and in the web pages alike.
    html = (f'<details open class="thoracic-animation"><summary>{escape(_TOGGLE)}</summary>'
            f'<figure style="margin:0.5em 0;max-width:40em">'
            f"{_animation_svg(exercise_id, diagram, dose.movement_seconds)}"
            f"<figcaption>{escape(_caption(dose))}</figcaption></figure></details>")
    return Rendered(html, f"[Animation: {diagram.motion}]")

"""Stick figures and simple anatomy pictures, as accessible SVG.

A stick figure is posed from a handful of joint angles (a ``Pose``), so each exercise's
start and end positions are a few readable numbers rather than hand-placed points. The
upper back (thoracic spine) is always drawn in the course's highlight colour, so learners
see where the movement happens. Every picture goes through ``svg_figure``: same picture,
same bytes, with alt text.

Matplotlib is imported only inside functions (through ``new_figure``), so importing this
module costs nothing and touches no global state.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from html import escape
from typing import TYPE_CHECKING, Any, Literal

from ._display import Rendered
from ._svg import OKABE_ITO, new_figure, svg_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = [
    "EXERCISE_DIAGRAM_IDS",
    "SELF_TEST_PICTURE_IDS",
    "Pose",
    "Support",
    "draw_pose",
    "exercise_diagram",
    "movement_animation",
    "self_test_picture",
    "spine_picture",
]

Point = tuple[float, float]
Support = Literal["floor", "roller", "chair", "wall"]

# Segment lengths in body units (a standing adult is about 1.8 tall). Only the ratios
# matter; they follow common body proportions so the figures look like people.
_THIGH, _SHIN, _FOOT = 0.44, 0.42, 0.12
_LUMBAR, _THORACIC, _NECK, _HEAD_R = 0.22, 0.30, 0.06, 0.095
_SHOULDER_DROP = 0.05
_UPPER_ARM, _FOREARM = 0.29, 0.26
# The spine bends as an arc of several short pieces, so a bent upper back looks curved.
_LUMBAR_PIECES, _THORACIC_PIECES = 2, 4
_ROLLER_R = 0.075

_LIMB_WIDTH = 6.0  # points
_HEAD_WIDTH = 3.0  # points: the outline of the head
_ROLLER_WIDTH = 1.5  # points: the outline of the roller
_FLOOR_WIDTH = 2.0  # points
_PAD = 0.022  # about half a limb's width in data units: limbs rest on the floor, not in it
_FIG_SIZE = (6.4, 3.0)
_FONT = 10.5
_TITLE_FONT = 12.0

_INK = "#3b3b3b"  # dark grey body: calm, and lets the blue upper back stand out
_TEXT = "#1a1a1a"
_PROP = "#6f6f6f"
_PROP_FILL = "#e4e4e4"
_HIGHLIGHT = OKABE_ITO[0]  # blue: the upper back, in every picture of the course
_MARK = OKABE_ITO[5]  # vermillion: arrows, angles and things to measure
_ROLLER_FILL = OKABE_ITO[1]


@dataclass(frozen=True)
class Pose:
    """A side-view pose of a figure facing right, as joint angles in degrees.

    ``trunk`` is the direction of the pelvis and lower back, measured anticlockwise from
    pointing right: 90 is upright, 0 is face down (as on hands and knees), 180 is lying on
    the back with the head to the left. The other angles are bends at the joints:

    * ``lower_back``, ``upper_back``, ``neck``: positive bends backward (extension, arching),
      negative rounds forward (flexion, slouching). A back bend is spread along its region,
      so it shows as a curve.
    * ``hip``, ``knee``, ``shoulder``, ``elbow``: flexion (0 is straight, as when standing
      with the arms by the sides); ``ankle``: pointing the toes (0 is a standing foot).
    * ``upper_arm_seen``, ``forearm_seen``: how much of each arm segment shows in a side
      view (1 when it moves in the picture's plane, less when it points toward the viewer).
    * ``support``: what the figure is on or against; the prop is drawn to fit the pose.
    """

    trunk: float = 90.0
    lower_back: float = 0.0
    upper_back: float = 0.0
    neck: float = 0.0
    hip: float = 0.0
    knee: float = 0.0
    ankle: float = 0.0
    shoulder: float = 0.0
    elbow: float = 0.0
    upper_arm_seen: float = 1.0
    forearm_seen: float = 1.0
    support: Support = "floor"


def _step(start: Point, degrees: float, length: float) -> Point:
    angle = math.radians(degrees)
    return (start[0] + length * math.cos(angle), start[1] + length * math.sin(angle))


def _arc(start: Point, base: float, bend: float, length: float, pieces: int) -> list[Point]:
    """Points along a spine region whose direction turns evenly from base to base + bend."""
    points = [start]
    for i in range(pieces):
        # The first piece keeps the base direction, so a bend starts at the region's
        # lower end (where a roller sits) and the top piece ends at base + bend.
        direction = base + bend * i / max(pieces - 1, 1)
        points.append(_step(points[-1], direction, length / pieces))
    return points


def _landmarks(pose: Pose) -> dict[str, list[Point]]:
    """Joint positions with the hip at the origin, grouped into the lines that are drawn."""
    hip = (0.0, 0.0)
    lumbar = _arc(hip, pose.trunk, pose.lower_back, _LUMBAR, _LUMBAR_PIECES)
    thoracic_base = pose.trunk + pose.lower_back
    thoracic = _arc(lumbar[-1], thoracic_base, pose.upper_back, _THORACIC, _THORACIC_PIECES)
    top = thoracic_base + pose.upper_back  # direction of the spine at the base of the neck
    c7 = thoracic[-1]
    neck_direction = top + pose.neck
    neck_end = _step(c7, neck_direction, _NECK)
    head = _step(c7, neck_direction, _NECK + _HEAD_R)
    # The face looks a quarter turn clockwise from the neck's direction (to the right
    # when upright); the nose marks it so a learner sees which way the figure faces.
    face = _step(head, neck_direction - 90, _HEAD_R)
    thigh = pose.trunk + 180 + pose.hip
    knee = _step(hip, thigh, _THIGH)
    shin = thigh - pose.knee
    ankle = _step(knee, shin, _SHIN)
    toe = _step(ankle, shin + 90 - pose.ankle, _FOOT)
    # The shoulder joint sits a little below the base of the neck, on the upper back.
    shoulder = _step(c7, top + 180, _SHOULDER_DROP)
    arm = top + 180 + pose.shoulder
    elbow = _step(shoulder, arm, _UPPER_ARM * pose.upper_arm_seen)
    hand = _step(elbow, arm + pose.elbow, _FOREARM * pose.forearm_seen)
    return {"lumbar": lumbar, "thoracic": thoracic, "neck": [c7, neck_end], "head": [head],
            "face": [face], "leg": [hip, knee, ankle, toe], "arm": [shoulder, elbow, hand]}


@dataclass(frozen=True)
class _Geometry:
    """Where every part of one posed figure is, in body units, on a floor at y = 0.

    ``lines`` are the body's polylines by name (leg, lumbar, thoracic, neck, arm); ``head``
    is the centre of the head, ``face`` the point on its outline the face looks toward, and
    ``roller`` the centre of a foam roller under the upper back (None without one).
    """

    lines: dict[str, tuple[Point, ...]]
    head: Point
    face: Point
    roller: Point | None

    def named_points(self) -> dict[str, Point]:
        """Joints by name, for labels and arrows (and what ``draw_pose`` returns)."""
        hip, knee, ankle, toe = self.lines["leg"]
        shoulder, elbow, hand = self.lines["arm"]
        return {"hip": hip, "knee": knee, "ankle": ankle, "toe": toe,
                "c7": self.lines["neck"][0], "shoulder": shoulder, "elbow": elbow,
                "hand": hand, "head": self.head, "mid_back": self.lines["thoracic"][0]}


# The body's lines from back to front, as they overlap in every picture.
_BODY_LINES = ("leg", "lumbar", "neck", "thoracic", "arm")


def _pose_geometry(pose: Pose, x: float = 0.0) -> _Geometry:
    """The one place a pose becomes coordinates: hip at ``x``, lowest part on the floor.

    Pure (no drawing), so the matplotlib pictures and the SVG animations share it.
    """
    marks = _landmarks(pose)
    lowest = min(
        min(y for name, points in marks.items() if name not in ("head", "face")
            for _, y in points),
        marks["head"][0][1] - _HEAD_R,
    )
    dy = _PAD - lowest
    moved = {name: tuple((px + x, py + dy) for px, py in points)
             for name, points in marks.items()}
    roller = None
    if pose.support == "roller":
        # The roller touches the spine at the lowest joint of the upper back (just below
        # the shoulder blades), on the back side of the body.
        lower, upper = moved["thoracic"][0], moved["thoracic"][1]
        along = math.degrees(math.atan2(upper[1] - lower[1], upper[0] - lower[0]))
        roller = _step(upper, along + 90, _ROLLER_R + _PAD)
    return _Geometry({name: moved[name] for name in _BODY_LINES}, moved["head"][0],
                     moved["face"][0], roller)


def _line(ax: Axes, points: Sequence[Point], color: str, *, width: float = _LIMB_WIDTH,
          zorder: float = 3) -> None:
    ax.plot([p[0] for p in points], [p[1] for p in points], color=color, linewidth=width,
            solid_capstyle="round", solid_joinstyle="round", zorder=zorder)


def _draw_head(ax: Axes, centre: Point, face: Point | None, zorder: float = 5) -> None:
    from matplotlib.patches import Circle, Polygon

    # White fill: a hand "behind the head" disappears behind it, as it would in life.
    ax.add_patch(Circle(centre, _HEAD_R, facecolor="white", edgecolor=_INK,
                        linewidth=_HEAD_WIDTH, zorder=zorder))
    if face is not None:
        direction = math.degrees(math.atan2(face[1] - centre[1], face[0] - centre[0]))
        nose = [_step(centre, direction + 14, _HEAD_R), _step(centre, direction, _HEAD_R + 0.03),
                _step(centre, direction - 14, _HEAD_R)]
        ax.add_patch(Polygon(nose, closed=True, facecolor=_INK, edgecolor=_INK, linewidth=1,
                             zorder=zorder))


def _draw_roller(ax: Axes, centre: Point) -> None:
    from matplotlib.patches import Circle

    ax.add_patch(Circle(centre, _ROLLER_R, facecolor=_ROLLER_FILL, edgecolor=_INK,
                        linewidth=_ROLLER_WIDTH, zorder=1))


def _wall_x(geometry: _Geometry) -> float:
    """Where a wall behind the figure touches the back (the spine) or the heels."""
    lines = geometry.lines
    back = [*lines["lumbar"], *lines["thoracic"], lines["leg"][2]]
    return min(px for px, _ in back) - _PAD


def _draw_wall(ax: Axes, geometry: _Geometry, height: float = 2.2) -> None:
    from matplotlib.patches import Rectangle

    wall_x = _wall_x(geometry)
    ax.add_patch(Rectangle((wall_x - 0.12, 0), 0.12, height, facecolor=_PROP_FILL,
                           edgecolor="none", hatch="//", zorder=0))
    ax.plot([wall_x, wall_x], [0, height], color=_PROP, linewidth=2.5, zorder=1)


def _draw_chair(ax: Axes, geometry: _Geometry) -> None:
    hip, knee = geometry.lines["leg"][0], geometry.lines["leg"][1]
    seat_y = hip[1] - _PAD
    back_x, front_x = hip[0] - 0.14, min(knee[0] - 0.04, hip[0] + 0.3)
    style = {"color": _PROP, "linewidth": 3, "solid_capstyle": "round", "zorder": 1}
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
    geometry = _pose_geometry(pose, x)
    if geometry.roller is not None:
        _draw_roller(ax, geometry.roller)
    elif pose.support == "wall":
        _draw_wall(ax, geometry)
    elif pose.support == "chair":
        _draw_chair(ax, geometry)
    lines = geometry.lines
    _line(ax, lines["leg"], _INK, zorder=2)
    _line(ax, lines["lumbar"], _INK, zorder=3)
    _line(ax, lines["thoracic"], _HIGHLIGHT, zorder=3.5)
    _line(ax, lines["neck"], _INK, zorder=3)
    _line(ax, lines["arm"], _INK, zorder=6 if arm_in_front else 4)
    _draw_head(ax, geometry.head, geometry.face if nose else None)
    return geometry.named_points()


def _panel(ax: Axes, xlim: tuple[float, float], ylim: tuple[float, float],
           title: str | None = None, floor: bool = True) -> None:
    """Same limits on every panel of a figure, so the figures share one scale."""
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.set_axis_off()
    if floor:
        ax.axhline(0, color=_PROP, linewidth=_FLOOR_WIDTH, zorder=0)
    if title:
        ax.set_title(title, fontsize=_TITLE_FONT, color=_TEXT)


# --- Exercises: a start and an end pose each --------------------------------------------

# Lying on the back over the roller: the hips and feet stay on the floor (hip 78, knee 103
# and ankle 37 put the feet flat), hands laced behind the head, elbows pointing forward.
# The end pose only bends the upper back, so the roller stays put under it.
_ROLLER_START = Pose(trunk=152, hip=78, knee=103, ankle=37, neck=-12, shoulder=135,
                     elbow=130, support="roller")
_ROLLER_END = Pose(trunk=152, upper_back=40, hip=78, knee=103, ankle=37, neck=-12,
                   shoulder=135, elbow=130, support="roller")
# Hands and knees: thighs and arms vertical, back level, tops of the feet on the floor.
_CHILD_START = Pose(trunk=13, hip=77, knee=90, ankle=90, neck=-20, shoulder=77)
# Sitting back: hips toward the heels, back rounded over the thighs, arms long.
_CHILD_END = Pose(trunk=5, lower_back=-10, upper_back=-30, neck=0, hip=135, knee=140,
                  ankle=90, shoulder=192)
# Kneeling tall: hips right over the knees, hands behind the head (from the side, the
# elbows show in front of the face). The end pose only arches the upper back.
_KNEEL_START = Pose(trunk=90, hip=0, knee=90, ankle=90, shoulder=135, elbow=130)
_KNEEL_END = Pose(trunk=90, upper_back=38, neck=10, hip=0, knee=90, ankle=90, shoulder=135,
                  elbow=130)


@dataclass(frozen=True)
class _ExerciseDiagram:
    start: Pose
    end: Pose
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    alt: str
    motion: str  # alt text for the animation: the movement in plain words
    end_x: float = 0.0  # shifts the end figure so what stays put (knees, feet) lines up
    moving: Literal["head", "hip"] = "head"  # the part the arrow in the End panel follows


_EXERCISES: dict[str, _ExerciseDiagram] = {
    "foam-roller-extension": _ExerciseDiagram(
        _ROLLER_START, _ROLLER_END, (-0.85, 0.72), (-0.05, 0.75),
        "Foam roller extension in two stick figures, seen from the side, with the upper back "
        "in blue. Start: lying on the back with the knees bent and the feet flat on the floor, "
        "a foam roller across the upper back just below the shoulder blades, and the hands "
        "behind the head. End: the upper back curves back over the roller, while the hips "
        "stay on the floor and the hands still hold the head.",
        "A stick figure seen from the side, lying on the back over a foam roller with the "
        "knees bent and the hands behind the head. The upper back, in blue, slowly bends "
        "back over the roller, pauses, and curls back up, while the hips stay on the floor."),
    "childs-pose": _ExerciseDiagram(
        _CHILD_START, _CHILD_END, (-0.6, 1.1), (-0.05, 0.85),
        "Child's pose in two stick figures, seen from the side, with the upper back in blue. "
        "Start: on hands and knees, with the hands under the shoulders and the knees under "
        "the hips. End: the hips sit back toward the heels, the arms reach forward along the "
        "floor, and the chest sinks toward the floor with the forehead on the mat.",
        "A stick figure seen from the side, on hands and knees. The hips slowly sit back "
        "toward the heels while the back, upper back in blue, rounds and the chest sinks "
        "toward the floor; after a pause it comes forward again onto hands and knees.",
        end_x=-0.337, moving="hip"),
    "kneeling-thoracic-extension": _ExerciseDiagram(
        _KNEEL_START, _KNEEL_END, (-0.6, 0.55), (-0.05, 1.42),
        "Kneeling thoracic extension in two stick figures, seen from the side, with the upper "
        "back in blue. Start: kneeling tall with the hips right over the knees and the hands "
        "behind the head. End: the chest lifts and the upper back arches gently backward, "
        "while the hips stay over the knees.",
        "A stick figure seen from the side, kneeling tall with the hands behind the head. "
        "The chest slowly lifts as the upper back, in blue, arches gently backward; after a "
        "pause it returns upright, while the hips stay over the knees."),
}

EXERCISE_DIAGRAM_IDS: tuple[str, ...] = tuple(_EXERCISES)


def _exercise_figure(diagram: _ExerciseDiagram) -> Figure:
    fig = new_figure(*_FIG_SIZE)
    start_ax, end_ax = fig.subplots(1, 2)
    _panel(start_ax, diagram.xlim, diagram.ylim, "Start")
    _panel(end_ax, diagram.xlim, diagram.ylim, "End")
    # No nose: the hands sit at the head in two of the three, and it would clutter.
    before = draw_pose(start_ax, diagram.start, nose=False)
    after = draw_pose(end_ax, diagram.end, x=diagram.end_x, nose=False)
    # An arrow shows the movement: for an arching back, it swings around the bottom of the
    # upper back, just outside the head's path; otherwise it joins the part's two places.
    start, end = before[diagram.moving], after[diagram.moving]
    bend = 0.35
    if diagram.moving == "head":
        pivot, reach = after["mid_back"], math.dist(after["mid_back"], end) + 0.2
        angles = [math.atan2(p[1] - pivot[1], p[0] - pivot[0]) for p in (start, end)]
        start, end = ((pivot[0] + reach * math.cos(a), pivot[1] + reach * math.sin(a))
                      for a in angles)
        bend = 0.2 if angles[1] > angles[0] else -0.2
    end_ax.annotate("", xy=end, xytext=start,
                    arrowprops={"arrowstyle": "-|>", "color": _MARK, "linewidth": 2,
                                "mutation_scale": 14, "shrinkA": 0, "shrinkB": 0,
                                "connectionstyle": f"arc3,rad={bend}"}, zorder=7)
    return fig


def _exercise(exercise_id: str) -> _ExerciseDiagram:
    if exercise_id not in _EXERCISES:
        known = ", ".join(EXERCISE_DIAGRAM_IDS)
        raise KeyError(f"No exercise diagram called {exercise_id!r}. Known exercises: {known}.")
    return _EXERCISES[exercise_id]


def exercise_diagram(exercise_id: str) -> Rendered:
    """Start and end positions of one exercise, side by side, as stick figures."""
    diagram = _exercise(exercise_id)
    return svg_figure(_exercise_figure(diagram), diagram.alt)


# --- Exercises, moving: SVG animated by the browser itself (SMIL) ------------------------
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
_PT = 2 * _PAD / _LIMB_WIDTH  # one point of line width in body units, as in the pictures
_ANIMATION_CAPTION = "The movement, slowly, on a loop."


def _between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from start to end, every joint turning evenly."""
    return replace(start, **{name: (1 - t) * getattr(start, name) + t * getattr(end, name)
                             for name in _ANGLES})


def _hand_height(geometry: _Geometry) -> float:
    """How far the hand is above the knee."""
    return geometry.lines["arm"][-1][1] - geometry.lines["leg"][1][1]


def _keep_hand_height(pose: Pose, height: float) -> Pose:
    """The pose with the arm turned at the shoulder so the hand is ``height`` above the knee.

    Between two poses with the hands on the floor, turning every joint evenly would lift
    the hands off the floor or push them through it; this keeps them planted.
    """
    geometry = _pose_geometry(pose)
    shoulder, hand = geometry.lines["arm"][0], geometry.lines["arm"][-1]
    reach = math.dist(shoulder, hand)
    now = math.degrees(math.atan2(hand[1] - shoulder[1], hand[0] - shoulder[0]))
    rise = geometry.lines["leg"][1][1] + height - shoulder[1]
    low = math.degrees(math.asin(max(-1.0, min(1.0, rise / reach))))
    # Of the two directions that put the hand at that height, take the nearer one. The
    # shoulder angle adds to the arm's direction, so the arm turns by the difference.
    turn = min((low - now, 180 - low - now), key=lambda d: abs((d + 180) % 360 - 180))
    return replace(pose, shoulder=pose.shoulder + (turn + 180) % 360 - 180)


def _animation_frames(diagram: _ExerciseDiagram) -> list[_Geometry]:
    """Keyframes from the start pose to the end pose, both exactly as the diagram has them.

    In between, the joint angles turn evenly (so limbs keep their length and move in
    arcs), the knees slide evenly from their start to their end place (in these exercises
    they stay put), and hands that are on the floor at both ends stay on it.
    """
    first = _pose_geometry(diagram.start)
    last = _pose_geometry(diagram.end, diagram.end_x)
    planted = all(abs(g.lines["arm"][-1][1] - _PAD) < 0.005 for g in (first, last))
    frames = [first]
    for step in range(1, _STEPS):
        t = (1 - math.cos(math.pi * step / _STEPS)) / 2  # eased: slow at both ends
        pose = _between(diagram.start, diagram.end, t)
        if planted:
            height = (1 - t) * _hand_height(first) + t * _hand_height(last)
            pose = _keep_hand_height(pose, height)
        knee_x = (1 - t) * first.lines["leg"][1][0] + t * last.lines["leg"][1][0]
        frames.append(_pose_geometry(pose, knee_x - _pose_geometry(pose).lines["leg"][1][0]))
    frames.append(last)
    return frames


def _number(value: float) -> str:
    return f"{round(value, 1) + 0.0:g}"  # one decimal, and never "-0"


def _svg_xy(diagram: _ExerciseDiagram, point: Point) -> tuple[str, str]:
    """A point in body units as SVG coordinates (y down) inside the diagram's panel."""
    return (_number((point[0] - diagram.xlim[0]) * _SCALE),
            _number((diagram.ylim[1] - point[1]) * _SCALE))


def _svg_points(diagram: _ExerciseDiagram, points: Sequence[Point]) -> str:
    return " ".join(",".join(_svg_xy(diagram, point)) for point in points)


def _animate(attribute: str, values: Sequence[str]) -> str:
    """One looping <animate>: there, pause, back, pause; ``values`` are the way there."""
    there = [_MOVE * i / (len(values) - 1) for i in range(len(values))]
    times = [*there, *(_MOVE + _HOLD + at for at in there), 1.0]
    loop = [*values, *values[::-1], values[0]]
    key_times = ";".join(f"{round(at, 4):g}" for at in times)
    return (f'<animate attributeName="{attribute}" values="{";".join(loop)}" '
            f'keyTimes="{key_times}" dur="{_DURATION}s" repeatCount="indefinite"/>')


def _animation_svg(exercise_id: str, diagram: _ExerciseDiagram) -> str:
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
                 f'stroke="{_PROP}" stroke-width="{_number(_FLOOR_WIDTH * _PT * _SCALE)}"/>')
    if first.roller is not None:
        x, y = _svg_xy(diagram, first.roller)
        parts.append(f'<circle cx="{x}" cy="{y}" r="{_number(_ROLLER_R * _SCALE)}" '
                     f'fill="{_ROLLER_FILL}" stroke="{_INK}" '
                     f'stroke-width="{_number(_ROLLER_WIDTH * _PT * _SCALE)}"/>')
    parts.append(f'<g fill="none" stroke-linecap="round" stroke-linejoin="round" '
                 f'stroke-width="{_number(_LIMB_WIDTH * _PT * _SCALE)}">')
    for name in _BODY_LINES:
        color = _HIGHLIGHT if name == "thoracic" else _INK
        values = [_svg_points(diagram, frame.lines[name]) for frame in frames]
        parts.append(f'<polyline data-part="{name}" stroke="{color}" points="{values[0]}">'
                     f'{_animate("points", values)}</polyline>')
    parts.append("</g>")
    heads = [_svg_xy(diagram, frame.head) for frame in frames]
    parts.append(f'<circle data-part="head" cx="{heads[0][0]}" cy="{heads[0][1]}" '
                 f'r="{_number(_HEAD_R * _SCALE)}" fill="white" stroke="{_INK}" '
                 f'stroke-width="{_number(_HEAD_WIDTH * _PT * _SCALE)}">'
                 f'{_animate("cx", [x for x, _ in heads])}{_animate("cy", [y for _, y in heads])}'
                 "</circle>")
    parts.append("</svg>")
    return "".join(parts)


def movement_animation(exercise_id: str) -> Rendered:
    """The exercise's movement as a looping animation, from its start pose to its end pose.

    Plain SVG animated by the browser (SMIL), so it plays with no kernel and no JavaScript;
    the same exercise always gives the same bytes.
    """
    diagram = _exercise(exercise_id)
    html = (f'<figure style="margin:0.5em 0;max-width:40em">'
            f"{_animation_svg(exercise_id, diagram)}"
            f"<figcaption>{escape(_ANIMATION_CAPTION)}</figcaption></figure>")
    return Rendered(html, f"[Animation: {diagram.motion}]")


# --- The spine ----------------------------------------------------------------------------

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
    _Region("Neck (cervical)\n7 bones", 7, 0.062, 0.15, -0.07, OKABE_ITO[1]),
    _Region("Upper back (thoracic)\n12 bones \N{EM DASH} ribs attach here", 12, 0.075, 0.19,
            0.15, OKABE_ITO[0]),
    _Region("Low back (lumbar)\n5 bones", 5, 0.1, 0.25, -0.1, OKABE_ITO[2]),
)
_GAP = 0.018  # the discs between bones


def _spine_figure() -> Figure:
    from matplotlib.patches import Polygon

    fig = new_figure(*_FIG_SIZE)
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
                closed=True, facecolor=region.color, edgecolor=_INK, linewidth=0.8))
            last = ((along(cy), cy - region.block / 2), width, angle)
            if region.count == 12:
                # A rib leaves each thoracic bone toward the front and sweeps down; the
                # middle ones are longest, as in a rib cage.
                rib_x = along(cy) - width / 2
                reach = 0.16 + 0.14 * math.sin(math.pi * (i + 1) / 13)
                ax.plot([rib_x, rib_x - 0.35 * reach, rib_x - 0.75 * reach, rib_x - reach],
                        [cy, cy + 0.01, cy - 0.05, cy - 0.14],
                        color=OKABE_ITO[4], linewidth=1.5, solid_capstyle="round", zorder=0)
        spans.append((y_top, y_top - length, region))
        y = y_top - length
    # The sacrum: one wedge of fused bones under the last lumbar bone, tipping backward.
    (base_x, base_y), width, angle = last
    turn = math.radians(angle - 15)
    wedge = [(-width / 2, 0), (width / 2, 0), (width / 2 + 0.02, -0.15), (0.06, -0.33),
             (0.0, -0.36), (-0.04, -0.3), (-width / 2 + 0.05, -0.15)]
    sacrum = [(base_x + px * math.cos(turn) - (py - _GAP) * math.sin(turn),
               base_y + px * math.sin(turn) + (py - _GAP) * math.cos(turn)) for px, py in wedge]
    ax.add_patch(Polygon(sacrum, closed=True, facecolor=OKABE_ITO[3], edgecolor=_INK,
                         linewidth=0.8))
    label_x = 0.5
    for y_top, y_bottom, region in spans:
        # A bracket in the region's colour ties each label to its bones.
        ax.plot([0.36, 0.4, 0.4, 0.36],
                [y_top - 0.01, y_top - 0.01, y_bottom + 0.01, y_bottom + 0.01],
                color=region.color, linewidth=3, solid_capstyle="butt")
        ax.text(label_x, (y_top + y_bottom) / 2, region.label, fontsize=_FONT, color=_TEXT,
                va="center", ha="left")
    ax.text(label_x, y - 0.18, "Sacrum (base of the spine)", fontsize=_FONT, color=_TEXT,
            va="center", ha="left")
    ax.annotate("", xy=(-0.6, top + 0.12), xytext=(-0.2, top + 0.12),
                arrowprops={"arrowstyle": "-|>", "color": _TEXT, "linewidth": 1.2})
    ax.text(-0.4, top + 0.17, "front", fontsize=_FONT, color=_TEXT, ha="center", va="bottom")
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

def _label(ax: Axes, text: str, xy: Point, target: Point | None = None, **style: Any) -> None:
    """Text, with a thin pointer line to ``target`` when given."""
    style = {"fontsize": _FONT, "color": _TEXT, **style}
    if target is None:
        ax.text(xy[0], xy[1], text, **style)
    else:
        ax.annotate(text, xy=target, xytext=xy,
                    arrowprops={"arrowstyle": "-", "color": _TEXT, "linewidth": 0.9,
                                "shrinkA": 2, "shrinkB": 3},
                    **style)


def _seated_rotation_figure() -> Figure:
    from matplotlib.patches import Arc, FancyBboxPatch

    fig = new_figure(*_FIG_SIZE)
    ax = fig.add_subplot()
    _panel(ax, (-1.3, 1.3), (-0.5, 0.75), "Seen from above", floor=False)
    turn = 45.0
    # The chair seat and backrest, and the thighs pointing forward (up the page), knees
    # together.
    ax.add_patch(FancyBboxPatch((-0.27, -0.2), 0.54, 0.55,
                                boxstyle="round,pad=0,rounding_size=0.05",
                                facecolor=_PROP_FILL, edgecolor=_PROP, linewidth=1.5, zorder=0))
    ax.plot([-0.27, 0.27], [-0.25, -0.25], color=_PROP, linewidth=5, solid_capstyle="round",
            zorder=0)
    for side in (-1, 1):
        _line(ax, [(side * 0.13, 0.0), (side * 0.05, 0.46)], _INK, zorder=2)
    # Hips: a reference line that stays put, dashed on past the body to meet the angle.
    _line(ax, [(-0.18, 0.0), (0.18, 0.0)], _INK, width=9, zorder=3)
    ax.plot([0.18, 0.62], [0, 0], color=_INK, linewidth=1.2, linestyle=(0, (4, 3)), zorder=1)
    # Shoulders and the stick held across them, turned together.
    stick = [_step((0, 0), turn, 0.62), _step((0, 0), turn + 180, 0.62)]
    ax.plot([p[0] for p in stick], [p[1] for p in stick], color=_ROLLER_FILL, linewidth=3,
            solid_capstyle="round", zorder=3)
    _line(ax, [_step((0, 0), turn, 0.24), _step((0, 0), turn + 180, 0.24)], _HIGHLIGHT,
          width=10, zorder=4)
    head = (0.0, 0.0)
    _draw_head(ax, head, _step(head, turn + 90, _HEAD_R), zorder=5)
    ax.add_patch(Arc((0, 0), 1.0, 1.0, theta1=0, theta2=turn, color=_MARK, linewidth=2.5,
                     zorder=2))
    ax.text(*_step((0, 0), turn / 2, 0.6), "45\N{DEGREE SIGN}", fontsize=_TITLE_FONT,
            color=_MARK, ha="left", va="center", fontweight="bold")
    _label(ax, "Shoulders and stick\nturn to one side", (0.62, 0.5), _step((0, 0), turn, 0.45),
           ha="left", va="center")
    _label(ax, "Hips and knees\nkeep facing forward", (-1.25, 0.0), (-0.2, 0.0),
           ha="left", va="center")
    ax.annotate("", xy=(-0.75, 0.7), xytext=(-0.75, 0.4),
                arrowprops={"arrowstyle": "-|>", "color": _TEXT, "linewidth": 1.2})
    ax.text(-0.7, 0.55, "front", fontsize=_FONT, color=_TEXT, ha="left", va="center")
    return fig


# Sitting on the floor, knees bent, back straight against the wall, head tipped just
# enough to rest on it; arms in a W: upper arm out to the side (seen end-on), forearm up.
_WALL_ANGEL_SIDE = Pose(trunk=90, hip=130, knee=84, ankle=48, neck=-28, shoulder=-90,
                        elbow=-90, upper_arm_seen=0.1, support="wall")


def _draw_w_front(ax: Axes) -> None:
    """The seated figure from the front, arms in a goal-post (W) shape against the wall."""
    hip_y, waist_y, shoulder_y = _PAD + 0.03, 0.25, 0.55
    _line(ax, [(0, hip_y), (0, waist_y)], _INK, zorder=3)
    _line(ax, [(0, waist_y), (0, shoulder_y)], _HIGHLIGHT, zorder=3.5)
    _line(ax, [(0, shoulder_y), (0, shoulder_y + _NECK)], _INK, zorder=3)
    for side in (-1, 1):
        # Knees bent up in front, feet flat on the floor.
        _line(ax, [(side * 0.08, hip_y), (side * 0.2, 0.3), (side * 0.24, _PAD)], _INK,
              zorder=2)
        # Shoulder, elbow out at shoulder height, hand straight up.
        _line(ax, [(0, shoulder_y), (side * 0.3, shoulder_y), (side * 0.3, shoulder_y + 0.26)],
              _INK, zorder=4)
    _line(ax, [(-0.1, hip_y), (0.1, hip_y)], _INK, zorder=3)
    _draw_head(ax, (0, shoulder_y + _NECK + _HEAD_R), None)


def _wall_angel_figure() -> Figure:
    from matplotlib.patches import Rectangle

    fig = new_figure(*_FIG_SIZE)
    side, front = fig.subplots(1, 2)
    _panel(side, (-0.45, 0.95), (-0.05, 1.05), "From the side")
    draw_pose(side, _WALL_ANGEL_SIDE, arm_in_front=True)
    _label(side, "Head, back and\narms on the wall", (0.25, 0.85), ha="left", va="center")
    _panel(front, (-0.7, 0.7), (-0.05, 1.05), "From the front")
    # Seen from the front the wall is behind the figure: a plain panel.
    front.add_patch(Rectangle((-0.55, 0), 1.1, 1.0, facecolor=_PROP_FILL, edgecolor=_PROP,
                              linewidth=1, zorder=0))
    _draw_w_front(front)
    _label(front, "Arms in a W", (0, 0.93), ha="center", va="center")
    return fig


# Standing with heels, bottom and upper back on the wall. A rounded upper back tips the
# base of the neck (C7) forward, away from the wall: that gap is what the test measures.
_NECK_TO_WALL = Pose(trunk=90, upper_back=-45, neck=38, hip=0, knee=0,
                     shoulder=43, elbow=8, support="wall")


def _neck_to_wall_figure() -> Figure:
    from matplotlib.patches import Circle

    fig = new_figure(*_FIG_SIZE)
    whole, close = fig.subplots(1, 2, width_ratios=(1, 1.25))
    # Left: the whole body, to show what touches the wall.
    _panel(whole, (-0.3, 0.95), (-0.05, 1.85), "Stand against a wall")
    points = draw_pose(whole, _NECK_TO_WALL)
    wall_x = _wall_x(_pose_geometry(_NECK_TO_WALL))
    for text, y in (("upper back", points["mid_back"][1] + 0.06), ("bottom", points["hip"][1]),
                    ("heels", points["ankle"][1])):
        _label(whole, text, (0.45, y + 0.06), (wall_x + 0.01, y), ha="left", va="center")
    # Right: a close-up of the neck, where the gap is big enough to mark clearly.
    c7 = points["c7"]
    zoom = ((wall_x - 0.1, wall_x + 0.75), (c7[1] - 0.4, c7[1] + 0.32))
    whole.add_patch(Circle((c7[0] + 0.02, c7[1] + 0.04), 0.2, fill=False, edgecolor=_MARK,
                           linewidth=1.2, linestyle=(0, (3, 2)), zorder=6))
    _panel(close, *zoom, "Close-up", floor=False)
    draw_pose(close, _NECK_TO_WALL)
    # A dashed frame in the same colour as the circle on the left ties the two together.
    close.set_axis_on()
    close.set_xticks([])
    close.set_yticks([])
    for spine in close.spines.values():
        spine.set_edgecolor(_MARK)
        spine.set_linestyle((0, (3, 2)))
    close.add_patch(Circle(c7, 0.012, facecolor=_MARK, edgecolor="white", linewidth=1,
                           zorder=6))
    close.annotate("", xy=(wall_x, c7[1]), xytext=(c7[0] - 0.015, c7[1]),
                   arrowprops={"arrowstyle": "<|-|>", "color": _MARK, "linewidth": 2,
                               "shrinkA": 0, "shrinkB": 0, "mutation_scale": 14}, zorder=6)
    _label(close, "measure this\ngap (cm)", (c7[0] + 0.1, c7[1] - 0.2),
           ((wall_x + c7[0]) / 2, c7[1] - 0.01), ha="left", va="center", color=_MARK,
           fontweight="bold")
    _label(close, "base of the neck (C7)", (c7[0] + 0.1, c7[1] + 0.05), c7, ha="left",
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
        "elbows bent at shoulder height and hands pointing up, trying to touch the wall."),
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

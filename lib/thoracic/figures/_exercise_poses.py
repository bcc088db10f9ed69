"""Each exercise's start and end position, its two-panel diagram, and the keyframes its
animation moves through.

Most exercises are seen from the side and posed from joint angles (``PoseDiagram``); the
open book turns the body, so it is seen from the top of the head (``OpenBookDiagram``).
Both give the same things through the ``MovementDiagram`` protocol.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import TYPE_CHECKING, Literal, Protocol

from ..base import Rendered
from ._drawing import FIG_SIZE, MARK, PROP, PROP_FILL, draw_body, panel
from ._open_book import OpenBookDiagram
from ._pose import (
    FOREARM,
    HEAD_R,
    PAD,
    UPPER_ARM,
    Geometry,
    Point,
    Pose,
    pose_geometry,
    step,
)
from ._svg import fit_text_to_print, new_figure, svg_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["EXERCISE_DIAGRAM_IDS", "MovementDiagram", "PoseDiagram", "Rect", "exercise_diagram",
           "find_exercise_diagram"]

Rect = tuple[float, float, float, float]  # x, y, width, height in body units


class MovementDiagram(Protocol):
    """What the diagram and the animation of an exercise need to know."""

    @property
    def xlim(self) -> tuple[float, float]: ...

    @property
    def ylim(self) -> tuple[float, float]: ...

    @property
    def alt(self) -> str:
        """Alt text of the two-panel diagram."""
        ...

    @property
    def motion(self) -> str:
        """Alt text of the animation: the movement in plain words."""
        ...

    @property
    def lines_in_front(self) -> tuple[str, ...]:
        """The body lines drawn over the head (an arm reaching past it), not behind it."""
        ...

    @property
    def props(self) -> tuple[Rect, ...]:
        """Still things drawn behind the body (a pillow, a towel), as rectangles."""
        ...

    def frames(self, steps: int) -> list[Geometry]:
        """``steps + 1`` keyframes from the start position to the end one, eased, so the
        movement starts and ends slowly."""
        ...

    def figure(self) -> Figure:
        """The two-panel Start / End picture."""
        ...

# Lying back over the roller: the hips and feet stay on the floor (hip 78, knee 103 and
# ankle 37 put the feet flat), the hands laced behind the head with the elbows pointing
# forward. The start is a neutral line: the upper back and the neck go straight on from
# the lower back, resting on the roller, with the head in the hands (never curled up,
# never the head lifted toward the knees). The end pose bends the upper back back over
# the roller, so the roller stays put under it; the neck bends forward a little, so the
# chin stays tucked and the head does not drop back, and the hands still carry the head.
_ROLLER_START = Pose(trunk=152, hip=78, knee=103, ankle=37, support="roller")
_ROLLER_END = Pose(trunk=152, upper_back=40, hip=78, knee=103, ankle=37, neck=-10,
                   support="roller")
# Elbows pointing forward: in front of the face and a little below its middle.
_ELBOWS_FORWARD: Point = (0.15, -0.03)
# Hands and knees: thighs and arms vertical, back level, tops of the feet on the floor.
_CHILD_START = Pose(trunk=13, hip=77, knee=90, ankle=90, neck=-20, shoulder=77)
# Sitting back: hips toward the heels, back rounded over the thighs, arms long.
_CHILD_END = Pose(trunk=5, lower_back=-10, upper_back=-30, neck=0, hip=135, knee=140,
                  ankle=90, shoulder=192)
# Kneeling tall: hips right over the knees, hands behind the head with the elbows out wide
# to the sides. The end pose only arches the upper back, the head going with it.
_KNEEL_START = Pose(trunk=90, hip=0, knee=90, ankle=90)
_KNEEL_END = Pose(trunk=90, upper_back=38, neck=10, hip=0, knee=90, ankle=90)
# Elbows out wide, seen from the side: the upper arm points out toward the viewer (so it
# shows short), and the near elbow sits beside the head, a little below the ear, not in
# front of the face; the forearm runs across the side of the head to the hand behind it.
_ELBOWS_WIDE: Point = (0.02, -0.05)
# Lying face down with the forehead on a small folded towel, legs long with the toes
# pointed, arms reaching past the head in a Y (so from the side they look a little
# shorter), the hands resting on the floor. The end pose lifts only the arms, a little.
_TOWEL = 0.05  # how much the folded towel lifts the forehead
_PRONE_START = Pose(trunk=0, neck=-8, ankle=90, shoulder=158, upper_arm_seen=0.8,
                    forearm_seen=0.8)
_PRONE_END = replace(_PRONE_START, shoulder=184)
_ANGLES = tuple(field.name for field in fields(Pose) if field.name != "support")


def _eased(k: int, steps: int) -> float:
    return (1 - math.cos(math.pi * k / steps)) / 2


def _between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose a fraction ``t`` of the way from start to end, every joint turning evenly."""
    return replace(start, **{name: (1 - t) * getattr(start, name) + t * getattr(end, name)
                             for name in _ANGLES})


def _direction(start: Point, end: Point) -> float:
    return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))


def _turn(degrees: float) -> float:
    """An angle as the nearest turn, between -180 and 180 degrees."""
    return (degrees + 180) % 360 - 180


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
    now = _direction(shoulder, hand)
    rise = geometry.lines["leg"][1][1] + height - shoulder[1]
    low = math.degrees(math.asin(max(-1.0, min(1.0, rise / reach))))
    # Of the two directions that put the hand at that height, take the nearer one. The
    # shoulder angle adds to the arm's direction, so the arm turns by the difference.
    turn = min((low - now, 180 - low - now), key=lambda d: abs(_turn(d)))
    return replace(pose, shoulder=pose.shoulder + _turn(turn))


def _hands_behind_head(pose: Pose, elbow: Point) -> Pose:
    """The pose with the arm aimed so the hand rests on the back of the head.

    ``elbow`` is where the elbow shows, from the centre of the head, as (forward, up) in the
    head's own frame: up along the neck, forward where the face looks. The hand goes to the
    back of the head. An arm segment that points toward the viewer shows shorter in a side
    view, so each segment is seen as long as it shows between those points.
    """
    # Only points relative to each other are used, and the arm moves none of them (it may
    # lift the whole figure, where a hand is the lowest part, but that moves them all).
    geometry = pose_geometry(pose)
    shoulder, head = geometry.lines["arm"][0], geometry.head
    up = _direction(geometry.lines["neck"][0], head)
    elbow_at = step(step(head, up - 90, elbow[0]), up, elbow[1])
    hand_at = step(head, up + 90, HEAD_R)
    arm, forearm = _direction(shoulder, elbow_at), _direction(elbow_at, hand_at)
    top = pose.trunk + pose.lower_back + pose.upper_back
    return replace(pose, shoulder=_turn(arm - top - 180), elbow=_turn(forearm - arm),
                   upper_arm_seen=math.dist(shoulder, elbow_at) / UPPER_ARM,
                   forearm_seen=math.dist(elbow_at, hand_at) / FOREARM)


@dataclass(frozen=True)
class PoseDiagram:
    """An exercise seen from the side, from a start pose to an end pose."""

    start: Pose
    end: Pose
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    alt: str
    motion: str  # alt text for the animation: the movement in plain words
    end_x: float = 0.0  # shifts the end figure so what stays put (knees, feet) lines up
    moving: Literal["head", "hip", "hand"] = "head"  # the part the End panel's arrow follows
    arm_in_front: bool = False  # the arm shows over the head (reaching past it, or beside it)
    # Hands behind the head: where the elbow is, from the head (see ``_hands_behind_head``).
    # The arm is aimed so in every pose and frame, whatever the poses' own arm angles.
    elbow_at_head: Point | None = None
    towel: float = 0.0  # a folded towel this thick under the forehead (0: none)

    def geometry(self, pose: Pose, x: float = 0.0) -> Geometry:
        """The pose as the diagram draws it: hands on the head, head on the towel."""
        if self.elbow_at_head is not None:
            pose = _hands_behind_head(pose, self.elbow_at_head)
        return pose_geometry(pose, x, head_rest=self.towel)

    @property
    def props(self) -> tuple[Rect, ...]:
        if not self.towel:
            return ()
        # The towel lies on the floor under the forehead (the head stays put while the arms
        # lift), its top touching the outline of the head.
        head = self.geometry(self.start).head
        return ((head[0] - 0.12, 0.0, 0.21, head[1] - HEAD_R - PAD / 2),)

    @property
    def lines_in_front(self) -> tuple[str, ...]:
        return ("arm",) if self.arm_in_front else ()

    def frames(self, steps: int) -> list[Geometry]:
        """Keyframes from the start pose to the end pose, both exactly as the diagram has
        them. In between, the joint angles turn evenly (so limbs keep their length and move
        in arcs), the knees slide evenly from their start to their end place (in these
        exercises they stay put), hands that are on the floor at both ends stay on it, and
        hands behind the head stay there.
        """
        first = self.geometry(self.start)
        last = self.geometry(self.end, self.end_x)
        planted = all(abs(g.lines["arm"][-1][1] - PAD) < 0.005 for g in (first, last))
        frames = [first]
        for k in range(1, steps):
            t = _eased(k, steps)
            pose = _between(self.start, self.end, t)
            if planted:
                height = (1 - t) * _hand_height(first) + t * _hand_height(last)
                pose = _keep_hand_height(pose, height)
            knee_x = (1 - t) * first.lines["leg"][1][0] + t * last.lines["leg"][1][0]
            frames.append(self.geometry(pose, knee_x - self.geometry(pose).lines["leg"][1][0]))
        frames.append(last)
        return frames

    def figure(self) -> Figure:
        return _pose_figure(self)


_EXERCISES: dict[str, MovementDiagram] = {
    "foam-roller-extension": PoseDiagram(
        _ROLLER_START, _ROLLER_END, (-0.85, 0.72), (-0.05, 0.75),
        "Foam roller extension in two stick figures, seen from the side, with the upper back "
        "in blue. Start: lying back over a foam roller with the knees bent and the feet flat "
        "on the floor, the roller across the upper back just below the shoulder blades, and "
        "the hands behind the head, holding it; the back rests on the roller in a straight, "
        "neutral line, not curled up. End: the upper back curves back over the roller, while "
        "the hips stay on the floor and the hands still hold the head, chin tucked.",
        "A stick figure seen from the side, lying back over a foam roller with the knees bent, "
        "the hands behind the head and the back in a straight line. The upper back, in blue, "
        "slowly leans back over the roller, then comes back to the start, resting on the "
        "roller with the head still in the hands, while the hips stay on the floor.",
        elbow_at_head=_ELBOWS_FORWARD),
    "childs-pose": PoseDiagram(
        _CHILD_START, _CHILD_END, (-0.6, 1.1), (-0.05, 0.85),
        "Child's pose in two stick figures, seen from the side, with the upper back in blue. "
        "Start: on hands and knees, with the hands under the shoulders and the knees under "
        "the hips. End: the hips sit back toward the heels, the arms reach forward along the "
        "floor, and the chest sinks toward the floor with the forehead on the mat.",
        "A stick figure seen from the side, on hands and knees. The hips slowly sit back "
        "toward the heels while the back, upper back in blue, rounds and the chest sinks "
        "toward the floor; after a pause it comes forward again onto hands and knees.",
        end_x=-0.337, moving="hip"),
    "kneeling-thoracic-extension": PoseDiagram(
        _KNEEL_START, _KNEEL_END, (-0.6, 0.55), (-0.05, 1.42),
        "Kneeling thoracic extension in two stick figures, seen from the side, with the upper "
        "back in blue. Start: kneeling tall with the hips right over the knees and the hands "
        "behind the head, the elbows out wide to the sides (from the side, the near elbow "
        "shows beside the head). End: the chest lifts and the upper back arches gently "
        "backward, the elbows still out wide, while the hips stay over the knees.",
        "A stick figure seen from the side, kneeling tall with the hands behind the head and "
        "the elbows out wide to the sides. The chest slowly lifts as the upper back, in blue, "
        "arches gently backward, then it returns upright, while the hips stay over the "
        "knees.",
        arm_in_front=True, elbow_at_head=_ELBOWS_WIDE),
    "open-book": OpenBookDiagram(),
    "prone-y-raise": PoseDiagram(
        _PRONE_START, _PRONE_END, (-0.55, 0.98), (-0.05, 0.36),
        "Prone Y raise in two stick figures, seen from the side. Start: lying face down "
        "with the forehead resting on a small folded towel, the legs long and the arms "
        "reaching past the head in a Y, the hands resting on the floor. End: both arms lift "
        "a few centimetres off the floor, while the forehead stays on the towel and the "
        "chest and the legs stay down.",
        "A stick figure seen from the side, lying face down with the forehead on a small "
        "folded towel and the arms reaching past the head. Both arms slowly lift a little off "
        "the floor, pause, and lower again, while the head stays on the towel and the body "
        "stays down.",
        moving="hand", arm_in_front=True, towel=_TOWEL),
}

EXERCISE_DIAGRAM_IDS: tuple[str, ...] = tuple(_EXERCISES)


def _pose_figure(diagram: PoseDiagram) -> Figure:
    from matplotlib.patches import Rectangle

    fig = new_figure(*FIG_SIZE)
    start_ax, end_ax = fig.subplots(1, 2)
    panel(start_ax, diagram.xlim, diagram.ylim, "Start")
    panel(end_ax, diagram.xlim, diagram.ylim, "End")
    for ax in (start_ax, end_ax):
        for x, y, width, height in diagram.props:
            ax.add_patch(Rectangle((x, y), width, height, facecolor=PROP_FILL, edgecolor=PROP,
                                   linewidth=1.2, zorder=0))
    # No nose: the hands sit at the head in two of the four, and it would clutter.
    before = draw_body(start_ax, diagram.geometry(diagram.start), diagram.start.support,
                       nose=False, arm_in_front=diagram.arm_in_front)
    after = draw_body(end_ax, diagram.geometry(diagram.end, diagram.end_x), diagram.end.support,
                      nose=False, arm_in_front=diagram.arm_in_front)
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
                    arrowprops={"arrowstyle": "-|>", "color": MARK, "linewidth": 2,
                                "mutation_scale": 14, "shrinkA": 0, "shrinkB": 0,
                                "connectionstyle": f"arc3,rad={bend}"}, zorder=7)
    return fig


def find_exercise_diagram(exercise_id: str) -> MovementDiagram:
    if exercise_id not in _EXERCISES:
        known = ", ".join(EXERCISE_DIAGRAM_IDS)
        raise KeyError(f"No exercise diagram called {exercise_id!r}. Known exercises: {known}.")
    return _EXERCISES[exercise_id]


@cache  # the same stick figures every time (stable SVG); drawing one takes half a second
def exercise_diagram(exercise_id: str, *, printed_mm: float | None = None) -> Rendered:
    """Start and end positions of one exercise, side by side, as stick figures; for a page
    that prints it ``printed_mm`` wide, with words big enough to read there."""
    diagram = find_exercise_diagram(exercise_id)
    fig = diagram.figure()
    if printed_mm is not None:
        fit_text_to_print(fig, printed_mm)
    return svg_figure(fig, diagram.alt)

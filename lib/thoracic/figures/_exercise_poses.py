"""Each exercise's start and end pose, and its two-panel diagram."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..base import Rendered
from ._drawing import FIG_SIZE, MARK, draw_pose, panel
from ._pose import Pose
from ._svg import new_figure, svg_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["EXERCISE_DIAGRAM_IDS", "ExerciseDiagram", "exercise_diagram", "find_exercise_diagram"]

# Lying on the back over the roller: the hips and feet stay on the floor (hip 78, knee 103
# and ankle 37 put the feet flat), hands laced behind the head, elbows pointing forward.
# The end pose bends the upper back, so the roller stays put under it, and the neck bends
# forward almost as much, so the chin stays tucked and the hands carry the head (as the
# steps say).
_ROLLER_START = Pose(trunk=152, hip=78, knee=103, ankle=37, neck=-12, shoulder=135,
                     elbow=130, support="roller")
_ROLLER_END = Pose(trunk=152, upper_back=40, hip=78, knee=103, ankle=37, neck=-35,
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
class ExerciseDiagram:
    start: Pose
    end: Pose
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    alt: str
    motion: str  # alt text for the animation: the movement in plain words
    end_x: float = 0.0  # shifts the end figure so what stays put (knees, feet) lines up
    moving: Literal["head", "hip"] = "head"  # the part the arrow in the End panel follows


_EXERCISES: dict[str, ExerciseDiagram] = {
    "foam-roller-extension": ExerciseDiagram(
        _ROLLER_START, _ROLLER_END, (-0.85, 0.72), (-0.05, 0.75),
        "Foam roller extension in two stick figures, seen from the side, with the upper back "
        "in blue. Start: lying on the back with the knees bent and the feet flat on the floor, "
        "a foam roller across the upper back just below the shoulder blades, and the hands "
        "behind the head. End: the upper back curves back over the roller, while the hips "
        "stay on the floor and the hands still hold the head, chin tucked.",
        "A stick figure seen from the side, lying on the back over a foam roller with the "
        "knees bent and the hands behind the head. The upper back, in blue, slowly bends "
        "back over the roller, pauses, and curls back up, while the hips stay on the floor."),
    "childs-pose": ExerciseDiagram(
        _CHILD_START, _CHILD_END, (-0.6, 1.1), (-0.05, 0.85),
        "Child's pose in two stick figures, seen from the side, with the upper back in blue. "
        "Start: on hands and knees, with the hands under the shoulders and the knees under "
        "the hips. End: the hips sit back toward the heels, the arms reach forward along the "
        "floor, and the chest sinks toward the floor with the forehead on the mat.",
        "A stick figure seen from the side, on hands and knees. The hips slowly sit back "
        "toward the heels while the back, upper back in blue, rounds and the chest sinks "
        "toward the floor; after a pause it comes forward again onto hands and knees.",
        end_x=-0.337, moving="hip"),
    "kneeling-thoracic-extension": ExerciseDiagram(
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


def _exercise_figure(diagram: ExerciseDiagram) -> Figure:
    fig = new_figure(*FIG_SIZE)
    start_ax, end_ax = fig.subplots(1, 2)
    panel(start_ax, diagram.xlim, diagram.ylim, "Start")
    panel(end_ax, diagram.xlim, diagram.ylim, "End")
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
                    arrowprops={"arrowstyle": "-|>", "color": MARK, "linewidth": 2,
                                "mutation_scale": 14, "shrinkA": 0, "shrinkB": 0,
                                "connectionstyle": f"arc3,rad={bend}"}, zorder=7)
    return fig


def find_exercise_diagram(exercise_id: str) -> ExerciseDiagram:
    if exercise_id not in _EXERCISES:
        known = ", ".join(EXERCISE_DIAGRAM_IDS)
        raise KeyError(f"No exercise diagram called {exercise_id!r}. Known exercises: {known}.")
    return _EXERCISES[exercise_id]


def exercise_diagram(exercise_id: str) -> Rendered:
    """Start and end positions of one exercise, side by side, as stick figures."""
    diagram = find_exercise_diagram(exercise_id)
    return svg_figure(_exercise_figure(diagram), diagram.alt)

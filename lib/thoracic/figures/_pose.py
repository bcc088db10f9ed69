"""Pose geometry: a stick figure posed from a few joint angles, as coordinates.

A ``Pose`` is a handful of readable numbers; ``pose_geometry`` is the one place a pose
becomes points. Pure (no drawing), so the pictures and the animations share it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["BODY_LINES", "FOREARM", "HEAD_R", "NECK", "PAD", "ROLLER_R", "UPPER_ARM", "Geometry",
           "Point", "Pose", "Support", "pose_geometry", "step"]

Point = tuple[float, float]
Support = Literal["floor", "roller", "chair", "wall"]

# Segment lengths in body units (a standing adult is about 1.8 tall). Only the ratios
# matter; they follow common body proportions so the figures look like people.
_THIGH, _SHIN, _FOOT = 0.44, 0.42, 0.12
_LUMBAR, _THORACIC, NECK, HEAD_R = 0.22, 0.30, 0.06, 0.095
_SHOULDER_DROP = 0.05
UPPER_ARM, FOREARM = 0.29, 0.26
# The spine bends as an arc of several short pieces, so a bent upper back looks curved.
_LUMBAR_PIECES, _THORACIC_PIECES = 2, 4
ROLLER_R = 0.075
PAD = 0.022  # about half a limb's width in data units: limbs rest on the floor, not in it


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


def step(start: Point, degrees: float, length: float) -> Point:
    angle = math.radians(degrees)
    return (start[0] + length * math.cos(angle), start[1] + length * math.sin(angle))


def _arc(start: Point, base: float, bend: float, length: float, pieces: int) -> list[Point]:
    """Points along a spine region whose direction turns evenly from base to base + bend."""
    points = [start]
    for i in range(pieces):
        # The first piece keeps the base direction, so a bend starts at the region's
        # lower end (where a roller sits) and the top piece ends at base + bend.
        direction = base + bend * i / max(pieces - 1, 1)
        points.append(step(points[-1], direction, length / pieces))
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
    neck_end = step(c7, neck_direction, NECK)
    head = step(c7, neck_direction, NECK + HEAD_R)
    # The face looks a quarter turn clockwise from the neck's direction (to the right
    # when upright); the nose marks it so a learner sees which way the figure faces.
    face = step(head, neck_direction - 90, HEAD_R)
    thigh = pose.trunk + 180 + pose.hip
    knee = step(hip, thigh, _THIGH)
    shin = thigh - pose.knee
    ankle = step(knee, shin, _SHIN)
    toe = step(ankle, shin + 90 - pose.ankle, _FOOT)
    # The shoulder joint sits a little below the base of the neck, on the upper back.
    shoulder = step(c7, top + 180, _SHOULDER_DROP)
    arm = top + 180 + pose.shoulder
    elbow = step(shoulder, arm, UPPER_ARM * pose.upper_arm_seen)
    hand = step(elbow, arm + pose.elbow, FOREARM * pose.forearm_seen)
    return {"lumbar": lumbar, "thoracic": thoracic, "neck": [c7, neck_end], "head": [head],
            "face": [face], "leg": [hip, knee, ankle, toe], "arm": [shoulder, elbow, hand]}


@dataclass(frozen=True)
class Geometry:
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
BODY_LINES = ("leg", "lumbar", "neck", "thoracic", "arm")


def pose_geometry(pose: Pose, x: float = 0.0, *, head_rest: float = 0.0) -> Geometry:
    """The one place a pose becomes coordinates: hip at ``x``, lowest part on the floor.

    ``head_rest`` is the height of something under the head (a folded towel): the head
    rests on top of it, so when the head is the lowest part the whole figure sits that
    much higher. Pure (no drawing), so the matplotlib pictures and the SVG animations
    share it.
    """
    marks = _landmarks(pose)
    lowest = min(
        min(y for name, points in marks.items() if name not in ("head", "face")
            for _, y in points),
        marks["head"][0][1] - HEAD_R - head_rest,
    )
    dy = PAD - lowest
    moved = {name: tuple((px + x, py + dy) for px, py in points)
             for name, points in marks.items()}
    roller = None
    if pose.support == "roller":
        # The roller touches the spine at the lowest joint of the upper back (just below
        # the shoulder blades), on the back side of the body.
        lower, upper = moved["thoracic"][0], moved["thoracic"][1]
        along = math.degrees(math.atan2(upper[1] - lower[1], upper[0] - lower[0]))
        roller = step(upper, along + 90, ROLLER_R + PAD)
    return Geometry({name: moved[name] for name in BODY_LINES}, moved["head"][0],
                     moved["face"][0], roller)

"""The exercise pictures and animations show what each record's words say.

A physiotherapist's review found four pictures that did not match their words; each test
here pins one fix geometrically, on every keyframe the animation moves through (its first
and last are the diagram's Start and End panels), and on the static picture itself.
"""

from __future__ import annotations

import math
import re

import pytest
from matplotlib.patches import Rectangle

from thoracic import movement_animation
from thoracic.figures._exercise_poses import _EXERCISES, PoseDiagram
from thoracic.figures._pose import FOREARM, HEAD_R, PAD, ROLLER_R, UPPER_ARM, Geometry, Point

SIDE_VIEWS = ["foam-roller-extension", "childs-pose", "kneeling-thoracic-extension",
              "prone-y-raise"]
HANDS_BEHIND_HEAD = ["foam-roller-extension", "kneeling-thoracic-extension"]


def _frames(exercise_id: str) -> list[Geometry]:
    return _EXERCISES[exercise_id].frames(6)


def _direction(start: Point, end: Point) -> float:
    return math.degrees(math.atan2(end[1] - start[1], end[0] - start[0]))


def _turn(degrees: float) -> float:
    return (degrees + 180) % 360 - 180


def _in_head_frame(geometry: Geometry, point: Point) -> tuple[float, float]:
    """A point as (forward, up) from the centre of the head: up along the neck, forward
    where the face looks (a quarter turn clockwise from up, as the figures are drawn)."""
    up = math.radians(_direction(geometry.lines["neck"][0], geometry.head))
    dx, dy = point[0] - geometry.head[0], point[1] - geometry.head[1]
    along_up = dx * math.cos(up) + dy * math.sin(up)
    forward = dx * math.sin(up) - dy * math.cos(up)
    return forward, along_up


# --- Plausible in every exercise ---------------------------------------------------------

@pytest.mark.parametrize("exercise_id", SIDE_VIEWS)
def test_arm_segments_never_show_longer_than_the_arm(exercise_id: str) -> None:
    for geometry in _frames(exercise_id):
        shoulder, elbow, hand = geometry.lines["arm"]
        assert math.dist(shoulder, elbow) <= UPPER_ARM + 1e-9
        assert math.dist(elbow, hand) <= FOREARM + 1e-9


@pytest.mark.parametrize("exercise_id", HANDS_BEHIND_HEAD)
def test_hands_stay_on_the_back_of_the_head_in_every_frame(exercise_id: str) -> None:
    for geometry in _frames(exercise_id):
        forward, up = _in_head_frame(geometry, geometry.lines["arm"][-1])
        assert forward == pytest.approx(-HEAD_R, abs=0.005)  # at the back of the head
        assert abs(up) < 0.01


@pytest.mark.parametrize("exercise_id", list(_EXERCISES))
def test_static_picture_draws_the_animation_s_first_and_last_frames(exercise_id: str) -> None:
    """The Start and End panels draw every body line where the animation starts and ends,
    so a fix in the poses reaches both."""
    diagram = _EXERCISES[exercise_id]
    frames = _frames(exercise_id)
    start_ax, end_ax = diagram.figure().axes
    for ax, geometry in ((start_ax, frames[0]), (end_ax, frames[-1])):
        drawn = [[tuple(point) for point in line.get_xydata()] for line in ax.lines]
        for name, points in geometry.lines.items():
            assert any(len(line) == len(points)
                       and all(math.dist(a, b) < 1e-9 for a, b in zip(line, points, strict=True))
                       for line in drawn), (exercise_id, name)


# --- 1. Kneeling thoracic extension: elbows out wide -------------------------------------

def test_kneeling_elbows_are_out_to_the_sides_beside_the_head_not_in_front_of_the_face(
) -> None:
    """Hands behind the head with the elbows out wide: from the side, the upper arm points
    toward the viewer (so it shows short) and the elbow sits beside the head, level with
    it, never out in front of the face."""
    frames = _frames("kneeling-thoracic-extension")
    for geometry in frames:
        shoulder, elbow, _ = geometry.lines["arm"]
        forward, up = _in_head_frame(geometry, elbow)
        assert -HEAD_R < forward <= HEAD_R / 2  # beside the head; the face is at HEAD_R
        assert abs(up) < HEAD_R  # level with the head
        assert math.dist(shoulder, elbow) <= 0.6 * UPPER_ARM  # seen nearly end-on
    start = frames[0]
    (head_x, head_y), elbow = start.head, start.lines["arm"][1]
    assert head_y - HEAD_R < elbow[1] < head_y + HEAD_R
    assert abs(elbow[0] - head_x) <= HEAD_R / 2


def test_kneeling_elbow_shows_over_the_head() -> None:
    """The near elbow is beside the head, nearer the viewer: drawn over it, not hidden."""
    assert "arm" in _EXERCISES["kneeling-thoracic-extension"].lines_in_front


# --- 2. Open book: the top hand stops in the air ------------------------------------------

def test_open_book_top_hand_stops_in_the_air_at_the_end() -> None:
    frames = _frames("open-book")
    end = frames[-1]
    hand = end.lines["arm"][-1]
    lower_arm = end.lines["lower_arm"]
    assert hand[1] >= 0.15  # well above the floor line (y = 0)
    assert hand[1] - max(y for _, y in lower_arm) >= 0.1  # clearly higher than an arm on it
    assert hand[0] < lower_arm[0][0] - 0.4  # it did open: the hand reaches behind
    # Once over the body it never comes down to the floor, in any frame.
    for geometry in frames:
        x, y = geometry.lines["arm"][-1]
        if x < lower_arm[0][0]:
            assert y >= 0.15


def test_open_book_lower_arm_stays_put() -> None:
    """Only the shoulders and the top arm move; the body below them stays on its side."""
    frames = _frames("open-book")
    assert all(geometry.lines["lower_arm"] == frames[0].lines["lower_arm"]
               for geometry in frames)
    assert all(geometry.head == frames[0].head for geometry in frames)


def test_open_book_words_say_the_hand_stays_off_the_floor() -> None:
    diagram = _EXERCISES["open-book"]
    assert "off the floor" in diagram.alt and "off the floor" in diagram.motion


# --- 3. Prone Y raise: the forehead rests on a folded towel -------------------------------

def _towel() -> tuple[float, float, float, float]:
    props = _EXERCISES["prone-y-raise"].props
    assert len(props) == 1
    return props[0]


def test_prone_y_raise_forehead_rests_on_a_towel_in_every_frame() -> None:
    x, y, width, height = _towel()
    assert y == 0.0  # on the floor
    assert 0.03 <= height <= 0.1  # a small folded towel
    frames = _frames("prone-y-raise")
    for geometry in frames:
        head_x, head_y = geometry.head
        assert x < head_x < x + width
        assert 0 <= (head_y - HEAD_R) - (y + height) < 0.02  # resting on it
        assert geometry.head == frames[0].head  # the head stays on the towel
    # The hands rest on the floor at the start, and lift at the end.
    assert frames[0].lines["arm"][-1][1] == pytest.approx(PAD, abs=0.01)
    assert frames[-1].lines["arm"][-1][1] > PAD + 0.1


def test_prone_y_raise_picture_draws_the_towel_under_the_head_in_start_and_end() -> None:
    towel = _towel()
    for ax in _EXERCISES["prone-y-raise"].figure().axes:
        boxes = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
        assert any((box.get_x(), box.get_y(), box.get_width(), box.get_height())
                   == pytest.approx(towel) for box in boxes)


def test_prone_y_raise_animation_draws_the_towel() -> None:
    diagram = _EXERCISES["prone-y-raise"]
    assert isinstance(diagram, PoseDiagram)
    html = movement_animation("prone-y-raise").html
    rects = [tuple(float(v) for v in found) for found in re.findall(
        r'<rect x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"', html)]
    view_box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', html)
    assert view_box is not None
    scale = float(view_box[1]) / (diagram.xlim[1] - diagram.xlim[0])
    x, y, width, height = _towel()
    expected = ((x - diagram.xlim[0]) * scale, (diagram.ylim[1] - y - height) * scale,
                width * scale, height * scale)
    assert any(rect == pytest.approx(expected, abs=0.051) for rect in rects)
    # Drawn before (so behind) the body.
    assert html.index("<rect") < html.index("<polyline")


# --- 4. Foam roller extension: neutral start and return, never a crunch -------------------

def _above_roller_line(geometry: Geometry, point: Point) -> float:
    """How far a point is above the line the trunk lies along: from the hip on the floor
    through the spine where it rests on the roller."""
    hip, contact = geometry.lines["lumbar"][0], geometry.lines["thoracic"][1]
    slope = (contact[1] - hip[1]) / (contact[0] - hip[0])
    return point[1] - (hip[1] + slope * (point[0] - hip[0]))


def test_foam_roller_start_is_a_neutral_line_resting_on_the_roller() -> None:
    start = _frames("foam-roller-extension")[0]
    lumbar = _direction(start.lines["lumbar"][0], start.lines["lumbar"][-1])
    thoracic = _direction(start.lines["thoracic"][0], start.lines["thoracic"][-1])
    neck = _direction(*start.lines["neck"])
    # Lying with the head to the left, a forward curl (toward the knees) turns clockwise.
    assert _turn(thoracic - lumbar) >= -1  # the upper back is not flexed past neutral
    assert _turn(neck - lumbar) >= -1  # nor the neck: the head is not lifted forward
    assert _above_roller_line(start, start.lines["neck"][0]) <= 0.01
    assert _above_roller_line(start, start.head) <= 0.03


def test_foam_roller_never_curls_up_and_leans_back_over_the_roller() -> None:
    frames = _frames("foam-roller-extension")
    for geometry in frames:
        assert _above_roller_line(geometry, geometry.head) <= 0.03
        assert _above_roller_line(geometry, geometry.lines["neck"][0]) <= 0.01
        assert geometry.lines["lumbar"][0][1] == pytest.approx(PAD)  # hips on the floor
        assert geometry.roller is not None
        assert geometry.roller[1] == pytest.approx(ROLLER_R, abs=0.005)  # on the floor
    end = frames[-1]
    assert _above_roller_line(end, end.head) < -0.1  # a visible lean back over it
    # Each frame leans a little further back than the one before: no curl on the way.
    heights = [_above_roller_line(geometry, geometry.head) for geometry in frames]
    assert heights == sorted(heights, reverse=True)


def test_foam_roller_elbows_point_forward() -> None:
    """The record's setup: elbows forward, in front of the face (unlike the kneeling
    exercise's elbows out wide)."""
    for geometry in _frames("foam-roller-extension"):
        forward, _ = _in_head_frame(geometry, geometry.lines["arm"][1])
        assert forward > HEAD_R


def test_foam_roller_words_describe_a_neutral_return_not_a_curl() -> None:
    diagram = _EXERCISES["foam-roller-extension"]
    assert "curl" not in diagram.motion
    assert "neutral" in diagram.alt and "not curled up" in diagram.alt

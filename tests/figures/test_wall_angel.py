"""The wall angel's four small side views show the contacts Kofoed and colleagues (2024) score.

The arm is modelled as elbow -> wrist -> knuckles -> fingertips; these tests read which of
those points lie on the wall from the same geometry the drawing uses, and hold the parts
that touch (and the dots drawn on them) to the record's words for each score.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.patches import Circle

from thoracic import self_test_picture
from thoracic.content import get_self_test
from thoracic.figures._drawing import INK, MARK
from thoracic.figures._self_test_pictures import (
    _ARM_LENGTHS,
    _ON_WALL,
    _level_arm,
    _wall_angel_figure,
    _wall_contacts,
)

SCORES = [0, 1, 2, 3]
JOINTS = ["elbow", "wrist", "knuckles", "fingertips"]
# The record's words for each score, as the parts of the arm that touch the wall.
RECORD_PARTS = {1: {"elbow", "fingertips"}, 2: {"elbow", "fingers"},
                3: {"elbow", "forearm", "hand"}}
# Which of the four modelled points lie on the wall for those parts: the backs of the
# fingers lie along it from the knuckles to the fingertips; at 3 the whole arm does.
TOUCHING_JOINTS = {1: {"elbow", "fingertips"}, 2: {"elbow", "knuckles", "fingertips"},
                   3: set(JOINTS)}
PART_WORDS = {"elbow": r"\belbow\b", "forearm": r"\bforearm\b", "hand": r"\bhand\b",
              "fingers": r"\bfingers\b", "fingertips": r"\bfingertips\b"}


def _on_wall(point: tuple[float, float]) -> bool:
    return math.isclose(point[0], _ON_WALL, abs_tol=1e-9)


def _touching_joints(score: int) -> set[str]:
    arm = _level_arm(score)
    return {joint for joint in JOINTS if _on_wall(arm[joint])}


def _parts_from_joints(joints: set[str]) -> set[str]:
    """The record's names for the touching points, worked out here on their own: a segment
    with both ends on the wall lies along it; the fingers lying on with the back of the
    hand are part of the hand; a lone touching fingertip is the fingertips."""
    segments = {"forearm": {"elbow", "wrist"}, "hand": {"wrist", "knuckles"},
                "fingers": {"knuckles", "fingertips"}}
    parts = {name for name, ends in segments.items() if ends <= joints}
    if "hand" in parts:
        parts.discard("fingers")
    if "elbow" in joints:
        parts.add("elbow")
    if "fingertips" in joints and "knuckles" not in joints:
        parts.add("fingertips")
    return parts


def test_the_record_has_four_scores() -> None:
    assert len(get_self_test("wall-angel").levels) == len(SCORES)


@pytest.mark.parametrize("score", SCORES)
def test_the_arm_keeps_its_length_rises_and_stays_out_of_the_wall(score: int) -> None:
    arm = _level_arm(score)
    assert list(arm) == ["shoulder", *JOINTS]
    assert arm["elbow"][1] == arm["shoulder"][1]  # the elbow at shoulder height
    for (lower, upper), length in zip(pairwise(JOINTS), _ARM_LENGTHS, strict=True):
        assert math.dist(arm[lower], arm[upper]) == pytest.approx(length)
        assert arm[upper][1] > arm[lower][1]
    assert all(x >= _ON_WALL - 1e-9 for x, _ in arm.values())


@pytest.mark.parametrize("score", SCORES)
def test_what_misses_the_wall_misses_it_clearly(score: int) -> None:
    """A point off the wall is off by a visible gap, not a hair."""
    arm = _level_arm(score)
    for joint in set(JOINTS) - _touching_joints(score):
        assert arm[joint][0] - _ON_WALL >= 0.03, joint


def test_score_0_has_fewer_than_two_parts_on_the_wall() -> None:
    assert "fewer than two" in get_self_test("wall-angel").levels[0].lower()
    assert len(_touching_joints(0)) < 2
    assert len(_parts_from_joints(_touching_joints(0))) < 2
    assert len(_wall_contacts(0)) < 2
    assert not _on_wall(_level_arm(0)["elbow"])  # the elbow is held forward


@pytest.mark.parametrize("score", [1, 2, 3])
def test_each_score_touches_the_wall_where_the_record_says(score: int) -> None:
    joints = _touching_joints(score)
    assert joints == TOUCHING_JOINTS[score]
    assert _parts_from_joints(joints) == RECORD_PARTS[score]
    assert set(_wall_contacts(score)) == RECORD_PARTS[score]


@pytest.mark.parametrize("score", [1, 2, 3])
def test_the_record_s_words_name_the_parts_that_touch(score: int) -> None:
    words = get_self_test("wall-angel").levels[score]
    named = {part for part, pattern in PART_WORDS.items() if re.search(pattern, words)}
    assert named == set(_wall_contacts(score))


def test_score_2_keeps_the_wrist_off_and_score_1_the_knuckles_off() -> None:
    assert not _on_wall(_level_arm(2)["wrist"])
    assert not _on_wall(_level_arm(1)["knuckles"])
    assert not _on_wall(_level_arm(1)["wrist"])


@pytest.mark.parametrize("score", SCORES)
def test_the_contact_dots_sit_on_the_arm_and_on_the_wall(score: int) -> None:
    arm = _level_arm(score)
    segments = list(pairwise(JOINTS))
    for part, (x, y) in _wall_contacts(score).items():
        assert _on_wall((x, y)), part
        on_arm = any(
            math.isclose(math.dist(arm[a], (x, y)) + math.dist((x, y), arm[b]),
                         math.dist(arm[a], arm[b]), abs_tol=1e-9)
            for a, b in segments)
        assert on_arm, part


def _mark_dots(ax: Axes) -> list[tuple[float, float]]:
    return sorted((float(patch.center[0]), float(patch.center[1])) for patch in ax.patches
                  if isinstance(patch, Circle) and patch.get_facecolor() == to_rgba(MARK))


def _score_axes() -> dict[int, Axes]:
    fig = _wall_angel_figure()
    found = {}
    for ax in fig.axes:
        title = ax.get_title()
        if title.startswith("Score "):
            found[int(title.removeprefix("Score "))] = ax
        else:  # the set-up views and the heading over the scores: no contact dots
            assert _mark_dots(ax) == [], title
    assert sorted(found) == SCORES
    return found


def test_the_picture_draws_a_dot_on_every_contact_and_nowhere_else() -> None:
    for score, ax in _score_axes().items():
        dots = _mark_dots(ax)
        expected = sorted(_wall_contacts(score).values())
        assert len(dots) == len(expected), score
        for dot, point in zip(dots, expected, strict=True):
            assert dot == pytest.approx(point), score


def test_the_picture_draws_the_arm_from_the_same_geometry() -> None:
    for score, ax in _score_axes().items():
        arm = list(_level_arm(score).values())
        drawn = [[tuple(point) for point in line.get_xydata()]
                 for line in ax.lines if line.get_color() == INK]
        assert any(len(line) == len(arm)
                   and all(math.dist(a, b) < 1e-9 for a, b in zip(line, arm, strict=True))
                   for line in drawn), score


def test_the_picture_describes_kofoed_s_set_up_and_names_the_dots() -> None:
    rendered = self_test_picture("wall-angel")
    alt = rendered.text
    for phrase in ("low back and head", "shoulder height", "turned back", "feet flat",
                   "count the parts of the arm that touch the wall"):
        assert phrase in alt
    assert "Score 0: Fewer than two parts of your arm touch the wall." in alt
    assert "No dots." in alt
    assert "Dots on the elbow and the fingertips." in alt
    assert "Dots on the elbow and the backs of the fingers." in alt
    assert "Dots on the elbow, the forearm and the back of the hand." in alt
    drawn = " ".join(re.findall(r"<text\b[^>]*>(.*?)</text>", rendered.html, flags=re.S))
    drawn = " ".join(drawn.split())
    for phrase in ("Low back and head", "shoulder height", "turned back",
                   "count the parts of the arm that touch the wall"):
        assert phrase in drawn

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from html import escape, unescape

import pytest

from thoracic import (
    Rendered,
    exercise_diagram,
    movement_animation,
    self_test_picture,
    spine_picture,
)
from thoracic.content import SELF_TESTS, load_exercises
from thoracic.figures import EXERCISE_DIAGRAM_IDS, SELF_TEST_PICTURE_IDS
from thoracic.figures._exercise_poses import _EXERCISES
from thoracic.figures._svg import MIN_TEXT_PX, PHONE_FIGURE_PX

EXERCISE_IDS = ["foam-roller-extension", "childs-pose", "kneeling-thoracic-extension",
                "open-book", "prone-y-raise"]
SELF_TEST_IDS = ["seated-rotation", "wall-angel", "neck-to-wall"]

PICTURES: list[tuple[str, Callable[[], Rendered]]] = [
    *((f"exercise:{i}", lambda i=i: exercise_diagram(i)) for i in EXERCISE_IDS),
    ("spine", spine_picture),
    *((f"self-test:{i}", lambda i=i: self_test_picture(i)) for i in SELF_TEST_IDS),
]


@cache
def _first_render(name: str) -> Rendered:
    """Each picture drawn once for the tests that only read it."""
    return dict(PICTURES)[name]()


def _drawn_text(html: str) -> str:
    """Every text drawn in the SVG, whether kept as text or turned into glyph paths.

    As text it sits in <text> elements; as paths matplotlib leaves it in a comment.
    """
    found = re.findall(r"<text\b[^>]*>(.*?)</text>|<!-- (.*?) -->", html, flags=re.S)
    return " ".join(unescape(as_text or as_comment) for as_text, as_comment in found)


def _alt(rendered: Rendered) -> str:
    """The alt text, read back from the plain-text form ``[Picture: ...]``."""
    assert rendered.text.startswith("[Picture: ") and rendered.text.endswith("]")
    return rendered.text[len("[Picture: "):-1]


def test_ids_match_the_course_data() -> None:
    assert list(EXERCISE_DIAGRAM_IDS) == EXERCISE_IDS
    assert {exercise.id for exercise in load_exercises()} == set(EXERCISE_IDS)
    assert list(SELF_TEST_PICTURE_IDS) == SELF_TEST_IDS
    assert [test.id for test in SELF_TESTS] == SELF_TEST_IDS


@pytest.mark.parametrize(("name", "draw"), PICTURES, ids=[name for name, _ in PICTURES])
def test_picture_is_accessible_inline_svg(name: str, draw: Callable[[], Rendered]) -> None:
    rendered = _first_render(name)
    assert isinstance(rendered, Rendered)
    html = rendered.html
    alt = _alt(rendered)
    assert len(alt) >= 40
    assert "<svg" in html
    assert 'role="img"' in html
    assert f'aria-label="{escape(alt)}"' in html
    assert f"<title>{escape(alt)}</title>" in html
    assert "<?xml" not in html and "dc:date" not in html  # inline, and no date to drift


@pytest.mark.parametrize(("name", "draw"), PICTURES, ids=[name for name, _ in PICTURES])
def test_picture_is_deterministic(name: str, draw: Callable[[], Rendered]) -> None:
    assert draw().html == _first_render(name).html


@pytest.mark.parametrize(("name", "draw"), PICTURES, ids=[name for name, _ in PICTURES])
def test_every_label_is_big_enough_to_read_on_a_phone(name: str,
                                                      draw: Callable[[], Rendered]) -> None:
    """A picture fills a phone's width, so its text is drawn at its font size times the
    phone's width over the picture's own (tests/browser/test_phone_reading.py measures
    the pages themselves)."""
    html = _first_render(name).html
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', html)[1])
    sizes = [float(size) for size in re.findall(r"<text [^>]*font-size: ([\d.]+)px", html)]
    assert sizes, "every picture here has words"
    assert min(sizes) * PHONE_FIGURE_PX / width >= MIN_TEXT_PX


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_exercise_alt_text_describes_start_and_end(exercise_id: str) -> None:
    rendered = _first_render(f"exercise:{exercise_id}")
    alt = _alt(rendered)
    assert "Start:" in alt and "End:" in alt
    assert alt.index("Start:") < alt.index("End:")
    titles = _drawn_text(rendered.html).split()
    assert "Start" in titles and "End" in titles


def test_picture_ids_on_one_page_do_not_clash() -> None:
    ids: list[str] = []
    for name, _ in PICTURES:
        ids += re.findall(r'<clipPath id="([^"]+)"', _first_render(name).html)
    assert len(ids) == len(set(ids))


def test_spine_picture_names_every_region_in_text_not_just_colour() -> None:
    rendered = _first_render("spine")
    drawn_text = _drawn_text(rendered.html)
    for word in ("cervical", "thoracic", "lumbar"):
        assert word in drawn_text
        assert word in _alt(rendered)
    for count in ("7 bones", "12 bones", "5 bones"):
        assert count in drawn_text
    assert "ribs attach here" in drawn_text


def test_self_test_pictures_carry_their_key_labels() -> None:
    def drawn_text(test_id: str) -> str:
        return _drawn_text(_first_render(f"self-test:{test_id}").html)

    assert "45°" in drawn_text("seated-rotation")
    assert "gap (cm)" in drawn_text("neck-to-wall") and "C7" in drawn_text("neck-to-wall")
    assert "Arms in a W" in drawn_text("wall-angel")


@pytest.mark.parametrize(("function", "known"), [
    (exercise_diagram, EXERCISE_IDS),
    (movement_animation, EXERCISE_IDS),
    (self_test_picture, SELF_TEST_IDS),
])
def test_unknown_id_raises_key_error_naming_the_known_ids(
        function: Callable[[str], Rendered], known: list[str]) -> None:
    with pytest.raises(KeyError) as caught:
        function("no-such-picture")
    message = str(caught.value)
    assert "no-such-picture" in message
    for known_id in known:
        assert known_id in message


# --- Animations -------------------------------------------------------------------------

@cache
def _animation(exercise_id: str) -> Rendered:
    return movement_animation(exercise_id)


def _animates(html: str) -> list[tuple[str, str, str]]:
    """(part, attribute, values) for every <animate>, part being the animated element's."""
    found = []
    for part, body in re.findall(r'<\w+ data-part="([^"]+)"[^>]*>(.*?)</\w+>', html):
        for attribute, values in re.findall(
                r'<animate attributeName="([^"]+)" values="([^"]+)"', body):
            found.append((part, attribute, values))
    return found


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_animation_is_small_accessible_looping_svg(exercise_id: str) -> None:
    rendered = _animation(exercise_id)
    html = rendered.html
    assert rendered.text.startswith("[Animation: ") and rendered.text.endswith("]")
    alt = rendered.text[len("[Animation: "):-1]
    assert len(alt) >= 40
    assert "<svg" in html and 'role="img"' in html
    assert f'aria-label="{escape(alt)}"' in html
    assert f"<title>{escape(alt)}</title>" in html
    assert "<figcaption>" in html
    animates = re.findall(r"<animate [^>]*>", html)
    assert animates and all('repeatCount="indefinite"' in tag for tag in animates)
    assert "<script" not in html
    assert len(html.encode("utf-8")) < 15_000


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_animation_is_deterministic(exercise_id: str) -> None:
    assert movement_animation(exercise_id).html == _animation(exercise_id).html


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_animation_starts_in_the_static_start_pose(exercise_id: str) -> None:
    """Each <animate>'s first value is where the static diagram's Start panel has it."""
    diagram = _EXERCISES[exercise_id]
    html = _animation(exercise_id).html
    view_box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', html)
    assert view_box is not None
    scale = float(view_box[1]) / (diagram.xlim[1] - diagram.xlim[0])

    def to_svg(point: tuple[float, float]) -> tuple[float, float]:
        return (point[0] - diagram.xlim[0]) * scale, (diagram.ylim[1] - point[1]) * scale

    start = diagram.frames(1)[0]
    expected: dict[tuple[str, str], list[float]] = {
        (name, "points"): [v for point in start.lines[name] for v in to_svg(point)]
        for name in start.lines}
    expected["head", "cx"] = [to_svg(start.head)[0]]
    expected["head", "cy"] = [to_svg(start.head)[1]]
    animates = _animates(html)
    assert {(part, attribute) for part, attribute, _ in animates} == set(expected)
    for part, attribute, values in animates:
        first = [float(v) for v in re.split(r"[ ,]", values.split(";")[0])]
        assert first == pytest.approx(expected[part, attribute], abs=0.051), (part, attribute)


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_looping_animation_can_be_hidden(exercise_id: str) -> None:
    html = movement_animation(exercise_id).html
    assert html.startswith('<details open class="thoracic-animation"><summary>')
    assert "hide it" in html and html.endswith("</details>")


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_animation_ends_in_the_static_end_position(exercise_id: str) -> None:
    """Halfway through the loop's values (the far end) is the End panel's position."""
    diagram = _EXERCISES[exercise_id]
    end = diagram.frames(6)[-1]
    html = _animation(exercise_id).html
    for part, attribute, values in _animates(html):
        if attribute != "points":
            continue
        far = [float(v) for v in re.split(r"[ ,]", values.split(";")[6])]
        assert len(far) == 2 * len(end.lines[part])


def test_the_end_pose_of_each_side_view_moves_the_upper_back_or_the_arms() -> None:
    for exercise_id in EXERCISE_IDS:
        frames = _EXERCISES[exercise_id].frames(6)
        moved = [name for name in frames[0].lines
                 if frames[0].lines[name] != frames[-1].lines[name]]
        assert {"thoracic", "arm"} & set(moved), exercise_id


def test_the_wall_angel_picture_shows_every_score_from_the_record() -> None:
    from thoracic.content import get_self_test

    levels = get_self_test("wall-angel").levels
    assert len(levels) == 4  # Kofoed and colleagues (2024): 0 to 3 a side
    rendered = _first_render("self-test:wall-angel")
    drawn = " ".join(_drawn_text(rendered.html).split())
    for score, words in enumerate(levels):
        assert f"Score {score}" in drawn
        assert " ".join(words.split()) in drawn
        assert f"Score {score}: {words}" in _alt(rendered)

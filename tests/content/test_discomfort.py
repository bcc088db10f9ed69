"""The one discomfort scale: its zones cover 0 to 10 exactly, a rating finds its zone, a
wrong rating is refused plainly, and the words are plain, kind and honest about the source."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.course.test_reading import MIN_READING_EASE, OVERCLAIMS, reading_ease
from thoracic.base import PALETTE
from thoracic.content import (
    DISCOMFORT_SCALE,
    NEXT_DAY_ANSWERS,
    NEXT_DAY_CHECK,
    DiscomfortZone,
    discomfort_zone,
)


def test_the_zones_cover_0_to_10_with_no_gap_or_overlap() -> None:
    scale = DISCOMFORT_SCALE
    assert (scale.lowest, scale.highest) == (0, 10)
    assert list(scale.ratings) == list(range(11))
    for rating in scale.ratings:
        assert sum(rating in zone for zone in scale.zones) == 1, rating
    covered = [n for zone in scale.zones for n in range(zone.lowest, zone.highest + 1)]
    assert covered == list(range(11))  # in order, each number once


def test_the_zones_are_green_amber_red_as_the_course_teaches_them() -> None:
    assert [(z.name, z.lowest, z.highest, z.label) for z in DISCOMFORT_SCALE.zones] == [
        ("green", 0, 2, "Carry on"), ("amber", 3, 5, "Stay at this dose"),
        ("red", 6, 10, "Stop and ease off")]
    assert [z.word for z in DISCOMFORT_SCALE.zones] == ["Green", "Amber", "Red"]
    assert [z.span for z in DISCOMFORT_SCALE.zones] == ["0 to 2", "3 to 5", "6 to 10"]
    red = DISCOMFORT_SCALE.zones[-1].advice
    for part in ("easier version", "fewer reps", "less far", "stays high",
                 "keeps coming back", "safety check in notebook 00",
                 "doctor or physiotherapist"):
        assert part in red


@pytest.mark.parametrize(("rating", "name"), [(0, "green"), (2, "green"), (3, "amber"),
                                              (5, "amber"), (6, "red"), (10, "red")])
def test_a_rating_finds_its_zone(rating: int, name: str) -> None:
    assert discomfort_zone(rating).name == name
    assert DISCOMFORT_SCALE.zone(rating) is discomfort_zone(rating)


@pytest.mark.parametrize("rating", [-1, 11, 2.5, True, "3", None])
def test_a_rating_off_the_scale_is_refused_plainly(rating: Any) -> None:
    with pytest.raises(ValueError) as caught:
        discomfort_zone(rating)
    assert str(caught.value) == (f"A discomfort rating is a whole number from 0 to 10; got "
                                 f"{rating!r}.")


@pytest.mark.parametrize(("zones", "message"), [
    ((("green", 0, 2), ("amber", 4, 5), ("red", 6, 10)), "should start at 3"),  # a gap
    ((("green", 0, 3), ("amber", 3, 5), ("red", 6, 10)), "should start at 4"),  # overlap
    ((("green", 0, 2), ("amber", 3, 5), ("red", 6, 9)), "they must reach 10"),  # short
    ((("green", 1, 2), ("amber", 3, 5), ("red", 6, 10)), "should start at 0"),
])
def test_a_scale_whose_zones_do_not_fit_is_refused(zones: tuple[tuple[Any, int, int], ...],
                                                   message: str) -> None:
    made = tuple(DiscomfortZone(name, low, high, "x", "y", "z", "#000000")
                 for name, low, high in zones)
    with pytest.raises(ValueError, match=message):
        replace(DISCOMFORT_SCALE, zones=made)


def test_colour_is_never_the_only_sign() -> None:
    zones = DISCOMFORT_SCALE.zones
    for things in ([z.colour for z in zones], [z.symbol for z in zones],
                   [z.word for z in zones], [o.colour for o in NEXT_DAY_CHECK.answers],
                   [o.symbol for o in NEXT_DAY_CHECK.answers],
                   [o.word for o in NEXT_DAY_CHECK.answers]):
        assert len(set(things)) == len(things) and all(things)
    # Okabe-Ito colours only: green, yellow (apart from vermillion for every kind of
    # colour blindness, where orange is not) and vermillion.
    assert [z.colour for z in zones] == [PALETTE[2], PALETTE[6], PALETTE[5]]
    assert {o.colour for o in NEXT_DAY_CHECK.answers} <= set(PALETTE)


def test_the_scale_says_what_is_rated_and_its_ends() -> None:
    scale = DISCOMFORT_SCALE
    # The scale rates pain; the stretch or effort the exercise asks for is expected and
    # named as such, so a learner doing it right is not held back.
    assert scale.what == "pain during and after practice"
    assert all(word in scale.explain for word in ("aching", "soreness", "pain", "stretch",
                                                  "expected", "do not count it"))
    assert scale.label == ("How much pain did you feel (not counting the stretch)? 0 = no "
                           "pain, 10 = the worst pain you can imagine")


def test_the_amber_rule_is_said_to_be_the_courses_own() -> None:
    amber = DISCOMFORT_SCALE.zones[1]
    assert "course's own" in amber.advice and "would let you add more" in amber.advice
    assert "course's own choice" in DISCOMFORT_SCALE.source_note
    assert "up to 5" in DISCOMFORT_SCALE.source_note


def test_the_source_is_named_and_its_limits_said_plainly() -> None:
    source = DISCOMFORT_SCALE.source
    for part in ("pain-monitoring model", "Silbernagel", "2007",
                 "American Journal of Sports Medicine"):
        assert part in source
    note = DISCOMFORT_SCALE.source_note
    assert "tendon pain" in note and "not on the upper back" in note
    assert "sensible guide" in note and "not a rule that was tested" in note
    assert NEXT_DAY_CHECK.source == source


def test_the_next_day_check_asks_one_question_with_three_answers() -> None:
    check = NEXT_DAY_CHECK
    assert check.question == ("Compared with before you practised, is your back better, "
                              "about the same, or worse this morning?")
    assert tuple(option.answer for option in check.answers) == NEXT_DAY_ANSWERS == (
        "better", "same", "worse")
    for answer in ("better", "same"):
        assert "Carry on with your plan." in check.option(answer).advice
    worse = check.option("worse").advice
    for part in ("Do less next time", "steps down to a gentler version at once",
                 "more than two or three days", "doctor or physiotherapist"):
        assert part in worse
    # The dashboard's "in a row" count is the number this advice says in words.
    assert check.worse_in_a_row == 2 and "after two sessions in a row" in worse
    with pytest.raises(ValueError, match="one of better, same, worse; got 'meh'"):
        check.option("meh")


def test_a_next_day_check_without_its_three_answers_is_refused() -> None:
    with pytest.raises(ValueError, match="needs the answers"):
        replace(NEXT_DAY_CHECK, answers=NEXT_DAY_CHECK.answers[:2])


def _sentences() -> list[str]:
    scale, check = DISCOMFORT_SCALE, NEXT_DAY_CHECK
    return [scale.explain, scale.question, scale.source_note, check.question, check.when,
            *(f"{zone.label}. {zone.advice}" for zone in scale.zones),
            *(option.advice for option in check.answers)]


def test_the_words_are_easy_to_read_and_promise_nothing() -> None:
    text = " ".join(_sentences())
    assert reading_ease(text) >= MIN_READING_EASE
    assert not OVERCLAIMS.findall(text)


def test_the_words_speak_to_you() -> None:
    """Second person: the learner is "you", never "the patient" or "the user"."""
    text = " ".join(_sentences()).lower()
    assert " you" in text
    assert not any(word in text for word in ("patient", "the user", "the learner"))

from __future__ import annotations

import pytest

from thoracic import self_test_form
from thoracic.content import SELF_TESTS, get_self_test


def test_the_three_tests_and_their_ranges() -> None:
    assert [t.id for t in SELF_TESTS] == ["seated-rotation", "wall-angel", "neck-to-wall"]
    rotation = get_self_test("seated-rotation")
    assert rotation.noise == 10.0 and rotation.sides == ("left", "right")
    with pytest.raises(KeyError, match="Known self-tests: seated-rotation"):
        get_self_test("toe-touch")


def test_results_are_saved_with_date_and_side(store, monkeypatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2026-03-03")
    form = self_test_form("seated-rotation", store)
    assert form.kind == "self-test"
    assert form.save({"left": 44, "right": 47.5}) is True
    assert form.status == {"n": 1, "problem": ""}
    # as the page sends it: each side with the number it read from the box
    assert form.handle({"do": "self-test", "values": [["right", 50], ["left", 45]]}) is True
    assert [(r.day, r.side, r.value) for r in store.self_tests()] == [
        ("2026-03-03", "left", 44.0), ("2026-03-03", "right", 47.5),
        ("2026-03-03", "right", 50.0), ("2026-03-03", "left", 45.0)]


@pytest.mark.parametrize(
    ("test_id", "values", "message"),
    [
        ("seated-rotation", {"left": 120, "right": 40},
         "Left side: 120 is outside 0 to 90 degrees."),
        ("seated-rotation", {"left": 40, "right": "lots"}, "a result must be a number"),
        ("seated-rotation", {"left": 40}, "expected a result for left, right"),
        ("seated-rotation", {"left": 40, "right": 40, "middle": 40},
         "expected a result for left, right"),
        ("wall-angel", {"left": 2.5, "right": 1}, "Left side: use a whole number"),
        ("neck-to-wall", {"": -3}, "The result: -3 is outside 0 to 30 cm."),
        ("neck-to-wall", {"": float("nan")}, "The result: nan is outside 0 to 30 cm."),
        ("neck-to-wall", {"": float("inf")}, "The result: inf is outside 0 to 30 cm."),
    ],
)
def test_the_course_checks_again_and_out_of_range_saves_nothing(store, test_id, values,
                                                                 message) -> None:
    """The page checks what was typed; the host checks the numbers again, from the same
    record, before it keeps any: one wrong side keeps neither."""
    form = self_test_form(test_id, store)
    assert form.save(values) is False
    assert message in form.status["problem"]
    assert store.self_tests() == []


def test_a_malformed_result_is_refused(store) -> None:
    form = self_test_form("neck-to-wall", store)
    for values in ("12", [[""]], [["", 1, 2]], None):
        assert form.handle({"do": "self-test", "values": values}) is False, values
        assert form.status["problem"]
    assert store.self_tests() == []


def test_the_form_carries_a_label_and_the_limits_for_each_side(store) -> None:
    for test in SELF_TESTS:
        form = self_test_form(test.id, store)
        assert form.config["sides"] == list(test.sides)
        assert form.config["labels"] == [test.label(side) for side in test.sides]
        assert all(form.config["labels"])
        assert (form.config["low"], form.config["high"]) == (test.low, test.high)
        assert form.config["whole_numbers"] is test.whole_numbers
        assert form.config["name"] == test.name and form.config["unit"] == test.unit


def test_the_stored_preview_shows_a_blank_for_each_side_with_its_range(store) -> None:
    form = self_test_form("seated-rotation", store)
    data = form._repr_mimebundle_()[0]  # anywidget: (data, metadata)
    assert "<h3>Record your seated rotation</h3>" in data["text/html"]
    assert "Left side (degrees): ______ (0 to 90)" in data["text/html"]
    assert "Right side (degrees): ______ (0 to 90)" in data["text/html"]
    assert data["text/plain"].startswith("Record your seated rotation. Run this cell")


def test_the_phone_can_measure_only_the_rotation_and_the_form_says_how(store) -> None:
    rotation = self_test_form("seated-rotation", store)
    assert rotation.measurable and "RotationMeasurement" in rotation.core  # its module, as text
    measure = rotation.config["measure"]
    assert set(measure["unavailable"]) == {"none", "insecure", "denied"}
    assert {"neutral", "turn", "hold", "recorded", "back", "side-done", "done"} <= set(
        measure["say"])
    for other in ("wall-angel", "neck-to-wall"):
        form = self_test_form(other, store)
        assert not form.measurable and form.core == "" and "measure" not in form.config


def test_a_measured_result_is_kept_with_its_tries(store) -> None:
    form = self_test_form("seated-rotation", store)
    assert form.handle({"do": "self-test", "values": [["left", 42.1], ["right", 39.0]],
                        "method": "phone", "tries": {"left": [41.8, 42.1, 43.0],
                                                     "right": [39.0, 38.2, 40.4]}})
    results = {r.side: (r.value, r.method, r.tries) for r in store.self_tests()}
    assert results == {"left": (42.1, "phone", (41.8, 42.1, 43.0)),
                       "right": (39.0, "phone", (39.0, 38.2, 40.4))}


@pytest.mark.parametrize("message", [
    {"method": "phone"},  # no tries
    {"method": "phone", "tries": {"left": [41.0, 42.1, 43.0]}},  # a side without
    {"method": "phone", "tries": {"left": [30.0, 31.0, 32.0], "right": [39.0]}},  # not the median
    {"method": "phone", "tries": {"left": [42.1, 95.0, 42.1], "right": [39.0]}},  # out of range
    {"method": "guessed"},
])
def test_a_measured_result_that_does_not_add_up_saves_nothing(store, message) -> None:
    form = self_test_form("seated-rotation", store)
    assert not form.handle({"do": "self-test", "values": [["left", 42.1], ["right", 39.0]],
                            **message})
    assert form.status["problem"] and store.self_tests() == []


def test_a_test_the_phone_cannot_take_refuses_a_measured_result(store) -> None:
    form = self_test_form("neck-to-wall", store)
    assert not form.handle({"do": "self-test", "values": [["", 5.0]], "method": "phone",
                            "tries": {"": [5.0]}})
    assert store.self_tests() == []

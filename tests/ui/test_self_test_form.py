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
    form.inputs["left"].value = "44"
    form.inputs["right"].value = "47,5"
    form.save_button.click()
    assert [(r.day, r.side, r.value) for r in store.self_tests()] == [
        ("2026-03-03", "left", 44.0), ("2026-03-03", "right", 47.5)]
    assert "✓ Saved: left 44, right 47.5 degrees." in form.status.value
    assert form.inputs["left"].value == ""


@pytest.mark.parametrize(
    ("test_id", "values", "message"),
    [
        ("seated-rotation", {"left": "120", "right": "40"},
         "Left side: 120 is outside 0 to 90 degrees."),
        ("seated-rotation", {"left": "40", "right": "lots"},
         "Right side: &#x27;lots&#x27; is not a number."),
        ("wall-angel", {"left": "2.5", "right": "1"}, "Left side: use a whole number"),
        ("neck-to-wall", {"": "-3"}, "The result: -3 is outside 0 to 30 cm."),
        ("neck-to-wall", {"": "nan"}, "The result: nan is outside 0 to 30 cm."),
    ],
)
def test_out_of_range_saves_nothing(store, test_id, values, message) -> None:
    form = self_test_form(test_id, store)
    for side, value in values.items():
        form.inputs[side].value = value
    assert form.save() is False
    assert message in form.status.value and "Nothing was saved." in form.status.value
    assert store.self_tests() == []


def test_every_input_is_labelled(store) -> None:
    for test in SELF_TESTS:
        form = self_test_form(test.id, store)
        assert all(box.description for box in form.inputs.values())
        assert form.save_button.description.startswith("Save")

"""A self-test result keeps how it was taken (schema 5): typed, or measured by the phone
with its tries; the store, the progress file and its contract all carry it, and older
files still read."""

from __future__ import annotations

import pytest

from thoracic.progress import ImportFileError, ProgressStore


def test_a_measured_result_keeps_its_method_and_tries(store: ProgressStore) -> None:
    store.record_self_test("seated-rotation", 42.1, side="left", method="phone",
                           tries=[41.8, 42.1, 43.0])
    store.record_self_test("seated-rotation", 40, side="right")
    measured, typed = store.self_tests()
    assert (measured.method, measured.tries) == ("phone", (41.8, 42.1, 43.0))
    assert (typed.method, typed.tries) == ("typed", None)


@pytest.mark.parametrize(("method", "tries"), [
    ("phone", None), ("typed", [40.0]), ("phone", []), ("phone", [40.0] * 11),
    ("guessed", None)])
def test_a_result_that_does_not_fit_its_method_is_refused(store: ProgressStore, method,
                                                           tries) -> None:
    with pytest.raises(ValueError, match=r"method|tries"):
        store.record_self_test("seated-rotation", 40, side="left", method=method, tries=tries)
    assert store.self_tests() == []


def test_the_file_carries_them_both_ways(store: ProgressStore, tmp_path) -> None:
    store.record_self_test("seated-rotation", 42.1, side="left", method="phone",
                           tries=[41.8, 42.1, 43.0])
    data = store.export_data()
    assert data["version"] == 5
    (result,) = data["self_tests"]
    assert (result["method"], result["tries"]) == ("phone", [41.8, 42.1, 43.0])
    other = ProgressStore(tmp_path / "other.sqlite3")
    other.import_data(data)
    assert other.self_tests() == store.self_tests()


def test_an_older_file_without_them_still_reads(store: ProgressStore) -> None:
    store.import_data({"format": "upper-back-relief-progress", "version": 4, "self_tests": [
        {"id": "a" * 32, "day": "2026-01-10", "test": "seated-rotation", "side": "left",
         "value": 44.0, "recorded_at": "2026-01-10T08:00:00+00:00"}]})
    (result,) = store.self_tests()
    assert (result.value, result.method, result.tries) == (44.0, None, None)


def test_a_try_outside_the_tests_range_is_refused_by_the_contract(store) -> None:
    bad = {"format": "upper-back-relief-progress", "version": 5, "self_tests": [
        {"id": "a" * 32, "day": "2026-01-10", "test": "seated-rotation", "side": "left",
         "value": 44.0, "recorded_at": "2026-01-10T08:00:00+00:00", "method": "phone",
         "tries": [44.0, 120.0]}]}
    with pytest.raises(ImportFileError, match="tries"):
        store.import_data(bad)
    assert store.self_tests() == []


@pytest.mark.parametrize(("method", "tries"), [("phone", None), ("typed", [44.0]),
                                               (None, [44.0])])
def test_tries_come_with_a_measured_result_only(store, method, tries) -> None:
    record = {"id": "a" * 32, "day": "2026-01-10", "test": "seated-rotation", "side": "left",
              "value": 44.0, "recorded_at": "2026-01-10T08:00:00+00:00", "method": method,
              "tries": tries}
    with pytest.raises(ImportFileError, match="tries"):
        store.import_data({"format": "upper-back-relief-progress", "version": 5,
                           "self_tests": [record]})

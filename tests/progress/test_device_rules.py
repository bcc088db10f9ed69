"""device_rules(): what the site's device store is told is exactly what Python uses."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from dataclasses import fields

from thoracic.base import MAX_SESSION_SECONDS
from thoracic.content import DISCOMFORT_SCALE, NEXT_DAY_ANSWERS, SELF_TESTS
from thoracic.progress import (
    EXPORT_FORMAT,
    MAX_NOTE_CHARS,
    SCHEMA_VERSION,
    NextDayCheck,
    ProgressStore,
    QuizAnswer,
    SelfTestResult,
    Session,
    device_rules,
)
from thoracic.progress import _transfer as transfer
from thoracic.progress._schema import SESSION_KINDS

from .test_transfer import one_of_each


def test_names_and_kinds_are_pythons() -> None:
    rules = device_rules()
    assert rules["format"] == EXPORT_FORMAT
    assert rules["version"] == SCHEMA_VERSION
    assert rules["kinds"] == list(transfer.KINDS)
    assert rules["export_kinds"] == list(transfer.EXPORT_KINDS)
    assert rules["export_order"] == {kind: list(transfer.EXPORT_ORDER[kind])
                                     for kind in transfer.KINDS}
    assert rules["merge"] == {kind: {"keys": [[name, list(key)] for name, key in merge.keys],
                                     "stamp": merge.stamp}
                              for kind, merge in transfer.MERGE.items()}
    assert rules["entry_kinds"] == list(transfer.ENTRY_KINDS)
    assert rules["nouns"] == {kind: list(nouns) for kind, nouns in transfer.NOUNS.items()}
    assert rules["session_kinds"] == list(SESSION_KINDS)
    assert rules["next_day_answers"] == list(NEXT_DAY_ANSWERS)
    assert rules["rating"] == {"lowest": DISCOMFORT_SCALE.lowest,
                               "highest": DISCOMFORT_SCALE.highest}
    assert rules["nothing_imported"] == transfer.NOTHING


def test_fields_are_the_records_and_the_checks() -> None:
    rules = device_rules()
    for kind, record in [("sessions", Session), ("self_tests", SelfTestResult),
                         ("quiz_answers", QuizAnswer), ("next_day_checks", NextDayCheck)]:
        assert rules["fields"][kind] == [field.name for field in fields(record)]
    assert rules["fields"]["checklist_ticks"] == ["checklist", "item", "day", "checked",
                                                  "updated_at"]
    assert {kind: set(names) for kind, names in rules["fields"].items()} == {
        kind: set(names) for kind, names in transfer._FIELDS.items()}


def test_order_is_the_order_of_a_real_export(store: ProgressStore) -> None:
    store.import_data(one_of_each())
    data = store.export_data()
    rules = device_rules()
    assert list(data) == ["format", "version", *rules["export_kinds"]]
    for kind in rules["kinds"]:
        assert [list(record) for record in data[kind]] == [rules["fields"][kind]]


def test_every_limit_is_pythons() -> None:
    assert device_rules()["limits"] == {
        "MAX_FILE_BYTES": transfer.MAX_FILE_BYTES,
        "MAX_ENTRIES": transfer.MAX_ENTRIES,
        "MAX_ID_CHARS": transfer.MAX_ID_CHARS,
        "MAX_NAME_CHARS": transfer.MAX_NAME_CHARS,
        "MAX_STAMP_CHARS": transfer.MAX_STAMP_CHARS,
        "MAX_SETS": transfer.MAX_SETS,
        "MAX_CHOICE": transfer.MAX_CHOICE,
        "MAX_NOTE_CHARS": MAX_NOTE_CHARS,
        "MAX_SESSION_SECONDS": MAX_SESSION_SECONDS,
        "MAX_DAYS_AHEAD": transfer.MAX_DAYS_AHEAD,
        "MAX_DEPTH": transfer.MAX_DEPTH,
        "MAX_NUMBER_DIGITS": transfer.MAX_NUMBER_DIGITS,
        "EARLIEST_DAY": transfer.EARLIEST_DAY.isoformat(),
    }


def test_every_self_test_is_there_with_its_limits() -> None:
    assert device_rules()["self_tests"] == [
        {"id": test.id, "name": test.name, "unit": test.unit, "sides": list(test.sides),
         "low": test.low, "high": test.high, "whole_numbers": test.whole_numbers}
        for test in SELF_TESTS]


def test_the_rules_are_plain_json() -> None:
    rules = device_rules()
    assert json.loads(json.dumps(rules, allow_nan=False)) == rules
    # tests/js/device_rules.json is written from them by make js (tests/js/fixtures.py)


def test_merge_keys_are_the_store_s_unique_keys(store: ProgressStore) -> None:
    """An import merges, and the site's device store indexes, on the keys SQLite enforces."""
    store.import_data(one_of_each())  # makes the tables
    with closing(sqlite3.connect(store.path)) as db:
        for kind, merge in transfer.MERGE.items():
            unique = {tuple(column for _, _, column in db.execute(f"PRAGMA index_info('{name}')"))
                      for _, name, is_unique, *_ in db.execute(f"PRAGMA index_list('{kind}')")
                      if is_unique}
            assert unique == {key for _, key in merge.keys}, kind

"""The next-day check in the store: one answer a day, the migration from version 2 (a real
file the version-2 course wrote), and export, import and merging without duplicates."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from thoracic import ProgressStore
from thoracic.content import NEXT_DAY_ANSWERS
from thoracic.progress import (
    MIGRATIONS,
    SCHEMA_VERSION,
    ImportFileError,
    ImportReport,
    LearnerStore,
    NextDayCheck,
    describe_entry,
)

DATA = Path(__file__).parent / "data"
# Written by the course at schema version 2 (before the next-day check), kept as they were.
VERSION_2_FILE = DATA / "version-2.sqlite3"
VERSION_2_EXPORT = DATA / "version-2-export.json"
OLD_KINDS = ("sessions", "self_tests", "checklist_ticks", "quiz_answers")


def _user_version(path: Path) -> int:
    with closing(sqlite3.connect(path)) as db:
        version: int = db.execute("PRAGMA user_version").fetchone()[0]
    return version


def _tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type = "
                                             "'table'")}


# -- recording ---------------------------------------------------------------------------

def test_one_answer_a_day_and_a_new_one_replaces_it(store: ProgressStore) -> None:
    first = store.record_next_day_check("worse", day="2026-01-14")
    other = store.record_next_day_check("better", day="2026-01-13")
    again = store.record_next_day_check("same", day="2026-01-14")
    assert again == first != other  # the day's entry keeps its id
    checks = store.next_day_checks()
    assert all(isinstance(check, NextDayCheck) for check in checks)
    assert [(c.id, c.day, c.answer) for c in checks] == [
        (other, "2026-01-13", "better"), (first, "2026-01-14", "same")]  # oldest day first


def test_the_day_is_today_unless_given(store: ProgressStore,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2026-02-01")
    store.record_next_day_check("better")
    assert [c.day for c in store.next_day_checks()] == ["2026-02-01"]


@pytest.mark.parametrize(("answer", "day", "message"), [
    ("great", None, "A next-day answer is one of better, same, worse; got 'great'."),
    ("Worse", None, "got 'Worse'"),
    ("worse", "15/01/2026", "day must be a date written YYYY-MM-DD, got '15/01/2026'."),
    ("worse", "2026-1-5", "got '2026-1-5'"),
])
def test_a_wrong_answer_or_day_is_refused_and_nothing_saved(store: ProgressStore, answer: str,
                                                            day: str | None,
                                                            message: str) -> None:
    with pytest.raises(ValueError) as caught:
        store.record_next_day_check(answer, day=day)
    assert message in str(caught.value)
    assert store.next_day_checks() == []


def test_the_table_allows_exactly_the_records_answers() -> None:
    allowed = re.search(r"CHECK \(answer IN \(([^)]*)\)\)", MIGRATIONS[2])
    assert allowed is not None
    assert tuple(a.strip(" '") for a in allowed.group(1).split(",")) == NEXT_DAY_ANSWERS


def test_a_wrong_answer_can_be_listed_and_deleted(store: ProgressStore) -> None:
    wrong = store.record_next_day_check("same", day="2026-01-15")
    kept = store.record_next_day_check("better", day="2026-01-14")
    removed = store.delete_entry(wrong)
    assert isinstance(removed, NextDayCheck)
    assert describe_entry(removed) == "2026-01-15 · next-day check · about the same"
    assert [c.id for c in store.next_day_checks()] == [kept]
    with pytest.raises(KeyError, match=r"next-day check with the id nope\."):
        store.delete_entry("nope")


# -- from version 2 ----------------------------------------------------------------------

@pytest.fixture
def version_2_file(tmp_path: Path) -> Path:
    """A copy of the real version-2 file (the original stays as it was written)."""
    path = tmp_path / "progress.sqlite3"
    shutil.copyfile(VERSION_2_FILE, path)
    return path


def test_a_real_version_2_file_is_migrated_and_keeps_everything(version_2_file: Path) -> None:
    assert _user_version(version_2_file) == 2
    assert "next_day_checks" not in _tables(version_2_file)
    store = ProgressStore(version_2_file)
    assert _user_version(version_2_file) == SCHEMA_VERSION == 5
    assert "next_day_checks" in _tables(version_2_file)
    exported = store.export_data()
    written = json.loads(VERSION_2_EXPORT.read_text("utf-8"))  # its export, made back then
    for kind in OLD_KINDS:
        # Sessions gained "version" later (schema 4), self-tests how they were taken
        # (schema 5); an old entry's is not known.
        later = {"sessions": {"version": None}, "self_tests": {"method": None, "tries": None}}
        old = [{**entry, **later.get(kind, {})} for entry in written[kind]]
        assert exported[kind] == old, kind
    assert [(s.rating, s.note) for s in store.sessions()] == [(3, "a bit stiff"), (2, None)]
    assert exported["next_day_checks"] == []
    store.record_next_day_check("better", day="2026-01-11")
    assert [c.answer for c in ProgressStore(version_2_file).next_day_checks()] == ["better"]


def test_the_learners_store_migrates_a_version_2_file_too(version_2_file: Path) -> None:
    store = LearnerStore(version_2_file)
    assert store.saving and store.problem is None
    assert len(store.sessions()) == 2 and store.next_day_checks() == []
    store.record_next_day_check("worse", day="2026-01-12")
    assert _user_version(version_2_file) == SCHEMA_VERSION


def test_a_version_2_export_without_next_day_checks_still_imports(store: ProgressStore) -> None:
    old = json.loads(VERSION_2_EXPORT.read_text("utf-8"))
    assert old["version"] == 2 and "next_day_checks" not in old
    assert store.import_data(old) == {"sessions": 2, "self_tests": 1, "checklist_ticks": 1,
                                      "quiz_answers": 1, "next_day_checks": 0}
    assert store.next_day_checks() == []


# -- export, import and merging ------------------------------------------------------------

def _export(*checks: tuple[str, str, str, str]) -> dict[str, Any]:
    return {"format": "upper-back-relief-progress", "version": 3, "next_day_checks": [
        {"id": i, "day": day, "answer": answer, "recorded_at": stamp}
        for i, day, answer, stamp in checks]}


def test_next_day_checks_round_trip(store: ProgressStore, tmp_path: Path) -> None:
    store.record_next_day_check("worse", day="2026-01-13")
    store.record_next_day_check("same", day="2026-01-14")
    exported = json.loads(json.dumps(store.export_data()))
    assert [c["answer"] for c in exported["next_day_checks"]] == ["worse", "same"]
    fresh = ProgressStore(tmp_path / "fresh" / "progress.sqlite3")
    assert fresh.import_data(exported)["next_day_checks"] == 2
    assert fresh.export_data() == store.export_data()
    again = fresh.import_data(exported)
    assert isinstance(again, ImportReport) and again["next_day_checks"] == 0
    assert again.skipped["next_day_checks"] == 2
    assert fresh.export_data() == store.export_data()


def test_a_later_answer_for_the_same_day_wins_when_merging(store: ProgressStore) -> None:
    mine = store.record_next_day_check("same", day="2026-01-14")
    saved_at = store.next_day_checks()[0].recorded_at
    older = store.import_data(_export(("theirs", "2026-01-14", "worse",
                                       "2000-01-01T00:00:00+00:00")))
    assert isinstance(older, ImportReport)
    assert older == {"sessions": 0, "self_tests": 0, "checklist_ticks": 0, "quiz_answers": 0,
                     "next_day_checks": 0}
    assert older.skipped["next_day_checks"] == 1
    assert [(c.id, c.answer) for c in store.next_day_checks()] == [(mine, "same")]
    newer = store.import_data(_export(("theirs", "2026-01-14", "worse", "9999-01-01T00:00")))
    assert isinstance(newer, ImportReport) and newer.updated["next_day_checks"] == 1
    assert "Updated 1 next-day check (the file's was saved later)." in newer.describe()
    assert [(c.id, c.day, c.answer) for c in store.next_day_checks()] == [
        ("theirs", "2026-01-14", "worse")]  # one answer for the day, never two
    assert saved_at != store.next_day_checks()[0].recorded_at


def test_an_answer_changed_since_on_another_computer_comes_back(store: ProgressStore,
                                                                tmp_path: Path) -> None:
    mine = store.record_next_day_check("same", day="2026-01-14")
    other = ProgressStore(tmp_path / "other" / "progress.sqlite3")
    other.import_data(store.export_data())
    other.record_next_day_check("worse", day="2026-01-14")  # the same entry, changed
    changed = other.export_data()
    changed["next_day_checks"][0]["recorded_at"] = "9999-01-01T00:00:00+00:00"  # later
    report = store.import_data(changed)
    assert isinstance(report, ImportReport) and report.updated["next_day_checks"] == 1
    assert [(c.id, c.answer) for c in store.next_day_checks()] == [(mine, "worse")]
    again = store.import_data(changed)  # nothing new the second time
    assert isinstance(again, ImportReport) and again.skipped["next_day_checks"] == 1
    stale = {**changed, "next_day_checks": [{**changed["next_day_checks"][0],
                                             "answer": "better",
                                             "recorded_at": "2000-01-01T00:00:00+00:00"}]}
    store.import_data(stale)  # saved earlier than the store's: kept out
    assert [(c.id, c.answer) for c in store.next_day_checks()] == [(mine, "worse")]


def test_a_file_with_two_answers_for_one_day_is_refused(store: ProgressStore) -> None:
    twice = _export(("a", "2026-01-14", "worse", "t"), ("b", "2026-01-14", "same", "t"))
    with pytest.raises(ImportFileError) as caught:
        store.import_data(twice)
    assert str(caught.value) == (
        "Next-day check 2: day 2026-01-14 already has an answer in next-day check 1; a day "
        "holds one answer, so keep only one of the two. Nothing was imported.")
    same_id = _export(("a", "2026-01-14", "worse", "t"), ("a", "2026-01-15", "same", "t"))
    with pytest.raises(ImportFileError, match="Next-day check 2: id 'a' is also used by "
                                              "next-day check 1"):
        store.import_data(same_id)
    assert store.next_day_checks() == []

"""Importing a progress file: every bad file is refused with its reason, and changes nothing.

One test per fault found by the attack on the import (issue: 1e308 self-test, NaN,
sets -5, version -7 / true, 2**63, deep nesting, latin-1, no size limits), through the
public API: ProgressStore.import_data, read_progress_file and the ``thoracic progress``
command.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from thoracic import ProgressStore
from thoracic._cli import main
from thoracic.authoring import sample_history
from thoracic.progress import ImportFileError, ImportReport, read_progress_file, store_path
from thoracic.progress._transfer import MAX_DEPTH, MAX_NUMBER_DIGITS, choose_file

D = dt.date(2026, 1, 15)
NOTHING = "Nothing was imported."


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", D.isoformat())


@pytest.fixture
def kept(store: ProgressStore) -> ProgressStore:
    """A store that already holds some progress, which a bad import must leave alone."""
    store.record_session("exercise", "Child's pose", 75, sets=2, day="2026-01-10", note="ok")
    store.record_self_test("seated-rotation", 44, side="left", day="2026-01-10")
    store.set_tick("daily-routine", "warm-up", True, day="2026-01-10")
    store.record_quiz_answer("intro-where-is-thoracic", 1, True, day="2026-01-10")
    store.record_next_day_check("better", day="2026-01-11")
    return store


def snapshot(store: ProgressStore) -> str:
    return json.dumps(store.export_data(), sort_keys=True)


def one_of_each() -> dict[str, Any]:
    """A small, valid export: one entry of each kind."""
    stamp = "2026-01-12T07:00:00+00:00"
    return {
        "format": "upper-back-relief-progress", "version": 3,
        "sessions": [{"id": "s1", "day": "2026-01-12", "recorded_at": stamp,
                      "kind": "exercise", "exercise": "Child's pose", "sets": 2,
                      "duration_seconds": 75.0, "rating": 3, "note": "looser"}],
        "self_tests": [{"id": "t1", "day": "2026-01-12", "test": "seated-rotation",
                        "side": "right", "value": 47, "recorded_at": stamp}],
        "checklist_ticks": [{"checklist": "daily-routine", "item": "warm-up",
                             "day": "2026-01-12", "checked": True, "updated_at": stamp}],
        "quiz_answers": [{"id": "q1", "day": "2026-01-12", "question": "intro-where-is-thoracic",
                          "choice": 0, "correct": False, "recorded_at": stamp}],
        "next_day_checks": [{"id": "n1", "day": "2026-01-12", "answer": "same",
                             "recorded_at": stamp}],
    }


def with_field(kind: str, field: str, value: Any) -> dict[str, Any]:
    data = one_of_each()
    data[kind][0][field] = value
    return data


def refused(store: ProgressStore, data: Any, *messages: str) -> str:
    """Assert the import is refused with every one of ``messages`` and changes nothing."""
    before = snapshot(store)
    with pytest.raises(ImportFileError) as caught:
        store.import_data(data)
    text = str(caught.value)
    for message in messages:
        assert message in text
    assert text.endswith(NOTHING)
    assert snapshot(store) == before
    return text


def write(path: Path, data: Any, **dumps: Any) -> Path:
    path.write_text(json.dumps(data, **dumps), encoding="utf-8")
    return path


# -- the faults from the issue -----------------------------------------------------------

def test_self_test_of_1e308_is_refused(kept: ProgressStore) -> None:
    refused(kept, with_field("self_tests", "value", 1e308),
            "Self-test result 1: field 'value' must be a number from 0 to 90 (Seated rotation, in "
            "degrees; it is 1e+308)")


def test_nan_self_test_is_refused_not_dropped(kept: ProgressStore, tmp_path: Path) -> None:
    path = write(tmp_path / "nan.json", with_field("self_tests", "value", float("nan")),
                 allow_nan=True)
    assert "NaN" in path.read_text()
    # NaN is not JSON: the file is refused as it is read, as a browser refuses it.
    with pytest.raises(ImportFileError, match="not valid JSON: NaN is not a JSON value"):
        read_progress_file(path)
    # Data made in Python may still hold one; the checks refuse it, naming the place.
    text = refused(kept, with_field("self_tests", "value", float("nan")),
                   "Self-test result 1: field 'value' must be a number (it is nan)")
    assert text


def test_a_refusal_names_its_entry_and_field(kept: ProgressStore) -> None:
    data = one_of_each()
    data["sessions"] = [{**data["sessions"][0], "id": f"s{n}"} for n in range(3)]
    data["sessions"][2]["rating"] = 11
    with pytest.raises(ImportFileError) as caught:
        kept.import_data(data)
    assert (caught.value.entry, caught.value.field) == (("sessions", 2), "rating")
    with pytest.raises(ImportFileError) as caught:
        kept.import_data({**one_of_each(), "version": 9})
    assert (caught.value.entry, caught.value.field) == (None, "version")


def test_a_whole_number_may_be_written_with_a_point(kept: ProgressStore) -> None:
    # JSON, and the schema's "integer", make no difference between 2 and 2.0.
    data = {**one_of_each(), "version": 3.0}
    data["sessions"][0].update(rating=3.0, sets=2.0)
    kept.import_data(data)
    session = next(row for row in kept.export_data()["sessions"]
                   if row["id"] == data["sessions"][0]["id"])
    assert (session["rating"], session["sets"]) == (3, 2)
    assert isinstance(session["rating"], int)


def test_negative_sets_are_refused(kept: ProgressStore) -> None:
    refused(kept, with_field("sessions", "sets", -5),
            "Practice-log entry 1: field 'sets' must be a whole number from 1 to 100 or null "
            "(it is -5)")


@pytest.mark.parametrize(("version", "shown"), [(-7, "-7"), (True, "True"), (0, "0"),
                                                ("2", "'2'"), (1.5, "1.5"), (None, "None")])
def test_version_must_be_a_positive_whole_number(kept: ProgressStore, version: Any,
                                                 shown: str) -> None:
    refused(kept, {**one_of_each(), "version": version},
            f"The file: field 'version' must be a whole number from 1 to 5 (The format "
            f"version; older ones are read too; it is {shown})")


def test_newer_version_is_refused(kept: ProgressStore) -> None:
    refused(kept, {**one_of_each(), "version": 6}, "cannot read (it reads up to 5)")


@pytest.mark.parametrize(
    ("kind", "field", "message"),
    [("sessions", "sets",
      "Practice-log entry 1: field 'sets' must be a whole number from 1 to 100"),
     ("sessions", "rating",
      "Practice-log entry 1: field 'rating' must be a whole number from 0 to 10"),
     ("sessions", "duration_seconds",
      "Practice-log entry 1: field 'duration_seconds' must be a number from 0 to 3600 (Seconds of "
      "practice; it is 9223372036854775808)"),
     ("self_tests", "value",
      "Self-test result 1: field 'value' must be a number from 0 to 90 (Seated rotation, in "
      "degrees; it is 9223372036854775808)"),
     ("quiz_answers", "choice", "Quiz answer 1: field 'choice' must be a whole number from 0 "
                                "to 9 (it is 9223372036854775808)")],
)
@pytest.mark.parametrize("size", [2**63, 10**99])
def test_huge_numbers_are_refused_without_overflow(kept: ProgressStore, tmp_path: Path,
                                                   kind: str, field: str, message: str,
                                                   size: int) -> None:
    # written as JSON text and read back, as the command does
    path = write(tmp_path / "huge.json", with_field(kind, field, size))
    if size > 2**63:
        message = message.split("9223372036854775808")[0]
    refused(kept, read_progress_file(path), message)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 995, 100_000])
def test_deep_nesting_is_refused(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_progress_file(path)
    assert str(caught.value).startswith(
        f"{path} is nested too deeply to be a progress file (more than {MAX_DEPTH} levels of "
        "lists and records inside each other). ")
    assert str(caught.value).endswith(NOTHING)


@pytest.mark.parametrize("number", ["9" * 5000, "0." + "1" * 4999, "1e" + "0" * 4999])
def test_a_number_of_thousands_of_digits_is_refused_in_words_for_a_person(
        tmp_path: Path, number: str) -> None:
    path = tmp_path / "long.json"
    path.write_text(f'{{"format": "upper-back-relief-progress", "version": {number}}}',
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_progress_file(path)
    assert str(caught.value) == (
        f"{path} is not a progress file (it holds a number 5,000 digits long; no number in a "
        f"progress file has more than {MAX_NUMBER_DIGITS} digits). {choose_file()}")
    assert "sys." not in str(caught.value)


def test_latin_1_file_is_not_a_progress_file(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(json.dumps(with_field("sessions", "note", "café"),
                                ensure_ascii=False).encode("latin-1"))
    with pytest.raises(ImportFileError) as caught:
        read_progress_file(path)
    assert str(caught.value).startswith(
        f"{path} is not a progress file (it is not UTF-8 text). Choose the .json file")


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:
        handle.truncate(50_000_001)  # sparse: costs no disk
    with pytest.raises(ImportFileError) as caught:
        read_progress_file(path)
    assert str(caught.value).startswith(
        f"{path} is too large to be a progress file (50,000,001 bytes; a progress file is at "
        "most 50 MB).")


def test_too_many_entries_are_refused(kept: ProgressStore) -> None:
    data = one_of_each()
    data["checklist_ticks"] = data["checklist_ticks"] * 199_998  # 200,002 entries in all
    refused(kept, data, "The file: it holds 200,002 entries; a progress file holds at most 200,000")


def test_too_long_note_is_refused(kept: ProgressStore) -> None:
    refused(kept, with_field("sessions", "note", "x" * 50_000_000),
            "Practice-log entry 1: field 'note' must be text of 0 to 2,000 characters or null (The "
            "learner's own note; it has 50,000,000 characters)")
    refused(kept, with_field("sessions", "note", "x" * 2_001), "it has 2,001 characters")


def test_unknown_self_test_is_refused(kept: ProgressStore) -> None:
    refused(kept, with_field("self_tests", "test", "toe-touch"),
            "Self-test result 1: field 'test' must be one of 'seated-rotation', 'wall-angel', "
            "'neck-to-wall' (it is 'toe-touch')")


def test_side_must_be_one_of_the_tests_sides(kept: ProgressStore) -> None:
    refused(kept, with_field("self_tests", "side", "middle"),
            "Self-test result 1: field 'side' must be one of 'left', 'right' (it is 'middle')")
    data = with_field("self_tests", "test", "neck-to-wall")
    refused(kept, data, "field 'side' must be one of '' (it is 'right')")


@pytest.mark.parametrize(("day", "message"), [
    ("2999-01-01", "day 2999-01-01 is not between 2000-01-01 and a year from today "
                   "(2027-01-15)"),
    ("1999-12-31", "day 1999-12-31 is not between 2000-01-01"),
    ("20260112", "field 'day' must be a date written YYYY-MM-DD"),
    (20260112, "field 'day' must be a date written YYYY-MM-DD"),
    ("2026-02-30", "day '2026-02-30' is not a date (YYYY-MM-DD)"),
])
def test_days_must_be_sensible_dates(kept: ProgressStore, day: Any, message: str) -> None:
    refused(kept, with_field("quiz_answers", "day", day), f"Quiz answer 1: {message}")


# -- the rest of the strict check --------------------------------------------------------

@pytest.mark.parametrize(
    ("kind", "field", "value", "message"),
    [("sessions", "rating", 11, "Practice-log entry 1: field 'rating' must be a whole number "
                                 "from 0 to 10 or null"),
     ("sessions", "rating", True, "field 'rating' must be a whole number from 0 to 10 or null"),
     ("sessions", "sets", 0, "field 'sets' must be a whole number from 1 to 100"),
     ("sessions", "sets", 101, "field 'sets' must be a whole number from 1 to 100"),
     ("sessions", "sets", 2.5, "field 'sets' must be a whole number from 1 to 100"),
     ("sessions", "duration_seconds", -1, "field 'duration_seconds' must be a number from 0 "
                                          "to 3600 (Seconds of practice; it is -1)"),
     ("sessions", "duration_seconds", 3601, "it is 3601)"),
     ("sessions", "duration_seconds", False, "'duration_seconds' must be a number from 0 to"),
     ("sessions", "kind", "nap", "field 'kind' must be one of 'set', 'exercise', 'routine'"),
     ("sessions", "id", "", "field 'id' must be text of 1 to 64 characters"),
     ("sessions", "id", "i" * 65, "it has 65 characters)"),
     ("sessions", "recorded_at", "", "field 'recorded_at' must be text of 1 to 64 characters"),
     ("sessions", "exercise", "e" * 101, "field 'exercise' must be text of 1 to 100 characters"),
     ("sessions", "note", 5, "field 'note' must be text of 0 to 2,000 characters or null"),
     ("sessions", "note", "\ud800", "field 'note' holds a character that is not text"),
     ("sessions", "mood", "good",
      "Practice-log entry 1: it has a field this course does not know ('mood')"),
     ("self_tests", "value", True, "field 'value' must be a number from 0 to 90"),
     ("self_tests", "value", "44", "degrees; it is '44')"),
     ("self_tests", "recorded_at", None, "field 'recorded_at' must be text"),
     ("checklist_ticks", "checked", 1, "Checklist tick 1: field 'checked' must be true or "
                                       "false (it is 1)"),
     ("checklist_ticks", "item", "i" * 101, "field 'item' must be text of 1 to 100 characters"),
     ("checklist_ticks", "updated_at", "u" * 65, "field 'updated_at' must be text of 1 to 64"),
     ("quiz_answers", "choice", 10, "field 'choice' must be a whole number from 0 to 9"),
     ("quiz_answers", "correct", None, "field 'correct' must be true or false (it is None)"),
     ("quiz_answers", "question", "q" * 101, "field 'question' must be text of 1 to 100"),
     ("next_day_checks", "answer", "great", "Next-day check 1: field 'answer' must be one of "
                                            "'better', 'same', 'worse'"),
     ("next_day_checks", "answer", None, "field 'answer' must be one of"),
     ("next_day_checks", "answer", ["worse"], "(it is a JSON list)"),
     ("next_day_checks", "answer", 2, "'better', 'same', 'worse' (it is 2)"),
     ("next_day_checks", "day", "2026-02-30", "Next-day check 1: day '2026-02-30' is not a "
                                              "date (YYYY-MM-DD)"),
     ("next_day_checks", "id", "", "Next-day check 1: field 'id' must be text of 1 to 64"),
     ("next_day_checks", "recorded_at", None, "field 'recorded_at' must be text"),
     ("next_day_checks", "mood", "fine", "Next-day check 1: it has a field this course does not "
                                         "know ('mood')")],
)
def test_every_field_is_checked(kept: ProgressStore, kind: str, field: str, value: Any,
                                message: str) -> None:
    refused(kept, with_field(kind, field, value), message)


def test_wall_angel_scores_are_whole_numbers(kept: ProgressStore) -> None:
    data = with_field("self_tests", "test", "wall-angel")
    data["self_tests"][0]["value"] = 1.5
    refused(kept, data, "Self-test result 1: field 'value' must be a whole number from 0 to 3")


def test_a_bad_entry_is_named_by_its_place(kept: ProgressStore) -> None:
    data = one_of_each()
    data["sessions"] = [{**data["sessions"][0], "id": f"s{n}"} for n in range(12)]
    data["sessions"][11]["sets"] = -5
    refused(kept, data, "Practice-log entry 12: field 'sets'")


def test_a_refusal_names_the_file_it_is_given(kept: ProgressStore) -> None:
    """With the file's name, a refusal starts with it: the name, then the entry (in the
    site's words for it), then the fault; the entry and field stay as they were."""
    data = one_of_each()
    data["sessions"][0]["sets"] = -5
    with pytest.raises(ImportFileError) as caught:
        kept.import_data(data, name="mine.json")
    assert str(caught.value).startswith("mine.json, practice-log entry 1: field 'sets' ")
    assert (caught.value.entry, caught.value.field) == (("sessions", 0), "sets")
    with pytest.raises(ImportFileError) as caught:
        kept.import_data({"hello": 1}, name="mine.json")
    assert str(caught.value) == ("mine.json: it is not a progress export from this course. "
                                 f"{NOTHING}")
    unreadable = ImportFileError("mine.json is not a progress file (it is not UTF-8 text).")
    assert unreadable.naming("mine.json") is unreadable  # it names its file already


def test_an_entry_twice_in_one_file_is_refused(kept: ProgressStore) -> None:
    data = one_of_each()
    data["sessions"] = data["sessions"] * 2
    refused(kept, data, "Practice-log entry 2: id 's1' is also used by practice-log entry 1; "
                        "an export holds each entry once")
    data = one_of_each()
    data["checklist_ticks"] = data["checklist_ticks"] * 2
    refused(kept, data, "Checklist tick 2: the tick of 'warm-up' in 'daily-routine' on "
                        "2026-01-12 is also used by checklist tick 1")


def test_unknown_parts_are_refused_not_ignored(kept: ProgressStore) -> None:
    refused(kept, {**one_of_each(), "moods": []}, "The file: it has a part this course does not "
                                                   "know ('moods')")
    refused(kept, {**one_of_each(), "sessions": [[1]]}, "Practice-log entry 1: it must be a record")


def test_unreadable_or_broken_files_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(ImportFileError, match=r"missing\.json: cannot read it \(No such file"):
        read_progress_file(missing)
    with pytest.raises(ImportFileError, match=r": cannot read it \(Is a directory\)"):
        read_progress_file(tmp_path)  # a folder
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_progress_file(broken)
    assert str(caught.value).startswith(f"{broken} is not a progress export (not valid "
                                        "JSON: Expecting value at line 1)")
    digits = tmp_path / "digits.json"
    digits.write_text("1" * 5000, encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"digits\.json is not a progress file"):
        read_progress_file(digits)


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(one_of_each()).encode())
    assert read_progress_file(path) == one_of_each()


# -- what an import reports --------------------------------------------------------------

def test_a_valid_export_round_trips(tmp_path: Path) -> None:
    original = ProgressStore(tmp_path / "a" / "progress.sqlite3")
    original.import_data(sample_history(D))
    original.import_data(one_of_each())
    original.set_tick("safety-screen", "fever", True)
    path = write(tmp_path / "export.json", original.export_data())
    fresh = ProgressStore(tmp_path / "b" / "progress.sqlite3")
    report = fresh.import_data(read_progress_file(path))
    assert snapshot(fresh) == snapshot(original)
    assert isinstance(report, ImportReport)
    assert report == {"sessions": len(original.sessions()), "self_tests":
                      len(original.self_tests()), "checklist_ticks": 2, "quiz_answers": 1,
                      "next_day_checks": len(original.next_day_checks())}
    assert not any(report.skipped.values()) and not any(report.updated.values())


def test_importing_twice_reports_everything_as_already_there(store: ProgressStore) -> None:
    first = store.import_data(one_of_each())
    assert isinstance(first, ImportReport)
    assert first.describe() == ("Imported 1 practice-log entry, 1 self-test result, 1 "
                                "checklist tick, 1 quiz answer and 1 next-day check.")
    before = snapshot(store)
    again = store.import_data(one_of_each())
    assert isinstance(again, ImportReport)
    assert again == {"sessions": 0, "self_tests": 0, "checklist_ticks": 0, "quiz_answers": 0,
                     "next_day_checks": 0}
    assert again.skipped == {"sessions": 1, "self_tests": 1, "checklist_ticks": 1,
                             "quiz_answers": 1, "next_day_checks": 1}
    assert again.describe() == (
        "Imported 0 practice-log entries, 0 self-test results, 0 checklist ticks, 0 quiz "
        "answers and 0 next-day checks. Already in your progress, so skipped: 1 practice-log "
        "entry, 1 self-test result, 1 checklist tick, 1 quiz answer and 1 next-day check.")
    assert snapshot(store) == before


def test_report_counts_added_updated_and_skipped(store: ProgressStore) -> None:
    store.import_data(one_of_each())
    data = one_of_each()
    data["sessions"].append({**data["sessions"][0], "id": "s2"})
    data["sessions"].append({**data["sessions"][0], "id": "s3"})
    newer = copy.deepcopy(data["checklist_ticks"][0])
    newer.update(checked=False, updated_at="2026-01-13T07:00:00+00:00")
    data["checklist_ticks"] = [newer]
    report = store.import_data(data)
    assert isinstance(report, ImportReport)
    assert report.describe() == (
        "Imported 2 practice-log entries, 0 self-test results, 0 checklist ticks, 0 quiz "
        "answers and 0 next-day checks. Updated 1 checklist tick (the file's was saved "
        "later). Already in your progress, so skipped: 1 practice-log entry, 1 self-test "
        "result, 1 quiz answer and 1 next-day check.")
    assert store.ticks("daily-routine", day="2026-01-12") == {"warm-up": False}


# -- the command -------------------------------------------------------------------------

@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("THORACIC_DATA_DIR", str(folder))
    return folder


def test_command_reports_what_was_added_and_skipped(data_dir: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path / "mine.json", one_of_each())
    assert main(["progress", "--import", str(path)]) == 0
    assert capsys.readouterr().out == (
        "Imported 1 practice-log entry, 1 self-test result, 1 checklist tick, 1 quiz answer "
        "and 1 next-day check.\n")
    assert main(["progress", "--import", str(path)]) == 0
    assert capsys.readouterr().out == (
        "Imported 0 practice-log entries, 0 self-test results, 0 checklist ticks, 0 quiz "
        "answers and 0 next-day checks. Already in your progress, so skipped: 1 practice-log "
        "entry, 1 self-test result, 1 checklist tick, 1 quiz answer and 1 next-day check.\n")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("big.json", None, "is too large to be a progress file"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000, "is nested too deeply"),
    ("latin.json", '{"note": "café"}'.encode("latin-1"), "is not a progress file (it is not "
                                                         "UTF-8 text)"),
    ("nan.json", json.dumps(with_field("self_tests", "value", float("nan"))).encode(),
     "not valid JSON: NaN is not a JSON value"),
    ("sets.json", json.dumps(with_field("sessions", "sets", -5)).encode(),
     ", practice-log entry 1: field 'sets' must be a whole number from 1 to 100 or null "
     "(it is -5)"),
])
def test_command_refuses_a_bad_file_and_changes_nothing(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        content: bytes | None, message: str) -> None:
    ProgressStore(store_path()).record_session("set", "kept", 30, day="2026-01-10")
    before = snapshot(ProgressStore(store_path()))
    path = tmp_path / name
    if content is None:
        with path.open("wb") as handle:
            handle.truncate(60_000_000)
    else:
        path.write_bytes(content)
    assert main(["progress", "--import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"thoracic progress: {path}") and message in err
    assert err.rstrip().endswith(NOTHING) and "Traceback" not in err
    assert snapshot(ProgressStore(store_path())) == before

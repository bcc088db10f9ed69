"""Reading and checking a progress export before any of it is merged into a store.

``read_progress_file`` reads a file the learner chose: at most ``MAX_FILE_BYTES``, UTF-8,
JSON not nested absurdly deep. ``validated_import`` then checks the whole of it, every
field's type and range as the course's own forms and widgets allow them, before anything
is written. Anything wrong raises ImportFileError, which names the entry ("Session 12: ...")
and ends "Nothing was imported."; the store is not touched. Nothing is ever dropped
quietly: an entry is either imported, reported as already there, or the file is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard

from ..base import MAX_SESSION_SECONDS, today
from ..content import NEXT_DAY_ANSWERS, SELF_TESTS, VARIATIONS, SelfTest
from ._errors import ImportFileError
from ._records import (
    MAX_NOTE_CHARS,
    TICK_FIELDS,
    NextDayCheck,
    QuizAnswer,
    SelfTestResult,
    Session,
)
from ._schema import EXPORT_FORMAT, SCHEMA_VERSION, SESSION_KINDS

__all__ = [
    "EARLIEST_DAY",
    "EXPORT_KINDS",
    "FIELDS",
    "KINDS",
    "MAX_CHOICE",
    "MAX_DAYS_AHEAD",
    "MAX_DEPTH",
    "MAX_ENTRIES",
    "MAX_FILE_BYTES",
    "MAX_ID_CHARS",
    "MAX_NAME_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_NUMBER_DIGITS",
    "MAX_SETS",
    "MAX_STAMP_CHARS",
    "NOTHING",
    "NOUNS",
    "ImportReport",
    "ValidatedImport",
    "parse_progress_text",
    "read_progress_file",
    "validated_import",
]

# Limits on what an import may hold. A real export is far below each of them: five years
# of daily practice is about 12,000 entries and 3 MB.
MAX_FILE_BYTES = 50_000_000
MAX_ENTRIES = 200_000
MAX_ID_CHARS = 64  # entry ids (the course writes 32 hex digits)
MAX_NAME_CHARS = 100  # exercise, checklist, item and question names
MAX_STAMP_CHARS = 64  # recorded_at / updated_at (the course writes 25 characters)
MAX_SETS = 100
MAX_CHOICE = 9
EARLIEST_DAY = dt.date(2000, 1, 1)
MAX_DAYS_AHEAD = 365  # the latest day an entry may have: a year from today
# A progress file nests three deep (the file, a list of entries, an entry) and writes no
# number longer than about 20 digits; far more is a hostile or broken file.
MAX_DEPTH = 16
MAX_NUMBER_DIGITS = 100

NOTHING = "Nothing was imported."
# The kinds of entry, in the order a check and an import report go through them; an
# export writes them in EXPORT_KINDS' order.
KINDS = ("sessions", "self_tests", "checklist_ticks", "quiz_answers", "next_day_checks")
EXPORT_KINDS = ("sessions", "self_tests", "quiz_answers", "next_day_checks", "checklist_ticks")
# What an import report calls one and several entries of each kind.
NOUNS = {"sessions": ("practice-log entry", "practice-log entries"),
         "self_tests": ("self-test result", "self-test results"),
         "checklist_ticks": ("checklist tick", "checklist ticks"),
         "quiz_answers": ("quiz answer", "quiz answers"),
         "next_day_checks": ("next-day check", "next-day checks")}
# Each kind's fields, in the order an export writes them: the records' own.
FIELDS: dict[str, tuple[str, ...]] = {
    "sessions": tuple(field.name for field in fields(Session)),
    "self_tests": tuple(field.name for field in fields(SelfTestResult)),
    "checklist_ticks": TICK_FIELDS,
    "quiz_answers": tuple(field.name for field in fields(QuizAnswer)),
    "next_day_checks": tuple(field.name for field in fields(NextDayCheck)),
}
_FIELDS = {kind: frozenset(names) for kind, names in FIELDS.items()}
_TOP_LEVEL = frozenset(("format", "version", *KINDS))

Rows = list[tuple[Any, ...]]


# -- reading the file ---------------------------------------------------------------------

def _choose() -> str:
    return ("Choose the .json file that 'thoracic progress --export' wrote, as it was saved. "
            f"{NOTHING}")


class _TooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _number(kind: type[int] | type[float]) -> Any:
    """A json.loads hook for ``kind``: refuses a number of more than MAX_NUMBER_DIGITS
    digits before converting it (Python itself stops at 4,300 digits, with advice for a
    programmer, not a learner)."""
    def convert(text: str) -> int | float:
        digits = sum(character.isdigit() for character in text)
        if digits > MAX_NUMBER_DIGITS:
            raise _TooLong(digits)
        return kind(text)
    return convert


def _not_json(name: str) -> Any:
    """NaN and Infinity are not JSON (Python's reader takes them; a browser's does not)."""
    raise json.JSONDecodeError(f"{name} is not a JSON value", name, 0)


def _depth(value: Any) -> int:
    """How many lists and records are nested at the deepest point of ``value``."""
    deepest, waiting = 0, [(value, 1)]
    while waiting:
        item, depth = waiting.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            waiting.extend((child, depth + 1) for child in children
                           if isinstance(child, dict | list))
    return deepest


def parse_progress_text(text: str, name: str) -> Any:
    """The JSON of a progress file's ``text`` (after its first byte-order mark, if any),
    with the limits on nesting and on numbers' digits; ImportFileError naming ``name`` if
    it cannot be a progress export. The site's parseProgressText takes the same decisions
    (tests/site/test_device_agrees_with_python.py)."""
    try:
        data = json.loads(text, parse_int=_number(int), parse_float=_number(float),
                          parse_constant=_not_json)
    except RecursionError:
        data, deep = None, True
    except _TooLong as long:
        raise ImportFileError(
            f"{name} is not a progress file (it holds a number {long.digits:,} digits long; "
            f"no number in a progress file has more than {MAX_NUMBER_DIGITS} digits). "
            f"{_choose()}") from None
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{name} is not a progress export (not valid JSON: "
                              f"{error.msg} at line {error.lineno}). {_choose()}") from None
    else:
        deep = _depth(data) > MAX_DEPTH
    if deep:
        raise ImportFileError(
            f"{name} is nested too deeply to be a progress file (more than {MAX_DEPTH} levels "
            f"of lists and records inside each other). {_choose()}")
    return data


def read_progress_file(path: str | os.PathLike[str]) -> Any:
    """The JSON in ``path``, read with limits; ImportFileError names the file if it cannot
    be a progress export (too big, not UTF-8, not JSON, nested too deeply, unreadable)."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = b"" if size > MAX_FILE_BYTES else handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read it ({error.strerror or error}). Check "
                              f"the file's name and that you may read it. {NOTHING}") from None
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{path} is too large to be a progress file ({max(size, len(raw)):,} bytes; a "
            f"progress file is at most {MAX_FILE_BYTES // 1_000_000} MB). {_choose()}")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
    except UnicodeDecodeError:
        raise ImportFileError(f"{path} is not a progress file (it is not UTF-8 text). "
                              f"{_choose()}") from None
    del raw
    return parse_progress_text(text, str(path))


# -- what an import did -------------------------------------------------------------------

def _count(counts: Mapping[str, int], *, zeros: bool = False) -> str:
    parts = [f"{n:,} {NOUNS[kind][n != 1]}" for kind, n in counts.items() if n or zeros]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


class ImportReport(dict[str, int]):
    """How many entries of each kind an import added (the mapping itself, by kind: sessions,
    self_tests, checklist_ticks, quiz_answers, next_day_checks); ``updated``: checklist
    ticks and next-day answers replaced by a newer one from the file; ``skipped``: entries
    already in the store, which were kept as they were (for ticks and next-day answers:
    the store's was saved at the same time or later)."""

    def __init__(self, added: Mapping[str, int], updated: Mapping[str, int],
                 skipped: Mapping[str, int]) -> None:
        super().__init__({kind: added.get(kind, 0) for kind in KINDS})
        self.updated = {kind: updated.get(kind, 0) for kind in KINDS}
        self.skipped = {kind: skipped.get(kind, 0) for kind in KINDS}

    def describe(self) -> str:
        """The report in words, e.g. "Imported 3 practice-log entries, 0 self-test results,
        0 checklist ticks, 0 quiz answers and 0 next-day checks. Already in your progress, so
        skipped: 2 practice-log entries." """
        lines = [f"Imported {_count(self, zeros=True)}."]
        if any(self.updated.values()):
            lines.append(f"Updated {_count(self.updated)} (the file's was saved later).")
        if any(self.skipped.values()):
            lines.append(f"Already in your progress, so skipped: {_count(self.skipped)}.")
        return " ".join(lines)


class ValidatedImport(NamedTuple):
    """A checked import: the rows to merge, in each table's column order."""

    sessions: Rows
    self_tests: Rows
    checklist_ticks: Rows
    quiz_answers: Rows
    next_day_checks: Rows

    def report(self, added: Mapping[str, int], updated: Mapping[str, int] | None = None
               ) -> ImportReport:
        """The report of a merge that added ``added`` and replaced ``updated`` (by kind);
        every other row was already there."""
        updated = updated or {}
        skipped = {kind: len(getattr(self, kind)) - added.get(kind, 0) - updated.get(kind, 0)
                   for kind in KINDS}
        return ImportReport(added, updated, skipped)


# -- checking -----------------------------------------------------------------------------

def _shown(value: Any) -> str:
    """A value for a message: its repr, cut short (a bad field may be megabytes long)."""
    if isinstance(value, dict | list):
        return "a JSON object" if isinstance(value, dict) else "a JSON list"
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a huge number"
    return text if len(text) <= 40 else f"{text[:37]}..."


class _Where(str):
    """A place in the file as words ("Session 12"), with the entry it names, if any."""

    entry: tuple[str, int] | None = None

    @classmethod
    def of(cls, words: str, entry: tuple[str, int] | None = None) -> _Where:
        where = cls(words)
        where.entry = entry
        return where


def _bad(where: str, problem: str, field: str | None = None) -> ImportFileError:
    return ImportFileError(f"{where}: {problem.rstrip('.')}. {NOTHING}",
                           entry=getattr(where, "entry", None), field=field)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_whole(value: Any) -> Any:
    """A number with nothing after the point as the whole number it is: JSON (and the
    schema's "integer") make no difference between 2 and 2.0, so neither does a check."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _text(record: Mapping[str, Any], name: str, where: str, most: int, *,
          empty: bool = False) -> str:
    value = record.get(name)
    if not isinstance(value, str):
        missing = "is missing" if value is None else f"is {_shown(value)}"
        raise _bad(where, f"field '{name}' {missing}; it must be text", name)
    if not (0 if empty else 1) <= len(value) <= most:
        span = f"up to {most:,}" if empty else f"1 to {most:,}"
        raise _bad(where, f"field '{name}' must be {span} characters long (it has "
                          f"{len(value):,})", name)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise _bad(where, f"field '{name}' holds a character that is not text "
                              "(a lone surrogate)", name) from None
    return value


def _whole(record: Mapping[str, Any], name: str, where: str, low: int, high: int, *,
           optional: bool = False) -> int | None:
    value = _as_whole(record.get(name))
    if value is None and optional:
        return None
    if not _is_int(value) or not low <= value <= high:
        allowed = f"a whole number from {low} to {high}" + (" or null" if optional else "")
        got = "missing" if value is None else _shown(value)
        raise _bad(where, f"field '{name}' must be {allowed} (it is {got})", name)
    return value


def _flag(record: Mapping[str, Any], name: str, where: str) -> int:
    value = record.get(name)
    if not isinstance(value, bool):
        got = "missing" if value is None else _shown(value)
        raise _bad(where, f"field '{name}' must be true or false (it is {got})", name)
    return int(value)


def _version(record: Mapping[str, Any], where: str) -> str | None:
    """The version of the dose a session ran, or None (older files have no version)."""
    value = record.get("version")
    if value is None or (isinstance(value, str) and value in VARIATIONS):
        return value
    raise _bad(where, f"field 'version' must be one of {', '.join(VARIATIONS)} or null (it is "
                      f"{_shown(value)})", "version")


def validated_import(data: Any) -> ValidatedImport:
    """Every row of an export, checked; ImportFileError saying where and what, if not."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise _bad("The file", "is not a progress export from this course",
                   "format" if isinstance(data, dict) else None)
    version = _as_whole(data.get("version"))
    if not _is_int(version) or version < 1:
        raise _bad("The file", f"has format version {_shown(version)}, which is not a "
                               "version number (a whole number from 1)", "version")
    if version > SCHEMA_VERSION:
        raise _bad("The file", f"has format version {_shown(version)}, which this course "
                               f"cannot read (it reads up to {SCHEMA_VERSION}); update the "
                               "course first", "version")
    unknown = [str(key) for key in data if key not in _TOP_LEVEL]  # the first, as written
    if unknown:
        raise _bad("The file", f"has a part this course does not know ({_shown(unknown[0])})",
                   unknown[0])

    lists: dict[str, list[Mapping[str, Any]]] = {}
    for kind in KINDS:
        value = data.get(kind, [])
        if not isinstance(value, list):
            raise _bad(f"'{kind}'", "must be a list of records", kind)
        lists[kind] = value
    total = sum(len(value) for value in lists.values())
    if total > MAX_ENTRIES:
        raise _bad("The file", f"holds {total:,} entries; a progress file holds at most "
                               f"{MAX_ENTRIES:,}")

    last_day = today() + dt.timedelta(days=MAX_DAYS_AHEAD)
    good_days: set[str] = set()

    def day(record: Mapping[str, Any], where: str, *, empty: bool = False) -> str:
        value = record.get("day")
        if isinstance(value, str) and (value in good_days or (empty and not value)):
            return value
        if not isinstance(value, str):
            missing = "is missing" if value is None else f"is {_shown(value)}"
            raise _bad(where, f"field 'day' {missing}; it must be a date (YYYY-MM-DD)", "day")
        try:
            date = dt.date.fromisoformat(value)
        except ValueError:
            date = None
        if date is None or date.isoformat() != value:
            raise _bad(where, f"day {_shown(value)} is not a date (YYYY-MM-DD)", "day")
        if not EARLIEST_DAY <= date <= last_day:
            raise _bad(where, f"day {value} is not between {EARLIEST_DAY.isoformat()} and "
                              f"a year from today ({last_day.isoformat()})", "day")
        good_days.add(value)
        return value

    def records(kind: str, title: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
        """(where, record) for each record of a kind, after checking its fields' names."""
        fields = _FIELDS[kind]
        for n, record in enumerate(lists[kind], start=1):
            where = _Where.of(f"{title} {n}", (kind, n - 1))
            if not isinstance(record, dict):
                raise _bad(where, f"must be a record (a JSON object), not {_shown(record)}")
            if not record.keys() <= fields:
                extra = sorted(str(key) for key in record.keys() - fields)
                raise _bad(where, f"has a field this course does not know "
                                  f"({_shown(extra[0])})", extra[0])
            yield where, record

    def twice(seen: dict[Any, str], key: Any, where: str, what: str = "") -> None:
        """Refuse a second entry with the same key; ``what`` is made only if needed."""
        first = seen.setdefault(key, where)
        if first != where:
            raise _bad(where, f"{what or f'id {_shown(key)}'} is also used by "
                              f"{first.lower()}; an export holds each entry once",
                       None if what else "id")

    def entry_id(record: Mapping[str, Any], where: str, seen: dict[Any, str]) -> str:
        value = _text(record, "id", where, MAX_ID_CHARS)
        twice(seen, value, where)
        return value

    sessions = []
    seen: dict[Any, str] = {}
    for where, record in records("sessions", "Session"):
        kind = _text(record, "kind", where, MAX_NAME_CHARS)
        if kind not in SESSION_KINDS:
            raise _bad(where, f"kind {_shown(kind)} is not one of {', '.join(SESSION_KINDS)}",
                       "kind")
        duration = record.get("duration_seconds")
        if not (isinstance(duration, float) or _is_int(duration)) or not (
                0 <= duration <= MAX_SESSION_SECONDS):
            got = "missing" if duration is None else _shown(duration)
            raise _bad(where, f"field 'duration_seconds' must be a number from 0 to "
                              f"{MAX_SESSION_SECONDS:g} (it is {got})", "duration_seconds")
        rating = _as_whole(record.get("rating"))
        if rating is not None and not _is_int(rating):
            raise _bad(where, f"field 'rating' must be a whole number from 0 to 10 or null "
                              f"(it is {_shown(rating)})", "rating")
        if rating is not None and not 0 <= rating <= 10:
            raise _bad(where, f"rating {_shown(rating)} is not from 0 to 10", "rating")
        note = record.get("note")
        if note is not None:
            if isinstance(note, str) and len(note) > MAX_NOTE_CHARS:
                raise _bad(where, f"the note is {len(note):,} characters long; a note may be "
                                  f"at most {MAX_NOTE_CHARS:,} characters", "note")
            note = _text(record, "note", where, MAX_NOTE_CHARS, empty=True)
        sessions.append((entry_id(record, where, seen),
                         day(record, where),
                         _text(record, "recorded_at", where, MAX_STAMP_CHARS), kind,
                         _text(record, "exercise", where, MAX_NAME_CHARS),
                         _whole(record, "sets", where, 1, MAX_SETS, optional=True),
                         float(duration), rating, note, _version(record, where)))

    tests_by_id = {test.id: test for test in SELF_TESTS}
    tests = []
    seen = {}
    for where, record in records("self_tests", "Self-test"):
        name = _text(record, "test", where, MAX_NAME_CHARS)
        test: SelfTest | None = tests_by_id.get(name)
        if test is None:
            raise _bad(where, f"there is no self-test called {_shown(name)} in this course "
                              f"(known: {', '.join(tests_by_id)})", "test")
        side = record.get("side")
        if side not in test.sides:
            sides = " or ".join(repr(s) for s in test.sides)
            raise _bad(where, f"side {_shown(side)} is not a side of the {test.name.lower()} "
                              f"test (use {sides})", "side")
        value = record.get("value")
        if not (isinstance(value, float) or _is_int(value)):
            got = "missing" if value is None else _shown(value)
            raise _bad(where, f"field 'value' must be a number (it is {got})", "value")
        about = _Where.of(f"{where} ({test.name.lower()})", getattr(where, "entry", None))
        if _is_int(value) and not test.low <= value <= test.high:
            # compared as a whole number: one too big for a float never becomes one
            label = f"{side.capitalize()} side" if side else "The result"
            raise _bad(about, f"{label}: {_shown(value)} is outside {test.low:g} to "
                              f"{test.high:g} {test.unit}", "value")
        try:
            test.check(float(value), side)  # the same check as the self-test form's
        except ValueError as error:
            raise _bad(about, str(error), "value") from None
        tests.append((entry_id(record, where, seen),
                      day(record, where), name, side, float(value),
                      _text(record, "recorded_at", where, MAX_STAMP_CHARS)))

    ticks = []
    seen = {}
    for where, record in records("checklist_ticks", "Checklist tick"):
        checklist = _text(record, "checklist", where, MAX_NAME_CHARS)
        item = _text(record, "item", where, MAX_NAME_CHARS)
        tick_day = day(record, where, empty=True)
        key = (checklist, item, tick_day)
        if key in seen:
            twice(seen, key, where, f"the tick of {_shown(item)} in {_shown(checklist)}"
                                    + (f" on {tick_day}" if tick_day else ""))
        seen[key] = where
        ticks.append((checklist, item, tick_day, _flag(record, "checked", where),
                      _text(record, "updated_at", where, MAX_STAMP_CHARS)))

    answers = []
    seen = {}
    for where, record in records("quiz_answers", "Quiz answer"):
        answers.append((entry_id(record, where, seen),
                        day(record, where),
                        _text(record, "question", where, MAX_NAME_CHARS),
                        _whole(record, "choice", where, 0, MAX_CHOICE),
                        _flag(record, "correct", where),
                        _text(record, "recorded_at", where, MAX_STAMP_CHARS)))

    checks = []
    seen = {}
    days: dict[str, str] = {}
    for where, record in records("next_day_checks", "Next-day check"):
        check_id = entry_id(record, where, seen)
        check_day = day(record, where)
        first = days.setdefault(check_day, where)
        if first != where:
            raise _bad(where, f"day {check_day} already has an answer in {first.lower()}; a "
                              "day holds one answer, so keep only one of the two", "day")
        answer = record.get("answer")
        if not isinstance(answer, str) or answer not in NEXT_DAY_ANSWERS:
            got = "missing" if answer is None else _shown(answer)
            raise _bad(where, f"field 'answer' is {got}; it must be one of "
                              f"{', '.join(NEXT_DAY_ANSWERS)}", "answer")
        checks.append((check_id, check_day, answer,
                       _text(record, "recorded_at", where, MAX_STAMP_CHARS)))
    return ValidatedImport(sessions, tests, ticks, answers, checks)

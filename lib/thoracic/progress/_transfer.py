"""Reading and checking a progress export before any of it is merged into a store.

``read_progress_file`` reads a file the learner chose: at most ``MAX_FILE_BYTES``, UTF-8,
JSON (not NaN or Infinity) not nested absurdly deep. ``validated_import`` then checks the
whole of it against the published schema (``schema/progress-file.schema.json``, built from
the records), with a validator compiled from it, and then for the few things a schema
cannot say, before anything is written. Anything wrong raises ImportFileError, which names
the file (when its name is given), the entry and the field ("mine.json, practice-log entry
12: field 'rating' ...", and as data) and ends "Nothing was imported."; the store is not
touched. Nothing is ever dropped quietly: an entry is either imported, reported as already
there, or the file is refused.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple, TypeGuard, cast

from ..base import today
from ._errors import NOTHING, ImportFileError
from ._records import (
    MAX_NOTE_CHARS,
    TICK_FIELDS,
    NextDayCheck,
    QuizAnswer,
    SelfTestResult,
    Session,
)
from ._schema import EXPORT_FORMAT, SCHEMA_VERSION

__all__ = [
    "EARLIEST_DAY",
    "ENTRY_KINDS",
    "EXPORT_KINDS",
    "EXPORT_ORDER",
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
    "MERGE",
    "NOTHING",
    "NOUNS",
    "ImportReport",
    "Merge",
    "ValidatedImport",
    "choose_file",
    "parse_progress_text",
    "read_progress_bytes",
    "read_progress_file",
    "stored_tries",
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
# The fields an export sorts each kind by (ties: in the order they were kept).
EXPORT_ORDER: dict[str, tuple[str, ...]] = {
    "sessions": ("day", "recorded_at"), "self_tests": ("day", "recorded_at"),
    "checklist_ticks": ("checklist", "item", "day"), "quiz_answers": ("day", "recorded_at"),
    "next_day_checks": ("day",)}
# The kinds a learner may delete an entry of (a wrong one); ticks and quiz answers are not.
ENTRY_KINDS = ("sessions", "self_tests", "next_day_checks")


class Merge(NamedTuple):
    """How an import merges one kind. ``keys``: the store's unique keys (name, fields), in
    the order an entry is looked up by them; a file holds each key once. An entry found
    is kept as it is, unless the kind has a ``stamp`` and the file's copy was saved later
    and every key after the one that found it finds the same entry: then the file's copy
    replaces it. So a day's later next-day answer wins and takes the file's id, but an id
    already here on another day is left alone."""

    keys: tuple[tuple[str, tuple[str, ...]], ...]
    stamp: str | None = None


_BY_ID = Merge(keys=(("id", ("id",)),))
MERGE = {"sessions": _BY_ID, "self_tests": _BY_ID, "quiz_answers": _BY_ID,
         "checklist_ticks": Merge(keys=(("tick", ("checklist", "item", "day")),),
                                  stamp="updated_at"),
         "next_day_checks": Merge(keys=(("id", ("id",)), ("day", ("day",))),
                                  stamp="recorded_at")}
_TOP_LEVEL = frozenset(("format", "version", *KINDS))

Rows = list[tuple[Any, ...]]


# -- reading the file ---------------------------------------------------------------------

def choose_file() -> str:
    """What to do about a file that cannot be a progress file; the site says it too."""
    return ("Choose the .json file that 'Save my progress file' or 'thoracic progress --export' "
            f"wrote, as it was saved. {NOTHING}")


class _TooLong(ValueError):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _number(kind: type[int] | type[float]) -> Any:
    """A json.loads hook for ``kind``: refuses a number of more than MAX_NUMBER_DIGITS
    digits before converting it (Python itself stops at 4,300 digits, with advice for a
    programmer, not a learner)."""
    def convert(text: str) -> int | float:
        if len(text) <= MAX_NUMBER_DIGITS:  # no more digits than characters: skip the count
            return kind(text)
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
            f"{choose_file()}") from None
    except json.JSONDecodeError as error:
        raise ImportFileError(f"{name} is not a progress export (not valid JSON: "
                              f"{error.msg} at line {error.lineno}). {choose_file()}") from None
    else:
        deep = _depth(data) > MAX_DEPTH
    if deep:
        raise ImportFileError(
            f"{name} is nested too deeply to be a progress file (more than {MAX_DEPTH} levels "
            f"of lists and records inside each other). {choose_file()}")
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
    return read_progress_bytes(raw, str(path), size)


def read_progress_bytes(raw: bytes, name: str, size: int | None = None) -> Any:
    """The JSON in a progress file's bytes (``size``: the file's size, where its bytes were
    not read because it is too large), checked as ``read_progress_file`` checks a file;
    ImportFileError naming ``name`` if it cannot be a progress export."""
    size = len(raw) if size is None else size
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{name} is too large to be a progress file ({max(size, len(raw)):,} bytes; a "
            f"progress file is at most {MAX_FILE_BYTES // 1_000_000} MB). {choose_file()}")
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark, as some editors write, is fine
    except UnicodeDecodeError:
        raise ImportFileError(f"{name} is not a progress file (it is not UTF-8 text). "
                              f"{choose_file()}") from None
    del raw
    return parse_progress_text(text, name)


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
# The published schema decides what a record may hold (progress/_contract.py builds it from
# the records; the site checks with the same schema, compiled by ajv); a validator compiled
# from it checks the file here. What a schema cannot say follows, as a few checks of its
# own; the site makes the same ones (tests hold the two sides to the same decisions).

_TYPE_WORDS = {"string": "text", "integer": "a whole number", "number": "a number",
               "boolean": "true or false", "array": "a list of records",
               "object": "a record (a JSON object)", "null": "null"}


def _shown(value: Any) -> str:
    """A value for a message: its repr, cut short (a bad field may be megabytes long)."""
    if isinstance(value, dict | list):
        return "a JSON object" if isinstance(value, dict) else "a JSON list"
    text = repr(value) if not isinstance(value, int) or abs(value) < 10**30 else "a huge number"
    return text if len(text) <= 40 else f"{text[:37]}..."


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _as_whole(value: Any) -> Any:
    """A number with nothing after the point as the whole number it is: JSON (and the
    schema's "integer") make no difference between 2 and 2.0, so neither does a check."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _refusal(entry: tuple[str, int] | None, field: str | None, problem: str
             ) -> ImportFileError:
    """A refusal that names the entry ("Practice-log entry 12", in the site's words too)."""
    place = f"{NOUNS[entry[0]][0]} {entry[1] + 1}" if entry else None
    return ImportFileError.refusal(entry, field, problem, place)


@cache
def _schema_validator() -> Callable[[Any], Any]:
    """The published schema as a compiled check (fastjsonschema: a validator written as
    Python code from the schema, about 17 times faster here than jsonschema, which the
    tests hold it to)."""
    import fastjsonschema

    from ._contract import progress_file_schema

    return cast(Callable[[Any], Any], fastjsonschema.compile(progress_file_schema()))


def _allowed(schema: Mapping[str, Any]) -> str:
    """What a (sub)schema allows, in words: "a whole number from 0 to 10 or null"."""
    if "anyOf" in schema:
        return " or ".join(_allowed(branch) for branch in schema["anyOf"])
    if "enum" in schema:
        return "one of " + ", ".join(repr(value) for value in schema["enum"])
    if "const" in schema:
        return repr(schema["const"])
    kind = schema.get("type", "")
    names: list[str] = kind if isinstance(kind, list) else [kind]
    words = " or ".join(_TYPE_WORDS.get(name, name) for name in names)
    if "minimum" in schema and "maximum" in schema:
        words += f" from {schema['minimum']:g} to {schema['maximum']:g}"
    if kind == "string" and "maxLength" in schema:
        words += f" of {schema.get('minLength', 0):,} to {schema['maxLength']:,} characters"
    if "pattern" in schema:
        words = "a date written YYYY-MM-DD"
    return words or "as this course writes it"


def _schema_refusal(error: Any) -> ImportFileError:
    """The validator's error as a refusal that names the entry and the field."""
    path = [str(part) for part in error.path[1:]]  # after "data"
    entry = (path[0], int(path[1])) if len(path) >= 2 and path[0] in KINDS else None
    field: str | None = (path[2] if entry and len(path) > 2
                         else (path[0] if path and not entry else None))
    holder = error.value
    if error.rule == "required":
        missing = next(str(name) for name in error.rule_definition if name not in holder)
        return _refusal(entry, missing, f"field '{missing}' is missing")
    if error.rule == "additionalProperties":
        known = error.definition.get("properties", {})
        unknown = next(str(name) for name in holder if name not in known)
        what = "part" if entry is None else "field"
        return _refusal(entry, unknown, f"it has a {what} this course does not know "
                                        f"({_shown(unknown)})")
    if error.rule == "maxItems":
        return _refusal(None, field, f"'{field}' holds more than {error.rule_definition:,} "
                                     "entries")
    definition = error.definition
    if entry is None and field in KINDS:
        return _refusal(None, field, f"'{field}' must be a list of records")
    if entry is not None and field is None:
        return _refusal(entry, None, f"it must be a record (a JSON object), not "
                                     f"{_shown(holder)}")
    about = next((part["description"].rstrip(".") + "; " for part in
                  (definition, *definition.get("anyOf", [])) if "description" in part), "")
    long_text = isinstance(holder, str) and (error.rule in ("minLength", "maxLength")
                                             or len(holder) > 40)
    got = f"it has {len(holder):,} characters" if long_text else f"it is {_shown(holder)}"
    return _refusal(entry, field, f"field '{field}' must be {_allowed(definition)} "
                                  f"({about}{got})")


def _check_head(data: Any) -> None:
    """Before the schema, as a person needs them first: another program's file is called
    that, a newer course's file says to update, and not more entries than a file holds."""
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise _refusal(None, "format" if isinstance(data, dict) else None,
                       "it is not a progress export from this course")
    version = _as_whole(data.get("version"))
    if _is_int(version) and version > SCHEMA_VERSION:
        raise _refusal(None, "version", f"it has format version {version}, which this course "
                                        f"cannot read (it reads up to {SCHEMA_VERSION}); "
                                        "update the course first")
    total = sum(len(value) for kind in KINDS if isinstance(value := data.get(kind), list))
    if total > MAX_ENTRIES:
        raise _refusal(None, None, f"it holds {total:,} entries; a progress file holds at most "
                                   f"{MAX_ENTRIES:,}")


def _check_beyond_schema(data: Mapping[str, Any]) -> None:
    """What the schema cannot say (its description lists them): real dates within the
    window, each id once in its kind, each tick once, one next-day answer a day, text with
    no lone surrogates."""
    last_day = (today() + dt.timedelta(days=MAX_DAYS_AHEAD)).isoformat()
    good_days: set[str] = set()
    for kind in KINDS:
        seen: dict[str, dict[tuple[Any, ...], int]] = {}
        for index, record in enumerate(data.get(kind, [])):
            entry = (kind, index)
            for name, value in record.items():
                if isinstance(value, float) and not math.isfinite(value):  # not JSON
                    raise _refusal(entry, name, f"field '{name}' must be a number (it is "
                                                f"{_shown(value)})")
                if isinstance(value, str) and not value.isascii():
                    try:
                        value.encode("utf-8")
                    except UnicodeEncodeError:
                        raise _refusal(entry, name, f"field '{name}' holds a character that "
                                                    "is not text (a lone surrogate)") from None
            day = record["day"]
            if day not in good_days and not (kind == "checklist_ticks" and day == ""):
                try:
                    real = dt.date.fromisoformat(day).isoformat() == day
                except ValueError:
                    real = False
                if not real:
                    raise _refusal(entry, "day", f"day {day!r} is not a date (YYYY-MM-DD)")
                if not EARLIEST_DAY.isoformat() <= day <= last_day:
                    raise _refusal(entry, "day", f"day {day} is not between "
                                                 f"{EARLIEST_DAY.isoformat()} and a year from "
                                                 f"today ({last_day})")
                good_days.add(day)
            for name, key in MERGE[kind].keys:  # each key once
                first = seen.setdefault(name, {}).setdefault(
                    tuple(record[field] for field in key), index)
                if first != index:
                    raise _twice(entry, name, record, first)


def _twice(entry: tuple[str, int], key: str, record: Mapping[str, Any], first: int
           ) -> ImportFileError:
    """The refusal of an entry whose ``key`` (a name of MERGE's) is that of entry ``first``."""
    kind, day = entry[0], record["day"]
    if key == "day":
        return _refusal(entry, "day", f"day {day} already has an answer in next-day check "
                                      f"{first + 1}; a day holds one answer, so keep only "
                                      "one of the two")
    what = (f"the tick of {_shown(record['item'])} in {_shown(record['checklist'])}"
            + (f" on {day}" if day else "") if key == "tick" else f"id {_shown(record['id'])}")
    return _refusal(entry, None if key == "tick" else "id",
                    f"{what} is also used by {NOUNS[kind][0]} {first + 1}; "
                    "an export holds each entry once")


def stored_tries(tries: Sequence[float] | None) -> str | None:
    """A measured result's tries as the store keeps them: a JSON list of numbers."""
    return None if tries is None else json.dumps([float(tried) for tried in tries])


def _row(kind: str, record: Mapping[str, Any]) -> tuple[Any, ...]:
    """A checked record as the store's row: its fields in order (older files lack some:
    None), whole numbers as int, true/false as 1/0 for SQLite."""
    values = []
    for name in FIELDS[kind]:
        value = _as_whole(record.get(name))
        if name in ("duration_seconds", "value"):
            value = float(value)
        elif name == "tries":
            value = stored_tries(value)
        elif isinstance(value, bool):
            value = int(value)
        values.append(value)
    return tuple(values)


def validated_import(data: Any, name: str | None = None) -> ValidatedImport:
    """Every row of an export, checked; ImportFileError saying where and what, if not (and
    naming the file, if its ``name`` is given)."""
    import fastjsonschema

    try:
        _check_head(data)
        try:
            _schema_validator()(data)
        except fastjsonschema.JsonSchemaValueException as error:
            raise _schema_refusal(error) from None
        _check_beyond_schema(data)
    except ImportFileError as refusal:
        raise (refusal if name is None else refusal.naming(name)) from None
    return ValidatedImport(*([_row(kind, record) for record in data.get(kind, [])]
                             for kind in KINDS))

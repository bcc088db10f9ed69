"""Checking a progress export before any of it is merged into a store.

The whole file is checked first; a bad file raises ImportFileError and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ._errors import ImportFileError
from ._schema import EXPORT_FORMAT, SCHEMA_VERSION, SESSION_KINDS

__all__ = ["validated_import"]


Rows = list[tuple[Any, ...]]


def validated_import(data: Any) -> tuple[Rows, Rows, Rows, Rows]:
    def bad(where: str, problem: str) -> ImportFileError:
        return ImportFileError(f"{where}: {problem}. Nothing was imported.")

    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        raise bad("The file", "is not a progress export from this course")
    if not isinstance(data.get("version"), int) or data["version"] > SCHEMA_VERSION:
        raise bad("The file", f"has format version {data.get('version')!r}, which this course "
                  "cannot read; update the course first")

    def records(name: str) -> list[dict[str, Any]]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise bad(f"'{name}'", "must be a list of records")
        return value

    def field(record: dict[str, Any], name: str, kinds: type | tuple[type, ...], where: str,
              optional: bool = False) -> Any:
        value = record.get(name)
        if value is None and optional:
            return None
        if isinstance(value, bool) and bool not in (kinds if isinstance(kinds, tuple)
                                                   else (kinds,)):
            raise bad(where, f"field '{name}' has the wrong type ({value!r})")
        if not isinstance(value, kinds):
            raise bad(where, f"field '{name}' is missing or has the wrong type ({value!r})")
        return value

    def day(value: str, where: str) -> str:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise bad(where, f"'{value}' is not a date (YYYY-MM-DD)") from None
        return value

    sessions = []
    for n, record in enumerate(records("sessions"), start=1):
        where = f"Session {n}"
        kind = field(record, "kind", str, where)
        if kind not in SESSION_KINDS:
            raise bad(where, f"kind {kind!r} is not one of {', '.join(SESSION_KINDS)}")
        rating = field(record, "rating", int, where, optional=True)
        if rating is not None and not 0 <= rating <= 10:
            raise bad(where, f"rating {rating} is not from 0 to 10")
        duration = field(record, "duration_seconds", (int, float), where)
        if not 0 <= duration < 1e7:
            raise bad(where, f"duration {duration} is not a sensible number of seconds")
        sessions.append((field(record, "id", str, where),
                         day(field(record, "day", str, where), where),
                         field(record, "recorded_at", str, where), kind,
                         field(record, "exercise", str, where),
                         field(record, "sets", int, where, optional=True), float(duration),
                         rating, field(record, "note", str, where, optional=True)))
    tests = []
    for n, record in enumerate(records("self_tests"), start=1):
        where = f"Self-test {n}"
        tests.append((field(record, "id", str, where),
                      day(field(record, "day", str, where), where),
                      field(record, "test", str, where), field(record, "side", str, where),
                      float(field(record, "value", (int, float), where)),
                      field(record, "recorded_at", str, where)))
    ticks = []
    for n, record in enumerate(records("checklist_ticks"), start=1):
        where = f"Checklist tick {n}"
        tick_day = field(record, "day", str, where)
        ticks.append((field(record, "checklist", str, where), field(record, "item", str, where),
                      day(tick_day, where) if tick_day else "",
                      int(field(record, "checked", bool, where)),
                      field(record, "updated_at", str, where)))
    answers = []
    for n, record in enumerate(records("quiz_answers"), start=1):
        where = f"Quiz answer {n}"
        answers.append((field(record, "id", str, where),
                        day(field(record, "day", str, where), where),
                        field(record, "question", str, where),
                        field(record, "choice", int, where),
                        int(field(record, "correct", bool, where)),
                        field(record, "recorded_at", str, where)))
    return sessions, tests, ticks, answers

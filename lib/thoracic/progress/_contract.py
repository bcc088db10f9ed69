"""The progress file's contract: a JSON Schema (draft 2020-12) of what
``thoracic progress --export`` and the site's "Save my progress file" write, and what an
import accepts.

It is built here from the records and limits the checks use (``_transfer``, the records'
fields, the self-tests, the dose versions), never written out by hand, and published as
``schema/progress-file.schema.json`` (``thoracic schema`` writes it; a test keeps it equal
to this). A schema cannot say everything: the one-year window of days, each id used once,
one next-day answer a day, the total number of entries and text with no lone surrogates
stay checks of their own on each side, and the schema's description names them.
"""

from __future__ import annotations

import json
from typing import Any

from ..base import MAX_SESSION_SECONDS
from ..content import DISCOMFORT_SCALE, NEXT_DAY_ANSWERS, SELF_TESTS, VARIATIONS
from ._records import MAX_NOTE_CHARS, MAX_TRIES, MEASURE_METHODS
from ._schema import EXPORT_FORMAT, SCHEMA_VERSION, SESSION_KINDS
from ._transfer import (
    EARLIEST_DAY,
    FIELDS,
    KINDS,
    MAX_CHOICE,
    MAX_DAYS_AHEAD,
    MAX_ENTRIES,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_SETS,
    MAX_STAMP_CHARS,
)

__all__ = ["SCHEMA_FILENAME", "progress_file_schema", "schema_text"]

SCHEMA_FILENAME = "progress-file.schema.json"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"
# The draft's own "date" format is only an annotation unless a validator opts in; the
# pattern is the shape, and the check of each side makes sure it is a real day.
_DAY_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _text(most: int, description: str, *, empty: bool = False) -> dict[str, Any]:
    return {"type": "string", "minLength": 0 if empty else 1, "maxLength": most,
            "description": description}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` or null: older files and unanswered fields write null."""
    return {"anyOf": [schema, {"type": "null"}]}


def _record(names: tuple[str, ...], properties: dict[str, Any], optional: frozenset[str],
            description: str) -> dict[str, Any]:
    assert set(properties) == set(names), (names, properties)  # the record's own fields
    return {"type": "object", "description": description, "additionalProperties": False,
            "required": [name for name in names if name not in optional],
            "properties": {name: properties[name] for name in names}}


def _self_test_rules() -> list[dict[str, Any]]:
    """Each self-test's sides and range, chosen by its id."""
    rules = []
    for test in SELF_TESTS:
        value: dict[str, Any] = {"type": "integer" if test.whole_numbers else "number",
                                 "minimum": test.low, "maximum": test.high,
                                 "description": f"{test.name}, in {test.unit}"}
        tries = _nullable({"type": "array", "minItems": 1, "maxItems": MAX_TRIES,
                           "items": {k: v for k, v in value.items() if k != "type"}
                           | {"type": "number"}})
        rules.append({"if": {"properties": {"test": {"const": test.id}}, "required": ["test"]},
                      "then": {"properties": {"side": {"enum": list(test.sides)},
                                              "value": value, "tries": tries}}})
    return rules


def progress_file_schema() -> dict[str, Any]:
    """The JSON Schema of a progress file of the current format version."""
    defs: dict[str, Any] = {
        "id": _text(MAX_ID_CHARS, "The entry's own id: the course writes 32 hex digits."),
        "day": {"type": "string", "pattern": _DAY_PATTERN,
                "description": (f"A day, YYYY-MM-DD, from {EARLIEST_DAY.isoformat()} to "
                                f"{MAX_DAYS_AHEAD} days after the day of the import.")},
        "stamp": _text(MAX_STAMP_CHARS, "When it was saved, as ISO 8601 text."),
        "name": _text(MAX_NAME_CHARS, "A name from the course."),
    }
    ref = {name: {"$ref": f"#/$defs/{name}"} for name in defs}
    seconds = {"type": "number", "minimum": 0, "maximum": MAX_SESSION_SECONDS}
    defs["session"] = _record(FIELDS["sessions"], {
        "id": ref["id"], "day": ref["day"], "recorded_at": ref["stamp"],
        "kind": {"enum": list(SESSION_KINDS),
                 "description": "One set, one exercise with its sets, or a whole routine."},
        "exercise": ref["name"],
        "sets": _nullable({"type": "integer", "minimum": 1, "maximum": MAX_SETS}),
        "duration_seconds": {**seconds, "description": "Seconds of practice."},
        "rating": _nullable({"type": "integer", "minimum": DISCOMFORT_SCALE.lowest,
                             "maximum": DISCOMFORT_SCALE.highest,
                             "description": "Discomfort on the course's 0 to 10 scale."}),
        "note": _nullable(_text(MAX_NOTE_CHARS, "The learner's own note.", empty=True)),
        "version": _nullable({"enum": list(VARIATIONS),
                              "description": "The version of the dose the timer ran."}),
    }, frozenset({"sets", "rating", "note", "version"}), "One entry of the practice log.")
    defs["self_test"] = {**_record(FIELDS["self_tests"], {
        "id": ref["id"], "day": ref["day"], "recorded_at": ref["stamp"],
        "test": {"enum": [test.id for test in SELF_TESTS]},
        "side": {"type": "string", "description": "left, right, or empty for one value."},
        "value": {"type": "number"},
        "method": _nullable({"enum": list(MEASURE_METHODS),
                             "description": "Typed in, or measured by the phone's motion "
                                            "sensor; null in older files (typed)."}),
        "tries": {"description": "A measured result's tries (value is their median); "
                                 "null for a typed one."},
    }, frozenset({"method", "tries"}), "One self-test result."), "allOf": [
        *_self_test_rules(),
        # A measured result keeps its tries; a typed one (or an older one) has none.
        {"if": {"properties": {"method": {"const": "phone"}}, "required": ["method"]},
         "then": {"required": ["tries"], "properties": {"tries": {"type": "array"}}},
         "else": {"properties": {"tries": {"type": "null"}}}}]}
    defs["checklist_tick"] = _record(FIELDS["checklist_ticks"], {
        "checklist": ref["name"], "item": ref["name"],
        "day": {"anyOf": [ref["day"], {"const": ""}],
                "description": "The day of a daily checklist's tick; empty for the others."},
        "checked": {"type": "boolean"}, "updated_at": ref["stamp"],
    }, frozenset(), "A checklist line ticked or unticked.")
    defs["quiz_answer"] = _record(FIELDS["quiz_answers"], {
        "id": ref["id"], "day": ref["day"], "recorded_at": ref["stamp"],
        "question": ref["name"],
        "choice": {"type": "integer", "minimum": 0, "maximum": MAX_CHOICE},
        "correct": {"type": "boolean"},
    }, frozenset(), "An answer to a knowledge check.")
    defs["next_day_check"] = _record(FIELDS["next_day_checks"], {
        "id": ref["id"], "day": ref["day"], "recorded_at": ref["stamp"],
        "answer": {"enum": list(NEXT_DAY_ANSWERS)},
    }, frozenset(), "The answer to the next-day check: one a day.")
    item = {"sessions": "session", "self_tests": "self_test",
            "checklist_ticks": "checklist_tick", "quiz_answers": "quiz_answer",
            "next_day_checks": "next_day_check"}
    return {
        "$schema": _DRAFT,
        "$id": f"urn:upper-back-relief:progress-file:{SCHEMA_VERSION}",
        "title": "Upper Back Relief progress file",
        "description": (
            "What 'thoracic progress --export' and the offline site's 'Save my progress "
            f"file' write, format version {SCHEMA_VERSION}. Beyond this schema, an import "
            f"also checks: every day is a real date from {EARLIEST_DAY.isoformat()} to "
            f"{MAX_DAYS_AHEAD} days ahead; each id is used once within its kind; one "
            "next-day answer a day and one tick per checklist line and day; at most "
            f"{MAX_ENTRIES:,} entries in all; no text holds a lone surrogate."),
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "version"],
        "properties": {
            "format": {"const": EXPORT_FORMAT},
            "version": {"type": "integer", "minimum": 1, "maximum": SCHEMA_VERSION,
                        "description": "The format version; older ones are read too."},
            **{kind: {"type": "array", "maxItems": MAX_ENTRIES,
                      "items": {"$ref": f"#/$defs/{item[kind]}"}} for kind in KINDS},
        },
        "$defs": defs,
    }


def schema_text() -> str:
    """The schema as the published file holds it."""
    return json.dumps(progress_file_schema(), indent=2, ensure_ascii=False) + "\n"

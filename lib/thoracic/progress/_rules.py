"""What the offline site's device store (``site/static/device.js``) must know, as JSON.

The site keeps progress in the browser in the same records as this package and checks
progress files as ``validated_import`` does. So that the two cannot drift apart, every
name, limit and self-test the script uses comes from here, taken from the constants and
records this package and ``thoracic.content`` already use: none is written out twice.
"""

from __future__ import annotations

from typing import Any

from ..base import MAX_SESSION_SECONDS
from ..content import DISCOMFORT_SCALE, NEXT_DAY_ANSWERS, SELF_TESTS, VARIATIONS
from ._records import MAX_NOTE_CHARS
from ._schema import EXPORT_FORMAT, SCHEMA_VERSION, SESSION_KINDS
from ._transfer import (
    EARLIEST_DAY,
    ENTRY_KINDS,
    EXPORT_KINDS,
    EXPORT_ORDER,
    FIELDS,
    KINDS,
    MAX_CHOICE,
    MAX_DAYS_AHEAD,
    MAX_DEPTH,
    MAX_ENTRIES,
    MAX_FILE_BYTES,
    MAX_ID_CHARS,
    MAX_NAME_CHARS,
    MAX_NUMBER_DIGITS,
    MAX_SETS,
    MAX_STAMP_CHARS,
    MERGE,
    NOTHING,
    NOUNS,
    choose_file,
)

__all__ = ["device_rules"]


def device_rules() -> dict[str, Any]:
    """The rules of progress records and files, as plain JSON for the browser."""
    return {
        "format": EXPORT_FORMAT,
        "version": SCHEMA_VERSION,
        "kinds": list(KINDS),
        "export_kinds": list(EXPORT_KINDS),
        "fields": {kind: list(FIELDS[kind]) for kind in KINDS},
        "export_order": {kind: list(EXPORT_ORDER[kind]) for kind in KINDS},
        "merge": {kind: {"keys": [[name, list(key)] for name, key in MERGE[kind].keys],
                         "stamp": MERGE[kind].stamp} for kind in KINDS},
        "entry_kinds": list(ENTRY_KINDS),
        "nouns": {kind: list(NOUNS[kind]) for kind in KINDS},
        "session_kinds": list(SESSION_KINDS),
        "versions": list(VARIATIONS),  # the versions of a dose a session may name
        "next_day_answers": list(NEXT_DAY_ANSWERS),
        # The practice log's rating is a rating on the course's one discomfort scale.
        "rating": {"lowest": DISCOMFORT_SCALE.lowest, "highest": DISCOMFORT_SCALE.highest},
        "limits": {
            "MAX_FILE_BYTES": MAX_FILE_BYTES,
            "MAX_ENTRIES": MAX_ENTRIES,
            "MAX_ID_CHARS": MAX_ID_CHARS,
            "MAX_NAME_CHARS": MAX_NAME_CHARS,
            "MAX_STAMP_CHARS": MAX_STAMP_CHARS,
            "MAX_SETS": MAX_SETS,
            "MAX_CHOICE": MAX_CHOICE,
            "MAX_NOTE_CHARS": MAX_NOTE_CHARS,
            "MAX_SESSION_SECONDS": MAX_SESSION_SECONDS,
            "MAX_DAYS_AHEAD": MAX_DAYS_AHEAD,
            "MAX_DEPTH": MAX_DEPTH,
            "MAX_NUMBER_DIGITS": MAX_NUMBER_DIGITS,
            "EARLIEST_DAY": EARLIEST_DAY.isoformat(),
        },
        "self_tests": [{"id": test.id, "name": test.name, "unit": test.unit,
                        "sides": list(test.sides), "low": test.low, "high": test.high,
                        "whole_numbers": test.whole_numbers} for test in SELF_TESTS],
        "nothing_imported": NOTHING,
        # What to do about a file that cannot be a progress file at all.
        "choose_file": choose_file(),
    }

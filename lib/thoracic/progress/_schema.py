"""The progress file's format: its name, its marks, and the migrations between versions."""

from __future__ import annotations

from typing import Literal

__all__ = [
    "APPLICATION_ID",
    "EXAMPLE_ID_PREFIX",
    "EXPORT_FORMAT",
    "FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "SESSION_KINDS",
    "SQLITE_HEADER",
    "SessionKind",
]

FILENAME = "progress.sqlite3"
APPLICATION_ID = 0x55425231  # "UBR1": marks the file as ours
SCHEMA_VERSION = 5
SQLITE_HEADER = b"SQLite format 3\x00"
# Ids of made-up example entries (the sample history the stored notebooks show) start
# with this, so a view can say "example" wherever it shows them.
EXAMPLE_ID_PREFIX = "example-"
# What an exported progress file says it is (its "format" field).
EXPORT_FORMAT = "upper-back-relief-progress"

SessionKind = Literal["set", "exercise", "routine"]
SESSION_KINDS: tuple[SessionKind, ...] = ("set", "exercise", "routine")

# MIGRATIONS[n] takes the schema from version n to n + 1 (statements split at ";", so
# none in a comment).
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE checklist_ticks (
        checklist TEXT NOT NULL,
        item TEXT NOT NULL,
        day TEXT NOT NULL,          -- ISO date for daily checklists, '' for once-only ones
        checked INTEGER NOT NULL CHECK (checked IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (checklist, item, day)
    );
    CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('set', 'exercise', 'routine')),
        exercise TEXT NOT NULL,
        sets INTEGER,
        duration_seconds REAL NOT NULL CHECK (duration_seconds >= 0),
        rating INTEGER CHECK (rating BETWEEN 0 AND 10),
        note TEXT
    );
    CREATE INDEX sessions_by_day ON sessions (day);
    CREATE TABLE self_tests (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        test TEXT NOT NULL,
        side TEXT NOT NULL,         -- 'left', 'right' or '' for tests without sides
        value REAL NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX self_tests_by_test ON self_tests (test, day);
    """,
    """
    CREATE TABLE quiz_answers (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        question TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
        recorded_at TEXT NOT NULL
    );
    """,
    # The next-day check: one answer a day (a new answer for the day replaces it). The
    # answers are thoracic.content's NEXT_DAY_ANSWERS, written out: a migration never changes.
    """
    CREATE TABLE next_day_checks (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL UNIQUE,
        answer TEXT NOT NULL CHECK (answer IN ('better', 'same', 'worse')),
        recorded_at TEXT NOT NULL
    );
    """,
    """
    -- Which version of the dose a session ran (standard, easier, harder, longer-holds);
    -- NULL for a routine, and for sessions logged before versions were kept.
    ALTER TABLE sessions ADD COLUMN version TEXT;
    """,
    """
    -- How a self-test result was taken ('typed', or 'phone': measured by its motion
    -- sensor), NULL for results saved before. A measured result's tries, as a JSON list.
    ALTER TABLE self_tests ADD COLUMN method TEXT CHECK (method IN ('typed', 'phone'));
    ALTER TABLE self_tests ADD COLUMN tries TEXT;
    """,
)
assert len(MIGRATIONS) == SCHEMA_VERSION

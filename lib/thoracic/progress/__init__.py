"""The learner's progress: one small SQLite file in their own data folder.

Owns the store (checklist ticks, practice log, self-test results, quiz answers, next-day
checks), its schema and migrations, the checks on files it did not write, export and
import, the ``Store`` interface that notebooks use, the learner's store that reports
problems and tries again (``LearnerStore``), and the pure summaries (streaks, days this
week, the recent next-day answers), and the same rules as JSON for the offline site's
device store (``device_rules``). It draws nothing and shows nothing.

May import: ``thoracic.base``, ``thoracic.content``.
"""

from ._access import LearnerStore, progress_store, store_or_own
from ._backup import progress_file_text, write_progress_file
from ._contract import SCHEMA_FILENAME, progress_file_schema, schema_text
from ._errors import (
    DamagedStoreError,
    ForeignStoreError,
    ImportFileError,
    NewerStoreError,
    StoreDiskError,
    StoreError,
    StoreFullError,
    StoreLocationError,
    StoreLockedError,
)
from ._groups import every_entry
from ._location import data_dir, store_path
from ._protocol import Store
from ._records import (
    MAX_NOTE_CHARS,
    Entry,
    NextDayCheck,
    QuizAnswer,
    SelfTestResult,
    Session,
    describe_entry,
)
from ._rules import device_rules
from ._schema import (
    APPLICATION_ID,
    EXAMPLE_ID_PREFIX,
    EXPORT_FORMAT,
    FILENAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    SessionKind,
)
from ._store import ProgressStore
from ._summary import NextDaySummary, PracticeSummary, summarise_next_day, summarise_practice
from ._transfer import ImportReport, read_progress_bytes, read_progress_file

__all__ = [
    "APPLICATION_ID",
    "EXAMPLE_ID_PREFIX",
    "EXPORT_FORMAT",
    "FILENAME",
    "MAX_NOTE_CHARS",
    "MIGRATIONS",
    "SCHEMA_FILENAME",
    "SCHEMA_VERSION",
    "DamagedStoreError",
    "Entry",
    "ForeignStoreError",
    "ImportFileError",
    "ImportReport",
    "LearnerStore",
    "NewerStoreError",
    "NextDayCheck",
    "NextDaySummary",
    "PracticeSummary",
    "ProgressStore",
    "QuizAnswer",
    "SelfTestResult",
    "Session",
    "SessionKind",
    "Store",
    "StoreDiskError",
    "StoreError",
    "StoreFullError",
    "StoreLocationError",
    "StoreLockedError",
    "data_dir",
    "describe_entry",
    "device_rules",
    "every_entry",
    "progress_file_schema",
    "progress_file_text",
    "progress_store",
    "read_progress_bytes",
    "read_progress_file",
    "schema_text",
    "store_or_own",
    "store_path",
    "summarise_next_day",
    "summarise_practice",
    "write_progress_file",
]

"""The learner's progress: one small SQLite file in their own data folder.

Owns the store (checklist ticks, practice log, self-test results, quiz answers), its
schema and migrations, the checks on files it did not write, export and import, the
``Store`` interface that notebooks use, the ``SavingOff`` stand-in, and the pure practice
summary (streaks, days this week). It draws nothing and shows nothing.

May import: ``thoracic.base``, ``thoracic.content``.
"""

from ._access import SavingOff, progress_store, store_or_own
from ._errors import (
    DamagedStoreError,
    ForeignStoreError,
    ImportFileError,
    NewerStoreError,
    StoreError,
    StoreLocationError,
)
from ._location import data_dir, store_path
from ._protocol import Store
from ._records import QuizAnswer, SelfTestResult, Session
from ._schema import APPLICATION_ID, EXPORT_FORMAT, FILENAME, MIGRATIONS, SCHEMA_VERSION
from ._store import ProgressStore
from ._summary import PracticeSummary, summarise_practice

__all__ = [
    "APPLICATION_ID",
    "EXPORT_FORMAT",
    "FILENAME",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "DamagedStoreError",
    "ForeignStoreError",
    "ImportFileError",
    "NewerStoreError",
    "PracticeSummary",
    "ProgressStore",
    "QuizAnswer",
    "SavingOff",
    "SelfTestResult",
    "Session",
    "Store",
    "StoreError",
    "StoreLocationError",
    "data_dir",
    "progress_store",
    "store_or_own",
    "store_path",
    "summarise_practice",
]

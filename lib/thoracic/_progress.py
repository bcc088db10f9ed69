"""Getting the learner's progress store, or carrying on without saving.

Notebooks never see a traceback from the store: if it cannot be opened, they get a
``SavingOff`` stand-in that keeps nothing, and ``saving_notice()`` says so plainly.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from ._display import Rendered
from ._store import (
    ProgressStore,
    QuizAnswer,
    SelfTestResult,
    Session,
    StoreError,
    store_path,
)

__all__ = ["SavingOff", "Store", "notice_widgets", "progress_store", "saving_notice"]


class SavingOff:
    """Stands in for the store when it cannot be used: reads are empty, writes are dropped."""

    saving = False

    def __init__(self, problem: StoreError) -> None:
        self.problem = problem
        self.path = problem.path

    def set_tick(self, checklist: str, item: str, checked: bool, *, day: str = "") -> None:
        return None

    def ticks(self, checklist: str, *, day: str = "") -> dict[str, bool]:
        return {}

    def tick_days(self) -> list[str]:
        return []

    def record_session(self, *args: Any, **kwargs: Any) -> None:
        return None

    def rate_session(self, *args: Any, **kwargs: Any) -> None:
        return None

    def sessions(self) -> list[Session]:
        return []

    def record_self_test(self, *args: Any, **kwargs: Any) -> None:
        return None

    def self_tests(self) -> list[SelfTestResult]:
        return []

    def record_quiz_answer(self, *args: Any, **kwargs: Any) -> None:
        return None

    def quiz_answers(self) -> list[QuizAnswer]:
        return []


Store = ProgressStore | SavingOff
_opened: dict[Path, Store] = {}


def progress_store() -> Store:
    """The store at the current location (opened once per kernel), or SavingOff."""
    path = store_path()
    if path not in _opened:
        try:
            _opened[path] = ProgressStore(path)
        except StoreError as problem:
            _opened[path] = SavingOff(problem)
    return _opened[path]


def saving_notice(store: Store | None = None) -> Rendered | None:
    """A visible notice when progress is not being saved; None when all is well."""
    store = store if store is not None else progress_store()
    if store.saving:
        return None
    assert isinstance(store, SavingOff)
    message = str(store.problem)
    html = ('<div role="alert" style="border-left:6px solid #D55E00;padding:0.3em 0.8em;'
            'max-width:48em;overflow-wrap:anywhere"><strong>⚠ Saving is turned off.</strong> '
            "You can still read and use everything, but your ticks and practice will not be "
            f"kept.<br>{escape(message)}</div>")
    return Rendered(html, f"Saving is turned off. {message}")


def notice_widgets(store: Store) -> list[Any]:
    """The saving notice as a widget to append under a form, or nothing when all is well."""
    import ipywidgets as widgets

    notice = saving_notice(store)
    return [] if notice is None else [widgets.HTML(notice.html)]

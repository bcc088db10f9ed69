"""Both stores provide the one ``Store`` interface; the learner's store, when it cannot
use its file, reads nothing and refuses writes (and never touches the file)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from thoracic.progress import (
    DamagedStoreError,
    LearnerStore,
    ProgressStore,
    Store,
    progress_store,
    store_or_own,
)


def _interface() -> list[str]:
    return [name for name, _ in inspect.getmembers(Store, inspect.isfunction)
            if not name.startswith("_")]


def test_the_interface_covers_what_widgets_use() -> None:
    assert set(_interface()) >= {"set_tick", "ticks", "record_session", "rate_session",
                                 "sessions", "record_self_test", "self_tests",
                                 "record_quiz_answer", "quiz_answers",
                                 "record_next_day_check", "next_day_checks", "delete_entry"}


@pytest.mark.parametrize("name", _interface())
def test_both_stores_take_the_same_arguments(name: str) -> None:
    wanted = inspect.signature(getattr(Store, name))
    for cls in (ProgressStore, LearnerStore):
        assert inspect.signature(getattr(cls, name)) == wanted, (cls.__name__, name)


def test_an_unusable_learner_store_reads_nothing_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "progress.sqlite3"
    path.write_bytes(b"damaged" * 100)
    store: Store = LearnerStore(path)
    assert not store.saving and isinstance(store.problem, DamagedStoreError)
    assert store.ticks("form-childs-pose", day="2026-01-15") == {}
    assert (store.sessions(), store.self_tests(), store.quiz_answers(),
            store.next_day_checks()) == ([], [], [], [])
    for write in (lambda: store.set_tick("form-childs-pose", "breathe", True),
                  lambda: store.record_session("exercise", "childs-pose", 60.0, sets=2),
                  lambda: store.record_self_test("neck-to-wall", 4.0),
                  lambda: store.record_quiz_answer("q1", 0, True),
                  lambda: store.record_next_day_check("worse")):
        with pytest.raises(DamagedStoreError, match="is damaged"):
            write()
    assert path.read_bytes() == b"damaged" * 100


def test_store_or_own_prefers_the_given_store(tmp_path: Path) -> None:
    given = ProgressStore(tmp_path / "mine.sqlite3")
    assert store_or_own(given) is given
    assert store_or_own(None) is progress_store()

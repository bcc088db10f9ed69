from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import Checklist, dashboard, progress_store, safety_screen
from thoracic.progress import DamagedStoreError, LearnerStore
from thoracic.ui import ChecklistItem, saving_notice


def test_a_damaged_file_turns_saving_off_with_a_notice(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "progress.sqlite3").write_bytes(b"not a database at all" * 50)
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = progress_store()
    assert isinstance(store, LearnerStore) and not store.saving
    assert isinstance(store.problem, DamagedStoreError)
    notice = saving_notice(store)
    assert notice is not None and "Saving is turned off" in notice.html
    assert str(tmp_path / "progress.sqlite3") in notice.text
    # the notebooks still run, and say so where it matters; a tick that cannot be kept is
    # not shown as ticked
    checklist = Checklist("x", [ChecklistItem("a", "A")], title="X", store=store)
    checklist.toggle("a", True)
    assert checklist.checked == [] and not checklist.kept["ticked"].get("a")
    assert "Saving is turned off" in checklist.saving and checklist.status["problem"]
    assert "Saving is turned off" in dashboard(store).html
    assert safety_screen(store).kept["ticked"] == {}  # nothing was kept
    assert (tmp_path / "progress.sqlite3").read_bytes() == b"not a database at all" * 50


def test_a_healthy_store_is_opened_once_and_needs_no_notice(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = progress_store()
    assert store.saving and progress_store() is store
    assert saving_notice(store) is None


def test_saving_comes_back_by_itself_once_the_damaged_file_is_moved_aside(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    damaged = tmp_path / "progress.sqlite3"
    damaged.write_bytes(b"not a database at all" * 50)
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    store = progress_store()
    checklist = Checklist("x", [ChecklistItem("a", "A")], title="X", store=store)
    checklist.toggle("a", True)
    assert not checklist.kept["ticked"].get("a") and "Saving is turned off" in checklist.saving
    damaged.rename(tmp_path / "kept-for-later.sqlite3")  # as the message advises
    checklist.toggle("a", True)  # no kernel restart
    assert checklist.checked == ["a"] and checklist.saving == "" and store.saving
    assert store.ticks("x") == {"a": True}

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from thoracic._cli import main


def test_module_entry_point_lists_exercises() -> None:
    result = subprocess.run([sys.executable, "-m", "thoracic", "exercises"],
                            capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[0].startswith("foam-roller-extension: Foam roller extension")


def test_nav_check_passes_on_the_course(notebooks_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nav", "--check", "--folder", str(notebooks_dir)]) == 0
    assert capsys.readouterr().out == "Navigation is up to date.\n"


def test_errors_are_one_clear_line_and_exit_1(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nav", "--folder", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("thoracic nav: The course notebook ")
    assert "00-start-here.ipynb is missing" in err
    assert "Traceback" not in err




def test_progress_summary_export_and_import(own_store: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from thoracic import ProgressStore

    store = ProgressStore()
    store.record_session("exercise", "Child's pose", 75, day="2026-01-15")
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Days practised: 1; days in a row, up to now: 1;" in out
    target = own_store / "backup.json"
    assert main(["progress", "--export", str(target)]) == 0
    assert json.loads(target.read_text())["sessions"][0]["exercise"] == "Child's pose"
    assert main(["progress", "--import", str(target)]) == 0
    assert "Imported 0 practice-log entries" in capsys.readouterr().out
    assert len(ProgressStore().sessions()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "is not a progress export (not valid JSON"),
     ('{"format": "something else"}', "is not a progress export from this course")],
)
def test_bad_import_file_is_an_error_and_changes_nothing(
        own_store: Path, capsys: pytest.CaptureFixture[str], content: str, message: str) -> None:
    from thoracic import ProgressStore

    ProgressStore().record_session("set", "kept", 1)
    bad = own_store / "bad.json"
    bad.write_text(content)
    assert main(["progress", "--import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Nothing was imported." in err and "Traceback" not in err
    assert [s.exercise for s in ProgressStore().sessions()] == ["kept"]


def test_missing_import_file_and_damaged_store(own_store: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "--import", str(own_store / "nope.json")]) == 1
    assert "cannot read" in capsys.readouterr().err
    (own_store / "data" / "progress.sqlite3").write_bytes(b"garbage" * 100)
    assert main(["progress"]) == 2
    assert "is damaged or is not a progress file" in capsys.readouterr().err

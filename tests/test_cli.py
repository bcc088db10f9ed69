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

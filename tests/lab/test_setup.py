from __future__ import annotations

import json
from pathlib import Path

import pytest

from thoracic.lab import LAB_SETTINGS, SERVER_CONFIG, write_lab_setup


def test_settings_go_inside_the_environment_and_keep_others(tmp_path: Path) -> None:
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "x"}}))
    server, lab = write_lab_setup(tmp_path)
    assert server.is_relative_to(tmp_path) and lab == overrides
    assert json.loads(server.read_text()) == SERVER_CONFIG
    merged = json.loads(lab.read_text())
    assert merged["@jupyterlab/apputils-extension:themes"] == {"theme": "x"}
    for key, value in LAB_SETTINGS.items():
        assert merged[key] == value
    assert write_lab_setup(tmp_path) == [server, lab]  # idempotent
    assert json.loads(lab.read_text()) == merged


def test_a_broken_settings_file_is_named_and_left_alone(tmp_path: Path) -> None:
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text("{not json")
    with pytest.raises(ValueError, match=r"overrides\.json is not valid JSON"):
        write_lab_setup(tmp_path)
    assert overrides.read_text() == "{not json"

from __future__ import annotations

import json
from pathlib import Path

import pytest

from thoracic.lab import LAB_SETTINGS, NODE_PACKAGE, PAGE_CONFIG, SERVER_CONFIG, write_lab_setup


def test_settings_go_inside_the_environment_and_keep_others(tmp_path: Path) -> None:
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"theme": "x"}}))
    server, lab, page = write_lab_setup(tmp_path)
    assert server.is_relative_to(tmp_path) and lab == overrides
    assert json.loads(server.read_text()) == SERVER_CONFIG
    merged = json.loads(lab.read_text())
    assert merged["@jupyterlab/apputils-extension:themes"] == {"theme": "x"}
    for key, value in LAB_SETTINGS.items():
        assert merged[key] == value
    assert json.loads(page.read_text()) == PAGE_CONFIG == {"buildCheck": False,
                                                           "buildAvailable": False}
    assert write_lab_setup(tmp_path) == [server, lab, page]  # idempotent
    assert json.loads(lab.read_text()) == merged


def test_a_broken_settings_file_is_named_and_left_alone(tmp_path: Path) -> None:
    overrides = tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    overrides.parent.mkdir(parents=True)
    overrides.write_text("{not json")
    with pytest.raises(ValueError, match=r"overrides\.json is not valid JSON"):
        write_lab_setup(tmp_path)
    assert overrides.read_text() == "{not json"


def test_node_reads_jupyterlabs_own_scripts_in_a_virtual_environment_as_commonjs(
        tmp_path: Path) -> None:
    """The course's package.json (type: module) sits above .venv; without a package.json
    of its own there, Node reads JupyterLab's yarn.js as an ES module and prints pages of
    minified code and "Dynamic require of util" at every start."""
    assert len(write_lab_setup(tmp_path)) == 3  # not a virtual environment: nothing more
    assert not (tmp_path / "package.json").exists()
    (tmp_path / "pyvenv.cfg").write_text("home = /usr/bin\n")
    *_, package = write_lab_setup(tmp_path)
    assert package == tmp_path / "package.json"
    assert json.loads(package.read_text()) == NODE_PACKAGE == {"type": "commonjs"}

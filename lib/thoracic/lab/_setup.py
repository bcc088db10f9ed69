"""Settings that make JupyterLab calm for the course, written inside its environment.

``thoracic lab-setup`` (run by ``make install``) writes two small files under the
environment's prefix (``.venv``), never into the learner's own Jupyter settings:

- ``etc/jupyter/jupyter_server_config.json`` makes the server use the contents manager
  that keeps the course folder unchanged (the ``.d`` folder beside it only switches
  extensions on and off, so the setting goes in the file itself, merged with any others);
- ``share/jupyter/lab/settings/overrides.json`` turns off the news and update pop-ups;
- ``etc/jupyter/labconfig/page_config.json`` turns off JupyterLab's build check: the
  course installs no extension that needs a build, and without Node.js (which studying
  does not need) the check only prints a warning at every page load;
- in a virtual environment, ``package.json`` saying ``"type": "commonjs"``: the course's
  own ``package.json`` above ``.venv`` says ``"type": "module"`` (its front-end modules
  are ES modules), and Node would read JupyterLab's own scripts in ``.venv`` that way too,
  which fails and prints pages of minified code at every start.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["LAB_SETTINGS", "NODE_PACKAGE", "PAGE_CONFIG", "SERVER_CONFIG", "write_lab_setup"]

SERVER_CONFIG: dict[str, Any] = {
    "ServerApp": {"contents_manager_class": "thoracic.lab.CourseContentsManager"},
}
LAB_SETTINGS: dict[str, Any] = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false",
                                                     "checkForUpdates": False},
}


PAGE_CONFIG: dict[str, Any] = {"buildCheck": False, "buildAvailable": False}
NODE_PACKAGE: dict[str, Any] = {"type": "commonjs"}


def _merge_json(path: Path, wanted: dict[str, Any]) -> None:
    """Add our settings to a JSON file, keeping any others already there."""
    current: dict[str, Any] = {}
    if path.is_file():
        try:
            current = json.loads(path.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            raise ValueError(f"{path} is not valid JSON, so the course did not change it. "
                             "Fix or remove it, then run 'make install' again.") from None
    for key, value in wanted.items():
        current[key] = {**current.get(key, {}), **value} if isinstance(value, dict) else value
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(current, indent=2) + "\n", "utf-8")
    temporary.replace(path)


def write_lab_setup(prefix: Path | None = None) -> list[Path]:
    """Write the course's server and JupyterLab settings under ``prefix`` (the running
    environment's by default); returns the files written."""
    prefix = Path(sys.prefix) if prefix is None else prefix
    server = prefix / "etc" / "jupyter" / "jupyter_server_config.json"
    lab = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    page = prefix / "etc" / "jupyter" / "labconfig" / "page_config.json"
    _merge_json(server, SERVER_CONFIG)
    _merge_json(lab, LAB_SETTINGS)
    _merge_json(page, PAGE_CONFIG)
    written = [server, lab, page]
    if (prefix / "pyvenv.cfg").is_file():  # only an environment of its own, never /usr
        package = prefix / "package.json"
        package.write_text(json.dumps(NODE_PACKAGE) + "\n", "utf-8")
        written.append(package)
    return written

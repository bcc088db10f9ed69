"""The repository is a valid repo2docker repository: the Dockerfile jupyter-repo2docker
(pinned) writes for it installs requirements.txt and the course, then runs postBuild,
which writes the course's Jupyter settings as make install does. The same image serves
Binder and Zero to JupyterHub."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_dockerfile_installs_the_course_and_runs_its_set_up() -> None:
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    command = str(repo2docker) if repo2docker.exists() else shutil.which("jupyter-repo2docker")
    assert command, "jupyter-repo2docker is pinned in requirements.txt"
    written = subprocess.run(
        [command, "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan",
         str(ROOT)], capture_output=True, text=True, timeout=120, check=True)
    dockerfile = written.stdout + written.stderr
    assert 'pip install --no-cache-dir -r "requirements.txt"' in dockerfile
    assert "pip install --no-cache-dir ." in dockerfile
    assert "postBuild" in dockerfile


def test_post_build_runs_the_courses_set_up() -> None:
    script = ROOT / "postBuild"
    assert script.stat().st_mode & 0o111  # repo2docker runs it as a program
    lines = [line for line in script.read_text("utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == ["set -euo pipefail", "thoracic lab-setup"]

"""What every learner of a class runs: a Python any user can run, a read-only course copy,
and an environment made again only when what it is made from changes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import thoracic.hub._environment as environment
from thoracic.hub import COURSE_REQUIREMENTS, install_course_copy, shared_python
from thoracic.hub._environment import _fingerprint


def test_the_shared_python_is_one_every_user_can_run() -> None:
    """(This machine's own: its pyenv Python may sit in root's 0700 home.)"""
    python = shared_python()
    real = python.resolve()
    assert real.is_file() and os.access(real, os.X_OK)
    assert real.stat().st_mode & 0o001
    for folder in real.parents:
        assert folder.stat().st_mode & 0o001, folder


def fake_course(source: Path) -> Path:
    (source / "part" / "__pycache__").mkdir(parents=True)
    (source / ".ipynb_checkpoints").mkdir()
    (source / "00-start-here.ipynb").write_text("{}", "utf-8")
    (source / "part" / "notes.md").write_text("# Notes", "utf-8")
    (source / "part" / "__pycache__" / "x.pyc").write_bytes(b"")
    (source / ".ipynb_checkpoints" / "00-start-here-checkpoint.ipynb").write_text("{}", "utf-8")
    return source


def tree(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.lstat().st_mode)
            for p in sorted(root.rglob("*"))}


def test_the_course_copy_is_read_only(tmp_path: Path) -> None:
    source = fake_course(tmp_path / "notebooks")
    target = tmp_path / "state" / "course"
    target.parent.mkdir()
    install_course_copy(source, target)
    assert tree(target) == {"00-start-here.ipynb": 0o444, "part": 0o555,
                            "part/notes.md": 0o444}
    assert stat.S_IMODE(target.stat().st_mode) == 0o555
    assert (target / "part" / "notes.md").read_text("utf-8") == "# Notes"


def test_a_new_start_replaces_the_read_only_copy(tmp_path: Path) -> None:
    """An update reaches every learner at their next start; what left the course goes."""
    source = fake_course(tmp_path / "notebooks")
    target = tmp_path / "course"
    install_course_copy(source, target)
    (source / "part" / "notes.md").unlink()
    (source / "00-start-here.ipynb").write_text('{"new": 1}', "utf-8")
    (source / "01-new.ipynb").write_text("{}", "utf-8")
    install_course_copy(source, target)
    assert tree(target) == {"00-start-here.ipynb": 0o444, "01-new.ipynb": 0o444,
                            "part": 0o555}
    assert (target / "00-start-here.ipynb").read_text("utf-8") == '{"new": 1}'


def fake_repository(root: Path) -> Path:
    (root / "lib" / "thoracic" / "__pycache__").mkdir(parents=True)
    (root / "notebooks").mkdir()
    (root / COURSE_REQUIREMENTS).write_text("jupyterlab\n", "utf-8")
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", "utf-8")
    (root / "README.md").write_text("# x\n", "utf-8")
    (root / "lib" / "thoracic" / "x.py").write_text("X = 1\n", "utf-8")
    (root / "lib" / "thoracic" / "__pycache__" / "x.pyc").write_bytes(b"1")
    (root / "notebooks" / "a.ipynb").write_text("{}", "utf-8")
    return root


def test_the_environment_is_made_again_only_when_its_sources_change(tmp_path: Path) -> None:
    repository = fake_repository(tmp_path)
    first = _fingerprint(repository)
    assert _fingerprint(repository) == first
    # Neither the course, the readme nor compiled files are what the environment is made of.
    (repository / "notebooks" / "a.ipynb").write_text('{"x": 1}', "utf-8")
    (repository / "README.md").write_text("# y\n", "utf-8")
    (repository / "lib" / "thoracic" / "__pycache__" / "x.pyc").write_bytes(b"2")
    assert _fingerprint(repository) == first
    (repository / "lib" / "thoracic" / "x.py").write_text("X = 2\n", "utf-8")
    changed = _fingerprint(repository)
    assert changed != first
    (repository / "lib" / "thoracic" / "sub").mkdir()
    (repository / "lib" / "thoracic" / "sub" / "y.py").write_text("", "utf-8")
    assert _fingerprint(repository) not in (first, changed)


def test_a_new_requirement_makes_the_environment_again(tmp_path: Path) -> None:
    repository = fake_repository(tmp_path)
    first = _fingerprint(repository)
    (repository / COURSE_REQUIREMENTS).write_text("jupyterlab\nipywidgets\n", "utf-8")
    assert _fingerprint(repository) != first


def test_pip_compiles_the_environment_s_bytecode_inside_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Learners cannot write to the environment: a bytecode folder elsewhere (root's
    PYTHONPYCACHEPREFIX, as the tests set) or no bytecode would leave every learner's
    server compiling it all again at each start."""
    repository = fake_repository(tmp_path / "repository")
    target = tmp_path / "env"
    (target / "bin").mkdir(parents=True)
    (target / "bin" / "python").write_text("", "utf-8")  # made already: no venv step
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    calls: list[tuple[list[str], dict[str, str] | None]] = []
    monkeypatch.setattr(environment.subprocess, "run",
                        lambda command, check, env=None: calls.append((command, env)))
    monkeypatch.setattr(environment, "write_lab_setup", lambda target: None)
    assert environment.install_class_environment(target, repository)
    assert [command[2:4] for command, _ in calls] == [["pip", "install"]] * 2
    for _, env in calls:
        assert env is not None and env["PATH"] == os.environ["PATH"]
        assert "PYTHONPYCACHEPREFIX" not in env and "PYTHONDONTWRITEBYTECODE" not in env

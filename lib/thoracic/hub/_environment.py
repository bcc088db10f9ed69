"""What every learner of a class runs: one environment and one course copy, root's and
read-only, in a folder every learner can reach.

The course's own ``.venv`` usually cannot serve: it is built on a Python that may live in
root's home (pyenv's, say), which other users cannot enter. So the class gets an
environment of its own, made with a Python every user can run and holding only what a
learner's JupyterLab needs (requirements-course.txt) and the course's library, copied in
(not linked to the repository). It is made again only when one of those changes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from tempfile import TemporaryDirectory

from ..lab import write_lab_setup
from ._settings import closed_to_others

__all__ = ["COURSE_REQUIREMENTS", "install_class_environment", "install_course_copy",
           "shared_python"]

COURSE_REQUIREMENTS = "requirements-course.txt"
_STAMP = ".thoracic-installed"


def _everyone_can_run(path: Path) -> bool:
    """Whether any user can reach and run ``path`` (every folder above it o+x)."""
    real = path.resolve()
    return (real.is_file() and bool(real.stat().st_mode & 0o001)
            and closed_to_others(real) is None)


def _version_of(python: Path) -> tuple[int, int] | None:
    try:
        said = subprocess.run([str(python), "-c", "import sys, venv, ensurepip; "
                               "print(*sys.version_info[:2])"],
                              capture_output=True, text=True, timeout=30, check=True)
    except (OSError, subprocess.SubprocessError):
        return None  # not a Python, or one without venv
    major, minor = said.stdout.split()
    return int(major), int(minor)


def shared_python() -> Path:
    """A Python (3.11 or newer, with venv) that every user can run: this one's if it can,
    else the system's. RuntimeError saying what to install if there is none."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    base = Path(getattr(sys, "_base_executable", sys.executable))
    for candidate in (base, Path("/usr/bin", version), Path("/usr/local/bin", version),
                      Path("/usr/bin/python3"), Path("/usr/local/bin/python3")):
        if (candidate.exists() and _everyone_can_run(candidate)
                and (_version_of(candidate) or (0, 0)) >= (3, 11)):
            return candidate
    raise RuntimeError(
        f"A class needs a Python 3.11 or newer, with venv, that every user can run, for the "
        f"learners' servers; this one ({base}) is in a folder other users cannot enter. "
        "Install the system's (apt-get install python3 python3-venv) and start the hub "
        "again.")


def _fingerprint(repository: Path) -> str:
    """What the environment is made from: the requirements and the library's files."""
    digest = hashlib.sha256()
    library = repository / "lib" / "thoracic"
    files = [repository / COURSE_REQUIREMENTS, repository / "pyproject.toml",
             *sorted(path for path in library.rglob("*")
                     if path.is_file() and "__pycache__" not in path.parts)]
    for path in files:
        digest.update(str(path.relative_to(repository)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def install_class_environment(target: Path, repository: Path) -> bool:
    """Make (or bring up to date) the learners' environment at ``target``; True if it was
    made now. Everything in it is root's and readable by all, whatever root's umask."""
    fingerprint = _fingerprint(repository)
    stamp = target / _STAMP
    if stamp.is_file() and stamp.read_text("utf-8") == fingerprint:
        return False
    before = os.umask(0o022)
    try:
        if not (target / "bin" / "python").exists():
            subprocess.run([str(shared_python()), "-m", "venv", str(target)], check=True)
        pip = [str(target / "bin" / "python"), "-m", "pip", "install", "--quiet",
               "--disable-pip-version-check"]
        # Bytecode goes inside the environment: learners cannot write there, so what pip
        # does not compile now, every server start compiles again (a bytecode folder of
        # root's elsewhere, PYTHONPYCACHEPREFIX, is no use to them).
        env = {name: value for name, value in os.environ.items()
               if name not in ("PYTHONPYCACHEPREFIX", "PYTHONDONTWRITEBYTECODE")}
        subprocess.run([*pip, "-r", str(repository / COURSE_REQUIREMENTS)], check=True,
                       env=env)
        # The library itself, copied in: a learner's server never reads the repository.
        # Built from a copy, as building leaves folders (build/, *.egg-info) behind.
        with TemporaryDirectory(prefix="thoracic-class-") as scratch:
            source = Path(scratch)
            for name in ("pyproject.toml", "README.md"):
                shutil.copy2(repository / name, source / name)
            shutil.copytree(repository / "lib", source / "lib",
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
            subprocess.run([*pip, "--no-deps", "--force-reinstall", str(source)], check=True,
                           env=env)
        write_lab_setup(target)
        stamp.write_text(fingerprint, "utf-8")
    finally:
        os.umask(before)
    return True


def install_course_copy(source: Path, target: Path) -> None:
    """Copy the course (a fresh copy at each start, so an update reaches every learner at
    their next start) and make it read-only: files r--r--r--, folders r-xr-xr-x."""
    if target.exists():
        for folder in [target, *(p for p in target.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        shutil.rmtree(target)
    shutil.copytree(source, target,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    for path in sorted(target.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    target.chmod(0o555)

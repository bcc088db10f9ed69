"""The packages depend on each other one way only, as their docstrings say.

Read from the source with ``ast`` (nothing is imported), so a new upward import fails
here with the file and line that added it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import thoracic

LIBRARY = Path(thoracic.__file__).parent

# Each package, bottom to top, with the packages it may import.
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "content": {"base"},
    "figures": {"base", "content"},
    "timer": {"base", "content"},
    "progress": {"base", "content"},
    "plan": {"base", "content", "progress", "timer"},
    "ui": {"base", "content", "figures", "timer", "progress", "plan"},
    "practice": {"base", "content", "figures", "timer", "progress", "plan", "ui"},
    "site": {"base", "content", "figures", "timer", "progress", "plan", "ui", "practice"},
    "lab": {"base", "content", "figures", "timer", "progress", "plan", "ui", "practice",
            "site"},
    "hub": {"base", "content", "figures", "timer", "progress", "plan", "ui", "practice",
            "site", "lab"},
    "authoring": {"base", "content", "figures", "timer", "progress", "plan", "ui", "practice",
                  "site", "lab"},
}
PACKAGES = set(ALLOWED)


def _package_of(path: Path) -> str | None:
    """The package a source file belongs to; None for the top-level modules."""
    parts = path.relative_to(LIBRARY).parts
    return parts[0] if len(parts) > 1 else None


def _imported_packages(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """(line, package) for every import of a ``thoracic`` package in the file at ``path``
    (or in ``source``, read as if it were that file)."""
    own = path.relative_to(LIBRARY.parent).with_suffix("").parts
    found = []
    text = path.read_text("utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the file's own package
                base = list(own[:-node.level])
                target = [*base, *(node.module.split(".") if node.module else [])]
                names = [alias.name for alias in node.names] if not node.module else []
            else:
                target = (node.module or "").split(".")
                names = []
            if target[:1] == ["thoracic"]:
                if len(target) > 1:
                    found.append((node.lineno, target[1]))
                found.extend((node.lineno, name) for name in names if name in PACKAGES)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "thoracic" and len(parts) > 1:
                    found.append((node.lineno, parts[1]))
    return [(line, name) for line, name in found if name in PACKAGES]


SOURCES = sorted(LIBRARY.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(LIBRARY)))
def test_imports_run_one_way(path: Path) -> None:
    package = _package_of(path)
    if package is None:
        return  # __init__, _cli and __main__ sit above every package
    allowed = ALLOWED[package] | {package}
    upward = [f"line {line}: imports thoracic.{name}" for line, name in _imported_packages(path)
              if name not in allowed]
    assert not upward, (f"{path.relative_to(LIBRARY)} (in thoracic.{package}) may import only "
                        f"{sorted(ALLOWED[package])}; it " + "; ".join(upward))


def test_every_package_is_listed() -> None:
    on_disk = {p.name for p in LIBRARY.iterdir() if (p / "__init__.py").is_file()}
    assert on_disk == PACKAGES


def test_learner_code_never_imports_the_authoring_tools() -> None:
    learner_facing = [LIBRARY / "__init__.py",
                      *(p for p in SOURCES if _package_of(p) not in (None, "authoring"))]
    users = [str(p.relative_to(LIBRARY)) for p in learner_facing
             if any(name == "authoring" for _, name in _imported_packages(p))]
    assert not users


def test_the_allowed_imports_have_no_cycle() -> None:
    order = list(ALLOWED)  # written bottom to top: each may import only what came before
    for position, package in enumerate(order):
        assert ALLOWED[package] <= set(order[:position]), package


def test_the_check_notices_an_upward_import() -> None:
    source = "from ..ui import show_exercise\nfrom thoracic.timer import build_plan\n"
    pretend = LIBRARY / "progress" / "_probe.py"  # never written: only its place is used
    assert [name for _, name in _imported_packages(pretend, source)] == ["ui", "timer"]

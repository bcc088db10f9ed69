"""Every symbol the course shows is in the fonts every device has.

Emoji (the planes above U+FFFF, such as a seedling) need an emoji font; a phone or
computer without one shows an empty box where the course meant a friendly sign."""

from __future__ import annotations

import re
from pathlib import Path

import thoracic

_BEYOND_BASIC_PLANE = re.compile(r"[\U00010000-\U0010FFFF]")
_SHOWN = ("*.py", "*.js", "*.css", "*.html", "*.toml")


def test_no_emoji_in_what_the_course_shows(notebooks_dir: Path) -> None:
    package = Path(thoracic.__file__).parent
    files = [path for pattern in _SHOWN for path in package.rglob(pattern)]
    files += sorted(notebooks_dir.glob("*.ipynb"))
    found = [f"{path.name}: {match[0]!r}" for path in files
             for match in _BEYOND_BASIC_PLANE.finditer(path.read_text("utf-8"))]
    assert len(files) > 50 and found == []

"""Text from a learner's files prints as one plain line in a terminal."""

from __future__ import annotations

import pytest

from thoracic.base import for_terminal


@pytest.mark.parametrize(("given", "shown"), [
    ("stiff after the train", "stiff after the train"),
    ("café · 😀 · 背中", "café · 😀 · 背中"),  # ordinary letters and emoji stay
    ("a\nb\rc\td", "a\\nb\\rc\\td"),
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),  # would set the window's title
    ("\x1b[2J", "\\x1b[2J"),  # would clear the screen
    ("\x00\x7f\x85\x9b", "\\x00\\x7f\\x85\\x9b"),  # NUL, DEL, NEL and the one-byte CSI
    ("gnp\u202e.exe", "gnp\\u202e.exe"),  # would show the rest backwards
    ("\u2066x\u2069\u200f\u061c", "\\u2066x\\u2069\\u200f\\u061c"),
    ("one\u2028two\u2029", "one\\u2028two\\u2029"),  # line and paragraph separators
    ("C:\\Users\\x1b", "C:\\Users\\x1b"),  # a backslash is shown as it is
])
def test_controls_print_as_escapes(given: str, shown: str) -> None:
    assert for_terminal(given) == shown

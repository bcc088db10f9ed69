"""Text from a learner's files, made safe to print in a terminal."""

from __future__ import annotations

import re

__all__ = ["for_terminal"]

# What a terminal would act on instead of showing: the C0 and C1 control characters (ESC
# starts sequences that clear the screen or set the window's title; CR and newlines let a
# note pose as lines of its own), DEL, and the characters that reorder text around them
# (U+202E shows "txt.exe" as "exe.txt") or break lines (U+2028, U+2029).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                     "\u2066-\u2069]")


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(found: re.Match[str]) -> str:
    character = found.group()
    if character in _NAMED:
        return _NAMED[character]
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def for_terminal(text: str) -> str:
    """``text`` with every control, line-breaking and direction-changing character written
    as an escape (``\\x1b``, ``\\u202e``), so it prints as one plain line whatever it holds.
    Backslashes stay as they are: the escapes are for a person to read, not to undo."""
    return _UNSAFE.sub(_escape, text)

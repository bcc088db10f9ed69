from __future__ import annotations

import pytest

from thoracic.base import Rendered, html_list, minutes_text, text_list


def test_rendered_shows_html_in_jupyter_and_text_elsewhere() -> None:
    shown = Rendered("<p>Hi</p>", "Hi")
    assert shown._repr_html_() == "<p>Hi</p>"
    assert repr(shown) == "Hi"


def test_lists_escape_their_items() -> None:
    assert html_list(["<b>", "x"], ordered=True) == "<ol><li>&lt;b&gt;</li><li>x</li></ol>"
    assert text_list(["a", "b"]) == "  - a\n  - b"
    assert text_list(["a", "b"], ordered=True) == "  1. a\n  2. b"


@pytest.mark.parametrize(("seconds", "words"), [(45, "45 s"), (120, "2 min"),
                                                (150, "2 min 30 s"), (0, "0 s")])
def test_minutes_text(seconds: float, words: str) -> None:
    assert minutes_text(seconds) == words

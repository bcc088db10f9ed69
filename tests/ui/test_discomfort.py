"""The discomfort scale display: everything from the record, in words as well as colour,
as HTML and as plain text."""

from __future__ import annotations

import re
from dataclasses import replace
from html import escape

import pytest

from thoracic import Rendered, discomfort_scale
from thoracic.content import DISCOMFORT_SCALE, NEXT_DAY_CHECK


def test_the_display_shows_every_zone_in_words_and_colour() -> None:
    shown = discomfort_scale()
    assert isinstance(shown, Rendered)
    for zone in DISCOMFORT_SCALE.zones:
        for part in (zone.word, zone.span, zone.label, zone.advice, zone.symbol):
            assert escape(part) in shown.html, part
            assert part in shown.text, part
        assert zone.colour in shown.html
    assert escape(DISCOMFORT_SCALE.explain) in shown.html
    assert DISCOMFORT_SCALE.anchors in shown.html and DISCOMFORT_SCALE.anchors in shown.text


def test_the_strip_has_every_number_once_in_its_zone_colour() -> None:
    html = discomfort_scale().html
    strip = re.search(r'<div role="img" aria-label="([^"]+)"(.*?)</div></div></div>', html)
    assert strip is not None
    assert strip.group(1) == ("The scale from 0 = no pain, 10 = the worst pain you can imagine, in "
                              "three zones: Green, 0 to 2; Amber, 3 to 5; Red, 6 to 10.")
    boxes = re.findall(r"background:(#[0-9A-Fa-f]{6});color:#000000;font-weight:bold\">"
                       r"(\d+)</span>", strip.group(2))
    assert [int(n) for _, n in boxes] == list(range(11))
    assert all(colour == DISCOMFORT_SCALE.zone(int(n)).colour for colour, n in boxes)
    assert "0 1 2 | 3 4 5 | 6 7 8 9 10" in discomfort_scale().text


def test_the_zones_are_a_table_with_headers() -> None:
    html = discomfort_scale().html
    assert '<table aria-label="The three discomfort zones">' in html
    assert html.count('<th scope="col">') == 3
    assert html.count('<th scope="row"') == len(DISCOMFORT_SCALE.zones)


def test_the_next_day_check_and_the_source_are_shown() -> None:
    shown = discomfort_scale()
    assert escape(NEXT_DAY_CHECK.question) in shown.html
    assert NEXT_DAY_CHECK.question in shown.text
    for option in NEXT_DAY_CHECK.answers:
        assert escape(option.advice) in shown.html and option.advice in shown.text
        assert escape(option.word) in shown.html
    for part in (DISCOMFORT_SCALE.source, DISCOMFORT_SCALE.source_note):
        assert escape(part) in shown.html and part in shown.text


def test_same_scale_same_bytes() -> None:
    assert discomfort_scale() == discomfort_scale()


def test_the_display_escapes_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    zones = (replace(DISCOMFORT_SCALE.zones[0], label="<script>alert(1)</script>"),
             *DISCOMFORT_SCALE.zones[1:])
    hostile = replace(DISCOMFORT_SCALE, explain="<b>x</b>", zones=zones)
    monkeypatch.setattr("thoracic.ui._discomfort.DISCOMFORT_SCALE", hostile)
    html = discomfort_scale().html
    assert "<script>" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html

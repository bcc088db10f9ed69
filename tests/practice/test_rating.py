"""The practice log's rating: the one discomfort scale, each number's zone in its tooltip,
and the picked number's zone and advice said at once."""

from __future__ import annotations

from html import escape

from thoracic import ProgressStore
from thoracic.content import DISCOMFORT_SCALE
from thoracic.practice import SessionRating


def test_the_question_and_numbers_come_from_the_scale(store: ProgressStore) -> None:
    rating = SessionRating(store)
    assert rating.scale.value == ("<p>How much pain did you feel (not counting the stretch)? "
                                  "0 = no pain, 10 = the worst pain you can imagine</p>")
    assert rating.rating.options == tuple((str(n), n) for n in DISCOMFORT_SCALE.ratings)


def test_each_number_says_its_zone_in_its_tooltip(store: ProgressStore) -> None:
    tooltips = SessionRating(store).rating.tooltips
    assert len(tooltips) == 11
    for n, tooltip in zip(DISCOMFORT_SCALE.ratings, tooltips, strict=True):
        zone = DISCOMFORT_SCALE.zone(n)
        assert tooltip == f"{n}: {zone.word} zone, {zone.label.lower()}"
    assert tooltips[4] == "4: Amber zone, stay at this dose"


def test_picking_a_number_says_its_zone_and_what_to_do(store: ProgressStore) -> None:
    rating = SessionRating(store)
    assert rating.zone.value == "" and rating.zone in rating.children
    for n in DISCOMFORT_SCALE.ratings:
        rating.rating.value = n  # as a press in the browser does
        zone = DISCOMFORT_SCALE.zone(n)
        shown = rating.zone.value
        assert shown.startswith('<p role="status"') and zone.colour in shown
        for part in (zone.symbol, zone.word, zone.span, zone.label, zone.advice):
            assert escape(part) in shown, (n, part)
        others = [z for z in DISCOMFORT_SCALE.zones if z is not zone]
        assert not any(escape(z.advice) in shown for z in others)
    rating.rating.value = None  # unpicked: no zone
    assert rating.zone.value == ""


def test_the_buttons_are_never_disabled_and_save_still_works(store: ProgressStore) -> None:
    session = store.record_session("exercise", "childs-pose", 75.0, sets=2, day="2026-01-14")
    rating = SessionRating(store)
    rating.rating.value = 7  # picked before the end: no harm, nothing saved yet
    assert not rating.rating.disabled and rating.save_button.disabled
    assert "Red" in rating.zone.value
    rating.ask_about(session)
    rating.note.value = "<b>sore</b>"
    rating.save()
    assert not rating.rating.disabled
    assert [(s.rating, s.note) for s in store.sessions()] == [(7, "<b>sore</b>")]
    assert rating.status.value == ('<p role="status">✓ Saved: 7 out of 10. Note: '
                                   "&lt;b&gt;sore&lt;/b&gt;</p>")

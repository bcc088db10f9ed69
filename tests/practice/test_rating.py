"""The practice log's rating as a course part: it carries the one discomfort scale for the
page to draw (the numbers, their zones and what to do in each are drawn by parts.js and
tested there), and it keeps a rating only for a practice that has been logged and asked
about."""

from __future__ import annotations

from thoracic import ProgressStore
from thoracic.content import DISCOMFORT_SCALE
from thoracic.practice import SessionRating
from thoracic.progress import MAX_NOTE_CHARS


def _logged(store: ProgressStore) -> str:
    return store.record_session("exercise", "childs-pose", 75.0, sets=2, day="2026-01-14")


def test_the_question_numbers_and_zones_come_from_the_scale(store: ProgressStore) -> None:
    rating = SessionRating(store)
    assert rating.kind == "rating" and rating.config["max_note"] == MAX_NOTE_CHARS
    scale = rating.config["scale"]
    assert scale["label"] == ("How much pain did you feel (not counting the stretch)? "
                              "0 = no pain, 10 = the worst pain you can imagine")
    assert (scale["lowest"], scale["highest"]) == (0, 10)
    assert [(z["lowest"], z["highest"]) for z in scale["zones"]] == [(0, 2), (3, 5), (6, 10)]
    for zone, given in zip(DISCOMFORT_SCALE.zones, scale["zones"], strict=True):
        assert given == {"name": zone.name, "word": zone.word, "lowest": zone.lowest,
                         "highest": zone.highest, "label": zone.label, "advice": zone.advice,
                         "symbol": zone.symbol, "colour": zone.colour}
    # every number on the scale falls in exactly one zone
    for n in DISCOMFORT_SCALE.ratings:
        assert sum(z["lowest"] <= n <= z["highest"] for z in scale["zones"]) == 1, n


def test_nothing_is_rated_before_a_practice_is_logged(store: ProgressStore) -> None:
    session = _logged(store)
    rating = SessionRating(store)
    assert rating.kept == {"session": None}  # the page shows no Save yet
    assert rating.save(7, "picked early") is False
    assert "no finished practice to rate yet" in rating.status["problem"]
    # the page cannot name a practice of its own choosing either
    assert rating.handle({"do": "rate", "session": session, "rating": 7, "note": None}) is False
    assert [(s.rating, s.note) for s in store.sessions()] == [(None, None)]


def test_the_practice_asked_about_is_rated_with_its_note(store: ProgressStore) -> None:
    session = _logged(store)
    rating = SessionRating(store)
    rating.ask_about(session)
    assert rating.kept == {"session": session}
    assert rating.save(7, "<b>sore</b>") is True
    assert rating.status == {"n": 1, "problem": ""}
    assert [(s.rating, s.note) for s in store.sessions()] == [(7, "<b>sore</b>")]  # as typed
    # as the page sends it: no number picked, a blank note
    assert rating.handle({"do": "rate", "session": session, "rating": None,
                          "note": "   "}) is True
    assert [(s.rating, s.note) for s in store.sessions()] == [(None, None)]


def test_a_rating_off_the_scale_or_a_note_too_long_keeps_nothing(store: ProgressStore) -> None:
    session = _logged(store)
    rating = SessionRating(store)
    rating.ask_about(session)
    for number, note in ((11, None), (-1, None), ("3", None), (True, None),
                         (3, "x" * (MAX_NOTE_CHARS + 1))):
        assert rating.save(number, note) is False, (number, note)  # type: ignore[arg-type]
        assert rating.status["problem"]
    assert [(s.rating, s.note) for s in store.sessions()] == [(None, None)]
    assert rating.save(3, "x" * MAX_NOTE_CHARS) is True  # the longest note that fits


def test_practice_from_earlier_today_can_be_rated_later(tmp_path, monkeypatch) -> None:
    """A run cut short (a set, no exercise) or a rating skipped: My progress offers today's
    entries, and only today's, for a rating."""
    from thoracic import ProgressStore, rate_earlier_practice

    monkeypatch.setenv("THORACIC_TODAY", "2026-01-15")
    store = ProgressStore(tmp_path / "progress.sqlite3")
    cut_short = store.record_session("set", "Kneeling thoracic extension", 32, sets=1,
                                     day="2026-01-15")
    yesterday = store.record_session("exercise", "Child's pose", 80, sets=1, day="2026-01-14")
    later = rate_earlier_practice(store=store)
    assert later.config["later"] is True
    assert [entry["id"] for entry in later.kept["today"]] == [cut_short]
    assert later.handle({"do": "rate", "session": cut_short, "rating": 2, "note": "stiff"})
    assert [(s.rating, s.note) for s in store.sessions() if s.id == cut_short] == [(2, "stiff")]
    assert not later.handle({"do": "rate", "session": yesterday, "rating": 2, "note": None})
    assert "no finished practice" in later.status["problem"]
    assert "earlier today" in later.preview().text

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thoracic import ProgressStore, dashboard
from thoracic.authoring import sample_history

D = dt.date(2026, 1, 15)


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ProgressStore:
    monkeypatch.setenv("THORACIC_TODAY", D.isoformat())  # before any widget reads the date
    return ProgressStore(tmp_path / "progress.sqlite3")


def test_empty_history_is_a_friendly_message_not_empty_axes(store) -> None:
    shown = dashboard(store)
    assert "Nothing here yet" in shown.text and "<svg" not in shown.html


def test_full_dashboard_has_every_picture_with_alt_text(store) -> None:
    store.import_data(sample_history(D))
    shown = dashboard(store)
    assert shown.html.count("<svg") == 4 and shown.html.count('role="img"') == 4
    for start in ("Calendar of the last 26 weeks", "Bar chart of days practised",
                  "Line charts of each self-test", "Chart of your 0 to 10"):
        assert f'aria-label="Example with made-up data. {start}' in shown.html
    assert "may be noise" in shown.html.replace("±6: ", "")
    assert shown.text.splitlines()[0].startswith("Current streak:")


def test_same_history_same_bytes(store) -> None:
    store.import_data(sample_history(D))
    assert dashboard(store).html == dashboard(store).html


def test_notes_are_shown_as_text(store) -> None:
    first = store.record_session("exercise", "Child's pose", 75, day="2026-01-14")
    store.rate_session(first, 2, "<script>alert(1)</script> <b>x</b>")
    html = dashboard(store).html
    assert "<script>alert" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;" in html


def test_self_tests_alone_still_show_trends(store) -> None:
    store.record_self_test("neck-to-wall", 8, day="2026-01-01")
    store.record_self_test("neck-to-wall", 7, day="2026-01-08")
    shown = dashboard(store)
    assert "Neck-to-wall distance: first 8, latest 7 cm" in shown.text
    assert "Calendar" not in shown.text


def test_years_of_ratings_are_drawn_one_dot_a_week(store) -> None:
    data = {"format": "upper-back-relief-progress", "version": 1, "sessions": [
        {"id": f"s{n}", "day": (D - dt.timedelta(days=n)).isoformat(), "recorded_at": "t",
         "kind": "exercise", "exercise": "x", "sets": 1, "duration_seconds": 60.0,
         "rating": n % 11, "note": None} for n in range(800)]}
    store.import_data(data)
    html = dashboard(store).html
    assert "each week" in html and ">each day<" not in html
    assert "ratings on 800 days" in html


def test_one_day_of_ratings_gets_a_whole_day_axis(store) -> None:
    session = store.record_session("exercise", "childs-pose", 60.0, sets=2, day=D.isoformat())
    store.rate_session(session, 3, None)
    chart = dashboard(store).html
    assert "0.04" not in chart and "0.02" not in chart  # no fractions of a day
    assert "days since 15 Jan 2026" in chart


def test_the_made_up_sample_history_says_example_on_every_chart(store) -> None:
    store.import_data(sample_history(D))
    shown = dashboard(store)
    assert shown.html.count("EXAMPLE: made-up data") == 4
    assert shown.html.count('aria-label="Example with made-up data.') == 4


def test_a_learners_own_practice_is_not_called_an_example(store) -> None:
    store.import_data(sample_history(D))
    store.record_session("exercise", "childs-pose", 80.0, sets=1, day=D.isoformat())
    assert "EXAMPLE" not in dashboard(store).html

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import pytest

from thoracic import ProgressStore, dashboard
from thoracic.authoring import sample_history
from thoracic.content import DISCOMFORT_SCALE, NEXT_DAY_CHECK
from thoracic.progress import EXAMPLE_ID_PREFIX

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
    assert shown.text.splitlines()[0].startswith("Days in a row, up to now:")


def test_same_history_same_bytes(store) -> None:
    store.import_data(sample_history(D))
    assert dashboard(store).html == dashboard(store).html


def test_notes_are_shown_as_text(store) -> None:
    first = store.record_session("exercise", "Child's pose", 75, day="2026-01-14")
    store.rate_session(first, 2, "<script>alert(1)</script> <b>x</b>")
    html = dashboard(store).html
    assert "<script>alert" not in html and "<b>x</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;x&lt;/b&gt;" in html


def test_notes_give_their_day_as_the_page_does(store) -> None:
    """"14 Jan", and the year only when it is not this year's (it was 2026-01-14)."""
    for day in ("2026-01-14", "2025-12-30"):
        store.rate_session(store.record_session("exercise", "Open book", 60, day=day), 1, "ok")
    html = dashboard(store).html
    assert '<time datetime="2026-01-14">14 Jan</time>' in html
    assert '<time datetime="2025-12-30">30 Dec 2025</time>' in html


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
    assert shown.html.count("EXAMPLE: made-up data") == 5  # four charts, next-day table
    assert shown.html.count('aria-label="Example with made-up data.') == 5


def test_the_example_label_and_the_self_tests_keys_cover_no_title_or_result(
        store, monkeypatch) -> None:
    """Laid out as drawn: the example's label sits above every chart's title, and each
    self-test panel's key sits beside its plot, not on it."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from thoracic.practice import _dashboard

    drawn = []
    real = _dashboard.svg_figure
    monkeypatch.setattr(_dashboard, "svg_figure",
                        lambda fig, alt: drawn.append(fig) or real(fig, alt))
    store.import_data(sample_history(D))
    dashboard(store).html  # noqa: B018 (drawing is the point)
    assert len(drawn) == 4
    for fig in drawn:
        renderer = FigureCanvasAgg(fig).get_renderer()
        (label,) = [text for text in fig.texts if text.get_text() == "EXAMPLE: made-up data"]
        box = label.get_window_extent(renderer)
        for ax in fig.axes:
            assert not box.overlaps(ax.title.get_window_extent(renderer)), ax.get_title()
            assert not box.overlaps(ax.get_window_extent(renderer)), ax.get_title()
            if "change since your first test" in ax.get_title():
                key = ax.get_legend().get_window_extent(renderer)
                assert not key.overlaps(ax.get_window_extent(renderer))


def test_a_learners_own_practice_is_not_called_an_example(store) -> None:
    store.import_data(sample_history(D))
    store.record_session("exercise", "childs-pose", 80.0, sets=1, day=D.isoformat())
    assert "EXAMPLE" not in dashboard(store).html


# -- the discomfort zones and the next-day check -------------------------------------------

def _rated(store: ProgressStore, *ratings: int) -> None:
    for n, rating in enumerate(ratings):
        day = (D - dt.timedelta(days=len(ratings) - 1 - n)).isoformat()
        store.rate_session(store.record_session("exercise", "childs-pose", 60.0, sets=2,
                                                day=day), rating, None)


def _rating_chart(html: str) -> str:
    return next(figure for figure in html.split("<figure")
                if "Discomfort after practice" in figure)


def test_the_rating_chart_shows_the_zones_as_bands_with_their_words(store) -> None:
    _rated(store, 7, 5, 3, 2)
    shown = dashboard(store)
    chart = _rating_chart(shown.html)
    for zone in DISCOMFORT_SCALE.zones:
        assert f"{zone.symbol} {zone.word}" in chart  # named, not colour alone
        assert zone.colour.lower() in chart.lower()
    assert ("over bands for the zones: green 0 to 2 (carry on), amber 3 to 5 (stay at this "
            "dose), red 6 to 10 (stop and ease off)") in shown.text
    assert "First average 7.0 (red), latest 4.2 (amber)." in shown.text


def test_next_day_answers_are_shown_in_words_a_week_a_row(store) -> None:
    _rated(store, 4)
    for day, answer in (("2026-01-12", "better"), ("2026-01-13", "same"),
                        ("2026-01-15", "worse"), ("2025-12-01", "worse")):
        store.record_next_day_check(answer, day=day)
    shown = dashboard(store)
    table = shown.html[shown.html.index("<h3>The next-day check, last 4 weeks</h3>"):]
    table = table[:table.index("</table>")]
    assert '<table aria-label="The next-day check, last 4 weeks"' in table
    assert table.count("<tr><th scope=\"row\"") == 4  # weeks of 22 Dec to 12 Jan
    for option in NEXT_DAY_CHECK.answers:
        assert f'{option.symbol}</span> {option.answer}</td>' in table
        assert option.colour in table
    assert "2025-12-01" not in shown.html and ">1 Dec<" not in table  # older: left out
    assert ("The next-day check, last 4 weeks: better 1, about the same 1, worse 1."
            in shown.text)
    assert 'role="alert"' not in shown.html  # one "worse" is not yet a pattern


def test_worse_twice_in_a_row_repeats_the_advice(store) -> None:
    _rated(store, 4)
    store.record_next_day_check("worse", day="2026-01-14")
    store.record_next_day_check("worse", day="2026-01-15")
    shown = dashboard(store)
    advice = NEXT_DAY_CHECK.option("worse").advice
    assert 'role="alert"' in shown.html and escape(advice) in shown.html
    assert f"Your last 2 next-day checks all said worse. {advice}" in shown.text


def test_no_next_day_checks_yet_says_how_to_start(store) -> None:
    _rated(store, 4)
    shown = dashboard(store)
    assert f"No next-day checks yet. {escape(NEXT_DAY_CHECK.when)}" in shown.html
    assert "The next-day check, last" not in shown.html


def test_made_up_next_day_answers_say_example(store) -> None:
    data = sample_history(D)
    data["next_day_checks"] = [{"id": f"{EXAMPLE_ID_PREFIX}n1", "day": "2026-01-14",
                                "answer": "better", "recorded_at": "t"}]
    store.import_data(data)
    html = dashboard(store).html
    assert html.count("EXAMPLE: made-up data") == 5
    assert 'aria-label="Example with made-up data. The next-day check, last 4 weeks"' in html
    store.record_next_day_check("same", day=D.isoformat())  # the learner's own answer
    assert "EXAMPLE" not in dashboard(store).html


def test_same_answers_same_bytes(store) -> None:
    store.import_data(sample_history(D))
    store.record_next_day_check("worse", day="2026-01-14")
    assert dashboard(store).html == dashboard(store).html


def test_a_next_day_section_that_cannot_be_drawn_leaves_the_rest(
        store, monkeypatch: pytest.MonkeyPatch) -> None:
    _rated(store, 4)
    store.record_next_day_check("better", day=D.isoformat())

    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("bad answer")

    monkeypatch.setattr("thoracic.practice._dashboard.summarise_next_day", broken)
    shown = dashboard(store)
    assert "Could not draw the next-day check from your stored entries (bad answer)." in (
        shown.text)
    assert "Chart of your 0 to 10 discomfort ratings" in shown.text


def test_a_lock_held_by_another_program_still_shows_the_history(store) -> None:
    """Another program holds the write lock (it may hold it for minutes): the dashboard
    reads without needing the lock, so it shows the three sessions at once, never
    "Nothing here yet" (issue 22, finding 9)."""
    import sqlite3

    from thoracic.progress import LearnerStore

    for day in ("2026-01-13", "2026-01-14", "2026-01-15"):
        store.record_session("exercise", "Child's pose", 75.0, sets=1, rating=2, day=day)
    holder = sqlite3.connect(store.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        shown = dashboard(LearnerStore(store.path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Nothing here yet" not in shown.text
    assert shown.text.startswith("Days in a row, up to now: 3\n")


def test_the_dashboard_on_the_page_shows_a_new_answer_without_running_again(store) -> None:
    """Answering the next-morning check above the dashboard (notebook 12) redraws it at
    once: it no longer says "No next-day checks yet" until its cell runs again (issue 23,
    finding 4). A rating, a tick and a self-test redraw it the same way."""
    from thoracic.practice import LiveDashboard

    store.record_session("exercise", "Child's pose", 75.0, sets=1, rating=2, day="2026-01-14")
    shown = dashboard(store)
    assert isinstance(shown, LiveDashboard) and shown.kind == "dashboard"
    assert shown.kept["next_day_checks"] == [] and shown.kept["today"] == "2026-01-15"
    assert shown.kept["sessions"] == [{"day": "2026-01-14", "kind": "exercise",
                                       "exercise": "Child's pose", "duration_seconds": 75.0,
                                       "rating": 2, "note": None}]
    store.record_next_day_check("better", day="2026-01-15")
    assert shown.kept["next_day_checks"] == [{"day": "2026-01-15", "answer": "better"}]
    store.record_self_test("seated-rotation", 44.0, side="left", day="2026-01-15")
    assert shown.kept["self_tests"] == [{"day": "2026-01-15", "test": "seated-rotation",
                                         "side": "left", "value": 44.0, "method": "typed"}]
    assert "No self-tests yet" not in shown.preview().html  # what the stored notebook keeps
    assert shown.preview().html == shown.html


def test_an_answer_to_a_retired_question_no_longer_counts(store) -> None:
    """A question taken out of the quizzes keeps its answers in the history, but the
    knowledge-check line counts only the questions asked now, in both pictures."""
    from thoracic.content import load_questions

    current = load_questions()[0]
    store.record_quiz_answer(current.id, current.answer, True, day="2026-01-15")
    store.record_quiz_answer("a-question-since-retired", 0, True, day="2026-01-15")
    shown = dashboard(store)
    assert "Knowledge checks: 1 of 1 questions answered right" in shown.text
    assert shown.kept["quiz_answers"] == [{"question": current.id, "correct": True}]
    assert "a-question-since-retired" not in shown.config["questions"]
    assert current.id in shown.config["questions"]


def _saved(shown) -> dict:
    """The file the dashboard sends when Save is pressed (a message, never a trait)."""
    sent: list[dict] = []
    shown.send = lambda content, buffers=None: sent.append(content)
    assert shown.handle({"do": "save"}) and shown.status["problem"] == ""
    assert len(sent) == 1 and "file" not in shown.status
    return sent[0]["file"]


def test_the_progress_file_is_saved_and_loaded_under_the_dashboard(store, tmp_path) -> None:
    """In JupyterLab, as on the web pages: Save gives the file `thoracic progress --export`
    writes, and Load merges one, checked as `--import` checks it, saying what it did."""
    from thoracic.progress import progress_file_text, read_progress_file

    store.record_session("exercise", "Child's pose", 75.0, sets=1, day="2026-01-14")
    store.set_tick("daily-routine", "warm-up", True, day="2026-01-14")
    file = _saved(dashboard(store))
    assert file["name"] == "upper-back-relief-progress-2026-01-15.json"
    assert file["text"] == progress_file_text(store.export_data())
    (tmp_path / file["name"]).write_text(file["text"], encoding="utf-8")
    assert read_progress_file(tmp_path / file["name"]) == store.export_data()

    other = ProgressStore(tmp_path / "other" / "progress.sqlite3")
    shown = dashboard(other)
    raw = file["text"].encode()
    assert shown.handle({"do": "load", "name": file["name"], "size": len(raw)}, [raw])
    assert shown.status["report"]["added"]["sessions"] == 1
    assert shown.status["report"]["added"]["checklist_ticks"] == 1
    assert other.export_data() == store.export_data()
    assert shown.kept["sessions"][0]["exercise"] == "Child's pose"  # drawn again at once
    assert shown.handle({"do": "load", "name": file["name"], "size": len(raw)}, [raw])
    assert shown.status["report"]["skipped"]["sessions"] == 1  # nothing doubles


@pytest.mark.parametrize(("sent", "size", "says"), [
    (b'{"format": "someone-else"}', 26, "is not a progress export from this course"),
    (b"{]", 2, "is not a progress export (not valid JSON"),
    ("café".encode("latin-1"), 4, "is not a progress file (it is not UTF-8 text)"),
    (None, 10**9, "is too large to be a progress file (1,000,000,000 bytes"),
])
def test_a_file_that_cannot_be_loaded_is_refused_and_changes_nothing(
        store, sent, size, says) -> None:
    store.record_session("exercise", "Child's pose", 75.0, sets=1, day="2026-01-14")
    before = store.export_data()
    shown = dashboard(store)
    kept = shown.handle({"do": "load", "name": "mine.json", "size": size},
                        [sent] if sent is not None else ())
    assert not kept
    assert says in shown.status["problem"] and "Nothing was imported." in shown.status["problem"]
    assert "report" not in shown.status
    assert store.export_data() == before


def test_a_load_without_its_bytes_is_not_understood(store) -> None:
    shown = dashboard(store)
    assert not shown.handle({"do": "load", "name": "x.json", "size": 3, "buffers": ["{}"]})
    assert "does not understand" in shown.status["problem"]


def test_a_day_of_several_ratings_is_drawn_as_its_highest(store) -> None:
    """A bad session is never averaged away: the day's point and the average use its
    highest rating, in the notebook's chart (and the site's, which says so too)."""
    store.record_session("exercise", "Child's pose", 80, sets=1, day="2026-01-15", rating=2)
    store.record_session("exercise", "Open book", 80, sets=1, day="2026-01-15", rating=6)
    html = dashboard(store).html
    assert "(each day&#x27;s highest)" in html or "(each day's highest)" in html
    assert "First average 6.0" in html


def test_a_result_the_phone_measured_is_ringed_and_its_band_named(store) -> None:
    """My progress marks a measured result and draws the band of the way the latest result
    was taken (issue 26)."""
    store.record_self_test("seated-rotation", 40.0, side="left", day="2026-01-01")
    store.record_self_test("seated-rotation", 44.0, side="left", day="2026-01-15",
                           method="phone", tries=[43.5, 44.0, 45.1])
    shown = dashboard(store)
    assert [r["method"] for r in shown.kept["self_tests"]] == ["typed", "phone"]
    html = shown.preview().html
    assert "Measured by the phone" in html and "may be noise" in html and "(phone)" in html
    rotation = next(t for t in shown.config["self_tests"] if t["id"] == "seated-rotation")
    assert rotation["phone_noise"] == 10.0

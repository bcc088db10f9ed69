"""The printable week (``thoracic sheet``, ``sheet.html`` in the site): everything on it
comes from the records and the plan; it is one self-contained page with alt text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from html import escape, unescape
from pathlib import Path

import pytest

from thoracic._cli import main
from thoracic.base import today
from thoracic.content import (
    DISCOMFORT_SCALE,
    RED_FLAGS,
    URGENCIES,
    get_routine,
    load_progression,
)
from thoracic.plan import WeekPlan, plan_week
from thoracic.progress import progress_store
from thoracic.site import SHEET_PAGE, sheet_html, sheet_name, site_sheet
from thoracic.site._export import _index_page

WEDNESDAY = dt.date(2025, 3, 5)
WEEK = [dt.date(2025, 3, 3) + dt.timedelta(days=n) for n in range(7)]
ROUTINE_IDS = list(get_routine("strength-day").exercise_ids)  # the daily four, then one more


@pytest.fixture
def first_week() -> WeekPlan:
    return plan_week((), (), WEDNESDAY)


def _busy(plan: WeekPlan) -> WeekPlan:
    """A later week where every exercise has its own long reason (the fullest sheet)."""
    say = load_progression().say
    return dataclasses.replace(plan, week_number=5, example=True, exercises=tuple(
        dataclasses.replace(week, level="easier",
                            reason=say["step_down"].format(why=say["red"], level=f"step {n}"))
        for n, week in enumerate(plan.exercises)))


def _exercise_part(html: str, exercise_id: str) -> str:
    found = re.search(rf'<tbody class="exercise" data-exercise="{exercise_id}">(.*?)</tbody>',
                      html, re.DOTALL)
    assert found, exercise_id
    return found.group(1)


def test_it_is_one_complete_page_with_nothing_outside_it(first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">") and html.endswith("</html>\n")
    assert "<script" not in html.lower()
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.IGNORECASE)
    # no file, page or address it needs (the pictures' own #ids are inside it)
    assert not re.search(r'\b(src|href)="(?!#)', html)
    assert not re.search(r"url\((?!#)", html) and "@import" not in html


@pytest.mark.parametrize(("paper", "size"), [("a4", "A4"), ("letter", "Letter")])
def test_print_css_sets_the_paper(first_week: WeekPlan, paper: str, size: str) -> None:
    html = sheet_html(first_week, paper=paper)  # type: ignore[arg-type]
    assert re.search(rf"@page \{{ size: {size}; margin: [^}}]+\}}", html)
    assert f"Choose {size} paper" in html


def test_an_unknown_paper_is_refused(first_week: WeekPlan) -> None:
    with pytest.raises(ValueError, match="'a4' or 'letter'"):
        sheet_html(first_week, paper="a3")  # type: ignore[arg-type]


def test_no_text_is_set_smaller_than_9_pt(first_week: WeekPlan) -> None:
    css = re.search(r"<style>(.*?)</style>", sheet_html(first_week), re.DOTALL)
    assert css
    base = re.search(r"html \{[^}]*font-size: ([\d.]+)pt", css.group(1))
    assert base and float(base.group(1)) >= 9.5
    for value, unit in re.findall(r"font-size: ([\d.]+)(pt|em|px|%)", css.group(1)):
        assert unit in ("pt", "em"), f"font-size {value}{unit}"
        assert float(value) * (float(base.group(1)) if unit == "em" else 1) >= 9, value


def test_title_names_the_week_and_its_dates(first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    assert _heading(html) == "Your upper back routine: week 1, your first week"
    assert "Monday 3 March to Sunday 9 March 2025" in _text(html)
    later = sheet_html(_busy(first_week))
    assert _heading(later) == "Your upper back routine: week 5" and "first week" not in later


def _heading(html: str) -> str:
    return _text(html[html.index("<h1>"):html.index("</h1>")])


def test_a_week_across_the_new_year_names_both_years() -> None:
    html = sheet_html(plan_week((), (), dt.date(2025, 12, 31)))
    assert "Monday 29 December 2025 to Sunday 4 January 2026" in _text(html)
    # each day marked for the web pages, which move it to the week they are read in
    assert '<time datetime="2025-12-29" data-week-day="0" data-year>' in html


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("exercise_id", ROUTINE_IDS)
def test_each_exercise_has_its_picture_dose_and_first_three_cues(
        first_week: WeekPlan, exercise_id: str) -> None:
    week = first_week.for_exercise(exercise_id)
    for plan in (first_week, _busy(first_week)):
        planned = plan.for_exercise(exercise_id)
        part = _exercise_part(sheet_html(plan), exercise_id)
        assert f'<h2 class="name">{escape(planned.exercise.name)}' in part
        assert (f'</strong> <span data-plan-dose="{exercise_id}">'
                f"{escape(planned.dose.describe())}</span>. ") in part
        assert f"Aim for {planned.target_sessions} days." in part
        cues = re.findall(r'<li data-cue="([^"]+)">(.*?)</li>', part)
        assert [(ident, unescape(text)) for ident, text in cues] == [
            (cue.id, cue.text) for cue in week.exercise.form_cues[:3]]
        svgs = re.findall(r'<svg [^>]*aria-label="([^"]+)"[^>]*>\s*<title>([^<]+)</title>', part)
        assert len(svgs) == 1 and len(svgs[0][0]) > 40 and svgs[0][0] == svgs[0][1]


def test_the_dose_is_this_weeks_from_the_plan(first_week: WeekPlan) -> None:
    busy = _busy(first_week)
    html = sheet_html(busy)
    for planned in busy.exercises:
        easier = planned.exercise.doses["easier"].describe()
        assert escape(easier) in _exercise_part(html, planned.exercise.id)
        standard = planned.exercise.dose.describe()
        assert escape(standard) + "</span>." not in _exercise_part(html, planned.exercise.id)


def test_one_shared_reason_is_said_once_and_different_ones_on_their_rows(
        first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    (reason,) = {week.reason for week in first_week.exercises}
    assert html.count(escape(reason)) == 1
    assert ('<p class="note why-all"><strong>Your plan:</strong> <span data-plan-why-all>'
            f"{escape(reason)}</span></p>") in html
    busy = _busy(first_week)
    html = sheet_html(busy)
    assert "why-all" not in html
    for planned in busy.exercises:
        part = _exercise_part(html, planned.exercise.id)
        assert (f'<span class="why" data-plan-why="{planned.exercise.id}">'
                f"{escape(planned.reason)}</span>") in part


def test_the_daily_routine_first_then_the_strength_exercise_marked(first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    daily, strength = get_routine("daily"), get_routine("strength-day")
    order = re.findall(r'data-exercise="([^"]+)"', html)
    assert order == ROUTINE_IDS
    assert escape(daily.how_often) in html and escape(strength.how_often) in html
    (extra,) = [ident for ident in strength.exercise_ids if ident not in daily.exercise_ids]
    assert '<span class="strength-mark">On 2 or 3 days a week</span>' in _exercise_part(
        html, extra)
    for ident in daily.exercise_ids:
        assert "strength-mark" not in _exercise_part(html, ident)


@pytest.mark.parametrize("exercise_id", ROUTINE_IDS)
def test_each_exercise_has_a_tick_box_for_each_day_of_the_week(
        first_week: WeekPlan, exercise_id: str) -> None:
    part = _exercise_part(sheet_html(first_week), exercise_id)
    days = re.findall(r'<td class="tick" data-day="([\d-]+)" data-short="(\w+)"><span '
                      r'class="box" role="img" aria-label="([^"]+)"></span></td>', part)
    assert [day for day, _, _ in days] == [day.isoformat() for day in WEEK]
    assert [short for _, short, _ in days] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert all(label.startswith("Tick box for ") for _, _, label in days)
    # the weekday only: the column's head has the date, which the web pages keep current
    assert days[0][2].endswith(", Monday") and days[6][2].endswith(", Sunday")


def test_the_grid_is_headed_mon_to_sun(first_week: WeekPlan) -> None:
    heads = re.findall(r'<th scope="col" class="day"><abbr title="([^"]+)">(\w+)</abbr><br>'
                       r'<time datetime="[\d-]+" data-week-day="\d" data-number>(\d+)</time>'
                       r"</th>", sheet_html(first_week))
    assert [(short, int(number)) for _, short, number in heads] == [
        (name, day.day) for name, day in zip(
            ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], WEEK, strict=True)]


def test_the_discomfort_scale_in_words_numbers_symbols_and_colours(first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    # The question says what is rated (pain, not the stretch) beside its anchors.
    assert f"{escape(DISCOMFORT_SCALE.question)} {escape(DISCOMFORT_SCALE.anchors)}." in html
    zones = re.findall(r'<div class="zone" data-zone="(\w+)">(.*?)</div></div>', html)
    assert [name for name, _ in zones] == [zone.name for zone in DISCOMFORT_SCALE.zones]
    for zone, (_, part) in zip(DISCOMFORT_SCALE.zones, zones, strict=True):
        numbers = re.findall(rf'<span style="background:{zone.colour};color:#000000">(\d+)'
                             r"</span>", part)
        assert numbers == [str(n) for n in range(zone.lowest, zone.highest + 1)]
        assert f"{escape(zone.symbol)}</span> <strong>{zone.word}:</strong> " \
               f"{escape(zone.label)}" in part  # never colour alone


def test_a_rating_box_for_each_day(first_week: WeekPlan) -> None:
    rating = re.search(r'<tr class="rating">(.*?)</tr>', sheet_html(first_week), re.DOTALL)
    assert rating
    assert re.findall(r'data-day="([\d-]+)"', rating.group(1)) == [d.isoformat() for d in WEEK]


def test_the_red_flag_reminder_comes_from_the_records(first_week: WeekPlan) -> None:
    html = sheet_html(first_week)
    flags = re.search(r'<section class="flags"[^>]*>(.*?)</section>', html, re.DOTALL)
    assert flags
    emergency = URGENCIES[0]
    assert emergency.urgency == "emergency"
    assert f"<h2>{escape(emergency.heading)}</h2>" in flags.group(1)
    assert f"<strong>{escape(emergency.action)}</strong>" in flags.group(1)
    shown = [unescape(text) for text in re.findall(r"<li>(.*?)</li>", flags.group(1))]
    assert shown == [flag.short for flag in RED_FLAGS if flag.urgency == "emergency"]
    assert all(shown)  # every emergency has its few words for the sheet
    assert "stop and see the safety check in notebook 00 (Start here)" in flags.group(1)


def test_every_image_has_alt_text(first_week: WeekPlan) -> None:
    html = sheet_html(_busy(first_week))
    svgs = re.findall(r"<svg [^>]*>", html)
    assert len(svgs) == len(ROUTINE_IDS)
    assert all(re.search(r'aria-label="[^"]{20,}"', tag) and 'role="img"' in tag for tag in svgs)
    for tag in re.findall(r'<[^>]+role="img"[^>]*>', html):
        assert re.search(r'aria-label="[^"]+"', tag), tag


def test_an_example_plan_says_so(first_week: WeekPlan) -> None:
    assert "This is an example" not in sheet_html(first_week)
    example = sheet_html(dataclasses.replace(first_week, example=True))
    assert '<p class="example">This is an example.' in example


def test_the_sample_history_makes_an_example_sheet() -> None:
    store = progress_store()  # the tests' own folder, seeded with the made-up history
    plan = plan_week(store.sessions(), store.next_day_checks(), today())
    assert plan.example
    assert '<p class="example">This is an example.' in sheet_html(plan)


def test_the_site_sheet_shows_a_first_week_at_the_standard_doses() -> None:
    html = site_sheet(on=WEDNESDAY)
    assert "your first week" in html and "This is an example" not in html
    plan = plan_week((), (), WEDNESDAY)
    assert all(week.level == "standard" for week in plan.exercises)
    # the printed sheet, with a way back home on screen and the site's scripts in its head
    home = html[html.index("<nav"):html.index("</nav>") + len("</nav>")]
    assert 'href="index.html"' in home and 'class="screen-only home"' in home
    assert html.replace(home, "") == sheet_html(plan, live=True)
    # live: both ways of giving the reasons, for the site's script to pick from
    assert "why-all" in html and html.count(' class="why" data-plan-why=') == len(ROUTINE_IDS)
    with_head = site_sheet(on=WEDNESDAY, head='<script src="_static/site.js"></script>')
    assert '<script src="_static/site.js"></script></head>' in with_head


def test_the_site_index_links_the_sheet() -> None:
    assert f'<a href="{SHEET_PAGE}">A sheet for your fridge</a>' in _index_page()




def test_the_command_writes_the_sheet_and_says_how_to_print_it(
        own_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sheet"]) == 0
    plan = plan_week((), (), today())
    written = own_store / sheet_name(plan)
    assert written.name == "upper-back-relief-week-1.html"
    assert written.read_text("utf-8") == sheet_html(plan)
    out = capsys.readouterr().out
    assert str(written.resolve()) in out and "Ctrl+P" in out and "A4 paper" in out


def test_the_command_takes_paper_and_out(own_store: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = own_store / "fridge.html"
    assert main(["sheet", "--paper", "letter", "--out", str(target)]) == 0
    assert "@page { size: Letter;" in target.read_text("utf-8")
    assert "Letter paper" in capsys.readouterr().out
    folder = own_store / "sheets"
    folder.mkdir()
    assert main(["sheet", "--out", str(folder)]) == 0  # a folder: the usual name inside it
    assert (folder / "upper-back-relief-week-1.html").is_file()


def test_an_unwritable_place_is_one_clear_line(own_store: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    target = own_store / "no-such-folder" / "sheet.html"
    assert main(["sheet", "--out", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"thoracic sheet: cannot write {target} (No such file or "
                            "directory). Choose a file in a folder you can write to with "
                            "--out.\n")

"""``thoracic sheet``: this week's routine on one printed page, for the fridge.

One self-contained HTML page (no files beside it, no scripts): each exercise's picture,
this week's dose from the plan with the reason, three form cues and a tick box for each
day; the discomfort scale in words, numbers, symbols and colours; and the red flags that
mean getting help now. Every fact comes from the records in ``thoracic.content`` and the
plan; the print CSS keeps it to one A4 or Letter page.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Literal

from ..base import minutes_text, this_week_day, today, weekday
from ..content import (
    DISCOMFORT_SCALE,
    RED_FLAGS,
    URGENCIES,
    DiscomfortZone,
    get_routine,
    notebook_by_slug,
)
from ..figures import exercise_diagram
from ..plan import ExerciseWeek, WeekPlan, plan_week
from ..timer import routine_minutes

__all__ = ["SHEET_PAGE", "Paper", "sheet_html", "sheet_name", "site_sheet"]

Paper = Literal["a4", "letter"]
SHEET_PAGE = "sheet.html"  # its name in the exported site
CUES_SHOWN = 3
# How wide each exercise's picture prints; its words are drawn to read at that size.
PICTURE_MM = 41

_PAGE_SIZE: dict[Paper, str] = {"a4": "A4", "letter": "Letter"}
# Black text on every zone colour (the course's palette is chosen for it).
_INK = "#000000"
_HOW = "Each day you do an exercise, tick its box."

# One page on both papers: A4 is the narrower (190 mm inside its side margins), Letter
# the shorter (263 mm inside its top and bottom ones), so the layout is made for 190 mm by
# 263 mm; a browser test prints both. Lengths are in mm, text in em of the 9.5 pt body
# (nothing prints smaller than 9 pt, nor the pictures' words than 8 pt); on screen the same
# page is set larger.
_CSS = """
@page { size: PAPER_SIZE; margin: 8mm 10mm; }
* { box-sizing: border-box; }
html { color: #000; background: #fff; font-family: "Liberation Sans", Arial, Helvetica,
       "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.2; }
body { margin: 0 auto; max-width: 190mm; -webkit-print-color-adjust: exact;
       print-color-adjust: exact; }
header .top { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 5mm;
               justify-content: space-between; margin-bottom: 1mm; }
h1 { font-size: 1.6em; margin: 0; line-height: 1.15; }
h2 { font-size: 1.15em; margin: 0 0 1mm; }
h2.name { font-size: 1.1em; margin: 0; }
p { margin: 0 0 1mm; }
.dates { font-size: 1.15em; font-weight: bold; margin: 0; }
.note { border-left: 1.2mm solid #0072B2; padding: 0.3mm 2mm; margin: 1mm 0; }
.example { border: 0.6mm dashed #000; padding: 1mm 2mm; font-weight: bold; }
table.week { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 1mm; }
.week col.day { width: 8mm; }
.week th, .week td { padding: 0.8mm 0.8mm; vertical-align: top; text-align: left; }
.week thead th { font-size: 0.95em; text-align: center; vertical-align: bottom; padding: 0 0 0.5mm;
                 border-bottom: 0.3mm solid #000; }
.week thead th.left { text-align: left; }
.week tbody { break-inside: avoid; page-break-inside: avoid; }
.week tbody.exercise, .week tbody.rating { border-bottom: 0.3mm solid #999; }
.week tbody.group th { background: #e8f1f8; font-weight: normal; padding: 0.6mm 1.5mm;
                       border-bottom: 0.3mm solid #0072B2; }
.week td.what { padding-right: 2mm; }
.week td.pic { padding: 0.5mm 0 0; }
.week td.pic figure { margin: 0 auto !important; max-width: PICTURE_MMmm !important; }
.week td.pic svg { display: block; width: 100% !important; height: auto; }
.week td.tick { text-align: center; vertical-align: bottom; padding: 0.5mm 0 1mm; }
.week tbody.rating td.tick, .week tbody.rating th { vertical-align: middle; }
.box { display: block; width: 6.5mm; height: 6.5mm; margin: 0 auto; border: 0.4mm solid #000;
       border-radius: 1mm; background: #fff; }
.dose { margin: 0.4mm 0; }
.why { font-style: italic; }
ul.cues { margin: 0.4mm 0 0; padding-left: 4.5mm; }
ul.cues li { margin: 0; }
.strength-mark { display: inline-block; border: 0.4mm solid #000; border-radius: 1mm;
                 padding: 0 1mm; margin-left: 1.5mm; font-size: 0.95em; font-weight: bold; }
.week tbody.scale th { font-weight: normal; padding-top: 1.2mm; }
.zones { display: flex; flex-wrap: wrap; gap: 1mm 4mm; margin-top: 0.8mm; }
.zone { display: flex; align-items: center; gap: 1.2mm; }
.numbers { display: flex; gap: 0.3mm; }
.numbers span { min-width: 4.6mm; text-align: center; font-weight: bold; padding: 0.3mm 0.3mm;
                border: 0.3mm solid #000; }
.flags { margin-top: 1.5mm; border: 0.6mm solid #D55E00; border-radius: 1.5mm; padding: 1mm 2.5mm;
         break-inside: avoid; }
.flags h2 { display: inline; margin: 0; }
.flags ul { margin: 0.3mm 0 0.5mm; padding-left: 4.5mm; columns: 2; column-gap: 5mm; }
.screen-only { border: 0.3mm solid #0072B2; border-radius: 1.5mm; padding: 1mm 3mm;
               margin-bottom: 3mm; background: #f3f8fc; }
.home a { display: inline-block; min-height: 44px; line-height: 44px; }
@media screen {
  html { font-size: 12pt; background: #eee; }
  body { background: #fff; padding: 8mm; margin: 4mm auto; max-width: 206mm;
         box-shadow: 0 0 2mm rgba(0, 0, 0, 0.25); }
  .week col.day { width: 10mm; }
  .week td.pic figure { max-width: 64mm !important; }
}
@media screen and (max-width: 640px) {  /* a phone: one column, the days in a row */
  html { font-size: 11pt; }
  body { padding: 4mm; margin: 0; box-shadow: none; }
  table.week, .week tbody, .week tr, .week td, .week th { display: block; }
  .week thead { display: none; }
  .week td.what { padding-right: 0.8mm; }
  .week td.pic figure { max-width: 100% !important; }
  .week tr.ticks, .week tr.rating { display: flex; flex-wrap: wrap; }
  .week tr.rating th { flex: 1 1 100%; }
  .week td.tick { flex: 1 1 0; }
  .week td.tick::before { content: attr(data-short); display: block; font-size: 0.95em; }
}
@media print {
  .screen-only { display: none; }
}
"""

def _css(paper: Paper) -> str:
    return _CSS.replace("PAPER_SIZE", _PAGE_SIZE[paper]).replace("PICTURE_MM", str(PICTURE_MM))


def _dates(plan: WeekPlan) -> str:
    """The week's first and last days, as HTML that the web pages keep current."""
    start, end = plan.week_start, plan.week_start + dt.timedelta(days=6)
    return (f"{this_week_day(start, year=start.year != end.year)} to "
            f"{this_week_day(end, year=True)}")


def _tick(day: dt.date, label: str) -> str:
    name = weekday(day)  # the same column every week: no date to go stale
    return (f'<td class="tick" data-day="{day.isoformat()}" data-short="{name[:3]}">'
            f'<span class="box" role="img" aria-label="{escape(label)}, {name}"></span></td>')


def _exercise_rows(week: ExerciseWeek, days: list[dt.date], *, reason: bool,
                   strength_mark: str, live: bool) -> str:
    """One exercise: its words on the left; its picture, with a tick box under it for each
    day, on the right (the picture uses the room above the boxes)."""
    exercise = week.exercise
    cues = "".join(f'<li data-cue="{escape(cue.id)}">{escape(cue.text)}</li>'
                   for cue in exercise.form_cues[:CUES_SHOWN])
    mark = (f'<span class="strength-mark">{escape(strength_mark)}</span>'
            if strength_mark else "")
    why = (f' <span class="why" data-plan-why="{escape(exercise.id)}"{"" if reason else " hidden"}>'
           f"{escape(week.reason)}</span>" if reason or live else "")
    ticks = "".join(_tick(day, f"Tick box for {exercise.name}") for day in days)
    ident = escape(exercise.id)
    return (f'<tbody class="exercise" data-exercise="{ident}">'
            f'<tr><td class="what" rowspan="2"><h2 class="name">{escape(exercise.name)}{mark}</h2>'
            f'<p class="dose"><strong>This week:</strong> <span data-plan-dose="{ident}">'
            f"{escape(week.dose.describe())}</span>. "
            f"Aim for {week.target_sessions} days.{why}</p>"
            f'<ul class="cues">{cues}</ul></td>'
            f'<td class="pic" colspan="7">'
            f"{exercise_diagram(exercise.id, printed_mm=PICTURE_MM).html}</td></tr>"
            f'<tr class="ticks">{ticks}</tr></tbody>')


def _routine_minutes(routine_id: str, plan: WeekPlan) -> str:
    return (f'<span data-plan-minutes="{routine_id}">'
            f"{minutes_text(60 * routine_minutes(routine_id, versions=plan.levels))}</span>")


def _strength_mark(how_often: str) -> str:
    """The "2 or 3 days a week" part of the strength routine's record, its first clause."""
    first = how_often.split(",")[0].split("(")[0].strip().rstrip(".")
    return first[:1].upper() + first[1:]


def _week_table(plan: WeekPlan, *, reasons: bool, live: bool) -> str:
    daily, strength = get_routine("daily"), get_routine("strength-day")
    days = [plan.week_start + dt.timedelta(days=n) for n in range(7)]
    head = "".join(f'<th scope="col" class="day"><abbr title="{weekday(day)}">'
                   f"{weekday(day)[:3]}</abbr><br>{this_week_day(day, number=True)}</th>"
                   for day in days)
    extra = [ident for ident in strength.exercise_ids if ident not in daily.exercise_ids]
    mark = _strength_mark(strength.how_often)
    parts = [f'<tbody class="group"><tr><th colspan="8" scope="colgroup"><strong>'
             f"{escape(daily.name)}</strong>, about {_routine_minutes('daily', plan)}. "
             f"{escape(daily.how_often)}</th></tr></tbody>"]
    parts += [_exercise_rows(plan.for_exercise(ident), days, reason=reasons, strength_mark="",
                                 live=live)
              for ident in daily.exercise_ids]
    if extra:
        parts.append(f'<tbody class="group"><tr><th colspan="8" scope="colgroup"><strong>'
                     f"{escape(strength.name)}</strong>, about "
                     f"{_routine_minutes('strength-day', plan)}: the daily routine, then "
                     f"this. {escape(strength.how_often)}</th></tr></tbody>")
        parts += [_exercise_rows(plan.for_exercise(ident), days, reason=reasons,
                                 strength_mark=mark, live=live) for ident in extra]
    scale = DISCOMFORT_SCALE
    zones = "".join(_zone(zone) for zone in scale.zones)
    ratings = "".join(_tick(day, "Box for your discomfort rating") for day in days)
    parts.append(f'<tbody class="scale"><tr><th colspan="8" scope="colgroup">'
                 f"<strong>How did it feel?</strong> {escape(scale.question)} "
                 f"{escape(scale.anchors)}."
                 f'<div class="zones">{zones}</div></th></tr>'
                 f'<tr class="rating"><th scope="row">Write a number from {scale.lowest} to '
                 f"{scale.highest} in the box for the day.</th>"
                 f"{ratings}</tr></tbody>")
    return ('<table class="week"><colgroup><col class="what">' + '<col class="day">' * 7
            + "</colgroup>"
            f'<thead><tr><th scope="col" class="left">{escape(_HOW)}</th>'
            f"{head}</tr></thead>{''.join(parts)}</table>")


def _zone(zone: DiscomfortZone) -> str:
    """One zone: its numbers on its colour, then its symbol, word and what to do, so the
    colour is never the only sign."""
    numbers = "".join(f'<span style="background:{zone.colour};color:{_INK}">{n}</span>'
                      for n in range(zone.lowest, zone.highest + 1))
    return (f'<div class="zone" data-zone="{zone.name}"><div class="numbers">{numbers}</div>'
            f'<div><span aria-hidden="true">{escape(zone.symbol)}</span> '
            f"<strong>{escape(zone.word)}:</strong> {escape(zone.label)}</div></div>")


def _flags_section() -> str:
    emergency = URGENCIES[0]
    flags = "".join(f"<li>{escape(flag.short)}</li>" for flag in RED_FLAGS
                    if flag.urgency == emergency.urgency)
    safety = notebook_by_slug("start-here")
    return ('<section class="flags" aria-label="Red flags">'
            f'<div class="flags-head"><h2>{escape(emergency.heading)}</h2> if you have any '
            "of these:</div>"
            f"<ul>{flags}</ul>"
            f"<p><strong>{escape(emergency.action)}</strong></p>"
            "<p>If something else worries you, or feels new or wrong, stop and see the safety "
            f"check in notebook {safety.number:02d} ({escape(safety.title)}).</p></section>")


def sheet_html(plan: WeekPlan, *, paper: Paper = "a4", head: str = "", home: str = "",
               live: bool = False) -> str:
    """This week's routine as one printable page of HTML (A4 or US Letter), complete in
    itself: no files beside it and no scripts. The site's copy adds its scripts (``head``),
    a link home shown on screen (``home``, its address) and, being ``live``, both ways of
    giving the plan's reasons (one for all, or one a row), so that its script can show the
    one that fits the device's own plan; what the plan fills in is marked ``data-plan``."""
    if paper not in _PAGE_SIZE:
        raise ValueError(f"The paper is 'a4' or 'letter', not {paper!r}.")
    first = plan.week_number == 1
    title = (f"Your upper back routine: week <span data-plan-week>{plan.week_number}</span>"
             + (f"<span data-plan-first{'' if first else ' hidden'}>, your first week</span>"
                if first or live else ""))
    reasons = {week.reason for week in plan.exercises}
    one_reason = len(reasons) == 1
    notes = []
    if plan.example:
        notes.append('<p class="example">This is an example. It is made from a made-up practice '
                     "history, not from yours, so these doses are not your own.</p>")
    if one_reason or live:
        notes.append(f'<p class="note why-all"{"" if one_reason else " hidden"}>'
                     f"<strong>Your plan:</strong> <span data-plan-why-all>"
                     f"{escape(plan.exercises[0].reason)}</span></p>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
        f"<title>Your upper back routine: week {plan.week_number} · Upper Back Relief</title>"
        f"<style>{_css(paper)}</style>{head}</head><body>"
        + (f'<nav class="screen-only home" aria-label="Back"><a href="{escape(home)}">'
           "\u2190 Back to Today</a></nav>" if home else "")
        + '<aside class="screen-only" aria-label="How to print"><p>This page is made for '
        "printing, on one sheet of paper. To "
        "print it, press Ctrl+P (on a Mac, Cmd+P). Choose "
        f"{_PAGE_SIZE[paper]} paper, and turn on \"Background graphics\" to print the colours. "
        "Then put it on your fridge, or anywhere you will see it every day.</p></aside>"
        f'<header><div class="top"><h1>{title}</h1>'
        f'<p class="dates">{_dates(plan)}</p></div>'
        f"{''.join(notes)}</header>"
        f"<main>{_week_table(plan, reasons=not one_reason, live=live)}"
        f"{_flags_section()}</main>"
        "</body></html>\n")


def sheet_name(plan: WeekPlan) -> str:
    """The file name ``thoracic sheet`` writes by default."""
    return f"upper-back-relief-week-{plan.week_number}.html"


def site_sheet(*, head: str = "", on: dt.date | None = None) -> str:
    """The sheet in the exported site, made with a first week's standard doses; ``head``
    (the site's scripts) moves its dates to the week it is read in and fills in the plan
    the device's own history gives, and a link leads back home."""
    return sheet_html(plan_week((), (), on or today()), head=head, home="index.html",
                      live=True)

"""Rich displays for notebooks: exercise cards, the red-flag list, the course map, the routine.

Each function returns a small object that Jupyter shows as HTML and a console shows as
plain text. All text is HTML-escaped, so nothing in the data can inject markup.
"""

from __future__ import annotations

from html import escape

from ..base import BOX_STYLE, Rendered, html_list, html_table, minutes_text, text_list
from ..content import (
    COURSE,
    Exercise,
    flags_by_urgency,
    floor_help,
    get_exercise,
    get_routine,
    load_exercises,
    load_progression,
)
from ..timer import GET_READY_SECONDS, ROUTINE_CHANGEOVER_SECONDS, routine_plan

__all__ = ["course_map", "dose_story", "routine_summary", "show_exercise", "show_red_flags",
           "stop_rules"]

# The stop rules every exercise shares come first in each record (a test checks).
_EXPECTED = ("A mild stretch, or the feeling of muscles working, is expected. It is not pain. "
             "Stop the exercise if:")

def _card_sections(exercise: Exercise) -> list[tuple[str, list[str] | str, bool]]:
    """(heading, content, ordered) in reading order; content is a list or one paragraph."""
    help = floor_help()
    return [
        ("What it is for", exercise.purpose, False),
        ("You need", list(exercise.equipment), False),
        ("Get into position", list(exercise.setup), True),
        ("Do the movement", list(exercise.steps), True),
        ("Breathing", exercise.breathing, False),
        ("How much", f"{exercise.dose.describe().capitalize()}. About "
                     f"{minutes_text(exercise.dose.total_seconds)} in all. {exercise.dose_reason}",
         False),
        ("Check your form", [cue.text for cue in exercise.form_cues], False),
        ("Common mistakes", list(exercise.common_mistakes), False),
        ("Make it easier", exercise.easier, False),
        ("Make it harder", exercise.harder, False),
        *([("Longer holds, for older adults", exercise.longer_holds, False)]
          if exercise.longer_holds else []),
        *([("Off the floor: the chair or standing version", exercise.chair, False)]
          if exercise.chair else []),
        ("Skip it or change it if", list(exercise.skip_or_modify), False),
        ("Stop if", list(exercise.stop_if), False),
        ("When the dose changes", list(load_progression().story), False),
        ("Getting down to the floor", list(help.down), True),
        ("Getting up again", [*help.up, help.note], True),
    ]


def show_exercise(exercise_id: str) -> Rendered:
    """The full exercise card for one exercise, from its data record."""
    exercise = get_exercise(exercise_id)
    html = [f'<section class="thoracic-card" style="{BOX_STYLE}" '
            f'aria-label="{escape(exercise.name)}">',
            f"<h3>{escape(exercise.name)}</h3>"]
    text = [exercise.name.upper()]
    for heading, content, ordered in _card_sections(exercise):
        html.append(f"<h4>{escape(heading)}</h4>")
        text.append(f"\n{heading}:")
        if isinstance(content, str):
            html.append(f"<p>{escape(content)}</p>")
            text.append(f"  {content}")
        else:
            html.append(html_list(content, ordered))
            text.append(text_list(content, ordered))
    html.append("</section>")
    return Rendered("".join(html), "\n".join(text))


def _boxed(label: str, heading: str, parts: list[tuple[str, list[str] | str]]) -> Rendered:
    html = [f'<section style="{BOX_STYLE}" aria-label="{escape(label)}">',
            f"<h3>{escape(heading)}</h3>"]
    text = [heading]
    for lead, content in parts:
        if isinstance(content, str):
            html.append(f"<p>{escape(content)}</p>")
            text.append(content)
        else:
            if lead:
                html.append(f"<p>{escape(lead)}</p>")
                text.append(lead)
            html.append(html_list(content, False))
            text.append(text_list(content, False))
    html.append("</section>")
    return Rendered("".join(html), "\n".join(text))


def stop_rules() -> Rendered:
    """The stop rules every exercise shares, from the exercise records."""
    shared = load_exercises()[0].stop_if  # every record starts with the shared rules
    common = [rule for rule in shared
              if all(rule in exercise.stop_if for exercise in load_exercises())]
    return _boxed("When to stop", "When to stop an exercise", [(_EXPECTED, common)])


def dose_story() -> Rendered:
    """When and how the plan changes an exercise's dose, from the progression rules."""
    return _boxed("When the dose changes", "When the dose changes",
                  [("", list(load_progression().story))])


def show_red_flags() -> Rendered:
    """The red flags grouped by urgency, most urgent first, each group with what to do and
    each flag with its source."""
    html = [f'<section style="{BOX_STYLE}" aria-label="Red flags">',
            "<h3>Red flags: does any of these fit you?</h3>"]
    text = ["Red flags: does any of these fit you?"]
    for advice, flags in flags_by_urgency():
        html.append(f"<h4>{escape(advice.heading)}</h4><p><strong>{escape(advice.action)}"
                    "</strong></p><ul>")
        html.extend(f"<li>{escape(flag.text)} <small>(Source: {escape(flag.source)})</small>"
                    "</li>" for flag in flags)
        html.append("</ul>")
        text.append(f"{advice.heading}: {advice.action}")
        text.extend(f"  - {flag.text}" for flag in flags)
    html.append("</section>")
    return Rendered("".join(html), "\n".join(text))


def course_map() -> Rendered:
    """A table of every notebook with a link and a one-line summary."""
    html = html_table("Course map", ("No.", "Notebook", "What you do there"), [
        (f"{info.number:02d}", f'<a href="{escape(info.filename)}">{escape(info.title)}</a>',
         escape(info.summary)) for info in COURSE], whole={0})
    text = "\n".join(f"{info.number:02d}  {info.title}: {info.summary}" for info in COURSE)
    return Rendered(html, text)


def routine_summary(routine: str = "daily") -> Rendered:
    """A routine as a table: each exercise, its dose and time, the total, and how often.

    ``routine`` is ``"daily"`` (the short one) or ``"strength-day"`` (the longer one with
    strength work).
    """
    chosen = get_routine(routine)
    total = routine_plan(chosen).total_seconds
    rows = [(str(n), exercise.name, exercise.dose.describe(),
             minutes_text(exercise.dose.total_seconds))
            for n, exercise in enumerate(chosen.exercises, start=1)]
    note = (f"With a {GET_READY_SECONDS:g} s get-ready countdown before each exercise "
            f"and {ROUTINE_CHANGEOVER_SECONDS:g} s to change position between them, the whole "
            f"routine takes about {minutes_text(total)}. How often: {chosen.how_often}")
    html = (html_table(chosen.name, ("Step", "Exercise", "Dose", "Time"),
                       [[escape(cell) for cell in row] for row in rows], whole={0, 3})
            + f"<p>{escape(note)}</p>")
    text = "\n".join(f"{n}. {name}: {dose} ({time})" for n, name, dose, time in rows)
    return Rendered(html, f"{text}\n{note}")

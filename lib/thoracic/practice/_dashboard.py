"""The progress dashboard: streak, practice calendar, self-test trends, the rating trend
over the discomfort zones, and the next-day answers of the last few weeks.

Numbers come from pure functions (tested on their own); pictures are stable SVG with
alt text. Zones and answers show their words and symbols, never colour alone, all taken
from ``thoracic.content``. Notes are shown as text, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any, ClassVar

from ..base import (
    PALETTE,
    WARNING,
    Rendered,
    alert_html,
    html_table,
    short_day,
    short_day_words,
    today,
)
from ..content import (
    DISCOMFORT_SCALE,
    NEXT_DAY_CHECK,
    SELF_TESTS,
    NotebookInfo,
    load_progression,
    load_questions,
    notebook_by_slug,
)
from ..figures import new_figure, svg_figure
from ..progress import (
    EXAMPLE_ID_PREFIX,
    NextDayCheck,
    NextDaySummary,
    PracticeSummary,
    QuizAnswer,
    SelfTestResult,
    Session,
    Store,
    StoreError,
    device_rules,
    progress_file_text,
    read_progress_bytes,
    summarise_next_day,
    summarise_practice,
)
from ..ui import CoursePart, discomfort_config, saving_notice

__all__ = ["LiveDashboard", "dashboard"]

CALENDAR_WEEKS = 26


def _self_tests_notebook() -> NotebookInfo:
    return notebook_by_slug("mobilization-benefits")

WEEKLY_BARS = 12
# The summary's words, the same in the notebook and on the site's My progress page.
# Each figure after a colon, so no word has to agree with the number ("1 day(s)").
FACTS = {"current": "Days in a row, up to now: {}", "longest": "Most days in a row: {}",
         "this_week": "Days practised this week: {}", "in_all": "Days practised in all: {}"}
MAX_MARKERS = 60  # ACSM (2021): daily is best; Thomas and colleagues (2018): 5+ days
NEXT_DAY_WEEKS = 4
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EXAMPLE_LABEL = "EXAMPLE: made-up data"
_EXAMPLE_LINE_INCHES = 0.22  # a line of the example's label, at 9 points
# The words of the progress file's controls under the dashboard, in both places.
FILE_WORDS = {
    "heading": "Your progress file",
    "intro": "To carry your progress to another device, or between this course on a "
             "computer and on a phone, save it as a file here and load that file there. "
             "Loading adds what is new and never removes anything.",
    "save": "Save my progress file",
    "load": "Load a progress file",
    "saved": "Saved {name} (look in your downloads). To bring it in somewhere else, open "
             "My progress there and press Load a progress file.",
    "prefix": "upper-back-relief-progress-",
}


def _weekly_target() -> int:
    """Days a week to aim for: the plan's own target for the mobility exercises."""
    return load_progression().targets["mobility"]


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _finish(fig: Any, alt: str, example: bool) -> Rendered:
    """The chart as SVG; made-up example data says so on the chart itself and in its alt."""
    if example:
        # The figure grows by a line at the top for the label, so that it covers no title.
        params, height = fig.subplotpars, fig.get_figheight()
        grown = height + _EXAMPLE_LINE_INCHES
        fig.set_figheight(grown)
        fig.subplots_adjust(top=1 - ((1 - params.top) * height + _EXAMPLE_LINE_INCHES) / grown,
                            bottom=params.bottom * height / grown)
        fig.text(0.995, 0.995, EXAMPLE_LABEL, ha="right", va="top", fontsize=9,
                 fontweight="bold", color=WARNING)
        alt = f"Example with made-up data. {alt}"
    return svg_figure(fig, alt)


def _calendar(summary: PracticeSummary, on: dt.date, example: bool = False) -> Rendered:
    import numpy as np  # imported here: the dashboard is the only user

    first_week = _week_start(on) - dt.timedelta(weeks=CALENDAR_WEEKS - 1)
    grid = np.full((7, CALENDAR_WEEKS), np.nan)
    practised_x, practised_y = [], []
    for week in range(CALENDAR_WEEKS):
        for weekday in range(7):
            day = first_week + dt.timedelta(weeks=week, days=weekday)
            if day > on:
                continue
            if day in summary.days:
                grid[weekday, week] = summary.minutes_by_day.get(day, 0.0)
                practised_x.append(week)
                practised_y.append(weekday)
    fig = new_figure(6.4, 2.2, layout=None)
    fig.subplots_adjust(left=0.07, right=0.99, bottom=0.12, top=0.88)
    ax = fig.add_subplot()
    ax.set_facecolor("#e8e8e8")  # days without practice stay light grey
    ax.pcolormesh(np.arange(CALENDAR_WEEKS + 1) - 0.5, np.arange(8) - 0.5, grid,
                  cmap="Blues", vmin=-4, vmax=10, edgecolors="white", linewidth=1.5)
    # A dot on each practice day, so the calendar does not rely on colour alone.
    ax.scatter(practised_x, practised_y, s=9, color="white", edgecolors="black", linewidths=0.6)
    ax.set_yticks(range(7), WEEKDAYS, fontsize=8)
    ticks = list(range(0, CALENDAR_WEEKS, 4))
    ax.set_xticks(ticks, [short_day_words(first_week + dt.timedelta(weeks=w)) for w in ticks],
                  fontsize=8)
    ax.invert_yaxis()
    ax.set_aspect("equal")
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(f"Practice calendar, last {CALENDAR_WEEKS} weeks (darker = more minutes)",
                 fontsize=10)
    in_range = sum(1 for day in summary.days if first_week <= day <= on)
    alt = (f"Calendar of the last {CALENDAR_WEEKS} weeks, one square per day, a dot on each "
           f"day you practised. You practised on {in_range} of those days.")
    return _finish(fig, alt, example)


def _weekly_bars(summary: PracticeSummary, on: dt.date, example: bool = False) -> Rendered:
    this_week = _week_start(on)
    weeks = [this_week - dt.timedelta(weeks=n) for n in range(WEEKLY_BARS - 1, -1, -1)]
    per_week = Counter(_week_start(day) for day in summary.days)
    counts = [per_week.get(week, 0) for week in weeks]
    fig = new_figure(6.4, 2.4, layout=None)
    fig.subplots_adjust(left=0.09, right=0.98, bottom=0.13, top=0.88)
    ax = fig.add_subplot()
    ax.bar(range(WEEKLY_BARS), counts, color=PALETTE[0])
    target = _weekly_target()
    ax.axhline(target, color=PALETTE[5], linestyle="--", linewidth=1.5)
    ax.text(-0.4, target + 0.2, f"aim: {target} days or more", ha="left", fontsize=8,
            color="black")
    ax.set_xticks(range(0, WEEKLY_BARS, 2), [short_day_words(weeks[n]) for n in
                                              range(0, WEEKLY_BARS, 2)], fontsize=8)
    ax.set_ylim(0, 7.5)
    ax.set_ylabel("days", fontsize=9)
    ax.set_title("Days practised per week (week starting)", fontsize=10)
    alt = (f"Bar chart of days practised in each of the last {WEEKLY_BARS} weeks, with a "
           f"dashed line at the aim of 5 days. Counts, oldest first: "
           + ", ".join(str(c) for c in counts) + ".")
    return _finish(fig, alt, example)


def _self_test_trends(results: Sequence[SelfTestResult], example: bool = False
                      ) -> Rendered | None:
    from matplotlib.ticker import MaxNLocator

    by_test: dict[str, list[SelfTestResult]] = defaultdict(list)
    for result in results:
        by_test[result.test].append(result)
    tests = [test for test in SELF_TESTS if by_test.get(test.id)]
    if not tests:
        return None
    fig = new_figure(6.4, 2.2 * len(tests), layout=None)
    # Margins in inches, turned into fractions, so any number of panels lays out alike.
    height = 2.2 * len(tests)
    # The key goes beside each panel (right), where it covers no result.
    fig.subplots_adjust(left=0.1, right=0.72, bottom=0.55 / height, top=1 - 0.3 / height,
                        hspace=0.75)
    axes = fig.subplots(len(tests), 1, squeeze=False)[:, 0]
    described = []
    markers = {"left": ("o", "-", PALETTE[0]), "right": ("s", "--", PALETTE[1]),
               "": ("D", "-", PALETTE[2])}
    for ax, test in zip(axes, tests, strict=True):
        points = by_test[test.id]
        first_day = min(dt.date.fromisoformat(r.day) for r in points)
        # The band of the way the latest result was taken: typed in, or by the phone.
        latest = max(points, key=lambda r: (r.day, r.recorded_at))
        noise, _source = test.noise_for(latest.method)
        if noise:
            ax.axhspan(-noise, noise, color="0.85", zorder=0,
                       label=f"±{noise:g}: may be noise"
                             + ("\n(phone)" if latest.method == "phone" else ""))
        ringed = False
        for side in test.sides:
            rows = sorted((r for r in points if r.side == side), key=lambda r: (r.day, r.value))
            series = [(dt.date.fromisoformat(r.day), r.value) for r in rows]
            if not series:
                continue
            start = series[0][1]
            xs = [(day - first_day).days / 7 for day, _ in series]
            ys = [value - start for _, value in series]
            marker, style, colour = markers[side]
            # Past a year of weekly tests, markers only clutter (and slow) the chart.
            ax.plot(xs, ys, marker=marker if len(xs) <= MAX_MARKERS else None,
                    linestyle=style, color=colour, markersize=4,
                    label=side.capitalize() if side else "Result")
            measured = [(x, y) for x, y, r in zip(xs, ys, rows, strict=True)
                        if r.method == "phone"]
            if measured:  # a ring round each result the phone measured
                ax.plot(*zip(*measured, strict=True), linestyle="none", marker="o",
                        markersize=8, markerfacecolor="none", markeredgecolor="black",
                        label=None if ringed else "Measured by the phone")
                ringed = True
            described.append(f"{test.name}{' ' + side if side else ''}: first {start:g}, "
                             f"latest {series[-1][1]:g} {test.unit}")
        ax.axhline(0, color="black", linewidth=0.8)
        better = "up is better" if test.better == "higher" else "down is better"
        ax.set_title(f"{test.name}: change since your first test ({better})", fontsize=10)
        ax.set_ylabel(test.unit.split(",")[0], fontsize=9)
        ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        if test.whole_numbers:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes[-1].set_xlabel("weeks since your first test", fontsize=9)
    alt = ("Line charts of each self-test as change from your first result, over weeks. "
           + "; ".join(described) + ".")
    return _finish(fig, alt, example)


def _weekly_means(xs: Sequence[int], values: Sequence[float]) -> list[tuple[float, float]]:
    weeks: dict[int, list[float]] = defaultdict(list)
    for x, value in zip(xs, values, strict=True):
        weeks[x // 7].append(value)
    return [(week * 7 + 3, sum(v) / len(v)) for week, v in sorted(weeks.items())]


def _zone_words(rating: float) -> str:
    """A rating (or an average of ratings) with its zone: "3.2 (amber)"."""
    return f"{rating:.1f} ({DISCOMFORT_SCALE.zone(int(rating + 0.5)).name})"  # half up


def _rating_trend(sessions: Sequence[Session], example: bool = False) -> Rendered | None:
    rated = sorted((dt.date.fromisoformat(s.day), s.rating) for s in sessions
                   if s.rating is not None)
    if not rated:
        return None
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for day, rating in rated:
        by_day[day].append(rating)
    days = sorted(by_day)
    # One point a day: the day's highest rating, so a bad session is never averaged away.
    highest = [max(by_day[day]) for day in days]
    first = days[0]
    xs = [(day - first).days for day in days]
    rolling, total, oldest = [], 0.0, 0
    for index, day in enumerate(days):  # a sliding 7-day window, in one pass
        total += highest[index]
        while (day - days[oldest]).days >= 7:
            total -= highest[oldest]
            oldest += 1
        rolling.append(total / (index + 1 - oldest))
    from matplotlib.ticker import MaxNLocator

    scale = DISCOMFORT_SCALE
    fig = new_figure(6.4, 2.4, layout=None)
    fig.subplots_adjust(left=0.09, right=0.86, bottom=0.2, top=0.88)
    ax = fig.add_subplot()
    # The zones as bands behind the ratings, each named at the right in its word, with its
    # symbol: the colour is never the only sign.
    for zone in scale.zones:
        ax.axhspan(zone.lowest - 0.5, zone.highest + 0.5, color=zone.colour, alpha=0.3,
                   linewidth=0, zorder=0)
        ax.text(1.015, (zone.lowest + zone.highest) / 2, f"{zone.symbol} {zone.word}",
                transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=8,
                color="black")
    if len(xs) <= 365:
        ax.scatter(xs, highest, s=10, color=PALETTE[0], label="each day (its highest)",
                   zorder=2)
    else:  # years of history: one dot a week keeps the chart readable
        weekly = _weekly_means(xs, highest)
        ax.scatter([x for x, _ in weekly], [m for _, m in weekly], s=10, color=PALETTE[0],
                   label="each week", zorder=2)
    ax.plot(xs, rolling, color=PALETTE[7], linewidth=2, label="7-day average", zorder=3)
    ax.set_ylim(scale.lowest - 0.5, scale.highest + 0.5)
    ax.set_yticks(range(scale.lowest, scale.highest + 1, 2))
    # Whole days only, and at least a week wide: one day of ratings sits at the left of
    # a week to come rather than in the middle of a fraction of a day.
    ax.set_xlim(-0.5, max(xs[-1], 7) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel(f"{scale.lowest} = {scale.lowest_anchor}, {scale.highest} = worst",
                  fontsize=9)
    ax.set_xlabel(f"days since {short_day_words(first)} {first.year}", fontsize=9)
    ax.set_title("Discomfort after practice, and its zones (down is better)", fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    zones = ", ".join(f"{zone.name} {zone.span} ({zone.label.lower()})" for zone in scale.zones)
    alt = (f"Chart of your {scale.lowest} to {scale.highest} discomfort ratings on "
           f"{len(days)} days (each day's highest), with a 7-day average, over bands for "
           f"the zones: {zones}. "
           f"First average {_zone_words(rolling[0])}, latest {_zone_words(rolling[-1])}.")
    return _finish(fig, alt, example)


def _next_day_marks(summary: NextDaySummary, example: bool = False) -> Rendered | None:
    """The answers of the last few weeks as a table, a week a row, each answer in its
    word and symbol on its colour; how often each came; and, after "worse" too many times
    in a row, that advice again."""
    if not summary.answers and not summary.worse_in_a_row:
        return None
    check = NEXT_DAY_CHECK
    weeks = (summary.last_day - summary.first_day).days // 7 + 1
    title = f"The next-day check, last {weeks} weeks"
    rows = []
    for week in range(weeks):
        monday = summary.first_day + dt.timedelta(weeks=week)
        cells = []
        for weekday in range(7):
            day = monday + dt.timedelta(days=weekday)
            answer = summary.answers.get(day)
            if answer is None:
                cells.append("<td></td>")
                continue
            option = check.option(answer)
            cells.append(f'<td style="background:{option.colour};color:#000000;'
                         f'padding:0.1em 0.4em"><span aria-hidden="true">'
                         f"{escape(option.symbol)}</span> {escape(option.answer)}</td>")
        rows.append(f'<tr><th scope="row" style="text-align:left;white-space:nowrap">'
                    f"{short_day_words(monday)}</th>{''.join(cells)}</tr>")
    heads = "".join(f'<th scope="col">{name}</th>' for name in WEEKDAYS)
    counts = ", ".join(f"{option.word.lower()} {summary.counts[option.answer]}"
                       for option in check.answers)
    line = f"{title}: {counts}."
    label = f"Example with made-up data. {title}" if example else title
    parts = [f"<h3>{escape(title)}</h3>"]
    if example:
        parts.append(f'<p><strong style="color:{WARNING}">{EXAMPLE_LABEL}</strong></p>')
    parts.append(f'<table aria-label="{escape(label)}" style="text-align:center">'
                 f'<thead><tr><th scope="col">Week of</th>{heads}</tr></thead>'
                 f"<tbody>{''.join(rows)}</tbody></table>"
                 f"<p>{escape(line)}</p>")
    texts = [line]
    if summary.worse_in_a_row >= check.worse_in_a_row:
        worse = check.option("worse")
        said = (f"Your last {summary.worse_in_a_row} next-day checks all said "
                f"{worse.answer}.")
        parts.append(alert_html(f"<strong>{escape(worse.symbol)} {escape(said)}</strong> "
                                f"{escape(worse.advice)}"))
        texts.append(f"{said} {worse.advice}")
    return Rendered("".join(parts), "\n".join(texts))


def _latest_notes(sessions: Sequence[Session], limit: int = 5) -> list[Session]:
    return [s for s in sessions if s.note][-limit:]


def _notes(sessions: Sequence[Session], on: dt.date) -> str:
    noted = _latest_notes(sessions)
    if not noted:
        return ""
    return "<h3>Your latest notes</h3>" + html_table(
        "Latest notes", ("Day", "Exercise", "Note"),
        [(short_day(dt.date.fromisoformat(s.day), on), escape(s.exercise), escape(s.note or ""))
         for s in reversed(noted)],
        whole={0})


def _current(answers: Sequence[QuizAnswer]) -> list[QuizAnswer]:
    """Answers to the questions the course asks now: a retired question (its id gone from
    the quizzes) no longer counts, though its answer stays in the history."""
    asked = {question.id for question in load_questions()}
    return [answer for answer in answers if answer.question in asked]


def _nothing_yet() -> str:
    first, routine = notebook_by_slug("foam-roller-extension"), notebook_by_slug("daily-routine")
    return (f"Nothing here yet. Do an exercise with its timer (notebooks {first.number:02d} to "
            f"{routine.number:02d}) or record a self-test (notebook "
            f"{_self_tests_notebook().number:02d}): it shows here as soon as it is saved.")


def _no_self_tests() -> str:
    return f"No self-tests yet: notebook {_self_tests_notebook().number:02d} shows how to do them."


def _no_next_day() -> str:
    asks = notebook_by_slug("my-progress")
    return (f"No next-day checks yet. {NEXT_DAY_CHECK.when} {asks.title} (notebook "
            f"{asks.number:02d}) asks it.")


def _config() -> dict[str, Any]:
    """Everything the dashboard's front-end needs, from the same records and words."""
    return {"facts": FACTS, "calendar_weeks": CALENDAR_WEEKS, "weekly_bars": WEEKLY_BARS,
            "weekly_target": _weekly_target(), "next_day_weeks": NEXT_DAY_WEEKS,
            "weekdays": list(WEEKDAYS), "scale": discomfort_config(),
            "next_day": {"question": NEXT_DAY_CHECK.question,
                         "worse_in_a_row": NEXT_DAY_CHECK.worse_in_a_row, "answers": [
                             {"answer": o.answer, "word": o.word, "advice": o.advice,
                              "symbol": o.symbol, "colour": o.colour}
                             for o in NEXT_DAY_CHECK.answers]},
            "self_tests": [{"id": t.id, "name": t.name, "unit": t.unit, "better": t.better,
                            "sides": list(t.sides), "noise": t.noise,
                            "phone_noise": t.noise_for("phone")[0]} for t in SELF_TESTS],
            "palette": list(PALETTE), "nothing": _nothing_yet(),
            # The questions asked now: an answer to a retired one no longer counts.
            "questions": sorted(question.id for question in load_questions()),
            "no_self_tests": _no_self_tests(), "no_next_day": _no_next_day(),
            "example": f"{EXAMPLE_LABEL}: made up to show what the dashboard looks like. "
                       "Yours shows once you practise.",
            "files": {**FILE_WORDS, "nouns": device_rules()["nouns"],
                      "max_bytes": device_rules()["limits"]["MAX_FILE_BYTES"]}}


_SESSION_FIELDS = ("day", "kind", "exercise", "duration_seconds", "rating", "note")


class LiveDashboard(CoursePart):
    """The dashboard, drawn by the parts' front-end from what is kept (in JupyterLab from
    the progress store, on the site from the device), and drawn again whenever a change
    is saved, so it never goes stale on the page. ``html`` and ``text`` are the picture
    the stored notebook keeps as its preview."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"save": "_save", "load": "_load"}

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        super().__init__(store, kind="dashboard", config=_config(), **kwargs)

    def _save(self, message: Mapping[str, Any]) -> None:
        """Send the whole progress as a file's text; the front-end offers it as a download
        (a message, not a trait, so the file is never kept in the widget's state)."""
        name = f"{FILE_WORDS['prefix']}{today().isoformat()}.json"
        self.send({"file": {"name": name, "text": progress_file_text(self.store.export_data())}})

    def _load(self, message: Mapping[str, Any]) -> dict[str, Any]:
        """Merge the file the learner chose, checked as ``thoracic progress --import``
        checks one; its bytes are not sent when it is too large (``size`` says so)."""
        name, size = str(message["name"]), int(message["size"])
        sent = message.get("buffers") or [b""]
        if not isinstance(sent[0], bytes | memoryview):
            raise TypeError("the file's bytes are missing")
        report = self.store.import_data(read_progress_bytes(bytes(sent[0]), name, size),
                                        name=name)
        return {"report": {"added": dict(report), "updated": getattr(report, "updated", {}),
                           "skipped": getattr(report, "skipped", {})}}

    def read_kept(self) -> dict[str, Any]:
        sessions, results = self.store.sessions(), self.store.self_tests()
        checks, answers = self.store.next_day_checks(), _current(self.store.quiz_answers())
        shown: list[Session | SelfTestResult | NextDayCheck] = [*sessions, *results, *checks]
        return {"today": today().isoformat(),
                "sessions": [{name: getattr(s, name) for name in _SESSION_FIELDS}
                             for s in sessions],
                "self_tests": [{"day": r.day, "test": r.test, "side": r.side, "value": r.value,
                                "method": r.method or "typed"} for r in results],
                "next_day_checks": [{"day": c.day, "answer": c.answer} for c in checks],
                "quiz_answers": [{"question": a.question, "correct": bool(a.correct)}
                                 for a in answers],
                "example": bool(shown) and all(entry.id.startswith(EXAMPLE_ID_PREFIX)
                                               for entry in shown)}

    @property
    def html(self) -> str:
        return _drawn(self.store).html

    @property
    def text(self) -> str:
        return _drawn(self.store).text

    def preview(self) -> Rendered:
        return _drawn(self.store)


def dashboard(store: Store | None = None) -> LiveDashboard:
    """Everything in one display, kept up to date on the page; a friendly message when
    there is nothing yet."""
    return LiveDashboard(store)


def _drawn(store: Store) -> Rendered:
    on = today()
    try:
        sessions, results = store.sessions(), store.self_tests()
        answers_so_far = _current(store.quiz_answers())
        checks = store.next_day_checks()
    except StoreError as problem:  # the file cannot be read just now: say so, plainly
        notice = saving_notice(store)
        text = f"Your progress could not be read just now. {problem}"
        return Rendered((notice.html if notice else "") + f"<p>{escape(text)}</p>", text)
    notice = saving_notice(store)
    notice_html = notice.html if notice else ""
    if not sessions and not results and not answers_so_far and not checks:
        text = _nothing_yet()
        return Rendered(f'{notice_html}<p style="font-size:1.1em">{escape(text)}</p>', text)
    summary = summarise_practice(sessions, on)
    # The stored notebook shows the made-up sample history until the learner runs it.
    shown: list[Session | SelfTestResult | NextDayCheck] = [*sessions, *results, *checks]
    example = all(entry.id.startswith(EXAMPLE_ID_PREFIX) for entry in shown)
    facts = [FACTS["current"].format(summary.current_streak),
             FACTS["longest"].format(summary.longest_streak),
             FACTS["this_week"].format(summary.days_this_week),
             FACTS["in_all"].format(len(summary.days))]
    parts = [notice_html, '<ul aria-label="Practice summary">'
             + "".join(f"<li>{escape(fact)}</li>" for fact in facts) + "</ul>"]
    texts = list(facts)
    drawings: list[tuple[str, Callable[[], Rendered | None]]] = [
        ("the practice calendar",
         lambda: _calendar(summary, on, example) if sessions else None),
        ("the days practised each week",
         lambda: _weekly_bars(summary, on, example) if sessions else None),
        ("the self-test trends", lambda: _self_test_trends(results, example)),
        ("the rating trend", lambda: _rating_trend(sessions, example)),
        ("the next-day check", lambda: _next_day_marks(
            summarise_next_day(checks, on, NEXT_DAY_WEEKS), example))]
    for name, draw in drawings:
        try:
            picture = draw()
        except Exception as error:
            line = (f"Could not draw {name} from your stored entries ({error}). The rest "
                    "is shown; 'thoracic progress' can list and delete a wrong entry.")
            parts.append(f"<p>{escape(line)}</p>")
            texts.append(line)
            continue
        if picture is not None:
            parts.append(picture.html)
            texts.append(picture.text)
    if not results:
        parts.append(f"<p>{escape(_no_self_tests())}</p>")
    if sessions and not checks:
        parts.append(f"<p>{escape(_no_next_day())}</p>")
    if answers_so_far:
        latest = {a.question: a.correct for a in answers_so_far}  # the last try counts
        line = (f"Knowledge checks: {sum(latest.values())} of {len(latest)} questions "
                "answered right (your latest try at each)")
        parts.append(f"<p>{escape(line)}</p>")
        texts.append(line)
    notes = _notes(sessions, on)
    if notes:
        parts.append(notes)
        texts.extend(f"Note ({s.day}): {s.note}" for s in _latest_notes(sessions))
    return Rendered("".join(parts), "\n".join(texts))

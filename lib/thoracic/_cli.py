"""The ``thoracic`` command (also ``python -m thoracic``).

Each sub-command imports what it needs when it runs, so ``thoracic --help`` is quick and
the learner's commands never load the authoring tools.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .plan import WeekPlan

__all__ = ["main"]


def _nav(args: argparse.Namespace) -> int:
    from .authoring import link_first_uses, update_navigation

    changed = update_navigation(args.folder, check=args.check)
    changed += [path for path in link_first_uses(args.folder, check=args.check)
                if path not in changed]
    if args.check and changed:
        names = ", ".join(path.name for path in changed)
        print(f"Navigation or glossary links are out of date in: {names}. Run 'thoracic nav' "
              "to update them.",
              file=sys.stderr)
        return 1
    verb = "would update" if args.check else "updated"
    print(f"Navigation {verb} in {len(changed)} notebook(s)." if changed
          else "Navigation is up to date.")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from .progress import SCHEMA_FILENAME, schema_text

    text = schema_text()
    if args.out is None:
        print(text, end="")
        return 0
    target = args.out / SCHEMA_FILENAME
    if args.check:
        if not target.is_file() or target.read_text("utf-8") != text:
            print(f"{target} is not the schema of this course's progress file. Run "
                  f"'thoracic schema --out {args.out}' to write it.", file=sys.stderr)
            return 1
        print(f"{target} is up to date.")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {target}.")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    import nbformat

    from .authoring import (
        deterministic_environment,
        link_first_uses,
        prepare_for_storage,
        update_navigation,
    )
    from .content import COURSE
    from .site import NotebookExecutionError, execute_notebook

    update_navigation(args.folder)
    link_first_uses(args.folder)
    wanted = set(args.notebooks)
    paths = [args.folder / info.filename for info in COURSE
             if not wanted or info.stem in wanted or info.filename in wanted]
    with deterministic_environment() as env:
        for path in paths:
            try:
                nb = execute_notebook(path, env)
            except NotebookExecutionError as error:
                print(f"thoracic refresh: {error}", file=sys.stderr)
                return 1
            prepare_for_storage(nb)
            nbformat.write(nb, path)
            print(f"refreshed {path.name}")
    return 0


def _exercises(args: argparse.Namespace) -> int:
    from .content import load_exercises

    for exercise in load_exercises():
        print(f"{exercise.id}: {exercise.name} - {exercise.dose.describe()}")
    return 0


def _progress(args: argparse.Namespace) -> int:
    from .base import for_terminal, today
    from .progress import (
        ImportFileError,
        ProgressStore,
        StoreError,
        summarise_practice,
        write_progress_file,
    )

    try:
        store = ProgressStore()
    except StoreError as problem:
        print(f"thoracic progress: {problem}", file=sys.stderr)
        return 2
    if args.export_to:
        try:
            write_progress_file(store.export_data(), args.export_to)
        except StoreError as problem:  # the old file, if any, is still there, whole
            print(f"thoracic progress: {problem}", file=sys.stderr)
            return 1
        print(f"Saved all your progress to {args.export_to}.")
        return 0
    if args.import_from:
        from typing import cast

        from .progress import ImportReport, read_progress_file

        try:
            data = read_progress_file(args.import_from)
        except ImportFileError as error:  # unreadable, too big, not UTF-8 or not JSON
            # (it names the file, whose name may hold anything)
            print(f"thoracic progress: {for_terminal(str(error))}", file=sys.stderr)
            return 1
        try:
            # ProgressStore.import_data returns an ImportReport: added, updated, skipped.
            report = cast(ImportReport, store.import_data(data, name=str(args.import_from)))
        except ImportFileError as error:  # a bad entry: it names the file and the entry
            print(for_terminal(f"thoracic progress: {error}"), file=sys.stderr)
            return 1
        except StoreError as problem:  # the transaction was rolled back
            print(f"thoracic progress: {problem} Nothing was imported.", file=sys.stderr)
            return 2
        print(report.describe())
        return 0
    if args.list_entries:
        from .progress import describe_entry, every_entry

        entries = every_entry(store)[-30:]
        for entry in entries:  # a note may hold anything: it prints as one plain line
            print(for_terminal(f"{entry.id}  {describe_entry(entry)}"))
        print(f"(the latest {len(entries)}; delete a wrong one with: thoracic progress "
              "--delete ID)" if entries else
              "No practice-log entries, self-test results or next-day checks.")
        return 0
    if args.delete_id is not None:
        from .progress import describe_entry

        if not args.delete_id.strip():
            print("thoracic progress: --delete needs the id of the entry to delete; 'thoracic "
                  "progress --list' shows the ids. Nothing was deleted.", file=sys.stderr)
            return 1
        try:
            removed = store.delete_entry(args.delete_id)
        except KeyError as missing:
            print(f"thoracic progress: {for_terminal(missing.args[0])}", file=sys.stderr)
            return 1
        except StoreError as problem:
            print(f"thoracic progress: {problem} Nothing was deleted.", file=sys.stderr)
            return 2
        print(for_terminal(f"Deleted {describe_entry(removed)}."))
        return 0
    sessions = store.sessions()
    summary = summarise_practice(sessions, today())
    print(f"Progress file: {for_terminal(str(store.path))}")
    print(f"Days practised: {len(summary.days)}; days in a row, up to now: "
          f"{summary.current_streak}; most days in a row: {summary.longest_streak}")
    print(f"Practice-log entries: {summary.sessions}; self-test results: "
          f"{len(store.self_tests())}; next-day checks: {len(store.next_day_checks())}")
    return 0


def _learner_plan(command: str) -> WeekPlan | None:
    """This week's plan from the learner's progress; None (said on stderr) if unreadable."""
    from .base import today
    from .plan import learner_history
    from .progress import ProgressStore, StoreError

    try:
        store = ProgressStore()
        return learner_history(store).week(today())
    except StoreError as problem:
        print(f"thoracic {command}: {problem}", file=sys.stderr)
        return None


def _cannot_write(command: str, path: Path, error: OSError, option: str) -> int:
    reason = error.strerror or str(error)
    print(f"thoracic {command}: cannot write {path} ({reason}). Choose a file in a folder you "
          f"can write to with {option}.", file=sys.stderr)
    return 1


def _sheet(args: argparse.Namespace) -> int:
    from .site import sheet_html, sheet_name

    plan = _learner_plan("sheet")
    if plan is None:
        return 2
    out: Path = args.out or Path(sheet_name(plan))
    if out.is_dir():
        out = out / sheet_name(plan)
    try:
        out.write_text(sheet_html(plan, paper=args.paper), encoding="utf-8")
    except OSError as error:
        return _cannot_write("sheet", out, error, "--out")
    size = "A4" if args.paper == "a4" else "Letter"
    print(f"Wrote your sheet for week {plan.week_number} to {out.resolve()}.")
    print(f"To print it, open it in your web browser and press Ctrl+P (Cmd+P on a Mac). "
          f"Choose {size} paper and turn on \"Background graphics\" for the colours: it fits "
          "on one page.")
    return 0


def _date(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


def _clock_time(text: str) -> dt.time:
    """``HH:MM`` on a 24-hour clock; ValueError saying so for anything else."""
    import re

    found = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text)
    try:
        if found is None:
            raise ValueError
        return dt.time(int(found.group(1)), int(found.group(2)))
    except ValueError:
        raise ValueError(f"--time takes a time on the 24-hour clock as HH:MM, like 18:00 or "
                         f"07:30; got {text!r}.") from None


def _plan(args: argparse.Namespace) -> int:
    from .base import today

    plan = _learner_plan("plan")
    if plan is None:
        return 2
    if args.calendar is None:
        example = " (an EXAMPLE, from the made-up sample history)" if plan.example else ""
        print(f"Week {plan.week_number} of your plan, from {_date(plan.week_start)}{example}:")
        for week in plan.exercises:
            print(f"  {week.exercise.name}: {week.dose.describe()}; {week.done_sessions} of "
                  f"{week.target_sessions} sessions done. {week.reason}")
        return 0

    from .practice import plan_calendar
    from .practice._calendar import MAX_WEEKS, routine_page_url

    at = _clock_time(args.time)
    if not 1 <= args.weeks <= MAX_WEEKS:
        raise ValueError(f"--weeks takes a number from 1 to {MAX_WEEKS}; got {args.weeks}.")
    start = today() + dt.timedelta(days=1)
    data = plan_calendar(plan, start=start, weeks=args.weeks, at=at, site=args.site)
    try:
        args.calendar.write_bytes(data)
    except OSError as error:
        return _cannot_write("plan", args.calendar, error, "--calendar")
    end = start + dt.timedelta(days=args.weeks * 7 - 1)
    print(f"Wrote {args.weeks * 7} reminders, one a day at {at:%H:%M} from {_date(start)} to "
          f"{_date(end)}, to {args.calendar.resolve()}.")
    print("Open the file with your calendar app (or import it there) to add them. Each one "
          "rings 10 minutes before. Import a newer file later and it updates them.")
    if args.site and routine_page_url(args.site).startswith("file:") and not (
            Path(args.site).expanduser() / "index.html").is_file():
        print(f"Note: there is no exported course in {args.site} yet, so the links lead "
              f"nowhere until you make it with: thoracic export --out {args.site}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .site import ExportError, NotebookExecutionError, export_course

    try:
        export_course(args.folder, args.out, with_my_progress=args.with_my_progress,
                      report=lambda line: print(line, flush=True))
    except (ExportError, NotebookExecutionError) as error:
        print(f"thoracic export: {error} The previous site, if any, was left as it was.",
              file=sys.stderr)
        return 1
    return _serve(args.out, args.port) if args.serve else 0


def _serve(folder: Path, port: int) -> int:
    from .site import LOCAL_HOST, site_server

    try:
        server = site_server(folder, port)
    except OSError as error:
        print(f"thoracic export: cannot serve on port {port} ({error.strerror or error}). "
              "Choose another with --port.", file=sys.stderr)
        return 1
    bound = server.server_address[1]
    print(f"Serving the course at http://{LOCAL_HOST}:{bound}/ on this computer only. Open it in "
          "your browser; after the first visit it also works with no network, and you can "
          "install it as an app. Press Ctrl+C to stop.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopped serving the course.")
    finally:
        server.server_close()
    return 0


def _lab(args: argparse.Namespace) -> int:
    from .lab import run_lab
    from .progress import data_dir

    return run_lab(args.folder, data_dir(), args.port, open_browser=not args.no_browser)


def _lab_setup(args: argparse.Namespace) -> int:
    from .lab import write_lab_setup

    for path in write_lab_setup(args.prefix):
        print(f"wrote {path}")
    return 0


def _class_report(args: argparse.Namespace) -> int:
    from .base import today
    from .lab import class_report, format_class_report

    on = today()
    print(format_class_report(args.home_root, on, class_report(args.home_root, on)), end="")
    return 0


def _teacher_page(args: argparse.Namespace) -> int:
    from .base import today
    from .hub import run_teacher_page

    run_teacher_page(args.home_root, today, frozenset(args.teacher))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="thoracic",
                                     description="Upper Back Relief course tools.")
    commands = parser.add_subparsers(dest="command", required=True)

    nav = commands.add_parser(
        "nav", help="regenerate previous/next/contents links and glossary links")
    nav.add_argument("--folder", type=Path, default=Path("notebooks"))
    nav.add_argument("--check", action="store_true", help="only report, exit 1 if out of date")
    nav.set_defaults(handler=_nav)
    schema = commands.add_parser(
        "schema", help="print or write the JSON Schema of the progress file")
    schema.add_argument("--out", type=Path, default=None,
                        help="folder to write progress-file.schema.json into (the repository "
                             "keeps it in schema/)")
    schema.add_argument("--check", action="store_true",
                        help="only check the file in --out, exit 1 if out of date")
    schema.set_defaults(handler=_schema)

    refresh = commands.add_parser(
        "refresh", help="re-run notebooks in a clean, fixed-date environment to update outputs")
    refresh.add_argument("--folder", type=Path, default=Path("notebooks"))
    refresh.add_argument("notebooks", nargs="*", help="notebook names (default: all)")
    refresh.set_defaults(handler=_refresh)

    progress = commands.add_parser(
        "progress", help="summarise, export or import your progress")
    where = progress.add_mutually_exclusive_group()
    where.add_argument("--export", dest="export_to", type=Path, metavar="FILE.json",
                       help="write all your progress to a JSON file")
    where.add_argument("--import", dest="import_from", type=Path, metavar="FILE.json",
                       help="merge a JSON export into your progress (no duplicates)")
    where.add_argument("--list", dest="list_entries", action="store_true",
                       help="list your latest practice-log entries, self-test results and "
                            "next-day checks, with their ids")
    where.add_argument("--delete", dest="delete_id", metavar="ID",
                       help="delete one wrong practice-log entry, self-test result or "
                            "next-day check")
    progress.set_defaults(handler=_progress)

    export = commands.add_parser("export", help="build the course as an offline website")
    export.add_argument("--out", type=Path, default=Path("site"), help="where (default: site)")
    export.add_argument("--folder", type=Path, default=Path("notebooks"),
                        help="the course notebooks (default: notebooks)")
    export.add_argument("--with-my-progress", action="store_true",
                        help="show your own progress in the pages (default: a clean start); "
                             "the pages then hold your entries and notes, so keep them to "
                             "yourself")
    export.add_argument("--serve", action="store_true",
                        help="then serve the site on this computer (127.0.0.1) until Ctrl+C")
    export.add_argument("--port", type=int, default=8000,
                        help="the port for --serve (default: 8000)")
    export.set_defaults(handler=_export)

    lab = commands.add_parser(
        "lab", help="open the course in JupyterLab, with a folder of your own beside it "
                    "(make lab runs this)")
    lab.add_argument("--folder", type=Path, default=Path("notebooks"),
                     help="the course notebooks (default: notebooks)")
    lab.add_argument("--port", type=int, default=8888,
                     help="the port, or the first free one after it (default: 8888)")
    lab.add_argument("--no-browser", action="store_true",
                     help="only print the address; do not open a browser")
    lab.set_defaults(handler=_lab)

    setup = commands.add_parser(
        "lab-setup", help="write the course's Jupyter settings into this environment "
                          "(run by make install)")
    setup.add_argument("--prefix", type=Path, default=None,
                       help="the environment's folder (default: the running Python's)")
    setup.set_defaults(handler=_lab_setup)

    report = commands.add_parser(
        "class-report", help="for a teacher on a class server: what each learner chose to "
                             "share (days practised this week, latest rating)")
    report.add_argument("--home-root", type=Path, required=True, metavar="DIR",
                        help="the folder that holds the learners' homes, one folder each "
                             "(make hub: /srv/upper-back-relief/homes; make hub-demo: "
                             ".hub/homes)")
    report.set_defaults(handler=_class_report)

    page = commands.add_parser(
        "teacher-page", help="the class report as a page of the class's JupyterHub (the "
                             "hub starts it as a service; not for running by hand)")
    page.add_argument("--home-root", type=Path, required=True, metavar="DIR",
                      help="the folder that holds the learners' homes, one folder each")
    page.add_argument("--teacher", action="append", default=[], metavar="NAME",
                      help="a teacher, whose own home is left out of the report")
    page.set_defaults(handler=_teacher_page)

    sheet = commands.add_parser(
        "sheet", help="write this week's routine as a one-page sheet to print (HTML)")
    sheet.add_argument("--paper", choices=("a4", "letter"), default="a4",
                       help="the paper size (default: a4)")
    sheet.add_argument("--out", type=Path, default=None, metavar="FILE.html",
                       help="where (default: upper-back-relief-week-N.html in this folder)")
    sheet.set_defaults(handler=_sheet)

    plan = commands.add_parser(
        "plan", help="show this week's plan, or write reminders for a calendar app")
    plan.add_argument("--calendar", type=Path, default=None, metavar="FILE.ics",
                      help="write the coming weeks' sessions to an iCalendar file")
    plan.add_argument("--time", default="18:00", metavar="HH:MM",
                      help="the time of day, local time wherever you are (default: 18:00)")
    plan.add_argument("--weeks", type=int, default=6,
                      help="how many weeks, from tomorrow (1 to 26, default: 6)")
    plan.add_argument("--site", default=None, metavar="PATH_OR_URL",
                      help="the exported course (a folder or a web address), for a link to "
                           "the routine in each reminder")
    plan.set_defaults(handler=_plan)

    exercises = commands.add_parser("exercises", help="list the exercises and their doses")
    exercises.set_defaults(handler=_exercises)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.handler(args)
        return code
    except (ValueError, KeyError) as error:  # bad data or names: said plainly, no traceback
        # (a KeyError's str() is its message in quotes; its first argument is the message)
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"thoracic {args.command}: {message}", file=sys.stderr)
        return 1

"""The JSON files the Node tests read, written from Python's own records.

``make js`` runs this (``python -m tests.js.fixtures``) before ``node --test tests/js/``,
so the files are never written by hand; tests check that the committed ones are current,
for anyone who runs the Node tests alone."""

from __future__ import annotations

import atexit
import datetime as dt
import json
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

from thoracic.content import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    SELF_TESTS,
    get_exercise,
    load_exercises,
    load_progression,
)
from thoracic.plan import expected_sets, learner_history, plan_rules
from thoracic.practice import EntryFixer
from thoracic.progress import (
    EXAMPLE_ID_PREFIX,
    EXPORT_FORMAT,
    SCHEMA_VERSION,
    ProgressStore,
    device_rules,
)
from thoracic.timer import (
    TimerPlan,
    build_plan,
    join_plans,
    plan_for_exercise,
    routine_minutes,
    routine_plan,
)
from thoracic.ui import CLEARED_CHECKLIST, SAFETY_CHECKLIST, SelfTestForm, safety_state

FOLDER = Path(__file__).resolve().parent


def _routine() -> TimerPlan:
    """A routine of fixed numbers (the course's first routine, as the Node tests pin its
    times), so changing a dose in the course does not move every time in those tests."""
    return join_plans("Daily routine", [
        build_plan(name="Foam roller extension", style="reps", reps=6, sets=3,
                   rest_seconds=20, rep_seconds=4, get_ready_seconds=10),
        build_plan(name="Child's pose", style="hold", reps=2, sets=1, rest_seconds=15,
                   hold_seconds=30, get_ready_seconds=10),
        build_plan(name="Kneeling thoracic extension", style="reps", reps=8, sets=2,
                   rest_seconds=30, rep_seconds=3, get_ready_seconds=10)])


def timer_plans() -> dict[str, TimerPlan]:
    """The plans the timer's Node tests run."""
    return {"routine": _routine(),
            # the Node tests pin times for a 5 s countdown, whatever the default
            "childs_pose": plan_for_exercise(get_exercise("childs-pose"), get_ready_seconds=5),
            "roller": plan_for_exercise(get_exercise("foam-roller-extension"),
                                        get_ready_seconds=5),
            "sides": build_plan(name="Sides", style="hold", reps=2, sets=2, rest_seconds=5,
                                per_side=True, hold_seconds=10)}


# What a learner might type in a self-test box: the front-end (parts.js) must take the
# same decisions as SelfTest.parse on every one.
TYPED = ("42", "4,5", " 12 ", "\t7\n", "", " ", "abc", "1e3", "1E1", "nan", "inf", "-3",
         "-0", "+5", ".5", "5.", "0x10", "1_000", "\uff11\uff12", "\u0663", "1,2,3", "90", "90.5",
         "90.0000001", "30", "30.5", "0", "12.", "\u00a012", "\x1c5", "45,5", "--5")


def _scratch_store() -> ProgressStore:
    """A store of its own in a fresh temporary folder (removed when the process ends)."""
    folder = Path(tempfile.mkdtemp(prefix="thoracic-fixtures-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return ProgressStore(folder / "progress.sqlite3")


def _self_test_cases() -> list[dict[str, Any]]:
    cases = []
    for test in SELF_TESTS:
        config = SelfTestForm(test, _scratch_store()).config
        for side in test.sides:
            for raw in TYPED:
                try:
                    value: float | None = test.parse(raw, side)
                except ValueError:
                    value = None
                cases.append({"config": config, "side": side, "raw": raw, "value": value})
    return cases


def _safety_cases() -> list[dict[str, Any]]:
    """Ticks and "I have been checked" days, and what Python's safety_state makes of them."""
    today = dt.date(2026, 12, 4)
    flags = [flag.id for flag in RED_FLAGS[:3]]
    cases = []
    for age in (None, 0, 1, CLEARANCE_DAYS - 1, CLEARANCE_DAYS, CLEARANCE_DAYS + 1, 400):
        for ticked in (flags[:1], flags):
            store = _scratch_store()
            for flag in ticked:
                store.set_tick(SAFETY_CHECKLIST, flag, True)
            checked_on = {}
            if age is not None:
                day = today - dt.timedelta(days=age)
                checked_on[flags[0]] = day.isoformat()
            state = safety_state(_Dated(store, checked_on), today)
            cases.append({"kept": {"ticked": {flag: True for flag in ticked},
                                   "checked_on": checked_on, "today": today.isoformat()},
                          "open": [flag.id for flag in state.open_flags],
                          "expired": sorted(state.expired)})
    return cases


class _Dated:
    """A store whose "I have been checked" ticks carry the days given."""

    def __init__(self, store: ProgressStore, days: dict[str, str]) -> None:
        self.store, self.days = store, days

    def ticks(self, checklist: str, *, day: str = "") -> dict[str, bool]:
        return self.store.ticks(checklist, day=day)

    def tick_times(self, checklist: str, *, day: str = "") -> dict[str, str]:
        assert checklist == CLEARED_CHECKLIST
        return {flag: f"{when}T08:00:00+00:00" for flag, when in self.days.items()}


def _entries_case() -> dict[str, Any]:
    """A day's log as the JupyterLab host gives it to the front-end: a set of an exercise
    stopped partway, an exercise of three sets, another of two, and a next-day answer."""
    store = _scratch_store()
    day = "2026-01-14"

    def exercise(name: str, sets: int) -> list[str]:
        made = [store.record_session("set", name, 30.0, sets=1, day=day) for _ in range(sets)]
        return [*made, store.record_session("exercise", name, 40.0 * sets, sets=sets, day=day)]

    stray = store.record_session("set", "Prone Y raise", 30.0, sets=1, day=day)
    first = exercise("Prone Y raise", 3)
    other = exercise("Child's pose", 2)
    answer = store.record_next_day_check("worse", day=day)
    fixer = EntryFixer(store)
    # Ids and times as the store made them would change each run: name them in order.
    names = {entry["id"]: f"e{n}" for n, entry in enumerate(fixer.kept["entries"])}
    entries = [{**entry, "id": names[entry["id"]],
                "recorded_at": f"2026-01-14T08:00:{n:02d}+00:00"}
               for n, entry in enumerate(fixer.kept["entries"])]
    lines = [[answer], [other[-1], *other[:-1]], [first[-1], *first[:-1]], [stray]]
    return {"entries": entries, "words": fixer.config["words"],
            "lines": [[names[made] for made in line] for line in lines]}


def _described_cases() -> dict[str, Any]:
    """Entries of every kind with the words Python's describe_entry gives each, which the
    front-end's describeEntry must give too."""
    from thoracic.practice._entries import entry_json, entry_words
    from thoracic.progress import describe_entry

    store = _scratch_store()
    day = "2026-01-14"
    store.record_session("exercise", "Open book", 90.5, sets=1, day=day, version="easier",
                         rating=3, note="n" * 45)
    store.record_session("routine", "Daily routine", 540, sets=4, day=day)
    store.record_session("set", "Child's pose", 30, sets=1, day=day)
    for test in SELF_TESTS:
        for side in test.sides:
            store.record_self_test(test.id, test.high, side=side, day=day)
    store.record_next_day_check("same", day=day)
    entries = [*store.sessions(), *store.self_tests(), *store.next_day_checks()]
    cases = [{**entry_json(entry), "id": f"e{n}", "recorded_at": f"{day}T08:00:00+00:00"}
             for n, entry in enumerate(entries)]
    return {"words": entry_words(), "entries": cases,
            "texts": [describe_entry(entry) for entry in entries]}


def _import_cases() -> dict[str, Any]:
    """The reports the dashboard's host gives for a file loaded twice, then a later copy
    with a tick changed, with the nouns it words them with."""
    from thoracic.practice import LiveDashboard
    from thoracic.progress import progress_file_text

    source = _scratch_store()
    source.record_session("exercise", "Child's pose", 75.0, sets=2, day="2026-01-14")
    source.record_session("set", "Child's pose", 30.0, sets=1, day="2026-01-14")
    source.set_tick("daily-routine", "warm-up", True, day="2026-01-14")
    data = source.export_data()
    data["checklist_ticks"][0]["updated_at"] = "2026-01-14T08:00:00+00:00"
    first = progress_file_text(data).encode()
    data["checklist_ticks"][0].update(checked=False, updated_at="2026-01-14T09:00:00+00:00")
    later = progress_file_text(data).encode()
    shown = LiveDashboard(_scratch_store())
    reports = []
    for raw in (first, first, later):
        assert shown.handle({"do": "load", "name": "mine.json", "size": len(raw)}, [raw])
        reports.append(shown.status["report"])
    return {"nouns": shown.config["files"]["nouns"], "reports": reports}


def _rate_later_case() -> dict[str, Any]:
    """Today's practice as rate_earlier_practice keeps it: a finished exercise with its two
    sets, one already rated, and a run cut short after two sets; ids by what they are."""
    from unittest import mock

    from thoracic.base import TODAY_VARIABLE
    from thoracic.practice import SessionRating

    store = _scratch_store()
    day = "2026-01-15"  # fixed, so the file is the same every day it is written
    ids = {"rated": store.record_session("exercise", "Open book", 60, sets=1, day=day,
                                         rating=2)}
    for n in (1, 2):
        ids[f"set-{n}"] = store.record_session("set", "Child's pose", 30, sets=1, day=day)
    ids["exercise"] = store.record_session("exercise", "Child's pose", 80, sets=2, day=day)
    for n in (1, 2):
        ids[f"cut-{n}"] = store.record_session("set", "Kneeling thoracic extension", 32,
                                               sets=1, day=day)
    with mock.patch.dict("os.environ", {TODAY_VARIABLE: day}):
        kept = SessionRating(store, later=True).kept["today"]
    names = {value: key for key, value in ids.items()}
    # In the order saved, a second apart (saved within one second, they tie), and fixed, so
    # the file is the same every time it is written.
    return {"today": [{**entry, "id": names[entry["id"]],
                       "recorded_at": f"{day}T08:00:{n:02d}+00:00"}
                      for n, entry in enumerate(kept)]}


def _history(rng: random.Random, case: int) -> dict[str, Any]:
    """A made-up progress file of a few weeks: mostly complete, green sessions (so doses
    step up), with amber and red ones, gaps, next-day answers, the routine and effort
    ticks; ids and stamps fixed, so the file is the same every time it is written."""
    exercises = load_exercises()
    day = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(7))
    last = day + dt.timedelta(days=rng.randrange(14, 80))
    busy = rng.uniform(0.3, 0.95)
    # Most learners rate in the green zone and step up; some have a harder time.
    troubled = case % 3 == 0
    calm = [None, 1, 2, 3, 4, 5, 6, 8] if troubled else [None, 0, 1, 2, 2, 3]
    prefix = EXAMPLE_ID_PREFIX if case % 10 == 9 else ""  # now and then the sample's ids
    file: dict[str, Any] = {"format": EXPORT_FORMAT, "version": SCHEMA_VERSION,
                            "sessions": [], "checklist_ticks": [], "next_day_checks": []}

    def stamp(when: dt.date, n: int) -> str:
        return f"{when}T08:{n // 60 % 60:02d}:{n % 60:02d}+00:00"

    while day <= last:
        if rng.random() < 0.04:  # a break of a week or two
            day += dt.timedelta(days=rng.randrange(7, 16))
        if rng.random() < busy:
            rating = rng.choice(calm if rng.random() < 0.98 else [4, 5, 6, 8])
            for exercise in rng.sample(exercises, rng.randrange(1, len(exercises) + 1)):
                version = rng.choice([None, "standard", "standard", "easier", "harder",
                                      *list(exercise.doses)])
                whole = expected_sets(exercise.doses[version or "standard"])
                n = len(file["sessions"])
                file["sessions"].append({
                    "id": f"{prefix}s{n}", "day": str(day), "recorded_at": stamp(day, n),
                    "kind": "exercise", "exercise": exercise.name,
                    "sets": rng.choice([whole, whole, whole, max(1, whole - 1), whole + 1, None]),
                    "duration_seconds": 60.0, "note": None, "version": version,
                    "rating": rating if rng.random() < 0.95 else rng.choice([None, 2, 5, 7])})
                if exercise.kind == "strength" and rng.random() < 0.7:
                    file["checklist_ticks"].append({
                        "checklist": exercise.form_checklist, "day": str(day),
                        "item": load_progression().effort_cue,
                        "checked": rng.random() < 0.8, "updated_at": stamp(day, n)})
            if rng.random() < 0.3:
                n = len(file["sessions"])
                file["sessions"].append({
                    "id": f"{prefix}s{n}", "day": str(day), "recorded_at": stamp(day, n),
                    "kind": "routine", "exercise": "Daily routine", "sets": None,
                    "duration_seconds": 500.0, "note": None, "version": None,
                    "rating": rng.choice(calm)})
        if rng.random() < (0.25 if troubled else 0.05):
            n = len(file["next_day_checks"])
            file["next_day_checks"].append({
                "id": f"c{n}", "day": str(day), "recorded_at": stamp(day, n),
                "answer": rng.choice(["better", "same", "same", "same", "worse"])})
        day += dt.timedelta(days=1)
    return file


PLAN_READS = {"sessions": ("id", "day", "kind", "exercise", "sets", "rating", "version"),
              "checklist_ticks": ("checklist", "item", "day", "checked"),
              "next_day_checks": ("day", "answer")}


def _plan_cases() -> list[dict[str, Any]]:
    """Histories, a day to plan for, and the plan Python makes of them (the week and the
    weeks so far): plan.js must make the same of the same records."""
    rng = random.Random(25)
    cases = [{"records": {"sessions": [], "checklist_ticks": [], "next_day_checks": []},
              "on": "2026-03-04"}]
    for case in range(36):
        file = _history(rng, case)
        days = [s["day"] for s in file["sessions"]] or ["2026-02-01"]
        on = dt.date.fromisoformat(max(days)) + dt.timedelta(days=rng.randrange(-10, 12))
        cases.append({"records": file, "on": str(on)})
    for case in cases:
        store = _scratch_store()
        store.import_data({"format": EXPORT_FORMAT, "version": SCHEMA_VERSION,
                           **case["records"]})
        history = learner_history(store)
        on = dt.date.fromisoformat(case["on"])
        week = history.week(on)
        case["week"] = week.to_json()
        levels = {planned.exercise.id: planned.level for planned in week.exercises}
        case["minutes"] = {routine: routine_minutes(routine, versions=levels)
                           for routine in ("daily", "strength-day")}

        case["history"] = [week.to_json() for week in history.history(on)]
        # What the plan reads of each record, so the file stays small.
        case["records"] = {kind: [{name: record[name] for name in reads}
                                  for record in case["records"][kind]]
                           for kind, reads in PLAN_READS.items()}
    # A few whole routines (each is long), at mixes of doses that differ.
    mixes: dict[tuple[str, ...], dict[str, Any]] = {}
    for case in cases:
        mix = tuple(planned["level"] for planned in case["week"]["exercises"])
        if len(set(mix)) > 1 and len(mixes) < 3:
            mixes.setdefault(mix, case)
    for case in mixes.values():
        levels = {planned["id"]: planned["level"] for planned in case["week"]["exercises"]}
        case["routine"] = routine_plan("strength-day", versions=levels).to_json()
    return cases


def node_fixtures() -> dict[str, Any]:
    """Each file's name and what it holds."""
    return {"plans.json": {name: plan.to_json() for name, plan in timer_plans().items()},
            "device_rules.json": device_rules(),
            "plan_cases.json": {"rules": plan_rules(), "cases": _plan_cases()},
            "parts_cases.json": {"self_tests": _self_test_cases(), "safety": _safety_cases(),
                                 "entries": _entries_case(), "imports": _import_cases(),
                                 "rate_later": _rate_later_case(),
                                 "described": _described_cases(),
                                 "clearance_days": CLEARANCE_DAYS}}


def fixture_text(content: Any) -> str:
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    for name, content in node_fixtures().items():
        path = FOLDER / name
        text = fixture_text(content)
        if not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(FOLDER.parents[1])}")


if __name__ == "__main__":
    main()

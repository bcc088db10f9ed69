"""The six-week plan that adapts: from the practice history to this week's dose.

Pure: the same history and day always give the same plan. The plan is decided week by
week (weeks start on Monday) from the weeks before, by the rules in
``content/data/progression.toml``; within the current week only a step down can happen
(safety first: a red session or a worse next morning steps down at once).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..content import (
    DISCOMFORT_SCALE,
    Dose,
    Exercise,
    ProgressionRules,
    load_exercises,
    load_progression,
)
from ..progress import EXAMPLE_ID_PREFIX, NextDayCheck, Session, Store

__all__ = ["ExerciseWeek", "LearnerHistory", "WeekPlan", "expected_sets", "learner_history",
           "plan_history", "plan_week"]

Zone = str  # "green", "amber" or "red"


@dataclass(frozen=True)
class ExerciseWeek:
    """One exercise's dose for one week, and why."""

    exercise: Exercise
    level: str  # a step of the ladder: "easier", "standard", "harder"
    reason: str
    target_sessions: int
    done_sessions: int

    @property
    def dose(self) -> Dose:
        return self.exercise.doses[self.level]


@dataclass(frozen=True)
class WeekPlan:
    """Every exercise's dose for the week starting ``week_start`` (a Monday)."""

    week_start: dt.date
    week_number: int  # 1 for the first week with practice (or this week, with none yet)
    exercises: tuple[ExerciseWeek, ...]
    example: bool = False  # made from the made-up sample history only

    def for_exercise(self, exercise_id: str) -> ExerciseWeek:
        return next(week for week in self.exercises if week.exercise.id == exercise_id)

    @property
    def levels(self) -> dict[str, str]:
        """Each exercise's step of the ladder this week, by exercise id."""
        return {week.exercise.id: week.level for week in self.exercises}

    def to_json(self) -> dict[str, Any]:
        """The week as the browser's plan (plan.js) gives it: plain JSON, exercises by id."""
        return {"week_start": self.week_start.isoformat(), "week_number": self.week_number,
                "example": self.example,
                "exercises": [{"id": week.exercise.id, "level": week.level,
                               "reason": week.reason, "target": week.target_sessions,
                               "done": week.done_sessions} for week in self.exercises]}


@dataclass
class _Day:
    """What happened with one exercise on one day."""

    complete: bool = False
    zones: set[Zone] = field(default_factory=set)
    worse_next_day: bool = False
    versions: set[str] = field(default_factory=set)  # the doses' versions run, where known
    effort_ok: bool = False  # the effort check was ticked (strength work steps up on it)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _zone(rating: int | None) -> Zone | None:
    return None if rating is None else DISCOMFORT_SCALE.zone(rating).name


def expected_sets(dose: Dose) -> int:
    """Sets the practice log counts for a whole dose: each side's sets."""
    return dose.sets * (2 if dose.per_side else 1)


def _days(exercise: Exercise, sessions: Sequence[Session], checks: Iterable[NextDayCheck],
          effort_days: Collection[str] = ()) -> dict[dt.date, _Day]:
    """Each day the exercise was done: whether a whole dose was (the gentlest dose counts
    as whole), the zones of its ratings (its own, or the day's routine), whether the next
    morning was worse, and whether the effort check was ticked (``effort_days``, ISO)."""
    days: dict[dt.date, _Day] = defaultdict(_Day)
    least = min(expected_sets(dose) for dose in exercise.doses.values())
    routine_zones: dict[dt.date, set[Zone]] = defaultdict(set)
    for session in sessions:
        zone = _zone(session.rating)
        if session.kind == "routine" and zone:
            routine_zones[dt.date.fromisoformat(session.day)].add(zone)
    for session in sessions:
        if session.exercise != exercise.name or session.kind != "exercise":
            continue
        done = days[dt.date.fromisoformat(session.day)]
        # A whole dose of the version it ran (of the gentlest, where that is not known).
        dose = exercise.doses.get(session.version or "")
        whole = expected_sets(dose) if dose is not None else least
        done.complete = done.complete or (session.sets or 0) >= whole
        if session.version:
            done.versions.add(session.version)
        zone = _zone(session.rating)
        if zone:
            done.zones.add(zone)
    for when, zones in routine_zones.items():
        if when in days:
            days[when].zones |= zones
    for when, day in days.items():
        day.effort_ok = when.isoformat() in effort_days
    practice_days = sorted(days)
    for check in checks:
        if check.answer != "worse":
            continue
        checked = dt.date.fromisoformat(check.day)
        before = [day for day in practice_days if day < checked]
        if before and (checked - before[-1]).days <= 2:  # about the last session, not older
            days[before[-1]].worse_next_day = True
    return dict(days)


class _Ladder:
    def __init__(self, rules: ProgressionRules, exercise: Exercise) -> None:
        self.steps = [step for step in rules.ladder if step in exercise.doses]
        self.index = self.steps.index(rules.start)

    @property
    def level(self) -> str:
        return self.steps[self.index]

    def up(self) -> bool:
        if self.index + 1 < len(self.steps):
            self.index += 1
            return True
        return False

    def down(self) -> None:
        self.index = max(0, self.index - 1)

    def reached(self, versions: set[str]) -> bool:
        """Whether a day's versions include this step or a harder one (unknown: yes)."""
        known = [self.steps.index(v) for v in versions if v in self.steps]
        return not versions or (bool(known) and max(known) >= self.index)


def _plan_exercise(exercise: Exercise, days: dict[dt.date, _Day], all_days: Sequence[dt.date],
                   week: dt.date, rules: ProgressionRules) -> tuple[str, str]:
    """(level, reason) for the week starting ``week``, replaying every week before it."""
    ladder = _Ladder(rules, exercise)
    say = rules.say
    staying = True  # the week's reason is "stays, counting towards the next step"
    reason = ""
    qualifying = 0

    def counts(day: _Day) -> bool:
        # A session counts once it was complete and rated, rated only green, and run at
        # this dose or above (a gentler one the learner picked does not show this dose is
        # easy). Strength work also needs the effort check: reps to spare.
        return (day.complete and day.zones == {"green"} and ladder.reached(day.versions)
                and (exercise.kind != "strength" or day.effort_ok))

    if not all_days:
        return ladder.level, say["stay"].format(level=ladder.level, done=0,
                                                needed=rules.step_up_sessions)
    restarted_after: dt.date | None = None  # one gentler restart per gap, not one a week
    start = _monday(all_days[0])
    monday = start
    while monday <= week:
        staying = False
        last_week = [day for day in sorted(days) if monday - dt.timedelta(days=7) <= day < monday]
        before = [day for day in all_days if day < monday]
        gap = (monday - before[-1]).days - 1 if before else 0
        if monday > start:
            troubled = [days[d] for d in last_week if "red" in days[d].zones
                        or days[d].worse_next_day]
            if before and gap >= rules.gap_days and restarted_after == before[-1]:
                pass  # still away since the restart: the same dose, for the same reason
            elif before and gap >= rules.gap_days:
                restarted_after = before[-1]
                ladder.down()
                qualifying = 0
                reason = say["restart"].format(days=gap, level=ladder.level)
            elif troubled:
                ladder.down()
                qualifying = 0
                why = say["red"] if any("red" in d.zones for d in troubled) else say["worse"]
                reason = say["step_down"].format(why=why, level=ladder.level)
            elif any("amber" in days[d].zones for d in last_week):
                reason = say["stay_amber"].format(level=ladder.level)
            else:
                qualifying += sum(1 for d in last_week if counts(days[d]))
                if qualifying >= rules.step_up_sessions and ladder.up():
                    qualifying = 0
                    reason = say["step_up"].format(sessions=rules.step_up_sessions,
                                                   level=ladder.level)
                elif ladder.index == len(ladder.steps) - 1:
                    reason = say["at_top"].format(level=ladder.level)
                else:
                    staying = True
        else:
            staying = True  # the first week
        monday += dt.timedelta(days=7)
    # This week so far: only a step down, and at once; good sessions count on.
    this_week = [days[d] for d in days if week <= d < week + dt.timedelta(days=7)]
    if staying:
        done = qualifying + sum(1 for d in this_week if counts(d))
        needed = rules.step_up_sessions
        reason = (say["ready"].format(level=ladder.level, needed=needed) if done >= needed
                  else say["stay"].format(level=ladder.level, done=done, needed=needed))
    trouble = [d for d in this_week if "red" in d.zones or d.worse_next_day]
    if trouble:
        ladder.down()
        why = say["red"] if any("red" in d.zones for d in trouble) else say["worse"]
        reason = say["step_down"].format(why=why, level=ladder.level)
    # Red again and again on the gentlest version: the dose is not the problem.
    gentlest = ladder.steps[0]
    red_at_gentlest = sum(1 for d in days.values()
                          if "red" in d.zones and gentlest in d.versions)
    if ladder.index == 0 and red_at_gentlest >= rules.see_someone_sessions:
        reason = say["see_someone"].format(count=red_at_gentlest)
    return ladder.level, reason


def plan_week(sessions: Sequence[Session], checks: Sequence[NextDayCheck], on: dt.date, *,
              efforts: Mapping[str, Collection[str]] | None = None,
              rules: ProgressionRules | None = None) -> WeekPlan:
    """The plan for the week that holds ``on``: each exercise's dose and why.

    ``efforts`` maps a strength exercise's id to the days (ISO) its effort check was
    ticked; strength work steps up only on those days' sessions.
    """
    rules = rules or load_progression()
    week = _monday(on)
    practised = sorted({dt.date.fromisoformat(s.day) for s in sessions
                        if dt.date.fromisoformat(s.day) <= on})
    number = 1 if not practised else (week - _monday(practised[0])).days // 7 + 1
    weeks = []
    for exercise in load_exercises():
        effort_days = (efforts or {}).get(exercise.id, ())
        days = {day: what for day, what in _days(exercise, sessions, checks, effort_days).items()
                if day <= on}
        level, reason = _plan_exercise(exercise, days, practised, week, rules)
        done = sum(1 for day in days if week <= day <= on)
        weeks.append(ExerciseWeek(exercise, level, reason, rules.targets[exercise.kind], done))
    example = bool(sessions) and all(s.id.startswith(EXAMPLE_ID_PREFIX) for s in sessions)
    return WeekPlan(week, max(1, number), tuple(weeks), example)


def plan_history(sessions: Sequence[Session], checks: Sequence[NextDayCheck], on: dt.date,
                 *, efforts: Mapping[str, Collection[str]] | None = None,
                 rules: ProgressionRules | None = None) -> list[WeekPlan]:
    """The plan of every week from the first week with practice to the week of ``on``."""
    practised = sorted(dt.date.fromisoformat(s.day) for s in sessions)
    if not practised:
        return [plan_week(sessions, checks, on, efforts=efforts, rules=rules)]
    weeks = []
    monday = _monday(practised[0])
    while monday <= on:
        end = min(on, monday + dt.timedelta(days=6))
        weeks.append(plan_week(sessions, checks, end, efforts=efforts, rules=rules))
        monday += dt.timedelta(days=7)
    return weeks


@dataclass(frozen=True)
class LearnerHistory:
    """Everything the plan reads from a store: the practice log, the next-day answers and
    the days each strength exercise's effort check was ticked."""

    sessions: tuple[Session, ...]
    checks: tuple[NextDayCheck, ...]
    efforts: dict[str, frozenset[str]]

    def week(self, on: dt.date) -> WeekPlan:
        return plan_week(self.sessions, self.checks, on, efforts=self.efforts)

    def history(self, on: dt.date) -> list[WeekPlan]:
        return plan_history(self.sessions, self.checks, on, efforts=self.efforts)


def learner_history(store: Store, *, rules: ProgressionRules | None = None) -> LearnerHistory:
    """Read what the plan needs from a store (raises StoreError when it cannot be read)."""
    rules = rules or load_progression()
    sessions = tuple(store.sessions())
    efforts: dict[str, frozenset[str]] = {}
    for exercise in load_exercises():
        if exercise.kind != "strength":
            continue
        days = sorted({s.day for s in sessions if s.exercise == exercise.name})
        efforts[exercise.id] = frozenset(
            day for day in days
            if store.ticks(exercise.form_checklist, day=day).get(rules.effort_cue))
    return LearnerHistory(sessions, tuple(store.next_day_checks()), efforts)

"""The adaptive plan: seeded histories give the expected week, and properties hold for any
history (hypothesis makes the histories)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from html import escape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thoracic.base import today
from thoracic.content import get_exercise, load_exercises, load_progression
from thoracic.plan import plan_history, plan_week
from thoracic.practice import exercise_timer, routine_timer
from thoracic.progress import NextDayCheck, ProgressStore, Session

MONDAY = dt.date(2026, 11, 2)
ROLLER = get_exercise("foam-roller-extension")
RULES = load_progression()


def _session(day: dt.date, rating: int | None, *, sets: int = 3, n: int = 0,
             exercise: str = ROLLER.name, version: str | None = None) -> Session:
    return Session(id=f"s{day.isoformat()}-{n}", day=day.isoformat(),
                   recorded_at=f"{day.isoformat()}T18:00:00+00:00", kind="exercise",
                   exercise=exercise, sets=sets, duration_seconds=142.0, rating=rating,
                   note=None, version=version)


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _week(sessions: Sequence[Session], on: dt.date, checks: Sequence[NextDayCheck] = ()):
    return plan_week(sessions, checks, on).for_exercise(ROLLER.id)


def test_with_no_history_every_exercise_starts_at_the_standard_dose() -> None:
    plan = plan_week([], [], MONDAY)
    assert plan.week_number == 1 and not plan.example
    assert {week.level for week in plan.exercises} == {RULES.start}
    targets = {week.exercise.id: week.target_sessions for week in plan.exercises}
    assert targets["prone-y-raise"] == RULES.targets["strength"]
    assert targets["childs-pose"] == RULES.targets["mobility"]


def test_three_complete_green_sessions_step_up_the_next_week() -> None:
    history = [_session(MONDAY + dt.timedelta(days=d), 1, n=d) for d in range(3)]
    same_week = _week(history, MONDAY + dt.timedelta(days=5))
    assert same_week.level == "standard"  # a step up waits for the new week
    week = _week(history, MONDAY + dt.timedelta(days=7))
    assert week.level == "harder"
    assert week.reason.startswith("Your last 3 sessions of it were complete and rated in the "
                                  "green zone")
    assert week.dose == ROLLER.doses["harder"]


def test_an_amber_session_holds_the_dose() -> None:
    history = [_session(MONDAY + dt.timedelta(days=d), 1 if d else 4, n=d) for d in range(4)]
    week = _week(history, MONDAY + dt.timedelta(days=7))
    assert week.level == "standard" and "amber zone" in week.reason


def test_a_red_session_or_a_worse_morning_steps_down_at_once_and_says_when_to_get_help() -> None:
    red = [_session(MONDAY, 7)]
    week = _week(red, MONDAY + dt.timedelta(days=1))
    assert week.level == "easier"
    assert week.reason.startswith("A session was in the red zone")
    assert "see a doctor or physiotherapist" in week.reason
    calm = [_session(MONDAY, 1)]
    worse = [NextDayCheck(id="c1", day=(MONDAY + dt.timedelta(days=1)).isoformat(),
                          answer="worse", recorded_at="x")]
    week = _week(calm, MONDAY + dt.timedelta(days=1), worse)
    assert week.level == "easier" and week.reason.startswith("Your back was worse the next")


def test_a_week_away_restarts_gently() -> None:
    history = [_session(MONDAY + dt.timedelta(days=d), 1, n=d) for d in range(3)]
    back = MONDAY + dt.timedelta(days=7 * 3)  # two weeks and more with no practice
    week = _week(history, back)
    assert week.level == "standard"  # it had stepped up to harder, then one step gentler
    assert week.reason.startswith("You had ") and "starts again gently" in week.reason


def test_incomplete_unrated_or_gentler_sessions_do_not_step_up() -> None:
    partial = [_session(MONDAY + dt.timedelta(days=d), 1, sets=1, n=d) for d in range(4)]
    unrated = [_session(MONDAY + dt.timedelta(days=d), None, n=d) for d in range(4)]
    gentler = [_session(MONDAY + dt.timedelta(days=d), 1, sets=2, n=d, version="easier")
               for d in range(4)]  # the learner picked the easier dose: whole, but gentler
    for history in (partial, unrated, gentler):
        assert _week(history, MONDAY + dt.timedelta(days=7)).level == "standard"
    chosen = [_session(MONDAY + dt.timedelta(days=d), 1, n=d, version="standard")
              for d in range(3)]
    assert _week(chosen, MONDAY + dt.timedelta(days=7)).level == "harder"


def test_the_timers_run_this_week_s_dose_and_say_why(tmp_path) -> None:
    store = ProgressStore(tmp_path / "progress.sqlite3")
    last_week = _monday(today()) - dt.timedelta(days=7)
    for day in range(3):
        store.record_session("exercise", ROLLER.name, 142.0, sets=3,
                             day=(last_week + dt.timedelta(days=day)).isoformat())
    for session in store.sessions():
        store.rate_session(session.id, 1, None)
    practice = exercise_timer(ROLLER.id, store=store)
    plan = plan_week(store.sessions(), [], today())
    expected = plan.for_exercise(ROLLER.id)
    assert practice.timer.version == expected.level == "harder"
    assert f"Week {plan.week_number}: " in practice.children[0].value
    assert escape(expected.reason) in practice.children[0].value
    routine = routine_timer(store=store)
    sets = [p for p in routine.timer.timer_plan.phases
            if p.exercise == ROLLER.name and p.kind == "reps"]
    assert len(sets) == ROLLER.doses[expected.level].sets


def test_every_step_of_every_ladder_stays_within_the_sources_upper_dose() -> None:
    for exercise in load_exercises():
        for step in RULES.ladder:
            dose = exercise.doses.get(step)
            if dose is None:
                continue
            if dose.style == "hold":
                limits = RULES.limits["hold"]
                assert dose.hold_seconds is not None and limits.max_hold_seconds is not None
                assert dose.hold_seconds <= limits.max_hold_seconds
                assert limits.max_holds is not None and dose.reps <= limits.max_holds
            else:
                limits = RULES.limits[exercise.kind]
                assert limits.max_reps is not None and dose.reps <= limits.max_reps
                assert limits.max_sets is not None and dose.sets <= limits.max_sets


# -- properties of any history ------------------------------------------------------------

_days = st.integers(min_value=0, max_value=60)
_sessions = st.lists(st.tuples(_days, st.one_of(st.none(), st.integers(0, 10)),
                               st.integers(1, 4)), max_size=40)
_checks = st.lists(st.tuples(_days, st.sampled_from(["better", "same", "worse"])),
                   max_size=10, unique_by=lambda c: c[0])


def _history(raw, checks_raw):
    sessions = [_session(MONDAY + dt.timedelta(days=d), rating, sets=sets, n=n)
                for n, (d, rating, sets) in enumerate(raw)]
    checks = [NextDayCheck(id=f"c{d}", day=(MONDAY + dt.timedelta(days=d)).isoformat(),
                           answer=answer, recorded_at="x") for d, answer in checks_raw]
    return sessions, checks


@settings(max_examples=60, deadline=None)
@given(_sessions, _checks, _days)
def test_the_plan_stays_on_the_ladder_and_is_the_same_every_time(raw, checks_raw, on) -> None:
    sessions, checks = _history(raw, checks_raw)
    day = MONDAY + dt.timedelta(days=on)
    first = plan_week(sessions, checks, day)
    assert first == plan_week(list(reversed(sessions)), list(reversed(checks)), day)
    for week in first.exercises:
        assert week.level in RULES.ladder and week.level in week.exercise.doses
        assert week.reason and week.done_sessions >= 0


@settings(max_examples=60, deadline=None)
@given(_sessions, _checks, _days)
def test_the_plan_never_steps_up_after_a_red_session(raw, checks_raw, on) -> None:
    sessions, checks = _history(raw, checks_raw)
    weeks = plan_history(sessions, checks, MONDAY + dt.timedelta(days=on))
    order = list(RULES.ladder)
    for before, after in itertools.pairwise(weeks):
        red_in_week = any(
            s.rating is not None and s.rating >= 6
            and before.week_start <= dt.date.fromisoformat(s.day)
            < before.week_start + dt.timedelta(days=7) for s in sessions)
        if red_in_week:
            old = order.index(before.for_exercise(ROLLER.id).level)
            assert order.index(after.for_exercise(ROLLER.id).level) <= old


@pytest.mark.parametrize("example", [True, False])
def test_a_history_of_example_entries_is_labelled_an_example(example: bool) -> None:
    session = _session(MONDAY, 1)
    if example:
        session = Session(**{**session.__dict__, "id": "example-1"})
    assert plan_week([session], [], MONDAY).example is example


Y_RAISE = get_exercise("prone-y-raise")


def _y_raise_week(efforts: dict[str, set[str]] | None) -> str:
    history = [_session(MONDAY + dt.timedelta(days=d), 1, n=d, sets=Y_RAISE.dose.sets,
                        exercise=Y_RAISE.name) for d in (0, 2, 4)]
    week = plan_week(history, [], MONDAY + dt.timedelta(days=7), efforts=efforts)
    return week.for_exercise(Y_RAISE.id).level


def test_strength_work_steps_up_only_with_reps_to_spare() -> None:
    assert _y_raise_week(None) == "standard"  # pain-free, but no word on effort
    days = {(MONDAY + dt.timedelta(days=d)).isoformat() for d in (0, 2)}
    assert _y_raise_week({Y_RAISE.id: days}) == "standard"  # 2 of the 3 had reps to spare
    days.add((MONDAY + dt.timedelta(days=4)).isoformat())
    assert _y_raise_week({Y_RAISE.id: days}) == "harder"


def test_the_effort_check_is_a_form_cue_of_every_strength_exercise() -> None:
    for exercise in load_exercises():
        if exercise.kind == "strength":
            assert RULES.effort_cue in {cue.id for cue in exercise.form_cues}


def test_mobility_work_needs_no_effort_check() -> None:
    history = [_session(MONDAY + dt.timedelta(days=d), 1, n=d) for d in range(3)]
    assert plan_week(history, [], MONDAY + dt.timedelta(days=7),
                     efforts={}).for_exercise(ROLLER.id).level == "harder"


def test_repeated_red_on_the_gentlest_version_says_get_checked() -> None:
    history = [_session(MONDAY, 7, version="standard"),
               _session(MONDAY + dt.timedelta(days=1), 7, n=1, version="easier")]
    once = _week(history, MONDAY + dt.timedelta(days=1))
    assert once.level == "easier" and "doctor or physiotherapist" in once.reason
    assert "gentlest" not in once.reason  # one red on the gentlest: not yet
    history.append(_session(MONDAY + dt.timedelta(days=2), 8, n=2, version="easier"))
    twice = _week(history, MONDAY + dt.timedelta(days=2))
    assert twice.level == "easier"
    assert twice.reason == RULES.say["see_someone"].format(count=2)
    assert "stop this exercise" in twice.reason


def test_the_story_of_when_the_dose_changes_comes_from_the_rules() -> None:
    story = " ".join(RULES.story)
    assert f"After {RULES.step_up_sessions} complete sessions" in story
    assert f"After {RULES.gap_days} days or more" in story
    assert "on Monday" in story and "2 more good reps" in story
    assert RULES.start in story  # "Everyone starts at the standard dose."


def test_rules_that_are_the_courses_own_say_so() -> None:
    for rule in ("stay_amber", "restart"):
        assert "course's own" in RULES.sources[rule]
    assert "start below your last dose" not in " ".join(RULES.sources.values())


def test_the_plan_line_says_the_count_as_it_stands_today() -> None:
    """The dose is set on Monday, but the line counts this week's good sessions as they
    come, so it never reads as a stale "3 more" after two green sessions (issue 23)."""
    history = [_session(MONDAY + dt.timedelta(days=d), 1, n=d) for d in range(3)]
    needed = RULES.step_up_sessions
    before = _week([], MONDAY)
    assert before.reason.endswith(f"towards the next step: 0 of {needed} so far.")
    two = _week(history[:2], MONDAY + dt.timedelta(days=1))
    assert two.level == "standard"
    assert two.reason == (f"This week stays at the standard dose; the plan sets each week's "
                          "dose on Monday. Complete sessions rated in the green zone towards "
                          f"the next step: 2 of {needed} so far.")
    three = _week(history, MONDAY + dt.timedelta(days=2))
    assert three.level == "standard" and three.reason.endswith(
        f"You now have {needed} complete sessions rated in the green zone, so it steps up "
        "next Monday.")
    unrated = _week([*history[:2], _session(MONDAY + dt.timedelta(days=2), None, n=9)],
                    MONDAY + dt.timedelta(days=2))
    assert unrated.reason.endswith(f"2 of {needed} so far.")  # only the learner's word counts

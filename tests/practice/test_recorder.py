"""The practice log, fed the events the browser timer really sends (its state machine runs
under Node through the ``browser_events`` fixture)."""

from __future__ import annotations

from pathlib import Path

from thoracic import CoachTimer, ProgressStore, get_exercise
from thoracic.practice import TimedPractice
from thoracic.progress import LearnerStore, describe_entry
from thoracic.timer import GET_READY_SECONDS, build_plan, daily_routine_plan, plan_for_exercise

READY = GET_READY_SECONDS


def _practice(plan, store) -> TimedPractice:
    return TimedPractice(CoachTimer(plan), store=store)


def _play(practice: TimedPractice, events: list[dict]) -> None:
    for event in events:
        assert practice.timer.handle_event(event), event


def _log(store: ProgressStore) -> list[tuple]:
    return [(s.kind, s.exercise, s.sets, s.duration_seconds) for s in store.sessions()]


def test_each_set_is_logged_as_it_ends_and_the_exercise_at_the_end(browser_events,
                                                                   store) -> None:
    plan = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))  # 10, 32, 30, 32
    practice = _practice(plan, store)
    first = browser_events(plan, [["start"], ["advance", READY + 32 + 1]])
    _play(practice, first)
    assert practice.timer.status == "running"
    assert _log(store) == [("set", "Kneeling thoracic extension", 1, 32.0)]
    assert practice.rating.kept == {"session": None}  # not finished yet: nothing to rate
    rest = browser_events(plan, [["start"], ["advance", READY + 32 + 1], ["advance", 70]])
    _play(practice, rest[len(first):])
    assert _log(store)[1:] == [("set", "Kneeling thoracic extension", 1, 32.0),
                               ("exercise", "Kneeling thoracic extension", 2, READY + 94.0)]
    assert practice.timer.status == "done"
    exercise = next(s for s in store.sessions() if s.kind == "exercise")
    assert practice.rating.kept == {"session": exercise.id}  # the exercise, not a set


def test_skipped_work_is_not_counted_but_done_with_set_is(browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise("foam-roller-extension"))  # 30 s, 3 sets of 24 s
    practice = _practice(plan, store)
    _play(practice, browser_events(plan, [
        ["start"], ["skip"],  # get ready skipped
        ["advance", 30],  # the warm-up ran its time: it counts, but it is not a set
        ["advance", 10], ["done"],  # set 1 finished early, after 10 s
        ["skip"], ["skip"], ["skip"],  # rest, set 2 and rest skipped
        ["advance", 24],  # set 3 ran to its end
    ]))
    assert _log(store) == [("set", "Foam roller extension", 1, 10.0),
                           ("set", "Foam roller extension", 1, 24.0),
                           ("exercise", "Foam roller extension", 2, 64.0)]


def test_all_skipped_logs_nothing(browser_events, store) -> None:
    plan = build_plan(name="Short", style="hold", reps=1, sets=1, rest_seconds=0,
                      hold_seconds=10)
    practice = _practice(plan, store)
    _play(practice, browser_events(plan, [["start"], ["skip"], ["skip"]]))
    assert practice.timer.status == "done" and store.sessions() == []


def test_rating_and_note_are_saved_with_the_finished_exercise(browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise("childs-pose"))
    practice = _practice(plan, store)
    _play(practice, browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]]))
    session = practice.rating.kept["session"]
    assert practice.rating.handle({"do": "rate", "session": session, "rating": 3,
                                   "note": "<script>alert(1)</script>"}) is True
    logged = next(s for s in store.sessions() if s.kind == "exercise")
    assert logged.id == session
    assert (logged.rating, logged.note) == (3, "<script>alert(1)</script>")  # kept as typed
    assert all(s.rating is None for s in store.sessions() if s.kind == "set")


def test_the_routine_logs_each_exercise_as_it_completes_then_the_routine(browser_events,
                                                                         store) -> None:
    plan = daily_routine_plan()
    practice = _practice(plan, store)
    first_other = next(i for i, p in enumerate(plan.phases)
                       if p.exercise != plan.phases[0].exercise)
    early = browser_events(plan, [["start"], ["advance", plan.phase_start(first_other) + 0.5]])
    _play(practice, early)
    assert [s.exercise for s in store.sessions() if s.kind == "exercise"] == [
        "Foam roller extension"]
    everything = browser_events(plan, [["start"],
                                       ["advance", plan.phase_start(first_other) + 0.5],
                                       ["advance", plan.total_seconds]])
    _play(practice, everything[len(early):])
    kinds = [(s.kind, s.exercise) for s in store.sessions() if s.kind != "set"]
    assert kinds == [("exercise", "Foam roller extension"), ("exercise", "Child's pose"),
                     ("exercise", "Kneeling thoracic extension"),
                     ("exercise", "Side-lying open book"), ("routine", "Daily routine")]


def test_the_routine_is_rated_as_a_whole(browser_events, store) -> None:
    plan = daily_routine_plan()
    practice = _practice(plan, store)
    into_last = plan.phase_start(len(plan.phases) - 1) + 0.5
    early = browser_events(plan, [["start"], ["advance", into_last]])
    _play(practice, early)
    assert any(s.kind == "exercise" for s in store.sessions())
    assert practice.rating.kept == {"session": None}  # the exercises so far are not asked about
    assert practice.rating.save(4) is False
    _play(practice, browser_events(plan, [["start"], ["advance", into_last],
                                          ["advance", plan.total_seconds]])[len(early):])
    routine = next(s for s in store.sessions() if s.kind == "routine")
    assert practice.rating.kept == {"session": routine.id}
    assert practice.rating.save(4) is True
    rated = [(s.kind, s.rating) for s in store.sessions() if s.rating is not None]
    assert rated == [("routine", 4)]


def test_an_entry_the_store_refuses_is_said_under_the_rating_and_the_timer_carries_on(
        browser_events, tmp_path: Path, disk_full) -> None:
    store = LearnerStore(tmp_path / "progress.sqlite3")
    plan = plan_for_exercise(get_exercise("childs-pose"))
    practice = _practice(plan, store)
    disk_full.fill()
    _play(practice, browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]]))
    assert practice.timer.status == "done"
    assert "The disk is full" in practice.rating.saving
    assert practice.rating.kept == {"session": None}  # nothing logged, so nothing to rate
    disk_full.free()
    assert store.sessions() == []


def test_reset_starts_counting_afresh(browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise("childs-pose"))
    practice = _practice(plan, store)
    _play(practice, browser_events(plan, [
        ["start"], ["advance", READY + 30 + 1], ["reset"], ["start"],
        ["advance", plan.total_seconds]]))
    exercise = [s for s in store.sessions() if s.kind == "exercise"]
    # get ready, two 30 s holds, 15 s rest between them
    assert [(s.sets, s.duration_seconds) for s in exercise] == [(1, READY + 75.0)]
    assert [s.duration_seconds for s in store.sessions() if s.kind == "set"] == [60.0]


def test_each_entry_names_the_version_of_the_dose_it_ran(browser_events, store) -> None:
    from thoracic.practice import exercise_timer, routine_timer

    practice = exercise_timer("kneeling-thoracic-extension", store=store)
    practice.timer.version = "easier"  # the learner's own choice on the timer
    plan = practice.timer.timer_plan
    _play(practice, browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]]))
    assert {s.version for s in store.sessions()} == {"easier"}
    assert "easier" in describe_entry(store.sessions()[-1])

    routine = routine_timer(store=store)
    plan = routine.timer.timer_plan
    _play(routine, browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]]))
    logged = [s for s in store.sessions() if s.recorded_at and s.kind != "set"][-5:]
    # this week's plan (a fresh start: the standard dose) for each exercise; none for the
    # routine as a whole
    assert [(s.kind, s.version) for s in logged] == [("exercise", "standard")] * 4 + [
        ("routine", None)]

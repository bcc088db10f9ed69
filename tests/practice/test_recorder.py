from __future__ import annotations

import ipywidgets as widgets

from thoracic import ExerciseTimer, ProgressStore, get_exercise
from thoracic.practice import SessionRating, TimedPractice
from thoracic.timer import build_plan, daily_routine_plan, plan_for_exercise


def _practice(plan, clock, store, routine_name=None) -> TimedPractice:
    timer = ExerciseTimer(plan, clock=clock, background=False, key=f"log-{plan.name}")
    return TimedPractice(timer, store=store, routine_name=routine_name)


def _log(store: ProgressStore) -> list[tuple]:
    return [(s.kind, s.exercise, s.sets, s.duration_seconds) for s in store.sessions()]


def test_each_set_is_logged_as_it_ends_and_the_exercise_at_the_end(fake_clock, store) -> None:
    plan = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))  # 5, 24, 30, 24
    practice = _practice(plan, fake_clock, store)
    practice.timer.start()
    fake_clock.advance(5 + 24 + 1)
    practice.timer.refresh()
    assert _log(store) == [("set", "Kneeling thoracic extension", 1, 24.0)]
    assert practice.rating.save_button.disabled  # not finished yet
    fake_clock.advance(60)
    practice.timer.refresh()
    assert _log(store)[1:] == [("set", "Kneeling thoracic extension", 1, 24.0),
                               ("exercise", "Kneeling thoracic extension", 2, 83.0)]
    assert not practice.rating.save_button.disabled


def test_skipped_work_is_not_counted_but_done_with_set_is(fake_clock, store) -> None:
    plan = plan_for_exercise(get_exercise("foam-roller-extension"))  # 3 sets of 24 s
    practice = _practice(plan, fake_clock, store)
    timer = practice.timer
    timer.start()
    timer.skip()  # get ready skipped
    fake_clock.advance(10)
    timer.done_with_set()  # set 1 finished early, after 10 s
    timer.skip()  # rest skipped
    timer.skip()  # set 2 skipped
    timer.skip()  # rest skipped
    fake_clock.advance(24)
    timer.refresh()  # set 3 ran to its end
    assert _log(store) == [("set", "Foam roller extension", 1, 10.0),
                           ("set", "Foam roller extension", 1, 24.0),
                           ("exercise", "Foam roller extension", 2, 34.0)]


def test_all_skipped_logs_nothing(fake_clock, store) -> None:
    plan = build_plan(name="Short", style="hold", reps=1, sets=1, rest_seconds=0,
                      hold_seconds=10)
    practice = _practice(plan, fake_clock, store)
    practice.timer.start()
    practice.timer.skip()
    practice.timer.skip()
    assert practice.timer.status == "done" and store.sessions() == []


def test_rating_and_note_are_saved_and_shown_as_text(fake_clock, store) -> None:
    plan = build_plan(name="Short", style="hold", reps=1, sets=1, rest_seconds=0,
                      hold_seconds=10, get_ready_seconds=0)
    practice = _practice(plan, fake_clock, store)
    practice.timer.start()
    fake_clock.advance(10)
    practice.timer.refresh()
    practice.rating.rating.value = 3
    practice.rating.note.value = "<script>alert(1)</script>"
    practice.rating.save_button.click()
    logged = next(s for s in store.sessions() if s.kind == "exercise")
    assert (logged.rating, logged.note) == (3, "<script>alert(1)</script>")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in practice.rating.status.value
    assert "<script>" not in practice.rating.status.value


def test_the_routine_logs_each_exercise_as_it_completes_then_the_routine(fake_clock,
                                                                         store) -> None:
    plan = daily_routine_plan()
    practice = _practice(plan, fake_clock, store, routine_name=plan.name)
    practice.timer.start()
    first_other = next(i for i, p in enumerate(plan.phases)
                       if p.exercise != plan.phases[0].exercise)
    fake_clock.advance(plan.phase_start(first_other) + 0.5)
    practice.timer.refresh()
    exercises = [s.exercise for s in store.sessions() if s.kind == "exercise"]
    assert exercises == ["Foam roller extension"]
    fake_clock.advance(plan.total_seconds)
    practice.timer.refresh()
    kinds = [(s.kind, s.exercise) for s in store.sessions() if s.kind != "set"]
    assert kinds == [("exercise", "Foam roller extension"), ("exercise", "Child's pose"),
                     ("exercise", "Kneeling thoracic extension"), ("routine", "Daily routine")]


def test_the_routine_is_rated_as_a_whole(fake_clock, store) -> None:
    plan = daily_routine_plan()
    practice = _practice(plan, fake_clock, store, routine_name=plan.name)
    practice.timer.start()
    fake_clock.advance(plan.phase_start(len(plan.phases) - 1) + 0.5)  # into the last phase
    practice.timer.refresh()
    assert practice.rating.save_button.disabled  # the exercises so far are not asked about
    fake_clock.advance(plan.total_seconds)
    practice.timer.refresh()
    practice.rating.rating.value = 4
    practice.rating.save_button.click()
    rated = [(s.kind, s.rating) for s in store.sessions() if s.rating is not None]
    assert rated == [("routine", 4)]
    assert "Saved: 4 out of 10." in practice.rating.status.value


def test_the_chosen_rating_is_in_view_and_each_button_is_big_enough(store) -> None:
    rating = SessionRating(store)
    assert isinstance(rating.rating, widgets.ToggleButtons)  # every number shown at once
    assert rating.rating.options == tuple((str(n), n) for n in range(11))
    assert rating.rating.value is None  # no rating unless the learner picks one
    assert rating.rating.style.button_width == "2.75em"  # 44 px at the usual 16 px


def test_reset_starts_counting_afresh(fake_clock, store) -> None:
    plan = plan_for_exercise(get_exercise("childs-pose"))
    practice = _practice(plan, fake_clock, store)
    practice.timer.start()
    fake_clock.advance(5 + 30 + 1)
    practice.timer.refresh()
    practice.timer.reset()
    practice.timer.start()
    fake_clock.advance(plan.total_seconds)
    practice.timer.refresh()
    exercise = [s for s in store.sessions() if s.kind == "exercise"]
    # get ready 5 s, two 30 s holds, 15 s rest between them
    assert [(s.sets, s.duration_seconds) for s in exercise] == [(1, 80.0)]
    assert [s.duration_seconds for s in store.sessions() if s.kind == "set"] == [60.0]

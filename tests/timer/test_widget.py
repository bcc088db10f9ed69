from __future__ import annotations

import pytest
from traitlets import TraitError

from thoracic import ExerciseTimer, get_exercise
from thoracic.timer import build_plan, daily_routine_plan, format_seconds, plan_for_exercise
from thoracic.timer._sound import silence_wav, tone_wav

HOLDS = build_plan(name="Holds", style="hold", reps=2, sets=1, rest_seconds=10, hold_seconds=30,
                   get_ready_seconds=5)
REPS = plan_for_exercise(get_exercise("foam-roller-extension"))  # 5 + 3 x (6 x 4 s), 20 s rests


def _timer(plan, clock, **options) -> ExerciseTimer:
    return ExerciseTimer(plan, clock=clock, background=False, **options)


def test_format_seconds_rounds_up() -> None:
    assert [format_seconds(s) for s in (0, 0.2, 1, 59.5, 60, 125)] == [
        "0:00", "0:01", "0:01", "1:00", "1:00", "2:05"]


def test_idle_timer_shows_the_first_phase(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    assert timer.status == "idle"
    assert "Get ready" in timer.phase_box.value
    assert ">0:05<" in timer.readout.value
    assert timer.next_up.value == "Next: Hold 1 of 2 (0:30)"
    assert timer.pause_button.disabled and not timer.start_button.disabled
    assert timer.total_left.value == "Time left in all: 1:15"


def test_buttons_drive_the_timer(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    timer.start_button.click()
    fake_clock.advance(12.4)
    timer.refresh()
    assert timer.status == "running"
    assert "Hold 1 of 2" in timer.phase_box.value
    assert "Hold the stretch and breathe slowly." in timer.phase_box.value
    assert ">0:23<" in timer.readout.value
    assert timer.counters.value == ""  # the title already counts holds
    assert timer.progress.value == pytest.approx(12.4 / 75, abs=1e-3)
    assert timer.start_button.disabled and not timer.pause_button.disabled

    timer.pause_button.click()
    fake_clock.advance(100)
    timer.refresh()
    assert ">0:23<" in timer.readout.value and "(paused)" in timer.phase_box.value
    assert timer.start_button.description == "Resume"

    timer.start_button.click()
    timer.skip_button.click()
    assert "Rest" in timer.phase_box.value and ">0:10<" in timer.readout.value

    timer.reset_button.click()
    assert timer.status == "idle" and ">0:05<" in timer.readout.value


def test_reps_show_a_rep_counter_and_a_done_button(fake_clock) -> None:
    timer = _timer(REPS, fake_clock)
    timer.start()
    assert timer.done_button.disabled  # get-ready is not a reps phase
    fake_clock.advance(5 + 24 + 20 + 13)  # second set, 13 s in: rep 4 at 4 s a rep
    timer.refresh()
    assert timer.counters.value == "Set 2 of 3 · Rep 4 of 6"
    assert "Move slowly, one rep with each count." in timer.phase_box.value
    assert not timer.done_button.disabled
    timer.done_button.click()
    assert "Rest between sets" in timer.phase_box.value
    assert timer.done_button.disabled
    timer.done_button.click()  # not a reps phase: nothing happens
    assert "Rest between sets" in timer.phase_box.value


def test_the_end_is_shown_and_controls_settle(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    timer.start()
    fake_clock.advance(HOLDS.total_seconds)
    timer.refresh()
    assert timer.status == "done"
    assert "Well done!" in timer.phase_box.value and ">0:00<" in timer.readout.value
    assert timer.start_button.disabled and timer.pause_button.disabled
    assert timer.skip_button.disabled and timer.progress.value == 1.0
    assert timer.next_up.value == ""


def test_phase_changes_are_logged_cued_and_announced(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    seen = []
    timer.on_phase_change(lambda state: seen.append(state.position.index))
    timer.start()
    assert timer.audio.value == silence_wav()  # never an empty clip
    fake_clock.advance(5)
    timer.refresh()
    assert seen == [1] and timer.phase_log == [(1, fake_clock.now)]
    assert timer.audio.value == tone_wav(880.0)
    fake_clock.advance(30)
    timer.refresh()
    assert timer.audio.value == tone_wav(660.0)  # a different tone, so it plays again
    assert 'role="status"' in timer.phase_box.value  # read out by screen readers


def test_sound_can_be_switched_off(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    timer.sound_toggle.value = False
    assert timer.sound is False
    timer.start()
    fake_clock.advance(6)
    timer.refresh()
    assert timer.audio.value == silence_wav()  # never an empty clip


def test_routine_marks_the_current_exercise_and_reports_each_done(fake_clock) -> None:
    plan = daily_routine_plan()
    timer = _timer(plan, fake_clock, show_steps=True)
    done = []
    timer.on_exercise_done(done.append)
    timer.start()
    assert "Foam roller extension ← now" in timer.steps.value
    first_end = next(i for i, p in enumerate(plan.phases) if p.exercise != plan.phases[0].exercise)
    fake_clock.advance(plan.phase_start(first_end) + 1)
    timer.refresh()
    assert done == ["Foam roller extension"]
    assert "Foam roller extension ✓ done" in timer.steps.value
    assert "Child&#x27;s pose ← now" in timer.steps.value
    fake_clock.advance(plan.total_seconds)  # a long gap: both remaining exercises end
    timer.refresh()
    assert done == ["Foam roller extension", "Child's pose", "Kneeling thoracic extension"]


def test_reset_after_finishing_does_not_report_again(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    done = []
    timer.on_exercise_done(done.append)
    timer.start()
    fake_clock.advance(HOLDS.total_seconds)
    timer.refresh()
    timer.reset()
    assert done == ["Holds"] and timer.phase_log == []


def test_new_timer_for_the_same_exercise_stops_the_old_one(fake_clock) -> None:
    old = _timer(HOLDS, fake_clock, key="same")
    old.start()
    new = _timer(HOLDS, fake_clock, key="same")
    assert old.status == "paused" and new.status == "idle"
    other = _timer(HOLDS, fake_clock, key="other")
    other.start()
    _timer(HOLDS, fake_clock, key="same")
    assert other.status == "running"


def test_start_twice_runs_one_thread_and_close_ends_it(fake_clock) -> None:
    timer = ExerciseTimer(HOLDS, clock=fake_clock, key="thread-test")
    timer.start_button.click()
    first = timer._ticker
    timer.start_button.click()
    assert timer._ticker is first and first.is_alive()
    timer.close()
    first.join(timeout=5)
    assert not first.is_alive() and timer.status == "paused"


def test_every_control_has_a_label(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    for button in (timer.start_button, timer.pause_button, timer.reset_button,
                   timer.skip_button, timer.done_button):
        assert button.description and button.tooltip
    assert timer.sound_toggle.description and timer.progress.description


def test_tick_interval_is_checked(fake_clock) -> None:
    timer = _timer(HOLDS, fake_clock)
    with pytest.raises(TraitError, match="tick_seconds must be between 0 and 1 second, got 0"):
        timer.tick_seconds = 0
    with pytest.raises(TraitError, match="got 5"):
        timer.tick_seconds = 5


def test_text_is_escaped(fake_clock) -> None:
    plan = build_plan(name="<b>x</b>", style="hold", reps=1, sets=1, rest_seconds=0,
                      hold_seconds=5)
    timer = _timer(plan, fake_clock)
    assert "<b>x</b>" not in timer.title.value and "&lt;b&gt;x&lt;/b&gt;" in timer.title.value

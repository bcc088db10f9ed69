"""The exercise timer in real JupyterLab: its clock, keys, sounds and log, and the mat view.

Timers run ten times faster here (THORACIC_TIMER_SCALE=0.1, set by the JupyterLab fixture).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from thoracic import ProgressStore
from thoracic.content import get_exercise
from thoracic.timer import daily_routine_plan, plan_for_exercise, shorten

from .lab import code_cells, notebook, open_notebook, restart_and_run_all
from .timer import (
    SIDES_PLAN,
    check_mat_view,
    cue_times,
    cues,
    frames,
    state,
    wait_for,
    write_sides_notebook,
)

pytestmark = pytest.mark.browser


def _timer(page, lab, name: str):
    open_notebook(page, lab, name)
    restart_and_run_all(page, code_cells(lab, name))
    timer = notebook(page).locator(".ubr-timer").first
    timer.wait_for()
    timer.scroll_into_view_if_needed()
    return timer


def _log(lab, exercise: str) -> list[tuple[str, int | None, float]]:
    store = ProgressStore(lab["progress"] / "progress.sqlite3")
    return [(s.kind, s.sets, s.duration_seconds) for s in store.sessions()
            if s.exercise == exercise]


def test_keys_control_the_timer_and_each_set_reaches_the_log(lab_page, jupyterlab,
                                                             artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    timer = _timer(page, lab, "05-kneeling-thoracic-extension.ipynb")
    timer.get_by_role("button", name="Start").click()
    wait_for(timer, status="running", kind="reps")
    timer.get_by_text(re.compile(r"Rep [2-8] of 8")).wait_for()
    page.screenshot(path=str(artifacts / "lab-timer-mid-run.png"))
    timer.focus()
    page.keyboard.press(" ")  # Space pauses
    wait_for(timer, status="paused")
    timer.get_by_text("(paused)").wait_for()
    paused_at = state(timer)["elapsed"]
    frames(page, 20)  # a paused timer does not move, however many frames are drawn
    assert state(timer)["elapsed"] == paused_at
    page.keyboard.press(" ")  # and resumes
    wait_for(timer, status="running")
    page.keyboard.press("d")  # done with set 1 early
    wait_for(timer, kind="rest")
    page.keyboard.press("n")  # skip the rest
    wait_for(timer, kind="reps")
    timer.get_by_text("Set 2 of 2").first.wait_for()
    page.keyboard.press("m")  # mute sound and voice
    assert not timer.get_by_label("Sound").is_checked()
    assert not timer.get_by_label("Voice").is_checked()
    wait_for(timer, status="done")
    timer.get_by_text("Well done! You finished this timer.").wait_for()
    assert timer.locator(".ubr-time").inner_text() == "0:00"
    # The exercise reached the log: the rating form asks about it.
    notebook(page).get_by_text("How did your back feel?").wait_for()
    logged = _log(lab, "Kneeling thoracic extension")[-3:]
    assert [(kind, sets) for kind, sets, _ in logged] == [("set", 1), ("set", 1),
                                                        ("exercise", 2)]
    first_set, second_set = logged[0][2], logged[1][2]
    assert first_set < second_set == pytest.approx(3.2)  # set 1 ended early with D
    assert page.problems == []


def test_the_keys_work_with_the_timers_cell_selected_and_never_change_the_cell(
        lab_page, jupyterlab, artifacts: Path) -> None:
    """Click the line above the timer (its cell is then selected, in command mode) and use
    the keys the course teaches: the timer takes them, and JupyterLab never turns the cell
    into Markdown (M), deletes it (D D) or scrolls (Space) (issue 23, finding 1)."""
    page, lab = lab_page, jupyterlab
    timer = _timer(page, lab, "06-open-book.ipynb")
    cell = timer.locator("xpath=ancestor::div[contains(@class, 'jp-CodeCell')]")
    cells_before = notebook(page).locator(".jp-Cell").count()
    above = cell.locator(".jp-OutputArea-output").first
    above.click(position={"x": 4, "y": 4})
    page.wait_for_function("() => document.querySelector('.jp-Notebook.jp-mod-commandMode "
                           ".jp-Cell.jp-mod-active .ubr-timer') !== null")
    assert not timer.evaluate("(root) => root.contains(document.activeElement)")
    scrolled = page.evaluate("() => document.querySelector('.jp-WindowedPanel-outer')"
                             "?.scrollTop ?? 0")
    # At this test speed the plan's own get-ready time (1 s) is offered: never a blank menu.
    shown = timer.locator("select").first.evaluate("(s) => s.selectedOptions[0]?.textContent")
    assert shown == "1 s"
    note = timer.locator(".ubr-version-note")
    assert note.inner_text().startswith("Standard: ")  # what this version asks of you
    page.keyboard.press(" ")  # Space starts
    wait_for(timer, status="running")
    note.get_by_text("To change the version, press Reset first.", exact=False).wait_for()
    page.keyboard.press("m")  # M mutes the timer, not the cell
    assert not timer.get_by_label("Sound").is_checked()
    page.keyboard.press(" ")  # and pauses
    wait_for(timer, status="paused")
    page.keyboard.press("d")
    page.keyboard.press("d")
    page.screenshot(path=str(artifacts / "lab-keys-with-the-cell-selected.png"))
    assert "jp-CodeCell" in (cell.get_attribute("class") or "")
    assert cell.locator(".ubr-timer").count() == 1
    assert notebook(page).locator(".jp-Cell").count() == cells_before
    # Space did not page down (a page is most of the 900 px window; the timer's own lines
    # growing may shift the view a little)
    moved = page.evaluate("() => document.querySelector('.jp-WindowedPanel-outer')"
                          "?.scrollTop ?? 0") - scrolled
    assert abs(moved) < 400
    assert page.problems == []


def test_cues_fall_on_phase_boundaries_and_rep_beats(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    timer = _timer(page, lab, "03-foam-roller-extension.ipynb")
    timer.get_by_role("button", name="Start").click()
    wait_for(timer, status="done")
    plan = shorten(plan_for_exercise(get_exercise("foam-roller-extension")), 0.1)
    scheduled = cues(page, plan.name)
    allowed = cue_times(plan)
    assert {cue["kind"] for cue in scheduled} >= {"start", "beat", "rest", "countdown", "done"}
    for cue in scheduled:
        assert round(cue["at"], 6) in allowed, cue
        # each was scheduled ahead (or on time), not played late in a burst
        assert cue["at"] - cue["elapsed"] > -0.25, cue
    beats = [cue["at"] for cue in scheduled if cue["kind"] == "beat"]
    assert len(beats) == len(set(beats))  # never the same beat twice


def test_the_timer_switches_sides_and_says_so(lab_page, jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    write_sides_notebook(lab["course"])  # the test's own copy of the course
    timer = _timer(page, lab, "timer-sides.ipynb")
    timer.get_by_role("button", name="Start").click()
    wait_for(timer, kind="switch")
    timer.get_by_text("Switch sides").first.wait_for()
    assert timer.locator(".ubr-live").inner_text() == "Switch to your right side"
    wait_for(timer, kind="hold")
    timer.get_by_text("Right side").first.wait_for()
    wait_for(timer, status="done")
    assert "switch" in {cue["kind"] for cue in cues(page, SIDES_PLAN.name)}


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 900)])
def test_mat_view_fills_the_screen_and_reads_from_the_mat(lab_page, jupyterlab, artifacts,
                                                          width: int, height: int) -> None:
    page, lab = lab_page, jupyterlab
    page.set_viewport_size({"width": width, "height": height})
    timer = _timer(page, lab, "04-childs-pose.ipynb")
    timer.get_by_role("button", name="Start").click()
    timer.focus()
    check_mat_view(page, timer, artifacts / f"lab-mat-view-{width}x{height}.png")


def test_the_routine_runs_every_exercise_and_is_rated_as_a_whole(lab_page, jupyterlab,
                                                                  artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    timer = _timer(page, lab, "08-daily-routine.ipynb")
    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("Child's pose").first.wait_for(timeout=60_000)
    page.screenshot(path=str(artifacts / "lab-routine-second-exercise.png"))
    wait_for(timer, status="done")
    # The first 0 to 10 scale on the page: the daily routine's (the longer routine's own
    # timer and scale come after it).
    four = page.get_by_role("button", name="4", exact=True)
    rating = notebook(page).locator(".thoracic-scale", has=four).first
    ten = rating.get_by_role("button", name="10", exact=True)  # once shown as "1…"
    assert ten.evaluate("b => b.scrollWidth <= b.clientWidth"), "the 10 is cut short"
    assert ten.bounding_box()["width"] >= 44  # big enough to tap
    rating.get_by_role("button", name="4", exact=True).click()
    notebook(page).get_by_role("button", name="Save how it felt").first.click()
    notebook(page).get_by_text("Saved: 4 out of 10.").wait_for()
    store = ProgressStore(lab["progress"] / "progress.sqlite3")
    rated = [(s.kind, s.exercise, s.rating) for s in store.sessions() if s.rating is not None]
    assert rated[-1] == ("routine", daily_routine_plan().name, 4)


def test_do_it_now_to_a_saved_rating_in_three_taps(lab_page, jupyterlab) -> None:
    """As on the site: "Do it now" at the top opens the timer in mat view and starts it;
    at the end the rating asks right there, and the kernel keeps it."""
    page, lab = lab_page, jupyterlab
    timer = _timer(page, lab, "04-childs-pose.ipynb")
    panel = notebook(page)
    panel.get_by_role("button", name="Do it now").click()  # tap 1
    wait_for(timer, status="running")
    box = panel.locator(".thoracic-practice.ubr-mat-box")
    box.wait_for()
    wait_for(timer, status="done")
    rating = box.locator('[data-thoracic="rating"]')
    rating.get_by_text("How did your back feel?", exact=True).wait_for()
    rating.get_by_role("button", name="3", exact=True).click()  # tap 2
    rating.get_by_role("button", name="Save how it felt").click()  # tap 3
    rating.get_by_text("✓ Saved: 3 out of 10.").wait_for()
    store = ProgressStore(lab["progress"] / "progress.sqlite3")
    rated = [s.rating for s in store.sessions() if s.kind == "exercise"]
    assert rated[-1] == 3
    page.keyboard.press("Escape")
    assert page.problems == []


def test_a_run_cut_off_in_set_two_is_picked_up_in_set_two(lab_page, jupyterlab) -> None:
    """The page is reloaded in set 2 (the browser closed, say); when the notebook runs
    again, its timer waits, paused, in set 2, and the exercise it finishes has every set."""
    page, lab = lab_page, jupyterlab
    name = "05-kneeling-thoracic-extension.ipynb"
    exercise = get_exercise("kneeling-thoracic-extension").name
    timer = _timer(page, lab, name)
    earlier = len(_log(lab, exercise))  # other tests of this JupyterLab did it too
    timer.get_by_role("button", name="Start").click()
    timer.get_by_text("Set 2 of").first.wait_for(timeout=60_000)
    timer.get_by_role("button", name="Pause").click()
    wait_for(timer, status="paused")
    at = float(state(timer)["elapsed"])
    page.reload()
    timer = _timer(page, lab, name)
    wait_for(timer, status="paused")
    assert abs(float(state(timer)["elapsed"]) - at) < 0.01
    timer.get_by_text("Set 2 of").first.wait_for()
    timer.get_by_role("button", name="Resume").click()
    wait_for(timer, status="done")
    # The rating asks once the kernel has logged the exercise.
    rating = notebook(page).locator('.thoracic-practice [data-thoracic="rating"]').first
    rating.get_by_text("How did your back feel?", exact=True).wait_for()
    logged = _log(lab, exercise)[earlier:]
    sets = [entry for entry in logged if entry[0] == "set"]
    assert logged[-1][0] == "exercise" and logged[-1][1] == len(sets) >= 2
    assert page.problems == []

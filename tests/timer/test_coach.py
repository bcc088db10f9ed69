"""The timer widget's Python side: the plan it hands over, and the one door for events."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from traitlets import TraitError

import thoracic.timer as timer_package
from thoracic import get_exercise
from thoracic.base import PALETTE
from thoracic.timer import (
    GET_READY_SECONDS,
    PHASE_LOOKS,
    CoachTimer,
    LogEntry,
    PhaseEnd,
    build_plan,
    plan_for_exercise,
    with_get_ready,
)

PLAN = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))
STATIC = Path(timer_package.__file__).parent / "static"


def test_the_browser_gets_the_plan_its_looks_and_its_front_end_files() -> None:
    timer = CoachTimer(PLAN)
    assert timer.plan == PLAN.to_json() and timer.get_ready_seconds == GET_READY_SECONDS
    assert timer.looks["rest"] == [PALETTE[2], "○", "Rest"]
    # no phase symbol looks like the Play or Pause button beside it
    assert not {look[1] for look in timer.looks.values()} & {"▶", "❚❚", "⏸", "►"}
    assert set(timer.looks) == set(PHASE_LOOKS)
    # real ES module files in the package, not JavaScript in a Python string
    assert timer._esm == (STATIC / "timer.js").read_text("utf-8")
    assert timer._css == (STATIC / "timer.css").read_text("utf-8")
    assert timer.core == (STATIC / "timer_core.js").read_text("utf-8")
    assert "export class TimerCore" in timer.core


def test_a_new_get_ready_time_changes_every_countdown_and_nothing_else() -> None:
    timer = CoachTimer(PLAN)
    timer.get_ready_seconds = 20
    assert timer.plan == with_get_ready(PLAN, 20).to_json()
    lengths = [(p["kind"], p["seconds"]) for p in timer.plan["phases"]]
    assert lengths[0] == ("get-ready", 20) and lengths[1:] == [
        (p.kind, p.seconds) for p in PLAN.phases[1:]]


@pytest.mark.parametrize("bad", [0, -5, 61, math.nan, math.inf])
def test_a_bad_get_ready_time_is_refused_with_its_value(bad: float) -> None:
    with pytest.raises(TraitError, match="get_ready_seconds must be more than 0 and at most 60"):
        CoachTimer(PLAN, get_ready_seconds=bad)


def test_events_reach_their_listeners() -> None:
    timer = CoachTimer(PLAN)
    ends: list[PhaseEnd] = []
    done: list[str] = []
    finished: list[bool] = []
    timer.on_phase_end(ends.append)
    timer.on_exercise_done(done.append)
    timer.on_finished(lambda: finished.append(True))
    assert timer.handle_event({"type": "status", "status": "running"})
    assert timer.status == "running"
    assert timer.handle_event({"type": "phase_end", "index": 1, "how": "done", "seconds": 10})
    assert ends == [PhaseEnd(1, timer.timer_plan.phases[1], "done", 10.0)]
    assert timer.handle_event({"type": "exercise_done", "exercise": PLAN.name})
    assert timer.handle_event({"type": "finished"})
    assert done == [PLAN.name] and finished == [True]


def test_practice_log_entries_reach_their_listeners_as_the_core_sent_them() -> None:
    timer = CoachTimer(PLAN)
    entries: list[LogEntry] = []
    timer.on_log(entries.append)
    name = PLAN.phases[1].exercise
    assert timer.handle_event({"type": "log", "kind": "exercise", "exercise": name,
                               "seconds": 42.5, "sets": 2, "rate": True})
    assert entries == [LogEntry("exercise", name, 42.5, 2, True)]


@pytest.mark.parametrize("event", [
    {"type": "log", "kind": "nap", "exercise": PLAN.name, "seconds": 1, "sets": 1,
     "rate": False},
    {"type": "log", "kind": "set", "exercise": "Someone else's", "seconds": 1, "sets": 1,
     "rate": False},
    {"type": "log", "kind": "set", "exercise": PLAN.name, "seconds": 99_999, "sets": 1,
     "rate": False},
    {"type": "log", "kind": "set", "exercise": PLAN.name, "seconds": 1, "sets": 0,
     "rate": False},
    {"type": "log", "kind": "set", "exercise": PLAN.name, "seconds": 1, "sets": True,
     "rate": False},
    {"type": "log", "kind": "set", "exercise": PLAN.name, "seconds": 1, "sets": 1},
])
def test_a_log_entry_that_does_not_fit_the_plan_is_ignored(event: object) -> None:
    timer = CoachTimer(PLAN)
    entries: list[LogEntry] = []
    timer.on_log(entries.append)
    assert not timer.handle_event(event)
    assert entries == []


@pytest.mark.parametrize("event", [
    None, "phase_end", {}, {"type": "explode"},
    {"type": "phase_end", "index": 99, "how": "time", "seconds": 1},
    {"type": "phase_end", "index": True, "how": "time", "seconds": 1},
    {"type": "phase_end", "index": 1, "how": "cheat", "seconds": 1},
    {"type": "phase_end", "index": 1, "how": "time", "seconds": math.nan},
    {"type": "phase_end", "index": 1, "how": "time", "seconds": "24"},
    {"type": "status", "status": "flying"},
    {"type": "exercise_done", "exercise": 7},
])
def test_a_message_that_does_not_fit_is_ignored_not_raised(event, caplog) -> None:
    timer = CoachTimer(PLAN)
    heard: list[PhaseEnd] = []
    timer.on_phase_end(heard.append)
    assert timer.handle_event(event) is False
    assert heard == [] and timer.status == "idle"
    assert "ignored a message" in caplog.text


def test_seconds_reported_are_kept_within_the_phase() -> None:
    timer = CoachTimer(build_plan(name="X", style="hold", reps=1, sets=1, rest_seconds=0,
                                  hold_seconds=30))
    heard: list[PhaseEnd] = []
    timer.on_phase_end(heard.append)
    timer.handle_event({"type": "phase_end", "index": 1, "how": "time", "seconds": 1e9})
    timer.handle_event({"type": "phase_end", "index": 1, "how": "skip", "seconds": -3})
    assert [end.seconds for end in heard] == [30.0, 0.0]


def test_the_preview_shows_the_schedule_and_how_to_start() -> None:
    shown = CoachTimer(PLAN).preview()
    assert "Run this cell (Shift+Enter) to use the timer" in shown.text
    assert "Timer schedule" in shown.html and "Set 2 of 2" in shown.html


def test_shown_on_its_own_it_carries_the_live_view_and_the_preview() -> None:
    data, _metadata = CoachTimer(PLAN)._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/plain"].startswith("Timer: Kneeling thoracic extension. Run this cell")
    assert "thoracic-preview" in data["text/html"]


def _versions_timer(store) -> CoachTimer:
    from thoracic.practice import exercise_timer

    return exercise_timer("childs-pose", store=store).timer


def test_an_exercise_timer_offers_the_record_s_versions_in_the_browser(store) -> None:
    timer = _versions_timer(store)
    assert [(v["key"], v["label"]) for v in timer.versions] == [
        ("standard", "Standard"), ("easier", "Easier"), ("harder", "Harder"),
        ("longer-holds", "Longer holds (older adults)"), ("chair", "Chair or standing (no floor)")]
    holds = {key: {p["seconds"] for p in v["plan"]["phases"] if p["kind"] == "hold"}
             for key, v in ((v["key"], v) for v in timer.versions)}
    assert holds == {"standard": {30}, "easier": {20}, "harder": {30}, "longer-holds": {60},
                     "chair": {30}}
    assert "Versions to choose from on the timer: Standard, Easier" in timer.preview().html


def test_choosing_a_version_swaps_the_plan_the_kernel_checks_events_against(store) -> None:
    timer = _versions_timer(store)
    timer.version = "longer-holds"
    assert {p["seconds"] for p in timer.plan["phases"] if p["kind"] == "hold"} == {60}
    hold = next(i for i, p in enumerate(timer.timer_plan.phases) if p.kind == "hold")
    ended: list[PhaseEnd] = []
    timer.on_phase_end(ended.append)
    assert timer.handle_event({"type": "phase_end", "index": hold, "how": "time",
                               "seconds": 60})
    assert ended[0].seconds == 60  # kept within the 60 s hold, not cut to 30


def test_an_unknown_version_or_a_change_while_running_is_refused(store) -> None:
    timer = _versions_timer(store)
    with pytest.raises(TraitError, match="version must be one of standard, easier, harder, "
                                         "longer-holds, chair, got 'gentle'"):
        timer.version = "gentle"
    timer.handle_event({"type": "status", "status": "running"})
    with pytest.raises(TraitError, match="reset it before you choose another version"):
        timer.version = "easier"
    assert timer.version == "standard"


def test_a_routine_timer_has_one_version_and_no_chooser(store) -> None:
    from thoracic.practice import routine_timer

    assert routine_timer(store=store).timer.versions == []


def test_the_timer_guide_names_each_phase_by_its_own_symbol() -> None:
    """Notebook 03 teaches the signs the timer shows: its sentence is checked against the
    one record of them, so a changed symbol cannot leave the words behind."""
    from pathlib import Path

    import nbformat

    from thoracic.timer import PHASE_LOOKS

    guide = Path(__file__).resolve().parents[2] / "notebooks" / "03-foam-roller-extension.ipynb"
    text = "".join(cell.source for cell in nbformat.read(guide, as_version=4).cells
                   if cell.cell_type == "markdown")
    for kind, (_, symbol, word) in PHASE_LOOKS.items():
        if kind != "done":
            assert f"{symbol} {word.lower()}" in text, kind

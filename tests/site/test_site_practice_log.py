"""The web pages' practice log (site_practice.js) logs what the JupyterLab recorder
(thoracic.practice.PracticeRecorder) logs, for the same events from the real timer."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import CoachTimer, get_exercise
from thoracic.practice import TimedPractice
from thoracic.timer import GET_READY_SECONDS, daily_routine_plan, plan_for_exercise

SITE_PRACTICE = (Path(__file__).resolve().parents[2] / "lib" / "thoracic" / "site" / "static"
                 / "site_practice.js")
READY = GET_READY_SECONDS

_RUN = """
import {readFileSync} from "node:fs";
import vm from "node:vm";
const {source, routine, events} = JSON.parse(readFileSync(0, "utf8"));
const context = {ThoracicSite: {parts: {}}};
context.globalThis = context;
vm.runInNewContext(source, context);
const logged = [];
const rated = [];
const log = new context.ThoracicSite.PracticeLog({
  routine,
  log: (kind, name, seconds, sets) => {
    logged.push([kind, name, sets, Math.round(seconds * 10) / 10]);
    return `id-${logged.length}`;
  },
  onRecorded: (id) => rated.push(id),
});
for (const event of events) log.handle(event);
console.log(JSON.stringify({logged, rated}));
"""


def _site_log(run_node, plan, events, routine=None) -> dict:
    phases = plan.to_json()["phases"]
    # The timer's page event carries the phase it is about, as timer.js sends it.
    with_phase = [{**event, "phase": phases[event["index"]]} if event["type"] == "phase_end"
                  else event for event in events]
    result: dict = run_node(_RUN, {"source": SITE_PRACTICE.read_text("utf-8"),
                                   "routine": routine, "events": with_phase})
    return result


def _lab_log(plan, events, store, routine=None) -> list[list]:
    practice = TimedPractice(CoachTimer(plan), store=store, routine_name=routine)
    for event in events:
        practice.timer.handle_event(event)
    return [[s.kind, s.exercise, s.sets, s.duration_seconds] for s in store.sessions()]


@pytest.mark.parametrize(("exercise", "steps"), [
    ("kneeling-thoracic-extension", [["start"], ["advance", READY + 200]]),
    ("foam-roller-extension", [["start"], ["skip"], ["advance", 30], ["advance", 10], ["done"],
                               ["skip"], ["skip"], ["skip"], ["advance", 24]]),
    ("childs-pose", [["start"], ["skip"], ["skip"], ["skip"]]),
    ("open-book", [["start"], ["advance", 200]]),
])
def test_an_exercise_is_logged_the_same_on_the_site(run_node, exercise: str, steps,
                                                    browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise(exercise))
    events = browser_events(plan, steps)
    site = _site_log(run_node, plan, events)
    assert site["logged"] == _lab_log(plan, events, store)
    exercises = [n for n, entry in enumerate(site["logged"], 1) if entry[0] == "exercise"]
    assert site["rated"] == [f"id-{n}" for n in exercises]  # asked about each exercise


def test_a_routine_is_logged_the_same_and_rated_once_as_a_whole(run_node, browser_events,
                                                                store) -> None:
    plan = daily_routine_plan()
    events = browser_events(plan, [["start"], ["advance", plan.total_seconds + 1]])
    site = _site_log(run_node, plan, events, routine=plan.name)
    assert site["logged"] == _lab_log(plan, events, store, routine=plan.name)
    assert site["logged"][-1][:2] == ["routine", "Daily routine"]
    assert site["rated"] == [f"id-{len(site['logged'])}"]


def test_a_reset_starts_the_count_afresh(run_node, browser_events, store) -> None:
    plan = plan_for_exercise(get_exercise("kneeling-thoracic-extension"))
    events = browser_events(plan, [["start"], ["advance", READY + 5], ["reset"], ["start"],
                                   ["advance", READY + 200]])
    assert _site_log(run_node, plan, events)["logged"] == _lab_log(plan, events, store)

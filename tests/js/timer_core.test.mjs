// Tests of the browser timer's state machine (lib/thoracic/timer/static/timer_core.js).
// It must behave like the Python timer (tests/timer/test_model.py, test_widget.py), so
// these tests use the plans Python exported (plans.json) and a fake clock moved by hand.
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {
  CueScheduler,
  PracticeTally,
  TimerCore,
  cuesBetween,
  formatSeconds,
  locate,
  nextText,
  phaseStarts,
  spokenText,
  withGetReady,
} from "../../lib/thoracic/timer/static/timer_core.js";
import {mulberry32} from "./seeded.mjs";

const PLANS = JSON.parse(readFileSync(new URL("../js/plans.json", import.meta.url), "utf8"));
const {routine: ROUTINE, childs_pose: CHILDS, sides: SIDES, roller: ROLLER} = PLANS;
// Child's pose: get-ready 5 | hold 30 | rest 15 | hold 30 = 80 s.
// Routine: get-ready 10 | reps 6x4 | rest 20 | reps | rest 20 | reps | change-over 30 | ...

// -- helpers ----------------------------------------------------------------------------

/** A clock the test moves by hand, like FakeClock in tests/conftest.py. */
class FakeClock {
  constructor(start = 1000) {
    this.t = start;
    this.read = () => this.t;
  }

  advance(seconds) {
    this.t += seconds;
  }
}

function timer(plan) {
  const clock = new FakeClock();
  return {clock, core: new TimerCore(plan, clock.read)};
}

const total = (plan) => phaseStarts(plan).at(-1);
const phaseEnds = (events) => events.filter((e) => e.type === "phase_end");
const kinds = (events) => events.map((e) => e.type);

/** Python's `shorten`: every phase `factor` times as long (gives awkward floats). */
function shorten(plan, factor) {
  return {name: plan.name, phases: plan.phases.map((p) => ({
    ...p, seconds: p.seconds * factor, rep_seconds: p.rep_seconds ? p.rep_seconds * factor : null,
  }))};
}

function phase(kind, seconds, extra = {}) {
  return {kind, seconds, title: extra.title || kind, instruction: "", exercise: "X", side: null,
          set_number: null, set_count: null, rep_number: null, rep_count: null,
          rep_seconds: null, ...extra};
}

// -- plans ------------------------------------------------------------------------------

describe("phaseStarts and locate", () => {
  test("starts are cumulative, one more than the phases", () => {
    assert.deepEqual(phaseStarts(CHILDS), [0, 5, 35, 50, 80]);
    for (const plan of [ROUTINE, CHILDS, SIDES]) {
      const starts = phaseStarts(plan);
      assert.equal(starts.length, plan.phases.length + 1);
      plan.phases.forEach((p, i) => assert.equal(starts[i + 1], starts[i] + p.seconds));
    }
    assert.equal(total(ROUTINE), 355);
  });

  test("positions inside Child's pose", () => {
    const table = [
      // elapsed, index, timeLeft, rep
      [-5, 0, 5, null], [0, 0, 5, null], [4.5, 0, 0.5, null], [5, 1, 30, 1],
      [34.25, 1, 0.75, 1], [35, 2, 15, null], [50, 3, 30, 2], [79.5, 3, 0.5, 2],
    ];
    for (const [elapsed, index, timeLeft, rep] of table) {
      const at = locate(CHILDS, elapsed);
      assert.deepEqual([at.index, at.timeLeft, at.rep, at.finished], [index, timeLeft, rep, false],
                       `at ${elapsed}`);
      assert.equal(at.phase, CHILDS.phases[index]);
      assert.equal(at.elapsed, Math.max(elapsed, 0));
      assert.equal(at.totalLeft, 80 - at.elapsed);
      assert.equal(at.progress, at.elapsed / 80);
    }
  });

  test("at or past the end the plan is finished", () => {
    const done = {index: 4, phase: null, timeLeft: 0, elapsed: 80, totalLeft: 0, progress: 1,
                  rep: null, finished: true};
    assert.deepEqual(locate(CHILDS, 80), done);
    assert.deepEqual(locate(CHILDS, 1e6), done);
  });

  test("every boundary belongs to the phase it starts (bisect_right)", () => {
    for (const plan of [ROUTINE, CHILDS, SIDES, shorten(ROUTINE, 0.1)]) {
      const starts = phaseStarts(plan);
      starts.forEach((start, i) => {
        assert.equal(locate(plan, start).index, i);
        if (i > 0) assert.equal(locate(plan, start - 1e-9).index, i - 1);
      });
    }
  });

  test("reps count up with the tempo and stop at the last rep", () => {
    // Routine phase 1: 6 reps of 4 s from 10 s.
    const reps = [[10, 1], [13.99, 1], [14, 2], [18, 3], [30, 6], [33.99, 6]];
    for (const [elapsed, rep] of reps) {
      assert.equal(locate(ROUTINE, elapsed).rep, rep, `at ${elapsed}`);
      assert.equal(locate(ROUTINE, elapsed).index, 1);
    }
    assert.equal(locate(ROUTINE, 34).rep, null); // the rest after it
  });

  test("hold and side phases report their rep number", () => {
    assert.equal(locate(SIDES, 5).rep, 1);
    assert.equal(locate(SIDES, 20).rep, 2);
    assert.equal(locate(SIDES, 16).rep, null); // rest
  });

  test("reps use Python's floor division (1 // 0.1 == 9.0)", () => {
    const plan = {name: "Fast", phases: [phase("reps", 2, {rep_count: 20, rep_seconds: 0.1})]};
    assert.equal(locate(plan, 1).rep, 10); // Math.floor(1 / 0.1) + 1 would say 11
    assert.equal(locate(plan, 0.05).rep, 1);
    assert.equal(locate(plan, 1.99).rep, 20);
  });
});

// -- actions ----------------------------------------------------------------------------

describe("TimerCore actions", () => {
  test("runs through the plan with the clock", () => {
    const {clock, core} = timer(SIDES);
    assert.equal(core.status, "idle");
    assert.equal(core.elapsed(), 0);
    core.start();
    clock.advance(7);
    const state = core.state();
    assert.equal(state.status, "running");
    assert.equal(state.position.phase.title, "Hold 1 of 2");
    assert.equal(state.position.timeLeft, 8);
    assert.deepEqual(state.position, locate(SIDES, 7));
    clock.advance(total(SIDES));
    assert.equal(core.status, "done");
    assert.equal(core.elapsed(), total(SIDES));
  });

  test("pause stops time and resume continues", () => {
    const {clock, core} = timer(SIDES);
    core.start();
    clock.advance(10);
    core.pause();
    clock.advance(500);
    assert.equal(core.status, "paused");
    assert.equal(core.elapsed(), 10);
    core.resume();
    clock.advance(2);
    assert.equal(core.elapsed(), 12);
    assert.equal(core.status, "running");
  });

  test("start twice does not restart", () => {
    const {clock, core} = timer(SIDES);
    core.start();
    clock.advance(4);
    core.start();
    clock.advance(4);
    assert.equal(core.elapsed(), 8);
  });

  test("pause while idle does nothing", () => {
    const {clock, core} = timer(SIDES);
    core.pause();
    clock.advance(30);
    assert.equal(core.status, "idle");
    assert.equal(core.elapsed(), 0);
    assert.deepEqual(core.takeEvents(), []);
  });

  test("skip jumps to the next phase and finishes at the end", () => {
    const {clock, core} = timer(SIDES);
    core.start();
    clock.advance(1);
    core.skip();
    assert.equal(core.state().position.index, 1);
    assert.equal(core.elapsed(), 5);
    clock.advance(3);
    assert.equal(core.elapsed(), 8);
    for (let i = 0; i < SIDES.phases.length; i++) core.skip();
    assert.equal(core.status, "done");
    assert.equal(core.elapsed(), total(SIDES));
  });

  test("skip while idle or paused moves on without starting", () => {
    const {clock, core} = timer(CHILDS);
    core.skip();
    assert.equal(core.status, "idle");
    assert.equal(core.elapsed(), 5);
    core.start();
    clock.advance(10);
    core.pause();
    core.skip();
    clock.advance(10);
    assert.equal(core.status, "paused");
    assert.equal(core.elapsed(), 35);
  });

  test("done stays done until reset", () => {
    const {clock, core} = timer(SIDES);
    core.start();
    clock.advance(total(SIDES) + 1);
    for (const action of ["start", "pause", "skip", "resume", "doneWithSet"]) {
      core[action]();
      assert.equal(core.status, "done", action);
    }
    core.reset();
    assert.equal(core.status, "idle");
    assert.equal(core.elapsed(), 0);
    assert.equal(core.state().position.index, 0);
  });

  test("a clock going backwards never gives negative time", () => {
    const {clock, core} = timer(SIDES);
    core.start();
    clock.advance(-50);
    assert.equal(core.elapsed(), 0);
  });

  test("an action after the end has passed settles to done first", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(90); // nobody looked since the end
    core.pause();
    assert.equal(core.status, "done");
    assert.equal(core.elapsed(), 80);
  });

  test("done with set acts only in a reps phase", () => {
    const {clock, core} = timer(ROUTINE);
    core.start();
    clock.advance(2);
    core.doneWithSet(); // get-ready: nothing happens
    assert.equal(core.elapsed(), 2);
    clock.advance(10 + 24 + 20 + 13 - 2); // second set, 13 s in: rep 4 of 6
    assert.equal(core.state().position.rep, 4);
    core.doneWithSet();
    assert.equal(core.state().position.phase.title, "Rest between sets");
    assert.equal(core.elapsed(), 78);
    core.doneWithSet(); // a rest: nothing happens
    assert.equal(core.elapsed(), 78);
  });

  test("reset goes back to the start, idle", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(40);
    core.reset();
    clock.advance(40);
    assert.deepEqual(core.state(), {status: "idle", position: locate(CHILDS, 0)});
  });

  test("refuses plans Python would refuse, and a missing clock", () => {
    const clock = () => 0;
    assert.throws(() => new TimerCore({name: "Empty", phases: []}, clock), /no phases/);
    assert.throws(() => new TimerCore({name: "Zero", phases: [phase("hold", 0)]}, clock),
                  /positive, finite/);
    assert.throws(() => new TimerCore({name: "Inf", phases: [phase("hold", Infinity)]}, clock),
                  /positive, finite/);
    assert.throws(() => new TimerCore(CHILDS), TypeError);
  });
});

// -- events ------------------------------------------------------------------------------

describe("TimerCore events", () => {
  test("start reports the status once", () => {
    const {core} = timer(CHILDS);
    assert.deepEqual(core.takeEvents(), []);
    core.start();
    core.start();
    assert.deepEqual(core.takeEvents(), [{type: "status", status: "running"}]);
    assert.deepEqual(core.takeEvents(), []);
  });

  test("a phase ended by the clock reports its full length", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    core.takeEvents();
    clock.advance(4.9);
    assert.deepEqual(core.takeEvents(), []);
    clock.advance(0.2);
    assert.deepEqual(core.takeEvents(), [{type: "phase_end", index: 0, kind: "get-ready",
                                          exercise: "Child's pose", how: "time", seconds: 5}]);
  });

  test("several phases passed at once are reported in order, exercises too", () => {
    const {clock, core} = timer(ROUTINE);
    core.start();
    core.takeEvents();
    clock.advance(phaseStarts(ROUTINE)[7] + 1); // into Child's pose's get-ready
    const events = core.takeEvents();
    assert.deepEqual(phaseEnds(events).map((e) => e.index), [0, 1, 2, 3, 4, 5, 6]);
    assert.ok(phaseEnds(events).every((e, i) => e.seconds === ROUTINE.phases[i].seconds));
    assert.deepEqual(events.filter((e) => e.type === "exercise_done"),
                     [{type: "exercise_done", exercise: "Foam roller extension"}]);
    // The exercise is done right after its last phase (index 5), before the change-over.
    assert.deepEqual(kinds(events).slice(-3), ["phase_end", "exercise_done", "phase_end"]);
  });

  test("skip reports the seconds spent in the phase", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(12.5); // 7.5 s into Hold 1
    core.takeEvents();
    core.skip();
    assert.deepEqual(core.takeEvents(), [{type: "phase_end", index: 1, kind: "hold",
                                          exercise: "Child's pose", how: "skip", seconds: 7.5}]);
    core.skip(); // straight away: no time spent in the rest
    assert.deepEqual(phaseEnds(core.takeEvents()).map((e) => [e.index, e.seconds]), [[2, 0]]);
  });

  test("phases ended by the clock before a skip are reported first, as time", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(38); // get-ready and Hold 1 over; 3 s into the rest
    core.skip();
    const ends = phaseEnds(core.takeEvents()).map((e) => [e.index, e.how, e.seconds]);
    assert.deepEqual(ends, [[0, "time", 5], [1, "time", 30], [2, "skip", 3]]);
  });

  test("done with set is reported as done", () => {
    const {clock, core} = timer(ROUTINE);
    core.start();
    clock.advance(10 + 9);
    core.doneWithSet();
    const ends = phaseEnds(core.takeEvents()).map((e) => [e.index, e.how, e.seconds]);
    assert.deepEqual(ends, [[0, "time", 10], [1, "done", 9]]);
  });

  test("the whole plan by time: each phase, exercise and the end exactly once", () => {
    const {clock, core} = timer(ROUTINE);
    core.start();
    const events = core.takeEvents();
    for (let i = 0; i < 4000; i++) {
      clock.advance(0.1);
      events.push(...core.takeEvents());
    }
    assert.deepEqual(phaseEnds(events).map((e) => e.index), ROUTINE.phases.map((_, i) => i));
    assert.deepEqual(events.filter((e) => e.type === "exercise_done").map((e) => e.exercise),
                     ["Foam roller extension", "Child's pose", "Kneeling thoracic extension"]);
    assert.equal(events.filter((e) => e.type === "finished").length, 1);
    assert.deepEqual(events.filter((e) => e.type === "status").map((e) => e.status),
                     ["running", "done"]);
  });

  test("one late look reports the same as many small ones", () => {
    const small = timer(ROUTINE);
    const late = timer(ROUTINE);
    small.core.start();
    late.core.start();
    const fromSmall = [];
    for (let i = 0; i < 500; i++) {
      small.clock.advance(1);
      fromSmall.push(...small.core.takeEvents());
    }
    late.clock.advance(500);
    const fromLate = late.core.takeEvents();
    const notStatus = (events) => events.filter((e) => e.type !== "status");
    assert.deepEqual(notStatus(fromLate), notStatus(fromSmall));
    assert.equal(notStatus(fromLate).length, 16 + 3 + 1);
    assert.deepEqual(late.core.takeEvents(), []);
  });

  test("at the end: the status first (as Python's refresh), then phases, then finished", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    core.takeEvents();
    clock.advance(100);
    assert.deepEqual(kinds(core.takeEvents()), ["status", "phase_end", "phase_end", "phase_end",
                                                "phase_end", "exercise_done", "finished"]);
    clock.advance(100);
    core.skip();
    assert.deepEqual(core.takeEvents(), []);
  });

  test("skipping the last phase finishes, and the exercise is still done", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(60); // 10 s into Hold 2
    core.takeEvents();
    core.skip();
    assert.deepEqual(core.takeEvents(), [
      {type: "status", status: "done"},
      {type: "phase_end", index: 3, kind: "hold", exercise: "Child's pose", how: "skip",
       seconds: 10},
      {type: "exercise_done", exercise: "Child's pose"},
      {type: "finished"},
    ]);
    assert.equal(core.status, "done");
  });

  test("every status change is reported, in order", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(1);
    core.pause();
    core.pause();
    core.resume();
    core.reset();
    core.start();
    const statuses = core.takeEvents().filter((e) => e.type === "status").map((e) => e.status);
    // Reset drops what was not yet taken, then reports that the timer is idle.
    assert.deepEqual(statuses, ["idle", "running"]);
    core.pause();
    core.resume();
    clock.advance(100);
    assert.deepEqual(core.takeEvents().filter((e) => e.type === "status").map((e) => e.status),
                     ["paused", "running", "done"]);
  });

  test("a clock stepping back over a phase change never reports it twice", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(6);
    assert.deepEqual(phaseEnds(core.takeEvents()).map((e) => e.index), [0]);
    clock.advance(-2);
    assert.deepEqual(core.takeEvents(), []);
    clock.advance(2);
    assert.deepEqual(core.takeEvents(), []);
  });

  test("nothing from before a reset is reported after it", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    core.takeEvents();
    clock.advance(20);
    core.skip(); // not taken yet
    clock.advance(20);
    core.reset();
    assert.deepEqual(core.takeEvents(), [{type: "status", status: "idle"}]);
    core.start();
    clock.advance(6);
    assert.deepEqual(phaseEnds(core.takeEvents()).map((e) => [e.index, e.how]), [[0, "time"]]);
  });

  test("reset when already idle at the start reports nothing", () => {
    const {core} = timer(CHILDS);
    core.reset();
    assert.deepEqual(core.takeEvents(), []);
  });

  test("after a finished run and a reset the plan reports afresh", () => {
    const {clock, core} = timer(CHILDS);
    core.start();
    clock.advance(100);
    core.takeEvents();
    core.reset();
    core.start();
    clock.advance(100);
    const events = core.takeEvents();
    assert.deepEqual(phaseEnds(events).map((e) => e.index), [0, 1, 2, 3]);
    assert.equal(events.filter((e) => e.type === "finished").length, 1);
  });
});

// -- cues --------------------------------------------------------------------------------

describe("cuesBetween", () => {
  test("Child's pose: openings, countdowns and the end", () => {
    const cue = (at, kind, index) => ({at, kind, index});
    assert.deepEqual(cuesBetween(CHILDS, -1, 80), [
      cue(0, "get-ready", 0), cue(2, "countdown", 0), cue(3, "countdown", 0),
      cue(4, "countdown", 0), cue(5, "start", 1), cue(32, "countdown", 1),
      cue(33, "countdown", 1), cue(34, "countdown", 1), cue(35, "rest", 2),
      cue(50, "start", 3), cue(77, "countdown", 3), cue(78, "countdown", 3),
      cue(79, "countdown", 3), cue(80, "done", 4),
    ]);
  });

  test("the window is half open: after from, up to and including to", () => {
    assert.deepEqual(cuesBetween(CHILDS, 5, 35).map((c) => c.at), [32, 33, 34, 35]);
    assert.deepEqual(cuesBetween(CHILDS, 0, 2).map((c) => c.at), [2]);
    assert.deepEqual(cuesBetween(CHILDS, 80, 1000), []);
    assert.deepEqual(cuesBetween(CHILDS, 10, 5), []);
  });

  test("every phase opens with its cue, exactly at its start", () => {
    const opening = {"get-ready": "get-ready", hold: "start", reps: "start", rest: "rest",
                     switch: "switch"};
    for (const plan of [ROUTINE, CHILDS, SIDES, shorten(ROUTINE, 0.1), shorten(SIDES, 0.3)]) {
      const starts = phaseStarts(plan);
      const cues = cuesBetween(plan, -1, Infinity);
      plan.phases.forEach((p, i) => {
        const open = cues.filter((c) => c.index === i && c.kind === opening[p.kind]);
        assert.deepEqual(open.map((c) => c.at), [starts[i]]);
        assert.equal(locate(plan, open[0].at).index, i); // the display changes right then
      });
      assert.deepEqual(cues.at(-1), {at: starts.at(-1), kind: "done", index: plan.phases.length});
    }
  });

  test("beats fall on each rep boundary of a reps phase", () => {
    const starts = phaseStarts(ROUTINE);
    const beats = cuesBetween(ROUTINE, -1, Infinity).filter((c) => c.kind === "beat");
    ROUTINE.phases.forEach((p, i) => {
      const mine = beats.filter((c) => c.index === i).map((c) => c.at);
      if (p.kind !== "reps") return assert.deepEqual(mine, []);
      const expected = Array.from({length: p.rep_count - 1},
                                  (_, k) => starts[i] + (k + 1) * p.rep_seconds);
      assert.deepEqual(mine, expected);
      mine.forEach((at, k) => {
        assert.equal(locate(ROUTINE, at).rep, k + 2);
        assert.equal(locate(ROUTINE, at - 1e-6).rep, k + 1);
      });
    });
    assert.equal(beats.length, 3 * 5 + 2 * 7);
  });

  test("countdowns 3, 2, 1 before the end of holds, reps and get-ready only", () => {
    const starts = phaseStarts(SIDES);
    const countdowns = cuesBetween(SIDES, -1, Infinity).filter((c) => c.kind === "countdown");
    SIDES.phases.forEach((p, i) => {
      const mine = countdowns.filter((c) => c.index === i).map((c) => c.at);
      const counts = ["hold", "reps", "get-ready"].includes(p.kind);
      const end = starts[i + 1];
      assert.deepEqual(mine, counts ? [end - 3, end - 2, end - 1] : [], `phase ${i}`);
    });
  });

  test("a phase shorter than 3 s counts down only after it starts", () => {
    const plan = {name: "Short", phases: [phase("hold", 2.5), phase("rest", 1), phase("hold", 1)]};
    assert.deepEqual(cuesBetween(plan, -1, 10).map((c) => [c.at, c.kind]), [
      [0, "start"], [0.5, "countdown"], [1.5, "countdown"], [2.5, "rest"], [3.5, "start"],
      [4.5, "done"],
    ]);
  });

  test("cues are sorted; a beat on a countdown second comes first", () => {
    for (const plan of [ROUTINE, CHILDS, SIDES]) {
      const ats = cuesBetween(plan, -1, Infinity).map((c) => c.at);
      assert.deepEqual(ats, [...ats].sort((a, b) => a - b));
    }
    // Kneeling extension, set 1: 8 reps of 3 s; 21 s in is both a beat and "3".
    const start = phaseStarts(ROUTINE)[13];
    assert.deepEqual(cuesBetween(ROUTINE, start + 20, start + 21).map((c) => c.kind),
                     ["beat", "countdown"]);
  });
});

describe("CueScheduler", () => {
  const everyCue = (plan) => cuesBetween(plan, -Infinity, Infinity);

  test("frame by frame it hands out every cue once, a little ahead", () => {
    const scheduler = new CueScheduler(ROUTINE);
    const handed = [];
    for (let frame = 0; frame <= 390 * 60; frame++) {
      const now = frame / 60;
      for (const cue of scheduler.due(now)) {
        assert.ok(cue.at <= now + 0.1 && cue.at >= now - 0.25, `${cue.at} at ${now}`);
        handed.push(cue);
      }
    }
    assert.deepEqual(handed, everyCue(ROUTINE));
  });

  test("after a long gap the missed cues are dropped, not played in a burst", () => {
    const scheduler = new CueScheduler(CHILDS);
    assert.deepEqual(scheduler.due(0).map((c) => c.kind), ["get-ready"]);
    // A hidden tab: nothing asked for 45 s.
    assert.deepEqual(scheduler.due(49.9).map((c) => [c.at, c.kind]), [[50, "start"]]);
    assert.deepEqual(scheduler.due(49.95), []);
    assert.deepEqual(scheduler.due(76.95).map((c) => c.at), [77]);
  });

  test("cues just missed, within the tolerance, still come", () => {
    const scheduler = new CueScheduler(CHILDS, {lookahead: 0.05, tolerance: 0.5});
    scheduler.due(4.5);
    assert.deepEqual(scheduler.due(5.4).map((c) => c.at), [5]);
  });

  test("never repeats a cue, even when asked again or with time going back", () => {
    const scheduler = new CueScheduler(CHILDS);
    assert.equal(scheduler.due(5).length, 1);
    assert.deepEqual(scheduler.due(5), []);
    assert.deepEqual(scheduler.due(4.95), []);
    assert.deepEqual(scheduler.due(3), []);
    assert.deepEqual(scheduler.due(5), []);
  });

  test("restart after a skip includes the start cue right there", () => {
    const {clock, core} = timer(CHILDS);
    const scheduler = new CueScheduler(CHILDS);
    core.start();
    assert.deepEqual(scheduler.due(core.elapsed()).map((c) => c.at), [0]);
    clock.advance(2);
    assert.deepEqual(scheduler.due(core.elapsed()).map((c) => c.at), [2]);
    clock.advance(1);
    assert.deepEqual(scheduler.due(core.elapsed()).map((c) => c.at), [3]);
    core.skip();
    scheduler.restart(core.elapsed());
    assert.deepEqual(scheduler.due(core.elapsed()), [{at: 5, kind: "start", index: 1}]);
    assert.deepEqual(scheduler.due(core.elapsed()), []);
  });

  test("restart after a reset plays the opening again", () => {
    const scheduler = new CueScheduler(CHILDS);
    scheduler.due(0);
    scheduler.due(20);
    scheduler.restart(0);
    assert.deepEqual(scheduler.due(0).map((c) => c.kind), ["get-ready"]);
  });

  test("restart after skipping to the end gives the done cue", () => {
    const {clock, core} = timer(CHILDS);
    const scheduler = new CueScheduler(CHILDS);
    core.start();
    clock.advance(60);
    scheduler.due(core.elapsed());
    core.skip();
    scheduler.restart(core.elapsed());
    assert.deepEqual(scheduler.due(core.elapsed()), [{at: 80, kind: "done", index: 4}]);
  });

  test("a restart ahead of now keeps the cue at its point until reached", () => {
    const scheduler = new CueScheduler(CHILDS);
    scheduler.restart(35);
    assert.deepEqual(scheduler.due(30), []);
    assert.deepEqual(scheduler.due(35).map((c) => c.kind), ["rest"]);
  });
});

// -- words -------------------------------------------------------------------------------

describe("spokenText and formatSeconds", () => {
  test("each kind of phase", () => {
    const say = (plan, i) => spokenText(plan.phases[i], plan);
    assert.equal(say(CHILDS, 0), "Get ready: Child's pose");
    assert.equal(say(CHILDS, 1), "Hold 1 of 2");
    assert.equal(say(CHILDS, 2), "Rest, 15 seconds");
    assert.equal(say(CHILDS, 3), "Hold 2 of 2");
    assert.equal(say(ROUTINE, 1), "Set 1 of 3, 6 reps");
    assert.equal(say(ROUTINE, 15), "Set 2 of 2, 8 reps");
    assert.equal(say(ROUTINE, 6), "Change over to Child's pose");
    assert.equal(say(ROUTINE, 2), "Rest, 20 seconds");
  });

  test("sides are named", () => {
    const say = (i) => spokenText(SIDES.phases[i], SIDES);
    assert.equal(say(1), "Hold 1 of 2, left side");
    assert.equal(say(8), "Switch to your right side");
    assert.equal(say(9), "Hold 1 of 2, right side");
    const reps = phase("reps", 24, {set_number: 1, set_count: 1, rep_count: 8, rep_seconds: 3,
                                    side: "left"});
    assert.equal(spokenText(reps, SIDES), "8 reps, left side");
  });

  test("what comes next names the side of one side's work", () => {
    const next = (plan, i) => nextText(plan.phases[i + 1], plan.phases[i]);
    assert.equal(next(SIDES, 0), "Next: Hold 1 of 2, left side (0:10)");
    assert.equal(next(SIDES, 1), "Next: Rest (0:05)");
    assert.equal(next(SIDES, 7), "Next: Switch sides (0:05)");
    assert.equal(next(SIDES, 8), "Next: Hold 1 of 2, right side (0:10)");
    assert.equal(next(CHILDS, 0), "Next: Hold 1 of 2 (0:30)");
    assert.equal(nextText(undefined, CHILDS.phases[3]), "Next: done");
    assert.equal(nextText(undefined, null), "");
  });

  test("seconds are rounded and a lone second is singular", () => {
    assert.equal(spokenText(phase("rest", 4.6), CHILDS), "Rest, 5 seconds");
    assert.equal(spokenText(phase("rest", 1.2), CHILDS), "Rest, 1 second");
    assert.equal(spokenText(phase("switch", 5), CHILDS), "Switch sides");
    assert.equal(spokenText(phase("get-ready", 5, {exercise: ""}), CHILDS),
                 "Get ready: Child's pose");
  });

  test("the end, and plain words for every phase", () => {
    assert.equal(spokenText(null, CHILDS), "Well done. All done.");
    for (const plan of [ROUTINE, CHILDS, SIDES]) {
      for (const p of plan.phases) assert.match(spokenText(p, plan), /^[A-Z][\w' ,:]+$/);
    }
  });

  test("formatSeconds rounds up, like Python format_seconds", () => {
    const shown = [0, 0.2, 1, 59.5, 60, 125, 1e-10, -3, 3599.01].map(formatSeconds);
    assert.deepEqual(shown, ["0:00", "0:01", "0:01", "1:00", "1:00", "2:05", "0:00", "0:00",
                             "60:00"]);
  });
});

// -- property test -----------------------------------------------------------------------

const ACTIONS = ["start", "pause", "resume", "reset", "skip", "doneWithSet", "takeEvents"];

/** A random step: an action, or a clock advance (any float, dyadic, or to a boundary). */
function randomStep(random, plan, oracle) {
  const roll = random();
  if (roll < 0.45) return ACTIONS[Math.floor(random() * ACTIONS.length)];
  if (roll < 0.65) return random() * 120;
  if (roll < 0.85) return Math.floor(random() * 240) / 8;
  const starts = phaseStarts(plan);
  const next = starts.find((s) => s > oracle.elapsed);
  return next === undefined ? 1 : next - oracle.elapsed; // land right on a phase change
}

/** An independent model of the timer: a linear scan where the module bisects. */
class Oracle {
  constructor(plan) {
    this.plan = plan;
    this.starts = phaseStarts(plan);
    this.total = this.starts.at(-1);
    this.elapsed = 0;
    this.status = "idle";
    this.doneByTime = false;
  }

  indexAt(elapsed) {
    return Math.min(this.starts.filter((s) => s <= elapsed).length - 1, this.plan.phases.length);
  }

  advance(seconds) {
    if (this.status !== "running") return;
    this.elapsed = Math.min(this.elapsed + seconds, this.total);
    if (this.elapsed >= this.total) Object.assign(this, {status: "done", doneByTime: true});
  }

  act(action, modelElapsed) {
    const index = this.indexAt(modelElapsed); // as in Python: the model's reading decides
    if (action === "reset") Object.assign(this, {elapsed: 0, status: "idle", doneByTime: false});
    else if ((action === "start" || action === "resume") && /idle|paused/.test(this.status)) {
      this.status = "running";
    } else if (action === "pause" && this.status === "running") this.status = "paused";
    else if (action === "skip" && this.status !== "done") this.jump(index);
    else if (action === "doneWithSet" && this.status !== "done"
             && this.plan.phases[index] && this.plan.phases[index].kind === "reps") {
      this.jump(index);
    }
  }

  jump(index) {
    this.elapsed = this.starts[index + 1];
    if (this.elapsed >= this.total) this.status = "done";
  }
}

/** Checks the events handed out over one run, between resets. */
class EventChecker {
  constructor(plan) {
    this.plan = plan;
    this.afterReset();
  }

  afterReset() {
    this.nextIndex = 0; // each phase ends once, in order, with none left out
    this.finished = false;
    this.lastStatus = null; // unsent events were dropped; only changes from idle follow
    this.owedExercise = null;
  }

  take(events) {
    for (const event of events) this.check(event);
    assert.equal(this.owedExercise, null, "exercise_done follows its last phase at once");
  }

  check(event) {
    if (this.owedExercise !== null) {
      assert.deepEqual(event, {type: "exercise_done", exercise: this.owedExercise});
      this.owedExercise = null;
      return;
    }
    assert.ok(!this.finished, "nothing after finished until a reset");
    if (event.type === "status") {
      assert.notEqual(event.status, this.lastStatus);
      this.lastStatus = event.status;
    } else if (event.type === "phase_end") {
      this.checkPhaseEnd(event);
    } else {
      assert.equal(event.type, "finished");
      assert.equal(this.nextIndex, this.plan.phases.length);
      this.finished = true;
    }
  }

  checkPhaseEnd(event) {
    const phases = this.plan.phases;
    assert.equal(event.index, this.nextIndex);
    const p = phases[event.index];
    assert.equal(event.kind, p.kind);
    if (event.how === "time") assert.equal(event.seconds, p.seconds);
    else assert.ok(event.seconds >= 0 && event.seconds <= p.seconds + 1e-9, `${event.seconds}`);
    if (event.how === "done") assert.equal(p.kind, "reps");
    const next = phases[event.index + 1];
    if (!next || next.exercise !== p.exercise) this.owedExercise = p.exercise;
    this.nextIndex += 1;
  }

  /** After a take: every phase passed was reported, and the status is up to date. */
  caughtUp(state) {
    assert.equal(this.nextIndex, state.position.index);
    assert.equal(this.lastStatus || "idle", state.status);
    assert.equal(this.finished, state.status === "done");
  }
}

function checkPosition(core, oracle, memory) {
  const state = core.state();
  const {position} = state;
  assert.ok(Math.abs(core.elapsed() - oracle.elapsed) <= 1e-6,
            `elapsed ${core.elapsed()} vs ${oracle.elapsed}`);
  // Running into the very end, float rounding decides whether the timer has settled yet.
  const nearEnd = Math.abs(oracle.elapsed - oracle.total) <= 1e-6;
  if (!(nearEnd && (oracle.status === "running" || oracle.doneByTime))) {
    assert.equal(state.status, oracle.status);
  }
  if (position.phase !== null) {
    assert.ok(position.timeLeft > 0 && position.timeLeft <= position.phase.seconds + 1e-9);
  } else {
    assert.equal(position.timeLeft, 0);
  }
  assert.ok(position.index >= memory.lastIndex, "phases only move forward");
  memory.lastIndex = position.index;
  if (memory.wasDone) assert.equal(state.status, "done");
  if (state.status === "done") {
    memory.wasDone = true;
    assert.ok(position.finished);
    assert.equal(position.progress, 1);
  }
  assert.ok(position.progress >= 0 && position.progress <= 1);
}

function runSequence(seed, plan) {
  const random = mulberry32(seed);
  const clock = new FakeClock(1000 + random() * 1000);
  const core = new TimerCore(plan, clock.read);
  const oracle = new Oracle(plan);
  const checker = new EventChecker(plan);
  const memory = {lastIndex: 0, wasDone: false};
  const steps = Math.floor(random() * 41);
  for (let n = 0; n < steps; n++) {
    const step = randomStep(random, plan, oracle);
    if (typeof step === "number") {
      clock.advance(step);
      oracle.advance(step);
    } else if (step === "takeEvents") {
      checker.take(core.takeEvents());
      checker.caughtUp(core.state());
    } else {
      oracle.act(step, core.elapsed());
      core[step]();
      if (step === "reset") {
        checker.afterReset();
        Object.assign(memory, {lastIndex: 0, wasDone: false});
      }
    }
    checkPosition(core, oracle, memory);
  }
  checker.take(core.takeEvents());
  checker.caughtUp(core.state());
}

test("property: 300 random action sequences keep the Python model's invariants", () => {
  const plans = [SIDES, CHILDS, ROUTINE, shorten(SIDES, 0.1), shorten(ROUTINE, 0.37)];
  for (let seed = 1; seed <= 300; seed++) {
    const plan = plans[seed % plans.length];
    try {
      runSequence(seed, plan);
    } catch (error) {
      error.message = `seed ${seed} (${plan.name}): ${error.message}`;
      throw error;
    }
  }
});

describe("PracticeTally: what the practice log keeps", () => {
  /** Runs `steps` ([action] or ["advance", s]) and gives every log entry, in order. */
  function logOf(plan, steps) {
    const {clock, core} = timer(plan);
    const tally = new PracticeTally(plan);
    const entries = [];
    for (const [action, seconds] of steps) {
      if (action === "advance") clock.advance(seconds);
      else core[action]();
      for (const event of core.takeEvents()) entries.push(...tally.take(event));
    }
    return entries.map(({kind, exercise, seconds, sets, rate}) => [kind, exercise, sets, seconds, rate]);
  }

  test("a hold set is logged when its last hold ends; the exercise at the end, to rate", () => {
    assert.deepEqual(logOf(CHILDS, [["start"], ["advance", 81]]), [
      ["set", "Child's pose", 1, 60, false],
      ["exercise", "Child's pose", 1, 80, true]]); // all of it, the countdown too
  });

  test("each reps phase is a set; skipped parts are not practice, Done with set is", () => {
    const entries = logOf(ROLLER, [["start"], ["advance", 5], ["skip"], ["advance", 3],
      ["doneWithSet"], ["advance", 500]]);
    assert.equal(entries[0][0], "set");
    assert.equal(entries[0][3], 3); // "Done with set" after 3 s of the first set
    const exercise = entries.at(-1);
    assert.equal(exercise[0], "exercise");
    assert.equal(exercise[2], entries.filter(([kind]) => kind === "set").length);
  });

  test("all skipped logs nothing; a reset counts afresh", () => {
    const skips = Array.from({length: CHILDS.phases.length}, () => ["skip"]);
    assert.deepEqual(logOf(CHILDS, [["start"], ...skips]), []);
    assert.deepEqual(logOf(CHILDS, [["start"], ["advance", 40], ["reset"], ["start"],
      ["advance", 81]]).map(([kind, , sets]) => [kind, sets]), [["set", 1], ["exercise", 1]]);
  });

  test("a routine is logged as a whole at its end, and only that is rated", () => {
    assert.equal(ROUTINE.routine, true);
    const total = phaseStarts(ROUTINE).at(-1);
    const entries = logOf(ROUTINE, [["start"], ["advance", total + 1]]);
    const exercises = entries.filter(([kind]) => kind === "exercise");
    assert.equal(exercises.length, 3);
    assert.ok(exercises.every(([, , , , rate]) => rate === false));
    assert.deepEqual(entries.at(-1), ["routine", "Daily routine", 3, total, true]);
  });
});

describe("a run carried over a reload", () => {
  /** Runs `steps` on a core and tally, then carries them over a reload (a new clock,
   *  from JSON), and gives the new pair and every log entry made before and after. */
  function reloaded(plan, before, after = []) {
    const {clock, core} = timer(plan);
    const tally = new PracticeTally(plan);
    const entries = [];
    const run = (pair, steps, theClock) => {
      for (const [action, seconds] of steps) {
        if (action === "advance") theClock.advance(seconds);
        else pair.core[action]();
        for (const event of pair.core.takeEvents()) entries.push(...pair.tally.take(event));
      }
    };
    run({core, tally}, before, clock);
    const kept = JSON.parse(JSON.stringify({core: core.snapshot(), tally: tally.snapshot()}));
    const later = new FakeClock(5); // a new page: its clock starts again
    const again = {core: TimerCore.resumed(plan, later.read, kept.core),
      tally: PracticeTally.resumed(plan, kept.tally)};
    run(again, after, later);
    return {...again, entries};
  }

  test("in the second hold it comes back paused in the second hold, nothing reported twice", () => {
    const {core, entries} = reloaded(CHILDS, [["start"], ["advance", 55]]); // 5 + 30 + 15 + 5
    assert.equal(core.status, "paused");
    assert.equal(core.elapsed(), 55);
    assert.equal(core.state().position.index, 3);
    assert.deepEqual(core.takeEvents(), []); // the phases passed were reported before
    assert.deepEqual(entries, []); // the first hold's set is logged with the last hold
  });

  test("once resumed it finishes and logs the exercise with every set, as one run", () => {
    const {tally, entries} = reloaded(CHILDS, [["start"], ["advance", 55]],
      [["start"], ["advance", 30]]);
    assert.deepEqual(entries.map(({kind, sets, seconds}) => [kind, sets, seconds]),
      [["set", 1, 60], ["exercise", 1, 80]]);
    assert.equal(tally.setsLogged, 1);
  });

  test("a routine's sets before the reload count in its exercises after", () => {
    const total = phaseStarts(ROUTINE).at(-1);
    const {entries} = reloaded(ROUTINE, [["start"], ["advance", 100]],
      [["start"], ["advance", total]]);
    const straight = (() => {
      const {clock, core} = timer(ROUTINE);
      const tally = new PracticeTally(ROUTINE);
      const out = [];
      core.start();
      clock.advance(100);
      for (const event of core.takeEvents()) out.push(...tally.take(event));
      clock.advance(total);
      for (const event of core.takeEvents()) out.push(...tally.take(event));
      return out;
    })();
    assert.deepEqual(entries, straight);
  });

  test("an idle, finished or damaged snapshot starts afresh", () => {
    for (const snapshot of [{status: "idle", elapsed: 0}, {status: "done", elapsed: 80},
      {status: "running", elapsed: 900}, {status: "paused", elapsed: "x"}, null, "bad"]) {
      const core = TimerCore.resumed(CHILDS, () => 0, snapshot);
      assert.equal(core.status, "idle", JSON.stringify(snapshot));
      assert.equal(core.elapsed(), 0);
    }
    const tally = PracticeTally.resumed(CHILDS, {sets: "not pairs"});
    assert.equal(tally.setsLogged, 0);
    assert.equal(tally.sets.size, 0);
  });

  test("a run skipped through has logged no set", () => {
    const {clock, core} = timer(CHILDS);
    const tally = new PracticeTally(CHILDS);
    core.start();
    for (let i = 0; i < CHILDS.phases.length; i++) {
      core.skip();
      for (const event of core.takeEvents()) tally.take(event);
    }
    clock.advance(1);
    assert.equal(core.status, "done");
    assert.equal(tally.setsLogged, 0);
  });
});

describe("withGetReady", () => {
  test("changes every get-ready countdown and nothing else, on a copy", () => {
    const longer = withGetReady(ROUTINE, 25);
    const before = JSON.stringify(ROUTINE);
    assert.equal(longer.phases.length, ROUTINE.phases.length);
    longer.phases.forEach((phase, i) => {
      const was = ROUTINE.phases[i];
      assert.equal(phase.seconds, was.kind === "get-ready" ? 25 : was.seconds);
      assert.equal(phase.kind, was.kind);
    });
    assert.equal(JSON.stringify(ROUTINE), before);
  });

  test("refuses a length that is not a positive, finite number of seconds", () => {
    for (const bad of [0, -1, NaN, Infinity]) {
      assert.throws(() => withGetReady(CHILDS, bad), RangeError);
    }
  });
});

describe("a timed warm-up", () => {
  // Foam roller: get-ready 5 | warm-up 30 | reps 6x4 | rest 20 | ...
  test("starts with a start cue, counts down like a hold, and says what to do", () => {
    const warmUp = ROLLER.phases[1];
    assert.equal(warmUp.kind, "warm-up");
    assert.match(warmUp.instruction, /roll slowly up and down/);
    const cues = cuesBetween(ROLLER, 4.5, 35).map((cue) => [cue.at, cue.kind]);
    assert.deepEqual(cues, [[5, "start"], [32, "countdown"], [33, "countdown"],
      [34, "countdown"], [35, "start"]]);
    assert.equal(spokenText(warmUp, ROLLER), "Warm up, 30 seconds");
  });

  test("is not a set: done-with-set does nothing there", () => {
    const {clock, core} = timer(ROLLER);
    core.start();
    clock.advance(6);
    core.doneWithSet();
    assert.equal(locate(ROLLER, core.elapsed()).index, 1);
  });
});

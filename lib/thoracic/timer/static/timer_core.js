/**
 * The exercise timer's state machine for the browser.
 *
 * A pure module: no DOM, no timers, no imports. Every reading comes from a clock passed
 * in (a function returning seconds), so tests move a fake clock instead of waiting, and
 * elapsed time is always computed from the clock, never counted in ticks, so it cannot
 * drift. It is the one place the timer's behaviour lives; Python builds the plan and
 * records what this module reports. It keeps the semantics of the course's earlier
 * Python timer (checked event for event when it replaced it), and agrees with Python on:
 *   - `locate`         <- TimerPlan.locate and Phase.rep_at      (_plan.py)
 *   - `formatSeconds`  <- format_seconds                          (_format.py)
 *   - `withGetReady`   <- with_get_ready                          (_coach.py)
 * (tests/timer/test_front_end.py holds these together.) Plans are the JSON of
 * `TimerPlan.to_json()` and are treated as read-only.
 */

/** @typedef {"get-ready"|"warm-up"|"hold"|"reps"|"rest"|"switch"} PhaseKind */
/** @typedef {"idle"|"running"|"paused"|"done"} Status */

/**
 * One phase of a plan, as `TimerPlan.to_json()` writes it.
 * @typedef {object} Phase
 * @property {PhaseKind} kind
 * @property {number} seconds
 * @property {string} title
 * @property {string} instruction
 * @property {string} exercise
 * @property {("left"|"right"|null)} side
 * @property {(number|null)} set_number
 * @property {(number|null)} set_count
 * @property {(number|null)} rep_number
 * @property {(number|null)} rep_count
 * @property {(number|null)} rep_seconds
 */

/** @typedef {{name: string, phases: Phase[]}} Plan */

/**
 * Where a plan stands after some elapsed time (Python `Position`).
 * @typedef {object} Position
 * @property {number} index       phase index; `phases.length` once finished
 * @property {(Phase|null)} phase null once finished
 * @property {number} timeLeft    seconds left in the current phase
 * @property {number} elapsed     clamped to [0, total]
 * @property {number} totalLeft
 * @property {number} progress    0 to 1 over the whole plan
 * @property {(number|null)} rep
 * @property {boolean} finished
 */

/**
 * @typedef {{type: "phase_end", index: number, kind: PhaseKind, exercise: string,
 *            how: ("time"|"skip"|"done"), seconds: number}
 *   | {type: "exercise_done", exercise: string}
 *   | {type: "finished"}
 *   | {type: "status", status: Status}} TimerEvent
 */

/** @typedef {{at: number, kind: string, index: number}} Cue */

// ---------------------------------------------------------------------------------------
// Plans: where a plan stands at a given elapsed time
// ---------------------------------------------------------------------------------------

/**
 * Cumulative start time of every phase, plus the total at the end (length phases + 1).
 * Summed left to right like Python's `accumulate`, so the numbers are bit-for-bit the same.
 * @param {Plan} plan
 * @returns {number[]}
 */
export function phaseStarts(plan) {
  const starts = [0];
  let sum = 0;
  for (const phase of plan.phases) {
    sum += phase.seconds;
    starts.push(sum);
  }
  return starts;
}

// locate() runs every animation frame; keep each plan's starts instead of re-adding them.
const startsMemo = new WeakMap();

function startsOf(plan) {
  let starts = startsMemo.get(plan);
  if (!starts) {
    starts = Object.freeze(phaseStarts(plan));
    startsMemo.set(plan, starts);
  }
  return starts;
}

function totalOf(plan) {
  const starts = startsOf(plan);
  return starts[starts.length - 1];
}

/** Python's `bisect_right`: the index after the last item <= x. */
function bisectRight(sorted, x) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < sorted[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Python's `bisect_left`: the index of the first item >= x. */
function bisectLeft(sorted, x) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Python's float `a // b`. It floors the exact quotient, not the rounded `a / b`
 * (Python: `1 // 0.1 == 9.0`, but `Math.floor(1 / 0.1) === 10`), so reps count alike.
 */
function floorDiv(a, b) {
  let mod = a % b; // JavaScript's % on numbers is C's fmod, as in CPython
  let div = (a - mod) / b;
  if (mod && (b < 0) !== (mod < 0)) {
    mod += b;
    div -= 1;
  }
  if (!div) return 0;
  let floored = Math.floor(div);
  if (div - floored > 0.5) floored += 1;
  return floored;
}

/** The rep being done `secondsIn` seconds into a phase (Python `Phase.rep_at`). */
function repAt(phase, secondsIn) {
  if (phase.kind !== "reps" || !phase.rep_seconds || !phase.rep_count) {
    return phase.rep_number === undefined ? null : phase.rep_number;
  }
  return Math.min(phase.rep_count, floorDiv(secondsIn, phase.rep_seconds) + 1);
}

/**
 * The position after `elapsed` seconds (clamped to the plan), like `TimerPlan.locate`.
 * @param {Plan} plan
 * @param {number} elapsed
 * @returns {Position}
 */
export function locate(plan, elapsed) {
  const starts = startsOf(plan);
  const total = starts[starts.length - 1];
  const count = plan.phases.length;
  const clamped = Math.min(Math.max(elapsed, 0), total);
  const index = bisectRight(starts, clamped) - 1;
  if (index >= count) {
    return {index: count, phase: null, timeLeft: 0, elapsed: total, totalLeft: 0,
            progress: 1, rep: null, finished: true};
  }
  const phase = plan.phases[index];
  const secondsIn = clamped - starts[index];
  return {index, phase, timeLeft: phase.seconds - secondsIn, elapsed: clamped,
          totalLeft: total - clamped, progress: clamped / total,
          rep: repAt(phase, secondsIn), finished: false};
}

/** Refuse plans Python's TimerPlan would refuse, with a message naming the bad value. */
function checkPlan(plan) {
  if (!plan || !Array.isArray(plan.phases) || plan.phases.length === 0) {
    throw new RangeError(`Timer plan ${JSON.stringify(plan && plan.name)} has no phases.`);
  }
  for (const phase of plan.phases) {
    if (!(phase.seconds > 0 && phase.seconds < Infinity)) {
      throw new RangeError(
        `Timer plan ${JSON.stringify(plan.name)}: phase ${JSON.stringify(phase.title)} must ` +
        `last a positive, finite number of seconds, got ${phase.seconds}.`);
    }
  }
}

// ---------------------------------------------------------------------------------------
// The state machine
// ---------------------------------------------------------------------------------------

/**
 * Where a learner is in a timer plan, given a clock, and what happened since it was last
 * asked (phases ended by the clock, by a skip or by "done with set").
 *
 * Each public call reads the clock once, so the report before an action, the action and
 * the report after it all see the same moment.
 */
export class TimerCore {
  /**
   * @param {Plan} plan
   * @param {() => number} clock monotonic seconds, e.g. `() => performance.now() / 1000`
   */
  constructor(plan, clock) {
    checkPlan(plan);
    if (typeof clock !== "function") throw new TypeError("TimerCore needs a clock function.");
    this.plan = plan;
    this.clock = clock;
    this._status = /** @type {Status} */ ("idle");
    this._banked = 0; // elapsed seconds up to the last start, pause or skip
    this._since = null; // clock reading when running began
    this._events = []; // reported but not yet taken
    this._lastIndex = 0; // the phase index last reported
    this._lastStatus = "idle"; // the status last reported
  }

  /** @returns {Status} settles to "done" once the whole plan has elapsed */
  get status() {
    return this._statusAt(this.clock());
  }

  /** Seconds of the plan done so far (never more than the plan's total). */
  elapsed() {
    return this._elapsedAt(this.clock());
  }

  /** @returns {{status: Status, position: Position}} a snapshot for display */
  state() {
    const now = this.clock();
    const status = this._statusAt(now);
    return {status, position: locate(this.plan, this._elapsedAt(now))};
  }

  /** Start from idle, or resume when paused. Does nothing while running or done. */
  start() {
    this._act((now) => {
      if (this._status === "idle" || this._status === "paused") {
        this._since = now;
        this._status = "running";
      }
    });
  }

  /** Same as start(), as in Python (`resume = start`). */
  resume() {
    this.start();
  }

  /** Stop the clock where it is. Does nothing unless running. */
  pause() {
    this._act((now) => {
      if (this._status === "running") {
        this._banked = this._elapsedAt(now);
        this._since = null;
        this._status = "paused";
      }
    });
  }

  /**
   * Back to the start of the plan, idle. Nothing from before the reset is reported
   * afterwards (Python forgets its last index: the next display is a first display).
   */
  reset() {
    this._status = "idle";
    this._banked = 0;
    this._since = null;
    this._events = [];
    this._lastIndex = 0;
    this._report(this.clock()); // only the status change, if any, is left to report
  }

  /** Jump to the start of the next phase; skipping the last phase finishes the plan. */
  skip() {
    this._jump(this.clock(), "skip");
  }

  /** The learner finished this set's reps early: move on. Only acts in a "reps" phase. */
  doneWithSet() {
    const now = this.clock();
    this._report(now); // first report any phase that ended by the clock
    const phase = locate(this.plan, this._elapsedAt(now)).phase;
    if (phase !== null && phase.kind === "reps") this._jump(now, "done");
  }

  /**
   * The events since the previous call, oldest first, worked out from the clock now:
   * every phase passed since then is reported, however long ago that call was.
   * @returns {TimerEvent[]}
   */
  takeEvents() {
    this._report(this.clock());
    const events = this._events;
    this._events = [];
    return events;
  }

  /**
   * What a reload needs to carry on where this run is: plain JSON. Take the events first
   * (a snapshot does not carry events not yet taken).
   * @returns {{status: Status, elapsed: number}}
   */
  snapshot() {
    const now = this.clock();
    return {status: this._statusAt(now), elapsed: this._elapsedAt(now)};
  }

  /**
   * A timer that carries on from a snapshot, paused where it was: a run that was going
   * when the page went away waits for the learner, and the phases it had already passed
   * are not reported again. An idle or finished snapshot gives a fresh timer.
   * @param {Plan} plan
   * @param {() => number} clock
   * @param {{status?: string, elapsed?: number}} snapshot
   */
  static resumed(plan, clock, snapshot) {
    const core = new TimerCore(plan, clock);
    const elapsed = Number(snapshot && snapshot.elapsed);
    const going = snapshot && (snapshot.status === "running" || snapshot.status === "paused");
    if (!going || !(elapsed > 0) || elapsed >= totalOf(plan)) return core;
    core._banked = elapsed;
    core._status = "paused";
    core._lastStatus = "paused";
    core._lastIndex = locate(plan, elapsed).index;
    return core;
  }

  // -- internals -----------------------------------------------------------------------

  _elapsedAt(now) {
    const running = this._since === null ? 0 : now - this._since;
    // max(): a clock that steps back never gives negative time
    return Math.min(this._banked + Math.max(running, 0), totalOf(this.plan));
  }

  _statusAt(now) {
    if (this._status === "running" && this._elapsedAt(now) >= totalOf(this.plan)) {
      this._finish();
    }
    return this._status;
  }

  _finish() {
    this._banked = totalOf(this.plan);
    this._since = null;
    this._status = "done";
  }

  /** Report what the clock did, apply `change` at that same moment, report again. */
  _act(change) {
    const now = this.clock();
    this._report(now); // settles first, as every Python action does
    change(now);
    this._report(now);
  }

  /** A jump: phases already ended by the clock are reported first, then the jumped one. */
  _jump(now, how) {
    this._report(now);
    const before = this._elapsedAt(now);
    this._skipAt(now);
    this._report(now, how, before);
  }

  /** To the start of the next phase; skipping the last one finishes the plan. */
  _skipAt(now) {
    if (this._statusAt(now) === "done") return;
    const index = locate(this.plan, this._elapsedAt(now)).index;
    const target = startsOf(this.plan)[index + 1];
    if (target >= totalOf(this.plan)) {
      this._finish();
      return;
    }
    this._banked = target;
    if (this._status === "running") this._since = now;
  }

  /**
   * Queue the events between the last report and `now` (Python `refresh`: the status
   * first, then `_on_new_phase`). The phase current at a skip or "done with set" ends
   * with that `how`, after `actionElapsed` seconds of the plan.
   */
  _report(now, how = "time", actionElapsed = 0) {
    const status = this._statusAt(now);
    if (status !== this._lastStatus) {
      this._lastStatus = status;
      this._events.push({type: "status", status});
    }
    const index = locate(this.plan, this._elapsedAt(now)).index;
    // Only forward: a phase is reported once between resets, even if the clock steps back.
    if (index > this._lastIndex) {
      this._reportPassed(this._lastIndex, index, how, actionElapsed);
      this._lastIndex = index;
    }
  }

  /** Python `_on_new_phase`: every phase from `previous` up to (not incl.) `index`. */
  _reportPassed(previous, index, how, actionElapsed) {
    const phases = this.plan.phases;
    const starts = startsOf(this.plan);
    for (let i = previous; i < Math.min(index, phases.length); i++) {
      const phase = phases[i];
      const byAction = i === previous && how !== "time";
      this._events.push({
        type: "phase_end", index: i, kind: phase.kind, exercise: phase.exercise,
        how: byAction ? how : "time",
        seconds: byAction ? actionElapsed - starts[i] : phase.seconds,
      });
      // As in Python, an exercise is done when its last phase ends, skipped or not.
      const next = phases[i + 1];
      if (next === undefined || next.exercise !== phase.exercise) {
        this._events.push({type: "exercise_done", exercise: phase.exercise});
      }
    }
    if (index >= phases.length) this._events.push({type: "finished"});
  }
}

// ---------------------------------------------------------------------------------------
// The practice log: what a timer's events complete, decided here once for JupyterLab
// (the recorder saves it in the kernel) and for the pages (the site saves it on the device)
// ---------------------------------------------------------------------------------------

/**
 * @typedef {{type: "log", kind: ("set"|"exercise"|"routine"), exercise: string,
 *            seconds: number, sets: number, rate: boolean}} LogEntry
 * `sets` counts sets for a set or an exercise and exercises for a routine; `rate` marks the
 * entry a learner is asked to rate: the exercise, or for a routine the routine as a whole.
 */

/**
 * Turns a timer's events into practice-log entries: each set that ends by the clock or by
 * "Done with set" at once (a hold set when its last hold ends), each finished exercise with
 * its sets (none if every set was skipped), and a routine as a whole when it finishes.
 * Skipped parts are not practice; a reset starts counting afresh. An exercise's time counts
 * everything done in it, a set's time only its work. Seconds to a tenth.
 */
export class PracticeTally {
  /** @param {Plan} plan */
  constructor(plan) {
    this.plan = plan;
    this.clear();
  }

  clear() {
    this.sets = new Map();
    this.seconds = new Map();
    this.setSeconds = new Map();
    this.exercisesLogged = 0;
    this.routineSeconds = 0;
    this.setsLogged = 0; // whether this run has logged anything: skipped through, it has not
  }

  /** What a reload needs to go on counting this run: plain JSON. */
  snapshot() {
    const pairs = (map) => [...map];
    return {sets: pairs(this.sets), seconds: pairs(this.seconds),
      setSeconds: pairs(this.setSeconds), exercisesLogged: this.exercisesLogged,
      routineSeconds: this.routineSeconds, setsLogged: this.setsLogged};
  }

  /** A tally that goes on from `snapshot` (one that does not fit starts afresh). */
  static resumed(plan, snapshot) {
    const tally = new PracticeTally(plan);
    try {
      const map = (pairs) => new Map(pairs.map(([name, n]) => [String(name), Number(n) || 0]));
      Object.assign(tally, {sets: map(snapshot.sets), seconds: map(snapshot.seconds),
        setSeconds: map(snapshot.setSeconds),
        exercisesLogged: Number(snapshot.exercisesLogged) || 0,
        routineSeconds: Number(snapshot.routineSeconds) || 0,
        setsLogged: Number(snapshot.setsLogged) || 0});
    } catch {
      tally.clear();
    }
    return tally;
  }

  /** The entries `event` completes, in order. @param {TimerEvent} event @returns {LogEntry[]} */
  take(event) {
    if (event.type === "status" && event.status === "idle") this.clear();
    else if (event.type === "phase_end") return this._phaseEnded(event);
    else if (event.type === "exercise_done") return this._exerciseDone(event.exercise);
    else if (event.type === "finished") return this._finished();
    return [];
  }

  _phaseEnded({index, how, seconds}) {
    const phase = this.plan.phases[index];
    if (how === "skip" || !phase) return [];
    const name = phase.exercise;
    const add = (map, amount) => map.set(name, (map.get(name) || 0) + amount);
    add(this.seconds, seconds);
    this.routineSeconds += seconds;
    if (phase.kind !== "hold" && phase.kind !== "reps") return [];
    add(this.setSeconds, seconds);
    if (phase.kind === "hold" && phase.rep_number !== phase.rep_count) return [];
    add(this.sets, 1);
    this.setsLogged += 1;
    const entry = logEntry("set", name, this.setSeconds.get(name), 1, false);
    this.setSeconds.set(name, 0);
    return [entry];
  }

  _exerciseDone(name) {
    const sets = this.sets.get(name) || 0;
    if (!sets) return [];
    const entry = logEntry("exercise", name, this.seconds.get(name) || 0, sets,
      !this.plan.routine);
    this.exercisesLogged += 1;
    this.sets.set(name, 0);
    this.seconds.set(name, 0);
    return [entry];
  }

  _finished() {
    if (!this.plan.routine || !this.exercisesLogged) return [];
    return [logEntry("routine", this.plan.name, this.routineSeconds, this.exercisesLogged, true)];
  }
}

function logEntry(kind, exercise, seconds, sets, rate) {
  return {type: "log", kind, exercise, seconds: Math.round(seconds * 10) / 10, sets, rate};
}

// ---------------------------------------------------------------------------------------
// Sound cues
// ---------------------------------------------------------------------------------------

const OPENING_CUE = {"get-ready": "get-ready", "warm-up": "start", hold: "start",
                     reps: "start", rest: "rest", switch: "switch"};
const COUNTS_DOWN = new Set(["get-ready", "warm-up", "hold", "reps"]);
// Cues at the same moment (a beat on a countdown second) come in this order.
const CUE_RANK = {"get-ready": 0, start: 0, rest: 0, switch: 0, beat: 1, countdown: 2,
                  done: 3};

function phaseCues(phase, index, start, end) {
  const cues = [{at: start, kind: OPENING_CUE[phase.kind], index}];
  if (phase.kind === "reps" && phase.rep_seconds && phase.rep_count) {
    for (let k = 1; k < phase.rep_count; k++) {
      const at = start + k * phase.rep_seconds;
      if (at > start && at < end) cues.push({at, kind: "beat", index});
    }
  }
  if (COUNTS_DOWN.has(phase.kind)) {
    for (let k = 3; k >= 1; k--) {
      const at = end - k; // from the end, so "1" is one second before the change
      if (at > start) cues.push({at, kind: "countdown", index});
    }
  }
  return cues;
}

function compareCues(a, b) {
  return a.at - b.at || a.index - b.index || CUE_RANK[a.kind] - CUE_RANK[b.kind];
}

const cuesMemo = new WeakMap();

/** Every cue of a plan, sorted and frozen, with their times alongside for bisecting. */
function allCues(plan) {
  let memo = cuesMemo.get(plan);
  if (!memo) {
    // Phase boundaries come from the same cumulative starts as locate(), so a cue
    // lands exactly where the display changes phase.
    const starts = startsOf(plan);
    const cues = plan.phases.flatMap((phase, i) => phaseCues(phase, i, starts[i], starts[i + 1]));
    cues.push({at: starts[starts.length - 1], kind: "done", index: plan.phases.length});
    cues.sort(compareCues);
    cues.forEach(Object.freeze);
    memo = {cues, times: cues.map((cue) => cue.at)};
    cuesMemo.set(plan, memo);
  }
  return memo;
}

function cuesIn(plan, from, to, includeFrom) {
  const {cues, times} = allCues(plan);
  const first = includeFrom ? bisectLeft(times, from) : bisectRight(times, from);
  const last = bisectRight(times, to);
  return cues.slice(first, Math.max(first, last));
}

/**
 * The sound cues with `from < at <= to`, sorted by time (plan-elapsed seconds). Pass a
 * negative `from` to include the cue at 0.
 *
 * Kinds: "get-ready" / "start" (warm-up, hold, reps) / "rest" / "switch" at the start of
 * each phase; "countdown" 3, 2 and 1 s before the end of each get-ready, warm-up, hold and
 * reps phase
 * (only after its start); "beat" at each rep boundary inside a reps phase; "done" at the
 * end of the plan (its index is `phases.length`).
 * @param {Plan} plan
 * @param {number} from
 * @param {number} to
 * @returns {Cue[]}
 */
export function cuesBetween(plan, from, to) {
  return cuesIn(plan, from, to, false);
}

/**
 * Hands out each cue once, a little ahead of time, so the view can schedule sounds on
 * an audio clock. Cues that are already well past (a hidden tab, a slow frame) are
 * dropped, never played in a burst.
 */
export class CueScheduler {
  /**
   * @param {Plan} plan
   * @param {{lookahead?: number, tolerance?: number}} [options] seconds
   */
  constructor(plan, {lookahead = 0.1, tolerance = 0.25} = {}) {
    checkPlan(plan);
    this.plan = plan;
    this.lookahead = lookahead;
    this.tolerance = tolerance;
    this._until = -Infinity; // cues up to here were handed out (or dropped)
    this._includeUntil = true; // after restart(): a cue exactly at _until is still due
  }

  /**
   * Cues with `lastScheduledUntil < at <= now + lookahead`, except those more than
   * `tolerance` seconds in the past.
   * @param {number} now the plan's elapsed seconds now
   * @returns {Cue[]}
   */
  due(now) {
    const horizon = now + this.lookahead;
    if (horizon < this._until) return []; // never step back, so never repeat a cue
    const cues = cuesIn(this.plan, this._until, horizon, this._includeUntil);
    this._until = horizon;
    this._includeUntil = false;
    return cues.filter((cue) => cue.at >= now - this.tolerance);
  }

  /**
   * Schedule afresh from `from` (after a skip, reset or resume); a cue exactly at `from`,
   * like the "start" cue after a skip, is due again. Cancel sounds already queued first.
   * @param {number} from plan-elapsed seconds
   */
  restart(from) {
    this._until = from;
    this._includeUntil = true;
  }
}

// ---------------------------------------------------------------------------------------
// Words and numbers for the learner
// ---------------------------------------------------------------------------------------

function sideWords(phase) {
  return phase.side ? `, ${phase.side} side` : "";
}

function secondsWords(seconds) {
  const whole = Math.round(seconds);
  return whole === 1 ? "1 second" : `${whole} seconds`;
}

const SPOKEN = {
  "get-ready": (phase, plan) => `Get ready: ${phase.exercise || plan.name}`,
  "warm-up": (phase) => `Warm up, ${secondsWords(phase.seconds)}`,
  hold: (phase) => (phase.rep_number && phase.rep_count
    ? `Hold ${phase.rep_number} of ${phase.rep_count}` : phase.title) + sideWords(phase),
  reps: (phase) => {
    const set = phase.set_count > 1 ? `Set ${phase.set_number} of ${phase.set_count}, ` : "";
    return `${set}${phase.rep_count} reps${sideWords(phase)}`;
  },
  rest: (phase) => (phase.title.startsWith("Change over")
    ? phase.title : `Rest, ${secondsWords(phase.seconds)}`),
  switch: (phase) => (phase.side ? `Switch to your ${phase.side} side` : "Switch sides"),
};

/**
 * A short sentence to speak when `phase` begins; `null` for the end of the plan.
 * @param {(Phase|null)} phase
 * @param {Plan} plan
 * @returns {string}
 */
export function spokenText(phase, plan) {
  if (phase === null || phase === undefined) return "Well done. All done.";
  const say = SPOKEN[phase.kind];
  return say ? say(phase, plan) : phase.title;
}

/**
 * What comes after `phase`, as the timer shows it: the next part's title, its side where it
 * is one side's work ("Set 1 of 1, left side"), and how long it lasts.
 * @param {(Phase|null|undefined)} next
 * @param {(Phase|null|undefined)} phase
 * @returns {string}
 */
export function nextText(next, phase) {
  if (!next) return phase ? "Next: done" : "";
  const side = next.kind === "reps" || next.kind === "hold" ? sideWords(next) : "";
  return `Next: ${next.title}${side} (${formatSeconds(next.seconds)})`;
}

/**
 * Whole seconds as `m:ss`, rounded up so 0:00 only shows at the very end
 * (Python `format_seconds`).
 * @param {number} seconds
 * @returns {string}
 */
export function formatSeconds(seconds) {
  const whole = Math.max(0, Math.ceil(seconds - 1e-9));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}

/**
 * The plan with every get-ready countdown lasting `seconds`: the learner's choice on the
 * timer. Python's `with_get_ready` does the same to its copy (a test holds them together).
 * @param {object} plan
 * @param {number} seconds
 * @returns {object} a new plan; the given one is left as it was
 */
export function withGetReady(plan, seconds) {
  if (!(seconds > 0 && Number.isFinite(seconds))) {
    throw new RangeError(`get-ready seconds must be positive and finite, got ${seconds}`);
  }
  return {
    ...plan,
    phases: plan.phases.map((phase) => (phase.kind === "get-ready" ? { ...phase, seconds } : phase)),
  };
}

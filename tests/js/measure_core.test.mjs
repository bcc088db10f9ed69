// Tests of the seated rotation measurement's core (lib/thoracic/ui/static/measure_core.js):
// the angle maths from the phone's full orientation, the stillness detector, median and
// spread, and whole measurements fed by seeded noisy sensor streams (sensor_streams.mjs).
import {describe, test} from "node:test";
import assert from "node:assert/strict";

import {
  CAME_BACK_DEGREES,
  EXTRA_ATTEMPTS_PER_SIDE,
  MIN_TURN_DEGREES,
  REASONS,
  RETURN_DEGREES,
  RotationMeasurement,
  SMOOTH_SECONDS,
  STILL_DEGREES,
  STILL_SECONDS,
  StillnessDetector,
  TILT_LIMIT_DEGREES,
  TRIES_PER_SIDE,
  TRY_TIMEOUT_SECONDS,
  WRONG_WAY_DEGREES,
  angleBetween,
  axisAngle,
  median,
  multiply,
  quaternionFromOrientation,
  roundTenth,
  spread,
  tiltOffVertical,
  turnAboutVertical,
  wrapDegrees,
} from "../../lib/thoracic/ui/static/measure_core.js";
import {gaussian, mulberry32} from "./seeded.mjs";
import {
  HOLDS,
  SimulatedLearner,
  orientationFromQuaternion,
  runMeasurement,
} from "./sensor_streams.mjs";

// -- helpers ----------------------------------------------------------------------------

const q = quaternionFromOrientation;

/** The angles a phone held as `hold` reports after the trunk turns `yaw` degrees (left
 * positive) and leans `lean` degrees about a horizontal axis: world yaw composed with the
 * hold, then written as alpha, beta, gamma. */
function turned(hold, yaw, lean = 0) {
  const body = multiply(axisAngle([0, 0, 1], yaw), axisAngle([1, 0, 0], lean));
  return orientationFromQuaternion(multiply(body, q(hold)));
}

function close(actual, expected, tolerance, message) {
  assert.ok(Math.abs(actual - expected) <= tolerance,
    `${message ?? ""} ${actual} is not within ${tolerance} of ${expected}`);
}

/** Still readings at 60 Hz from t0 for `seconds`, with seeded jitter of `jitter` degrees
 * on each axis and a steady turn of `speed` degrees a second about the vertical. */
function readings(t0, seconds, {seed = 1, jitter = 1.5, speed = 0, wobble = 0} = {}) {
  const random = mulberry32(seed);
  const out = [];
  for (let i = 0; i < seconds * 60; i++) {
    const t = t0 + i / 60;
    const yaw = speed * (t - t0) + wobble * Math.sin(2 * Math.PI * 1.3 * t);
    const noise = multiply(multiply(axisAngle([1, 0, 0], gaussian(random) * jitter),
      axisAngle([0, 1, 0], gaussian(random) * jitter)),
    axisAngle([0, 0, 1], gaussian(random) * jitter));
    out.push({t, q: multiply(multiply(axisAngle([0, 0, 1], yaw), q(HOLDS.upright)), noise)});
  }
  return out;
}

/** A whole measurement by a simulated learner; the run and the measurement. */
function measure(options, sides = ["left", "right"], tries = TRIES_PER_SIDE) {
  const measurement = new RotationMeasurement(sides, tries);
  const learner = new SimulatedLearner({driftDegreesPerMinute: 3, ...options});
  return {run: runMeasurement(measurement, learner), measurement, learner};
}

const types = (events) => events.map((event) => event.type);

// -- angle maths ------------------------------------------------------------------------

describe("the orientation as a quaternion", () => {
  test("is a unit quaternion, the identity for a phone flat and facing north", () => {
    assert.deepEqual(q({alpha: 0, beta: 0, gamma: 0}), {w: 1, x: 0, y: 0, z: 0});
    const {w, x, y, z} = q({alpha: 123, beta: -45, gamma: 67});
    close(Math.hypot(w, x, y, z), 1, 1e-12);
  });

  test("refuses missing angles", () => {
    assert.throws(() => q({alpha: null, beta: 0, gamma: 0}), TypeError);
    assert.throws(() => q({alpha: 0, beta: NaN, gamma: 0}), TypeError);
  });

  test("the stream generator's angles are the W3C's: they turn back into the same rotation",
    () => {
      const random = mulberry32(42);
      for (let i = 0; i < 500; i++) {
        const angles = {alpha: random() * 360, beta: random() * 360 - 180,
          gamma: random() * 180 - 90};
        const back = orientationFromQuaternion(q(angles));
        close(angleBetween(q(back), q(angles)), 0, 1e-6, JSON.stringify(angles));
        assert.ok(back.alpha >= 0 && back.alpha < 360);
        assert.ok(back.beta >= -180 && back.beta < 180);
        assert.ok(back.gamma >= -90 && back.gamma < 90);
      }
    });
});

describe("turnAboutVertical", () => {
  for (const [name, hold] of Object.entries(HOLDS)) {
    test(`a phone held ${name}: a trunk turn left is positive, right negative`, () => {
      for (const yaw of [10, 35, 70, -10, -35, -70]) {
        close(turnAboutVertical(q(hold), q(turned(hold, yaw))), yaw, 1e-9, `${yaw}`);
      }
    });
  }

  test("a tilted hold with a lean during the turn still gives the turn", () => {
    for (const yaw of [-60, -20, 20, 60]) {
      close(turnAboutVertical(q(HOLDS.tilted), q(turned(HOLDS.tilted, yaw, 15))), yaw, 1e-9);
    }
  });

  test("across alpha's 0/360 wrap", () => {
    const flat = (alpha) => q({alpha, beta: 0, gamma: 0});
    close(turnAboutVertical(flat(350), flat(20)), 30, 1e-9);
    close(turnAboutVertical(flat(10), flat(340)), -30, 1e-9);
    const upright = (alpha) => q({alpha, beta: 90, gamma: 0});
    close(turnAboutVertical(upright(345), upright(25)), 40, 1e-9);
  });

  test("at beta 90 (gimbal lock) alpha and gamma trade places, and the turn is the same", () => {
    const neutral = q({alpha: 0, beta: 90, gamma: 0});
    close(turnAboutVertical(neutral, q({alpha: 30, beta: 90, gamma: 0})), 30, 1e-9);
    close(turnAboutVertical(neutral, q({alpha: 0, beta: 90, gamma: 30})), 30, 1e-9);
    close(turnAboutVertical(neutral, q({alpha: 200, beta: 90, gamma: -170})), 30, 1e-9);
  });

  test("just off upright, where alpha and gamma swing wildly, the turn does not", () => {
    const hold = {alpha: 80, beta: 89.9, gamma: 0.5};
    for (const yaw of [-45, 45]) {
      const now = turned(hold, yaw, 0.3);
      close(turnAboutVertical(q(hold), q(now)), yaw, 1e-6);
    }
    // An upright phone turned 30 degrees and leaning 2 degrees sideways: alpha reads 120
    // or 300 as the lean goes one way or the other, gamma -90 or 90. One raw Euler angle
    // would be far out; the full orientation is not.
    const upright = {alpha: 0, beta: 90, gamma: 0};
    for (const side of [-2, 2]) {
      const lean = multiply(axisAngle([0, 0, 1], 30), axisAngle([0, 1, 0], side));
      const now = orientationFromQuaternion(multiply(lean, q(upright)));
      assert.ok(Math.abs(wrapDegrees(now.alpha) - 30) > 80, JSON.stringify(now));
      close(turnAboutVertical(q(upright), q(now)), 30, 1e-9);
    }
  });

  test("is in (-180, 180]", () => {
    const flat = (alpha) => q({alpha, beta: 0, gamma: 0});
    close(turnAboutVertical(flat(0), flat(180)), 180, 1e-9);
    close(turnAboutVertical(flat(0), flat(181)), -179, 1e-9);
    assert.equal(wrapDegrees(-180), 180);
    assert.equal(wrapDegrees(540), 180);
    assert.equal(wrapDegrees(-190), 170);
  });
});

describe("tiltOffVertical", () => {
  test("a pure turn is no tilt; a lean is its size, turned or not", () => {
    for (const hold of Object.values(HOLDS)) {
      close(tiltOffVertical(q(hold), q(turned(hold, 50))), 0, 1e-6);
      close(tiltOffVertical(q(hold), q(turned(hold, 0, 20))), 20, 1e-6);
      close(tiltOffVertical(q(hold), q(turned(hold, -40, 30))), 30, 1e-6);
    }
  });
});

// -- stillness --------------------------------------------------------------------------

describe("StillnessDetector", () => {
  const detect = (list, detector = new StillnessDetector()) =>
    list.map(({t, q: orientation}) => ({t, settled: detector.add(t, orientation)}));

  test(`still jittery readings are still once they span ${STILL_SECONDS} s, not before`, () => {
    const found = detect(readings(10, 2));
    const first = found.find((reading) => reading.settled !== null);
    close(first.t - 10, STILL_SECONDS, 1 / 60 + 1e-9);
    const stillShare = found.filter((r) => r.t >= 10 + STILL_SECONDS && r.settled).length /
      found.filter((r) => r.t >= 10 + STILL_SECONDS).length;
    assert.ok(stillShare > 0.95, `${stillShare}`);
  });

  test("where it settled is within a fraction of a degree of the truth", () => {
    const found = detect(readings(0, 2, {seed: 9}));
    close(angleBetween(found.at(-1).settled, q(HOLDS.upright)), 0, 0.6);
  });

  test("a slow creep and a wobble are not still", () => {
    assert.ok(detect(readings(0, 3, {speed: 6, jitter: 0})).every((r) => r.settled === null));
    assert.ok(detect(readings(0, 3, {wobble: 5, seed: 3})).every((r) => r.settled === null));
  });

  test("a pause in the readings is not stillness, and clear() starts afresh", () => {
    const list = readings(0, 2, {jitter: 0});
    const gap = list.filter(({t}) => t < 0.25 || t > 0.75);  // a slice's worth
    assert.equal(detect(gap.filter(({t}) => t < 1.2)).at(-1).settled, null);
    const detector = new StillnessDetector();
    detect(list, detector);
    detector.clear();
    assert.equal(detector.add(5, list[0].q), null);
  });

  test(`its limit (${STILL_DEGREES} degrees) sits above 1.5 degrees of jitter`, () => {
    for (let seed = 1; seed <= 10; seed++) {
      const found = detect(readings(0, 10, {seed})).filter(({t}) => t >= STILL_SECONDS);
      const share = found.filter((reading) => reading.settled !== null).length / found.length;
      assert.ok(share > 0.9, `seed ${seed}: still ${share}`);
    }
  });
});

// -- numbers ----------------------------------------------------------------------------

describe("median, spread and rounding", () => {
  test("median", () => {
    assert.equal(median([40, 10, 30]), 30);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([7]), 7);
    assert.equal(median([]), null);
  });

  test("spread is the largest less the smallest", () => {
    assert.equal(spread([41, 38.5, 40]), 2.5);
    assert.equal(spread([5]), 0);
    assert.equal(spread([]), null);
  });

  test("roundTenth", () => {
    assert.equal(roundTenth(41.26), 41.3);
    assert.equal(roundTenth(-0.04), 0);
    assert.ok(Object.is(roundTenth(-0.04), 0));
    assert.equal(roundTenth(null), null);
  });
});

// -- whole measurements -----------------------------------------------------------------

describe("RotationMeasurement with seeded noisy streams", () => {
  for (const [index, hold] of ["upright", "tilted", "flat"].entries()) {
    test(`a clean measurement, phone ${hold}: every try within 1.5 degrees`, () => {
      const attempts = {left: [{degrees: 45}, {degrees: 47}, {degrees: 44}],
        right: [{degrees: 30}, {degrees: 29}, {degrees: 32}]};
      const {run, measurement} = measure({seed: 11 + index, hold, attempts});
      assert.deepEqual(types(run.events), [
        "neutral", "turn", "hold", "recorded", "back",
        "neutral", "turn", "hold", "recorded", "back",
        "neutral", "turn", "hold", "recorded", "side-done", "back",
        "neutral", "turn", "hold", "recorded", "back",
        "neutral", "turn", "hold", "recorded", "back",
        "neutral", "turn", "hold", "recorded", "side-done", "done"]);
      for (const {truth, event} of run.tries) close(event.degrees, truth, 1.5, event.side);
      const done = run.events.at(-1);
      for (const side of ["left", "right"]) {
        const truths = run.tries.filter((one) => one.side === side).map((one) => one.truth);
        close(done.results[side].median, median(truths), 1.5, side);
        // Rounded only at the end: from the unrounded tries, so within 0.1 of the rounded.
        close(done.results[side].spread, spread(done.results[side].tries), 0.1 + 1e-9);
        assert.equal(done.results[side].tries.length, 3);
      }
      assert.deepEqual(measurement.state(), {step: "done", side: null, try: null});
      assert.deepEqual(measurement.reading(999, HOLDS.flat), []);
    });
  }

  test("events name the side and the try; state() follows", () => {
    const measurement = new RotationMeasurement(["right", "left"], 2);
    const learner = new SimulatedLearner({seed: 5, attempts: {left: [{degrees: 50}],
      right: [{degrees: 40}]}});
    assert.deepEqual(measurement.state(), {step: "neutral", side: "right", try: 1});
    const steps = new Set();
    const run = {events: []};
    while (measurement.state().step !== "done") {
      const {t, ...angles} = learner.next();
      const said = measurement.reading(t, angles);
      run.events.push(...said);
      steps.add(JSON.stringify(measurement.state()));
      learner.hear(t, said);
    }
    const turns = run.events.filter((event) => event.type === "turn");
    assert.deepEqual(turns.map(({side, try: n}) => [side, n]),
      [["right", 1], ["right", 2], ["left", 1], ["left", 2]]);
    for (const step of ["neutral", "turn", "hold", "back"]) {
      assert.ok(steps.has(JSON.stringify({step, side: "right", try: 2})), step);
    }
    const sideDone = run.events.filter((event) => event.type === "side-done");
    assert.deepEqual(sideDone.map((event) => event.side), ["right", "left"]);
    for (const event of sideDone) {
      assert.equal(event.tries.length, 2);
      close(event.median, median(event.tries), 0.05 + 1e-9);
    }
  });

  test("a turn across alpha's 0/360 wrap measures right", () => {
    const attempts = {left: [{degrees: 40}], right: [{degrees: 40}]};
    const {run} = measure({seed: 21, hold: "upright", heading: 345, attempts});
    for (const {truth, event} of run.tries) close(event.degrees, truth, 1.5);
  });

  test("a shaky try is refused with the reason, and done again", () => {
    const attempts = {left: [{degrees: 40}, {degrees: 41, kind: "shaky"}, {degrees: 42},
      {degrees: 40}], right: [{degrees: 35}]};
    const {run} = measure({seed: 31, attempts});
    const refused = run.events.filter((event) => event.type === "refused");
    assert.equal(refused.length, 1);
    assert.deepEqual(refused[0].side, "left");
    assert.equal(refused[0].try, 2);
    assert.equal(refused[0].reason, REASONS.keptMoving);
    const index = run.events.indexOf(refused[0]);
    assert.deepEqual(types(run.events.slice(index, index + 4)), ["refused", "back", "neutral",
      "turn"]);
    assert.equal(run.events[index + 3].try, 2);
    const shaky = run.tries.find((one) => one.kind === "shaky");
    close(shaky.event.t - shaky.stillAt, TRY_TIMEOUT_SECONDS, 4);
    assert.equal(run.events.at(-1).results.left.tries.length, 3);
  });

  test("a turn the wrong way is refused at once", () => {
    const attempts = {left: [{degrees: 40}], right: [{degrees: 45, kind: "wrong-way"},
      {degrees: 45}]};
    const {run} = measure({seed: 41, hold: "tilted", attempts});
    const refused = run.tries.filter((one) => one.event.type === "refused");
    assert.equal(refused.length, 1);
    assert.equal(refused[0].event.reason, REASONS.wrongWay("right"));
    assert.ok(refused[0].event.t < refused[0].stillAt, "refused before the turn ended");
    assert.equal(run.events.at(-1).results.right.tries.length, 3);
  });

  test("tipping the phone refuses the try", () => {
    const attempts = {left: [{degrees: 30, kind: "tip"}, {degrees: 30}], right: [{degrees: 30}]};
    const {run} = measure({seed: 51, hold: "flat", attempts});
    const refused = run.events.filter((event) => event.type === "refused");
    assert.deepEqual(refused.map((event) => event.reason), [REASONS.tipped]);
  });

  test("coming straight back from the end is refused", () => {
    const attempts = {left: [{degrees: 30, kind: "quick-return"}, {degrees: 30}],
      right: [{degrees: 30}]};
    const {run} = measure({seed: 61, attempts});
    const refused = run.events.filter((event) => event.type === "refused");
    assert.deepEqual(refused.map((event) => event.reason), [REASONS.cameBack]);
  });

  test("a learner who never turns is refused after the timeout", () => {
    const measurement = new RotationMeasurement(["left"], 1);
    const events = [];
    for (const {t, q: orientation} of readings(0, STILL_SECONDS + TRY_TIMEOUT_SECONDS + 1)) {
      events.push(...measurement.reading(t, orientationFromQuaternion(orientation)));
    }
    assert.deepEqual(types(events), ["neutral", "turn", "refused", "back"]);
    assert.equal(events[2].reason, REASONS.tooLittle);
  });

  test("the attempts are capped: a side that never holds still ends without a result", () => {
    const shaky = Array.from({length: 10}, () => ({degrees: 40, kind: "shaky"}));
    const {run} = measure({seed: 71, attempts: {left: shaky, right: [{degrees: 30}]}});
    const left = run.events.filter((event) => event.side === "left");
    assert.equal(left.filter((event) => event.type === "refused").length,
      TRIES_PER_SIDE + EXTRA_ATTEMPTS_PER_SIDE);
    assert.deepEqual(run.events.at(-1).results.left, {median: null, spread: null, tries: []});
    assert.equal(run.events.at(-1).results.right.tries.length, 3);
  });

  test("the neutral is taken afresh each try, so a fast drift does not pile up", () => {
    const attempts = {left: [{degrees: 40}], right: [{degrees: 40}]};
    const {run} = measure({seed: 81, attempts, driftDegreesPerMinute: 12});
    assert.ok(run.seconds > 40, `${run.seconds}`);  // 8 degrees of drift over the run
    for (const {truth, event} of run.tries) close(event.degrees, truth, 2);
  });

  test("many seeded measurements: median error under 1 degree, none over 2.5", () => {
    const random = mulberry32(2024);
    const errors = [];
    for (let i = 0; i < 24; i++) {
      const base = 10 + random() * 60;
      const attempts = {left: [{degrees: base}, {degrees: base + 2}, {degrees: base - 1}],
        right: [{degrees: base}]};
      const {run} = measure({seed: 100 + i, hold: ["upright", "tilted", "flat"][i % 3],
        attempts, driftDegreesPerMinute: (random() - 0.5) * 8});
      for (const {truth, event} of run.tries) errors.push(Math.abs(event.degrees - truth));
    }
    assert.ok(median(errors) < 1, `${median(errors)}`);
    assert.ok(Math.max(...errors) < 2.5, `${Math.max(...errors)}`);
  });
});

describe("RotationMeasurement's rules", () => {
  test("sides are left or right; tries a whole number", () => {
    assert.throws(() => new RotationMeasurement(["up"]), RangeError);
    assert.throws(() => new RotationMeasurement(["left"], 0), RangeError);
    assert.throws(() => new RotationMeasurement(["left"], 1.5), RangeError);
  });

  test("readings with a missing angle, or not later than the last, are ignored", () => {
    const measurement = new RotationMeasurement();
    assert.deepEqual(measurement.reading(0, {alpha: null, beta: null, gamma: null}), []);
    const list = readings(0, STILL_SECONDS + 0.1, {jitter: 0});
    const said = list.flatMap(({t, q: o}) =>
      measurement.reading(t, orientationFromQuaternion(o)));
    assert.deepEqual(types(said), ["neutral", "turn"]);
    assert.deepEqual(measurement.reading(0.5, HOLDS.upright), []);
  });

  test("every refusal is a short plain sentence to the learner", () => {
    const reasons = [REASONS.wrongWay("left"), REASONS.wrongWay("right"), REASONS.tipped,
      REASONS.cameBack, REASONS.tooLittle, REASONS.keptMoving];
    for (const reason of reasons) {
      assert.match(reason, /\byou(r)?\b/i);
      assert.match(reason, /^[A-Z][^]*\.$/);
      assert.ok(reason.split(" ").length <= 22, reason);
      assert.doesNotMatch(reason, /degree|sensor|axis|tilt|quaternion/i, reason);
    }
  });

  test("the thresholds fit together", () => {
    assert.ok(CAME_BACK_DEGREES < MIN_TURN_DEGREES);
    assert.ok(MIN_TURN_DEGREES < WRONG_WAY_DEGREES);
    assert.ok(RETURN_DEGREES > MIN_TURN_DEGREES);  // back in the middle is not a turn
    assert.ok(SMOOTH_SECONDS < STILL_SECONDS);
    assert.ok(TILT_LIMIT_DEGREES > 10 && TILT_LIMIT_DEGREES < 45);
    assert.ok(TRY_TIMEOUT_SECONDS > STILL_SECONDS + 90 / 12);  // a slow turn to 90 and a hold
  });
});

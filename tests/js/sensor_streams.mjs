// Seeded synthetic motion-sensor streams for the seated rotation measurement
// (lib/thoracic/ui/static/measure_core.js): a simulated learner who sits, turns, holds and
// comes back as the measurement asks, and the phone on their chest that reports
// DeviceOrientationEvent angles at 60 Hz. Used by tests/js/measure_core.test.mjs and, in
// Chromium, by bench/measure.py.
//
// The phone's orientation is composed, never summed angle by angle:
//   Q(t) = Rz(heading + trunk(t) + sway(t) + drift(t)) * Rx(lean(t)) * HOLD * jitter(t)
// HOLD is how the phone sits on the chest (upright, tilted or flat); Rx(lean) tips the
// trunk (and phone) about a horizontal axis before the world yaw by the trunk's turn;
// jitter is a small random rotation in the phone's own frame, each of its three angles
// Gaussian; drift is a slow steady yaw, as a gyroscope's. Q is then written as the W3C's
// alpha, beta, gamma (alpha in [0, 360), beta in [-180, 180), gamma in [-90, 90)).
import {axisAngle, multiply} from "../../lib/thoracic/ui/static/measure_core.js";
import {gaussian, mulberry32} from "./seeded.mjs";

export {mulberry32};  // the bench seeds its own choices with it

const DEGREES = 180 / Math.PI;

/**
 * The W3C's alpha, beta, gamma of a rotation, the inverse of quaternionFromOrientation:
 * from its matrix R = Rz(alpha) Rx(beta) Ry(gamma), gamma kept in [-90, 90).
 * @param {{w: number, x: number, y: number, z: number}} q a unit quaternion
 * @returns {{alpha: number, beta: number, gamma: number}}
 */
export function orientationFromQuaternion({w, x, y, z}) {
  const r01 = 2 * (x * y - w * z), r11 = 1 - 2 * (x * x + z * z);
  const r20 = 2 * (x * z - w * y), r21 = 2 * (y * z + w * x), r22 = 1 - 2 * (x * x + y * y);
  const r00 = 1 - 2 * (y * y + z * z), r10 = 2 * (x * y + w * z);
  const cosBeta = Math.hypot(r20, r22) * (r22 < 0 ? -1 : 1);
  let alpha, beta, gamma;
  if (Math.abs(cosBeta) < 1e-9) {  // upright exactly: only alpha + gamma is defined
    beta = r21 > 0 ? 90 : -90;
    gamma = 0;
    alpha = Math.atan2(r10, r00) * DEGREES;
  } else {
    const sign = cosBeta < 0 ? -1 : 1;
    beta = Math.atan2(r21, cosBeta) * DEGREES;
    gamma = Math.atan2(-r20 * sign, r22 * sign) * DEGREES;
    alpha = Math.atan2(-r01 * sign, r11 * sign) * DEGREES;
  }
  if (gamma >= 90) gamma -= 180;  // only at exactly 90, where -90 names the same tilt
  if (beta >= 180) beta -= 360;
  return {alpha: ((alpha % 360) + 360) % 360, beta, gamma};
}

/** How the phone sits on the chest at the start (alpha 0, so heading comes from the yaw). */
export const HOLDS = Object.freeze({
  upright: {alpha: 0, beta: 90, gamma: 0},   // against the breastbone, screen forward
  tilted: {alpha: 0, beta: 62, gamma: 12},   // on a sloping chest, a little rolled
  flat: {alpha: 0, beta: 2, gamma: -3},      // lying flat on the crossed forearms
});

/** The W3C rotation of some angles (kept here so the generator does not lean on the code
 * it tests for anything but quaternion products). */
function rotation({alpha, beta, gamma}) {
  return multiply(multiply(axisAngle([0, 0, 1], alpha), axisAngle([1, 0, 0], beta)),
    axisAngle([0, 1, 0], gamma));
}

/** A small rotation whose three angles (degrees) are the vector's components. */
function smallRotation(vx, vy, vz) {
  const size = Math.hypot(vx, vy, vz);
  return size === 0 ? {w: 1, x: 0, y: 0, z: 0} : axisAngle([vx / size, vy / size, vz / size], size);
}

/** Smooth (cosine) motion from `from` to `to` over `seconds` starting at `start`. */
function eased(motion, t) {
  const s = Math.min(1, Math.max(0, (t - motion.start) / motion.seconds));
  return motion.from + (motion.to - motion.from) * (1 - Math.cos(Math.PI * s)) / 2;
}

/**
 * One try as the learner means to do it: turn `degrees` to the side asked (or the other
 * way, "wrong-way"), and at the end hold still, or sway 4 degrees to and fro ("shaky"),
 * or swing straight back at twice the speed ("quick-return"); or tip the phone on the way
 * ("tip").
 * @typedef {{degrees: number,
 *   kind?: ("normal"|"wrong-way"|"shaky"|"quick-return"|"tip")}} Attempt
 */

/**
 * A learner who does what the measurement's events ask, a little late as people are, and
 * the phone on their chest. Call `next()` for each reading and `hear(t, events)` with what
 * the measurement said.
 */
export class SimulatedLearner {
  /**
   * @param {object} options
   * @param {number} options.seed
   * @param {Object<string, Attempt[]>} options.attempts per side, in order; when a side's
   *   list runs out the learner repeats its last attempt as a normal one
   * @param {("upright"|"tilted"|"flat")} [options.hold]
   * @param {number} [options.heading] degrees, where the learner faces (random if absent)
   * @param {number} [options.jitterDegrees] standard deviation of each jitter angle
   * @param {number} [options.driftDegreesPerMinute] the sensor's slow yaw drift
   * @param {number} [options.rate] readings a second
   */
  constructor({seed, attempts, hold = "upright", heading, jitterDegrees = 1.5,
    driftDegreesPerMinute = 0, rate = 60}) {
    this.random = mulberry32(seed);
    this.attempts = Object.fromEntries(Object.entries(attempts).map(([s, list]) => [s, [...list]]));
    this.hold = rotation(HOLDS[hold]);
    this.heading = heading ?? this.random() * 360;
    this.jitter = jitterDegrees;
    this.drift = driftDegreesPerMinute / 60;
    this.rate = rate;
    this.speed = 12 + this.random() * 8;             // degrees a second: a slow turn
    this.coupling = (this.random() - 0.5) * 0.2;     // side bend that comes with turning
    this.swayPhase = this.random() * 2 * Math.PI;
    this.index = 0;
    this.turn = {from: 0, to: 0, start: 0, seconds: 1};
    this.lean = {from: 0, to: 0, start: 0, seconds: 1};
    this.shaky = null;  // when the learner started to wobble, null if they are not
    this.middle = 0;  // the trunk's turn when the last neutral was taken
    /** What the learner will do, and when, soonest first.
     * @type {{at: number, act: (t: number) => void}[]} */
    this.plans = [];
    /** The try under way: `truth` is the trunk's real turn from the neutral to the end,
     * degrees, positive to the side asked; `stillAt` the time the trunk stopped there.
     * @type {({side: string, attempt: Attempt, truth: number, stillAt: number}|null)} */
    this.current = null;
  }

  /** Seconds since the start of the stream, of the reading `next()` gives next. */
  get t() {
    return this.index / this.rate;
  }

  /** The trunk's turn from the start, degrees, positive to the left (no sway, no drift). */
  trunk(t) {
    return eased(this.turn, t);
  }

  /**
   * The next reading: its time in seconds and the phone's angles.
   * @returns {{t: number, alpha: number, beta: number, gamma: number}}
   */
  next() {
    const t = this.t;
    this.index += 1;
    while (this.plans.length && this.plans[0].at <= t) this.plans.shift().act(t);
    const angle = this.trunk(t);
    const sway = 0.3 * Math.sin(2 * Math.PI * 0.25 * t + this.swayPhase) +
      (this.shaky === null ? 0 : 4 * Math.sin(2 * Math.PI * 0.6 * (t - this.shaky)));
    const yaw = axisAngle([0, 0, 1], this.heading + angle + sway + this.drift * t);
    const lean = axisAngle([1, 0, 0], eased(this.lean, t) + this.coupling * angle);
    const jitter = smallRotation(gaussian(this.random) * this.jitter,
      gaussian(this.random) * this.jitter, gaussian(this.random) * this.jitter);
    const q = multiply(multiply(multiply(yaw, lean), this.hold), jitter);
    return {t, ...orientationFromQuaternion(q)};
  }

  /** Do `act` at time `at`. */
  plan(at, act) {
    this.plans.push({at, act});
    this.plans.sort((a, b) => a.at - b.at);
  }

  /** Do `act` after a human reaction time. */
  later(t, act, low = 0.3, high = 0.8) {
    this.plan(t + low + this.random() * (high - low), act);
  }

  /** Move the trunk to `to` degrees at `faster` times the learner's speed, from wherever
   * it is now; the time it gets there. */
  moveTo(t, to, faster = 1) {
    const from = this.trunk(t);
    const seconds = Math.max(1 / faster, Math.abs(to - from) / (this.speed * faster));
    this.turn = {from, to, start: t, seconds};
    return this.turn.start + this.turn.seconds;
  }

  /**
   * React to what the measurement said at time t.
   * @param {number} t
   * @param {{type: string, side?: string}[]} events
   */
  hear(t, events) {
    for (const event of events) {
      if (event.type === "neutral") this.middle = this.trunk(t);
      if (event.type === "turn") this.later(t, (now) => this.startTry(now, event.side));
      if (event.type === "back") this.later(t, (now) => this.comeBack(now), 0.3, 0.6);
    }
  }

  /** Turn as the next attempt for the side says. */
  startTry(t, side) {
    const list = this.attempts[side];
    const attempt = list.length > 1 ? list.shift() : {degrees: list[0].degrees};
    const sign = (side === "left" ? 1 : -1) * (attempt.kind === "wrong-way" ? -1 : 1);
    const target = sign * attempt.degrees;
    const stillAt = this.moveTo(t, target);
    if (attempt.kind === "tip") {
      this.lean = {from: 0, to: 35, start: t, seconds: stillAt - t};
    }
    if (attempt.kind === "shaky") this.plan(stillAt - 0.5, (now) => { this.shaky = now; });
    if (attempt.kind === "quick-return") this.plan(stillAt, (now) => this.comeBack(now, 2));
    const truth = (side === "left" ? 1 : -1) * (target - this.middle);
    this.current = {side, attempt, truth, stillAt};
  }

  /** Back to the middle as the learner feels it (within a couple of degrees), at
   * `faster` times the learner's speed. */
  comeBack(t, faster = 1) {
    this.shaky = null;
    const end = this.moveTo(t, (this.random() - 0.5) * 4, faster);
    this.lean = {from: eased(this.lean, t), to: 0, start: t, seconds: end - t};
  }
}

/**
 * Feed a measurement from a learner until it is done (or `maxSeconds` pass).
 * @param {{reading: Function, state: Function}} measurement a RotationMeasurement
 * @param {SimulatedLearner} learner
 * @param {number} [maxSeconds]
 * @returns {{events: object[], tries: {side: string, kind: string, truth: number,
 *   stillAt: number, event: object}[], seconds: number}} every event with its time `t`,
 *   and each try's outcome next to what the learner really did
 */
export function runMeasurement(measurement, learner, maxSeconds = 600) {
  const events = [];
  const tries = [];
  while (measurement.state().step !== "done" && learner.t < maxSeconds) {
    const {t, ...angles} = learner.next();
    const said = measurement.reading(t, angles);
    for (const event of said) {
      events.push({t, ...event});
      if ((event.type === "recorded" || event.type === "refused") && learner.current) {
        const {side, attempt, truth, stillAt} = learner.current;
        tries.push({side, kind: attempt.kind ?? "normal", truth, stillAt, event: {t, ...event}});
      }
    }
    learner.hear(t, said);
  }
  return {events, tries, seconds: learner.t};
}

/**
 * The seated rotation self-test, measured by the phone's motion sensor.
 *
 * A pure module: no DOM, no globals, no clock of its own. Every reading comes with its
 * time in seconds, as DeviceOrientationEvent gives it (alpha, beta, gamma in degrees:
 * the W3C's intrinsic Z-X'-Y'' Tait-Bryan angles, the device frame x right, y up the
 * screen, z out of the screen; the earth frame X east, Y north, Z up).
 *
 * The angle is never read from one Euler angle. Each reading becomes a quaternion (the
 * full orientation), and the turn is the twist about the vertical of the rotation from the
 * neutral position to now. So it is the same whether the phone is upright on the chest
 * (beta near 90, where alpha and gamma trade places), tilted or flat, and across alpha's
 * 0/360 wrap. A positive turn is counterclockwise seen from above: a turn of the trunk to
 * the learner's LEFT, whichever way the phone's screen faces.
 *
 * The learner holds the phone flat against the breastbone with crossed arms, sits still
 * (the neutral is taken), turns slowly to one side, holds still at the end (the angle is
 * recorded), and comes back to the middle; the neutral is taken afresh before every try,
 * which cancels the sensor's slow drift. `RotationMeasurement` runs that, side by side.
 */

// ---------------------------------------------------------------------------------------
// Thresholds
// ---------------------------------------------------------------------------------------

/** Seconds of stillness that make a position held: long enough to average the sensor's
 * jitter, short enough that holding at the end of a turn is not a strain. */
export const STILL_SECONDS = 1.0;

/** The still window is cut into this many slices; their mean orientations are compared,
 * so one jittery reading cannot spoil stillness but a slow creep still shows. */
export const STILL_SLICES = 4;

/** Still if no slice's mean orientation is further than this from the window's mean:
 * 1.5 degrees of jitter on each axis moves a slice's mean about a third of a degree, so
 * jitter alone seldom breaks stillness, while a creep of 3 degrees a second does. */
export const STILL_DEGREES = 1.2;

/** Turn and tilt are judged on their mean over this many seconds, so a single jittery
 * reading cannot cross a threshold. */
export const SMOOTH_SECONDS = 0.2;

/** Tries a side: the median of three ignores one odd try. */
export const TRIES_PER_SIDE = 3;

/** Refused tries allowed a side beyond its tries; after that the side ends with what it
 * has, as more attempts would tire the learner and a set-up problem needs words, not
 * repeats. */
export const EXTRA_ATTEMPTS_PER_SIDE = 3;

/** The least turn that counts as turning: 1.5 degrees of jitter averaged over
 * SMOOTH_SECONDS is under half a degree, so this is never noise, and it is well below a
 * real end position (even a stiff back turns 20 degrees or more). */
export const MIN_TURN_DEGREES = 5;

/** A turn this far the wrong way refuses the try: a deliberate turn, not the small
 * counter-movement some people make as they start. */
export const WRONG_WAY_DEGREES = 15;

/** While holding at the end, a turn back under this means the learner came back before
 * holding still (half the least turn, so jitter at a small end position cannot do it). */
export const CAME_BACK_DEGREES = MIN_TURN_DEGREES / 2;

/** Back in the middle once within this of the last neutral: the neutral is taken afresh,
 * so the learner need not find the old one exactly. */
export const RETURN_DEGREES = 10;

/** Tipping the phone (leaning, bending sideways, the phone slipping) further than this
 * from its neutral refuses the try: the turn would no longer be a turn of the trunk. */
export const TILT_LIMIT_DEGREES = 25;

/** Seconds from "turn" to a recorded end position: a slow turn to 90 degrees and a hold
 * take under 10 seconds, so more means the learner could not settle. */
export const TRY_TIMEOUT_SECONDS = 15;

// ---------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------

/** A unit quaternion, rotating device coordinates into earth coordinates.
 * @typedef {{w: number, x: number, y: number, z: number}} Quaternion */

/** What DeviceOrientationEvent gives, in degrees.
 * @typedef {{alpha: number, beta: number, gamma: number}} Orientation */

/** @typedef {"neutral"|"turn"|"hold"|"back"|"done"} Step */

/** One side's result, in degrees rounded to 0.1 (median and spread null if no try was
 * recorded on that side).
 * @typedef {{median: (number|null), spread: (number|null), tries: number[]}} SideResult */

/**
 * @typedef {{type: "neutral"}
 *   | {type: "turn", side: string, try: number}
 *   | {type: "hold"}
 *   | {type: "recorded", side: string, try: number, degrees: number}
 *   | {type: "refused", side: string, try: number, reason: string}
 *   | {type: "back"}
 *   | ({type: "side-done", side: string} & SideResult)
 *   | {type: "done", results: Object<string, SideResult>}} MeasureEvent
 */

// ---------------------------------------------------------------------------------------
// Rotations
// ---------------------------------------------------------------------------------------

const RADIANS = Math.PI / 180;

/**
 * The product a * b: rotate by b, then by a.
 * @param {Quaternion} a
 * @param {Quaternion} b
 * @returns {Quaternion}
 */
export function multiply(a, b) {
  return {
    w: a.w * b.w - a.x * b.x - a.y * b.y - a.z * b.z,
    x: a.w * b.x + a.x * b.w + a.y * b.z - a.z * b.y,
    y: a.w * b.y - a.x * b.z + a.y * b.w + a.z * b.x,
    z: a.w * b.z + a.x * b.y - a.y * b.x + a.z * b.w,
  };
}

/**
 * The inverse of a unit quaternion.
 * @param {Quaternion} q
 * @returns {Quaternion}
 */
export function conjugate(q) {
  return {w: q.w, x: -q.x, y: -q.y, z: -q.z};
}

/**
 * A rotation by `degrees` about a unit axis, right-handed.
 * @param {[number, number, number]} axis
 * @param {number} degrees
 * @returns {Quaternion}
 */
export function axisAngle([x, y, z], degrees) {
  const half = (degrees * RADIANS) / 2;
  const s = Math.sin(half);
  return {w: Math.cos(half), x: x * s, y: y * s, z: z * s};
}

/**
 * The phone's orientation as a quaternion: Rz(alpha) Rx(beta) Ry(gamma), as the W3C
 * defines the angles. Throws a TypeError if an angle is missing or not a number.
 * @param {Orientation} orientation
 * @returns {Quaternion}
 */
export function quaternionFromOrientation({alpha, beta, gamma}) {
  if (![alpha, beta, gamma].every(Number.isFinite)) {
    throw new TypeError("alpha, beta and gamma must be finite numbers of degrees");
  }
  return multiply(multiply(axisAngle([0, 0, 1], alpha), axisAngle([1, 0, 0], beta)),
    axisAngle([0, 1, 0], gamma));
}

/**
 * An angle in degrees wrapped into (-180, 180].
 * @param {number} degrees
 * @returns {number}
 */
export function wrapDegrees(degrees) {
  const wrapped = degrees - 360 * Math.floor(degrees / 360);  // [0, 360)
  return wrapped > 180 ? wrapped - 360 : wrapped;
}

/** The rotation, in earth coordinates, that takes `neutral` to `now`. */
function relative(neutral, now) {
  return multiply(now, conjugate(neutral));
}

/**
 * How far the phone turned about the vertical from `neutral` to `now`, in degrees in
 * (-180, 180]: positive is counterclockwise seen from above, a turn of the trunk to the
 * learner's left; negative, to the right. It is the twist about earth's Z of the relative
 * rotation (its swing-twist split), so a tilt of the phone does not change it.
 * @param {Quaternion} neutral
 * @param {Quaternion} now
 * @returns {number}
 */
export function turnAboutVertical(neutral, now) {
  const change = relative(neutral, now);
  return wrapDegrees((2 * Math.atan2(change.z, change.w)) / RADIANS);
}

/**
 * How far the phone tipped from `neutral` to `now` other than turning about the vertical,
 * in degrees from 0 to 180: the swing of the relative rotation, the angle by which the
 * phone's own vertical moved away from where the neutral had it.
 * @param {Quaternion} neutral
 * @param {Quaternion} now
 * @returns {number}
 */
export function tiltOffVertical(neutral, now) {
  const {w, x, y, z} = relative(neutral, now);
  return (2 * Math.atan2(Math.hypot(x, y), Math.hypot(w, z))) / RADIANS;
}

/**
 * The angle in degrees between two orientations, 0 to 180.
 * @param {Quaternion} a
 * @param {Quaternion} b
 * @returns {number}
 */
export function angleBetween(a, b) {
  const {w, x, y, z} = relative(a, b);
  return (2 * Math.atan2(Math.hypot(x, y, z), Math.abs(w))) / RADIANS;
}

/**
 * The mean of orientations that lie close together (each taken on the same side of the
 * quaternion's double cover as the first, summed and normalised).
 * @param {Quaternion[]} quaternions at least one
 * @returns {Quaternion}
 */
export function meanQuaternion(quaternions) {
  const first = quaternions[0];
  let w = 0, x = 0, y = 0, z = 0;
  for (const q of quaternions) {
    const sign = q.w * first.w + q.x * first.x + q.y * first.y + q.z * first.z < 0 ? -1 : 1;
    w += sign * q.w;
    x += sign * q.x;
    y += sign * q.y;
    z += sign * q.z;
  }
  const length = Math.hypot(w, x, y, z);
  return {w: w / length, x: x / length, y: y / length, z: z / length};
}

// ---------------------------------------------------------------------------------------
// Numbers
// ---------------------------------------------------------------------------------------

/**
 * The median of some numbers (the mean of the middle two for an even count); null for
 * none.
 * @param {number[]} values
 * @returns {(number|null)}
 */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The spread of some numbers: the largest less the smallest; null for none.
 * @param {number[]} values
 * @returns {(number|null)}
 */
export function spread(values) {
  return values.length ? Math.max(...values) - Math.min(...values) : null;
}

/**
 * A number of degrees rounded to 0.1 (null stays null).
 * @param {(number|null)} degrees
 * @returns {(number|null)}
 */
export function roundTenth(degrees) {
  return degrees === null ? null : Math.round(degrees * 10) / 10 + 0;  // + 0: never -0
}

// ---------------------------------------------------------------------------------------
// Stillness
// ---------------------------------------------------------------------------------------

/**
 * Tells when the phone has been still for a while, and where it was.
 *
 * It keeps the last `seconds` of readings, cuts them into `slices` equal slices of time
 * and compares each slice's mean orientation with the whole window's: still when every
 * slice is within `degrees`, the window is full (its readings span `seconds`) and no
 * slice is empty (a sensor that paused says nothing about stillness). Where the phone
 * settled is the mean of the window's later half: a learner slows down gently at the end
 * of a turn, and the earlier half still holds some of that.
 */
export class StillnessDetector {
  /**
   * @param {{seconds?: number, slices?: number, degrees?: number}} [limits]
   */
  constructor({seconds = STILL_SECONDS, slices = STILL_SLICES, degrees = STILL_DEGREES} = {}) {
    this.seconds = seconds;
    this.slices = slices;
    this.degrees = degrees;
    /** @type {{t: number, q: Quaternion}[]} */
    this.readings = [];
  }

  /** Forget every reading (the next window starts from the next one). */
  clear() {
    this.readings = [];
  }

  /**
   * Add a reading; where the phone settled (the mean orientation of the later half of
   * the last `seconds`) if it was still through them, else null.
   * @param {number} t seconds
   * @param {Quaternion} q
   * @returns {(Quaternion|null)}
   */
  add(t, q) {
    this.readings.push({t, q});
    const start = t - this.seconds;
    // Keep one reading at or before the window's start: it proves the window is full.
    while (this.readings.length > 1 && this.readings[1].t <= start) this.readings.shift();
    if (this.readings[0].t > start) return null;
    const inWindow = this.readings.filter((reading) => reading.t > start);
    const sliced = Array.from({length: this.slices}, () => []);
    for (const reading of inWindow) {
      const index = Math.min(this.slices - 1,
        Math.floor(((reading.t - start) / this.seconds) * this.slices));
      sliced[index].push(reading.q);
    }
    if (sliced.some((slice) => slice.length === 0)) return null;
    const mean = meanQuaternion(inWindow.map((reading) => reading.q));
    const still = sliced.every((slice) => angleBetween(mean, meanQuaternion(slice)) <=
      this.degrees);
    // Where it settled: the later half, furthest from the motion that came before.
    return still ? meanQuaternion(sliced.slice(Math.floor(this.slices / 2)).flat()) : null;
  }
}

// ---------------------------------------------------------------------------------------
// The measurement
// ---------------------------------------------------------------------------------------

/** +1 for a side whose turns are positive (left), -1 for right. */
function sideSign(side) {
  if (side === "left") return 1;
  if (side === "right") return -1;
  throw new RangeError(`a side is "left" or "right", not ${JSON.stringify(side)}`);
}

/** Why a try is refused, in words for the learner. */
export const REASONS = Object.freeze({
  wrongWay: (side) => `You turned to the wrong side. This try is to your ${side}, so turn ` +
    `the other way.`,
  tipped: "You tipped the phone too far. Keep it flat on your breastbone and turn without " +
    "leaning.",
  cameBack: "You came back before the phone could take the angle. Hold still at the end " +
    "for a second.",
  tooLittle: "The phone did not see you turn. Turn slowly as far as is comfortable, then " +
    "hold still.",
  keptMoving: "You kept moving at the end. When you have turned as far as you can, hold " +
    "still for a second.",
});

/**
 * The seated rotation measurement, side by side and try by try, fed one sensor reading at
 * a time. Steps: "neutral" (sit still facing forward: the neutral is taken), "turn" (turn
 * slowly to the side), "hold" (hold still at the end: the angle is recorded), "back" (come
 * back to the middle), then the next try's "neutral"; "done" at the end.
 */
export class RotationMeasurement {
  /**
   * @param {string[]} [sides] in the order they are measured, each "left" or "right"
   * @param {number} [triesPerSide]
   */
  constructor(sides = ["left", "right"], triesPerSide = TRIES_PER_SIDE) {
    sides.forEach(sideSign);
    if (!(Number.isInteger(triesPerSide) && triesPerSide > 0)) {
      throw new RangeError("triesPerSide must be a whole number above 0");
    }
    this.sides = [...sides];
    this.triesPerSide = triesPerSide;
    /** @type {Step} */
    this.step = sides.length ? "neutral" : "done";
    this.sideIndex = 0;
    /** @type {Object<string, number[]>} unrounded degrees of the recorded tries */
    this.recorded = Object.fromEntries(sides.map((side) => [side, []]));
    /** @type {Object<string, number>} */
    this.attempts = Object.fromEntries(sides.map((side) => [side, 0]));
    /** @type {(Quaternion|null)} */
    this.neutral = null;
    this.tryStart = 0;
    this.settledTooSoon = false;
    this.lastTime = -Infinity;
    this.stillness = new StillnessDetector();
    /** @type {{t: number, turn: number, tilt: number}[]} */
    this.recent = [];
  }

  /** The side being measured (null once done). */
  get side() {
    return this.step === "done" ? null : this.sides[this.sideIndex];
  }

  /**
   * Where the measurement stands, for the words on the screen.
   * @returns {{step: Step, side: (string|null), try: (number|null)}}
   */
  state() {
    const side = this.side;
    return {step: this.step, side, try: side === null ? null : this.recorded[side].length + 1};
  }

  /**
   * One reading of the sensor. Readings must come in time order: one not later than the
   * last, or with an angle missing (a sensor not ready yet gives nulls), is ignored.
   * @param {number} t seconds
   * @param {Orientation} orientation
   * @returns {MeasureEvent[]} what the screen should say or show, in order
   */
  reading(t, {alpha, beta, gamma}) {
    if (this.step === "done" || !(t > this.lastTime)) return [];
    if (![alpha, beta, gamma].every(Number.isFinite)) return [];
    this.lastTime = t;
    const q = quaternionFromOrientation({alpha, beta, gamma});
    if (this.step === "neutral") return this.takeNeutral(t, q);
    const smoothed = this.smooth(t, q);
    if (smoothed === null) return [];
    const {turn, tilt} = smoothed;
    if (this.step === "back") return this.comeBack(turn);
    if (tilt > TILT_LIMIT_DEGREES) return this.refuse(REASONS.tipped);
    if (this.step === "turn") return this.watchTurn(t, q, turn);
    return this.watchHold(t, q, turn);
  }

  /**
   * The turn (positive to the side asked) and the tilt from the neutral, each the mean
   * over the last SMOOTH_SECONDS; null until the readings span that long.
   * @param {number} t
   * @param {Quaternion} q
   * @returns {({turn: number, tilt: number}|null)}
   */
  smooth(t, q) {
    this.recent.push({t, turn: sideSign(this.side) * turnAboutVertical(this.neutral, q),
      tilt: tiltOffVertical(this.neutral, q)});
    // Keep one reading at or before the span's start: it proves the span is full.
    while (this.recent.length > 1 && this.recent[1].t <= t - SMOOTH_SECONDS) this.recent.shift();
    if (this.recent[0].t > t - SMOOTH_SECONDS) return null;
    const mean = (key) => this.recent.reduce((sum, r) => sum + r[key], 0) / this.recent.length;
    return {turn: mean("turn"), tilt: mean("tilt")};
  }

  /** Sitting still facing forward: the neutral is where the phone settled. */
  takeNeutral(t, q) {
    const settled = this.stillness.add(t, q);
    if (settled === null) return [];
    this.neutral = settled;
    this.step = "turn";
    this.tryStart = t;
    this.settledTooSoon = false;
    this.recent = [];
    return [{type: "neutral"}, {type: "turn", side: this.side, try: this.state().try}];
  }

  /** Turning: far enough the right way starts the hold; the wrong way refuses. */
  watchTurn(t, q, turn) {
    if (turn <= -WRONG_WAY_DEGREES) return this.refuse(REASONS.wrongWay(this.side));
    if (turn >= MIN_TURN_DEGREES) {
      this.step = "hold";
      this.stillness.clear();
      this.stillness.add(t, q);
      return [{type: "hold"}];
    }
    return t - this.tryStart > TRY_TIMEOUT_SECONDS ? this.refuse(REASONS.tooLittle) : [];
  }

  /** Holding at the end: still there records the angle. */
  watchHold(t, q, turn) {
    const settled = this.stillness.add(t, q);
    if (settled !== null) {
      const degrees = sideSign(this.side) * turnAboutVertical(this.neutral, settled);
      if (degrees >= MIN_TURN_DEGREES) return this.record(degrees);
      this.settledTooSoon = true;
    }
    if (turn < CAME_BACK_DEGREES) return this.refuse(REASONS.cameBack);
    if (t - this.tryStart > TRY_TIMEOUT_SECONDS) {
      return this.refuse(this.settledTooSoon ? REASONS.tooLittle : REASONS.keptMoving);
    }
    return [];
  }

  /** Coming back: near the last neutral, the next neutral is taken. */
  comeBack(turn) {
    if (Math.abs(turn) <= RETURN_DEGREES) {
      this.step = "neutral";
      this.stillness.clear();
    }
    return [];
  }

  /** The try is kept. */
  record(degrees) {
    const side = this.side;
    const event = {type: "recorded", side, try: this.state().try, degrees: roundTenth(degrees)};
    this.recorded[side].push(degrees);
    this.attempts[side] += 1;
    return [event, ...this.nextTry()];
  }

  /** The try is refused, and done again unless the side has used its attempts. */
  refuse(reason) {
    const side = this.side;
    const event = {type: "refused", side, try: this.state().try, reason};
    this.attempts[side] += 1;
    return [event, ...this.nextTry()];
  }

  /** After a try: the next try, the next side, or the end. */
  nextTry() {
    const side = this.side;
    const tries = this.recorded[side];
    const used = this.attempts[side] >= this.triesPerSide + EXTRA_ATTEMPTS_PER_SIDE;
    const events = [];
    if (tries.length >= this.triesPerSide || used) {
      events.push({type: "side-done", side, ...this.sideResult(side)});
      this.sideIndex += 1;
      if (this.sideIndex === this.sides.length) {
        this.step = "done";
        events.push({type: "done", results: this.results()});
        return events;
      }
    }
    this.step = "back";
    this.recent = [];
    events.push({type: "back"});
    return events;
  }

  /**
   * One side's result so far: median and spread of its recorded tries, all rounded to 0.1
   * only here.
   * @param {string} side
   * @returns {SideResult}
   */
  sideResult(side) {
    const tries = this.recorded[side];
    return {median: roundTenth(median(tries)), spread: roundTenth(spread(tries)),
      tries: tries.map(roundTenth)};
  }

  /**
   * Every side's result so far.
   * @returns {Object<string, SideResult>}
   */
  results() {
    return Object.fromEntries(this.sides.map((side) => [side, this.sideResult(side)]));
  }
}

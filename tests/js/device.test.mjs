// Tests of the site's device store (lib/thoracic/site/static/device.js).
// The script is a classic one (the pages load it from file://), so it is run here as a
// page runs it: with node:vm, in a context of its own whose globalThis it adds to. The
// storage is an in-memory fake whose methods can be made to throw, the clock is moved by
// hand, and the rules are Python's device_rules() (device_rules.json, which make js
// writes from Python before these tests run). tests/site/test_device_agrees_with_python.py holds the
// script to Python itself.
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import vm from "node:vm";
import {setImmediate} from "node:timers/promises";
import {IDBFactory, IDBObjectStore} from "fake-indexeddb";

const SOURCE_URL = new URL("../../lib/thoracic/site/static/device.js", import.meta.url);
const SOURCE = readFileSync(SOURCE_URL, "utf8");
// The schema's compiled validator, which pages load before device.js.
const VALIDATOR_URL = new URL("../../lib/thoracic/site/static/progress_file.generated.js",
  import.meta.url);
const RULES = JSON.parse(readFileSync(new URL("./device_rules.json", import.meta.url), "utf8"));
const KEY = "upper-back-relief/progress/v1";

// -- helpers ----------------------------------------------------------------------------

/** Run the script as a page would, in a context with a fake globalThis that has what
 * every browser gives a page and the script uses (TextDecoder). */
function load() {
  const context = vm.createContext({TextDecoder});
  vm.runInContext(readFileSync(VALIDATOR_URL, "utf8"), context);
  vm.runInContext(SOURCE, context, {filename: SOURCE_URL.pathname});
  return context;
}

const {ThoracicDevice: Device} = load();

/** Objects made in the script's context have its prototypes; compare them as JSON. */
const plain = (value) => JSON.parse(JSON.stringify(value));
/** One kind of record as the store exports it: sorted as Python's store, in field order. */
const listed = (store, kind) => plain(store.exportFile()[kind]);

function domError(name, code) {
  const error = new Error(`${name}: the fake storage says no`);
  error.name = name;
  error.code = code;
  return error;
}

const blocked = () => domError("SecurityError", 18);
const full = () => domError("QuotaExceededError", 22);

/** Web Storage in memory. `fail.get/set/remove` (an error maker) makes that method throw;
 * `room` (characters) makes setItem throw QuotaExceededError past it, as browsers do. */
class FakeStorage {
  constructor(items = {}) {
    this.items = new Map(Object.entries(items));
    this.fail = {};
    this.room = Infinity;
  }

  getItem(key) {
    if (this.fail.get) throw this.fail.get();
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    if (this.fail.set) throw this.fail.set();
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + String(value).length > this.room) throw full();
    this.items.set(key, String(value));
  }

  removeItem(key) {
    if (this.fail.remove) throw this.fail.remove();
    this.items.delete(key);
  }

  kept() {
    return JSON.parse(this.items.get(KEY));
  }
}

/** A clock the test moves by hand, like FakeClock in tests/conftest.py. */
class FakeClock {
  constructor(iso = "2026-01-15T09:30:00Z") {
    this.t = Date.parse(iso);
    this.now = () => new Date(this.t);
  }

  advance(seconds) {
    this.t += seconds * 1000;
  }
}

/** Random bytes from a small fixed generator, so ids are reproducible. */
function fakeRandom(seed = 1) {
  let state = seed;
  return (n) => Uint8Array.from({length: n}, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state >> 16;
  });
}

/** A store on a fake IndexedDB of its own (or the one given: two tabs share one), with
 * localStorage as an earlier site left it, a clock moved by hand and fixed random bytes. */
async function make({indexedDB = new IDBFactory(), storage = new FakeStorage(),
  clock = new FakeClock(), random = fakeRandom(), ...more} = {}) {
  const store = await Device.createDeviceStore({indexedDB, storage, now: clock.now, random,
    rules: RULES, ...more});
  return {store, storage, clock, indexedDB};
}

/** Counts the records put into any object store until stop(). */
function countPuts() {
  const put = IDBObjectStore.prototype.put;
  let puts = 0;
  IDBObjectStore.prototype.put = function (...args) {
    puts++;
    return put.apply(this, args);
  };
  return {stop: () => {
    IDBObjectStore.prototype.put = put;
    return puts;
  }};
}

/** Until free(), every write finds the site's storage full: the browser aborts the
 * transaction with QuotaExceededError, as browsers do when the site's share is used up
 * (fake-indexeddb's own abort with a reason). */
function fillUp() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function (...args) {
    const request = put.apply(this, args);
    const transaction = this.transaction; // refused as it commits, as browsers refuse it
    queueMicrotask(() => transaction.error || transaction._abort("QuotaExceededError"));
    return request;
  };
  return {free: () => { IDBObjectStore.prototype.put = put; }};
}

const request = (made) => new Promise((resolve, reject) => {
  made.onsuccess = () => resolve(made.result);
  made.onerror = () => reject(made.error);
});
const opened = (indexedDB) => request(indexedDB.open(Device.DATABASE));
const count = (db, kind) => request(db.transaction(kind).objectStore(kind).count());

/** Wait, turn by turn of the event loop (no clock), until another tab's news is in. */
async function until(done, turns = 1000) {
  for (let n = 0; n < turns && !done(); n++) await setImmediate();
  assert.ok(done(), "the other tab's news did not come");
}

/** Make the local date of the process's clock known: days come from local time. */
async function inTimeZone(zone, body) {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return await body();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const STAMP = "2026-01-12T07:00:00+00:00";

/** A small, valid export: one entry of each kind (tests/progress/test_transfer.py's). */
function oneOfEach() {
  return {
    format: "upper-back-relief-progress", version: 3,
    sessions: [{id: "s1", day: "2026-01-12", recorded_at: STAMP, kind: "exercise",
      exercise: "Child's pose", sets: 2, duration_seconds: 75.0, rating: 3, note: "looser"}],
    self_tests: [{id: "t1", day: "2026-01-12", test: "seated-rotation", side: "right",
      value: 47, recorded_at: STAMP}],
    checklist_ticks: [{checklist: "daily-routine", item: "warm-up", day: "2026-01-12",
      checked: true, updated_at: STAMP}],
    quiz_answers: [{id: "q1", day: "2026-01-12", question: "intro-where-is-thoracic",
      choice: 0, correct: false, recorded_at: STAMP}],
    next_day_checks: [{id: "n1", day: "2026-01-12", answer: "same", recorded_at: STAMP}],
  };
}

// -- the script itself ------------------------------------------------------------------

describe("the script", () => {
  test("is a classic script: no import or export, one global, frozen", async () => {
    assert.doesNotMatch(SOURCE, /^\s*(import|export)\s/m);
    const context = load();
    assert.deepEqual(Object.keys(context),
      ["TextDecoder", "ThoracicProgressFileValidator", "ThoracicDevice"]);
    assert.ok(Object.isFrozen(context.ThoracicDevice));
    for (const name of ["createDeviceStore", "validateProgressFile", "readProgressBytes",
      "ImportFileError", "DEVICE_MIGRATIONS"]) {
      assert.ok(name in context.ThoracicDevice, name);
    }
  });

  test("every older storage version has its migration", async () => {
    for (let n = 1; n < Device.DEVICE_VERSION; n++) {
      assert.equal(typeof Device.DEVICE_MIGRATIONS[n], "function", `migration from ${n}`);
    }
    assert.equal(Device.STORAGE_KEY, KEY);
  });
});

// -- what the pages save ----------------------------------------------------------------

describe("checklist ticks", () => {
  test("a tick is kept, replaced by a later one, and read back by checklist and day", async () => {
    const {store, clock} = await make();
    await store.setTick("safety-screen", "fever", true);
    await store.setTick("daily-routine", "warm-up", true, {day: "2026-01-15"});
    clock.advance(60);
    await store.setTick("daily-routine", "warm-up", false, {day: "2026-01-15"});
    assert.deepEqual(plain(store.ticks("safety-screen")), {fever: true});
    assert.deepEqual(plain(store.ticks("daily-routine", {day: "2026-01-15"})), {"warm-up": false});
    assert.deepEqual(plain(store.ticks("daily-routine")), {});
    const ticks = plain(store.records().checklist_ticks);
    assert.equal(ticks.length, 2);
    assert.equal(ticks[1].updated_at, "2026-01-15T09:31:00+00:00");
  });

  test("a daily tick keeps its day, and bad ticks are refused with the reason", async () => {
    const {store} = await make();
    await store.setTick("daily-routine", "warm-up", true, {day: "2026-01-14"});
    await store.setTick("daily-routine", "breathing", false, {day: "2026-01-15"});
    const kept = () => listed(store, "checklist_ticks").map((t) => [t.item, t.day, t.checked]);
    const before = kept();
    assert.deepEqual(before, [["breathing", "2026-01-15", false], ["warm-up", "2026-01-14", true]]);
    // checked as an import would check them: the schema, then the checks it cannot state
    await assert.rejects(store.setTick("daily-routine", "warm-up", 1),
      {message: "Checklist tick not kept: 'checked' must be true or false (it is 1)."});
    await assert.rejects(store.setTick("", "warm-up", true),
      {message: "Checklist tick not kept: 'checklist' must be at least 1 character long."});
    await assert.rejects(store.setTick("a", "b", true, {day: "2026-02-30"}),
      {message: "Checklist tick not kept: 2026-02-30 is not a real date."});
    assert.deepEqual(kept(), before);
  });
});

describe("the practice log", () => {
  test("a session gets a uuid4-style id, today's local day and Python's time stamp", async () => {
    const {store} = await make({clock: new FakeClock("2026-01-15T09:30:42.750Z")});
    const id = await store.recordSession("exercise", "Child's pose", 75, {sets: 2});
    assert.match(id, /^[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
    const [session] = listed(store, "sessions");
    assert.deepEqual(session, {id, day: "2026-01-15", recorded_at: "2026-01-15T09:30:42+00:00",
      kind: "exercise", exercise: "Child's pose", sets: 2, duration_seconds: 75, rating: null,
      note: null, version: null});
  });

  test("sessions come by day, then time saved, then as saved", async () => {
    const {store, clock} = await make();
    const late = await store.recordSession("set", "B", 30, {day: "2026-01-14"});
    clock.advance(-3600);
    const early = await store.recordSession("set", "A", 30, {day: "2026-01-14"});
    const same = await store.recordSession("set", "C", 30, {day: "2026-01-14"});
    const first = await store.recordSession("set", "D", 30, {day: "2026-01-13"});
    assert.deepEqual(listed(store, "sessions").map((s) => s.id), [first, early, same, late]);
  });

  test("how it felt is added to a session; bad ratings and notes are refused", async () => {
    const {store} = await make();
    const id = await store.recordSession("routine", "Daily routine", 600);
    await store.rateSession(id, 4, "stiff at first");
    assert.equal(listed(store, "sessions")[0].rating, 4);
    await store.rateSession(id, null, "");
    assert.deepEqual(listed(store, "sessions")[0].note, null); // "" is no note, as in Python
    await assert.rejects(store.rateSession(id, 11, null),
      {message: "Practice-log entry not kept: 'rating' must be at most 10 (it is 11)."});
    await assert.rejects(store.rateSession(id, 2.5, null), /'rating' must be a whole number/);
    await assert.rejects(store.rateSession(id, 1, "x".repeat(2001)),
      {message: "Practice-log entry not kept: 'note' must be at most 2,000 characters long."});
    assert.deepEqual(listed(store, "sessions")[0].rating, null); // nothing refused was kept
    await assert.rejects(store.rateSession("nope", 1, null),
      {message: 'No practice-log entry with id "nope".'});
  });

  test("what the import would refuse is never saved", async () => {
    const {store} = await make();
    await assert.rejects(store.recordSession("nap", "x", 1), {message: "Practice-log entry not " +
      `kept: 'kind' must be one of "set", "exercise", "routine" (it is "nap").`});
    await assert.rejects(store.recordSession("set", "x", 3601),
      {message: "Practice-log entry not kept: 'duration_seconds' must be at most 3600 (it is 3601)."});
    await assert.rejects(store.recordSession("set", "x", 30, {sets: 0}), /'sets' must be at least 1/);
    await assert.rejects(store.recordSession("set", "x".repeat(101), 30),
      /'exercise' must be at most 100 characters long/);
    await assert.rejects(store.recordSession("set", "x", 30, {day: "1999-12-31"}),
      /1999-12-31 is not between 2000-01-01 and a year from today \(2027-01-15\)/);
    assert.deepEqual(listed(store, "sessions"), []);
  });
});

describe("self-tests", () => {
  test("a measured result keeps how it was taken and its tries; a typed one says typed", async () => {
    const {store} = await make();
    await store.recordSelfTest("seated-rotation", 42.1, {side: "left", method: "phone", tries: [41.8, 42.1, 43.0]});
    await store.recordSelfTest("seated-rotation", 40, {side: "right"});
    assert.deepEqual(listed(store, "self_tests").map((r) => [r.side, r.value, r.method, r.tries]),
      [["left", 42.1, "phone", [41.8, 42.1, 43.0]], ["right", 40, "typed", null]]);
    await assert.rejects(store.recordSelfTest("seated-rotation", 42, {side: "left", method: "phone", tries: [42, 95]}),
      /'tries'.*at most 90/);
    await assert.rejects(store.recordSelfTest("seated-rotation", 42, {side: "left", method: "guessed"}),
      /'method' must be/);
  });

  test("a result in range is kept; one the schema refuses is not", async () => {
    const {store} = await make();
    const id = await store.recordSelfTest("seated-rotation", 44.5, {side: "left"});
    assert.deepEqual(listed(store, "self_tests").map((r) => [r.id, r.test, r.side, r.value]),
      [[id, "seated-rotation", "left", 44.5]]);
    await assert.rejects(store.recordSelfTest("seated-rotation", 91, {side: "right"}),
      {message: "Self-test result not kept: 'value' must be at most 90 (it is 91)."});
    await assert.rejects(store.recordSelfTest("wall-angel", 1.5, {side: "left"}),
      /'value' must be a whole number \(it is 1\.5\)/);
    await assert.rejects(store.recordSelfTest("neck-to-wall", 1e308), /'value' must be at most 30/);
    await assert.rejects(store.recordSelfTest("neck-to-wall", 5, {side: "left"}),
      /'side' must be one of "" \(it is "left"\)/);
    await assert.rejects(store.recordSelfTest("toe-touch", 5), /'test' must be one of/);
    assert.deepEqual(listed(store, "self_tests").length, 1);
  });
});

describe("quiz answers and the next-day check", () => {
  test("quiz answers are kept with their choice", async () => {
    const {store} = await make();
    const id = await store.recordQuizAnswer("intro-where-is-thoracic", 1, true);
    assert.deepEqual(listed(store, "quiz_answers"), [{id, day: "2026-01-15",
      question: "intro-where-is-thoracic", choice: 1, correct: true,
      recorded_at: "2026-01-15T09:30:00+00:00"}]);
    await assert.rejects(store.recordQuizAnswer("q", 10, true), /'choice' must be at most 9/);
    await assert.rejects(store.recordQuizAnswer("q", 1, "yes"), /'correct' must be true or false/);
  });

  test("one answer a day: a new one replaces it and keeps its id", async () => {
    const {store, clock} = await make();
    const first = await store.recordNextDayCheck("worse");
    clock.advance(120);
    assert.equal(await store.recordNextDayCheck("better"), first);
    const other = await store.recordNextDayCheck("same", {day: "2026-01-14"});
    assert.notEqual(other, first);
    assert.deepEqual(listed(store, "next_day_checks").map((c) => [c.day, c.answer, c.recorded_at]), [
      ["2026-01-14", "same", "2026-01-15T09:32:00+00:00"],
      ["2026-01-15", "better", "2026-01-15T09:32:00+00:00"]]);
    await assert.rejects(store.recordNextDayCheck("great"), {message: "Next-day check not kept: " +
      `'answer' must be one of "better", "same", "worse" (it is "great").`});
  });
});

describe("days, times and ids", () => {
  test("the day is the local date of the clock, the time stamp is UTC", async () => {
    await inTimeZone("Pacific/Auckland", async () => { // 20:00 UTC on the 14th is 09:00 on the 15th there
      const {store} = await make({clock: new FakeClock("2026-01-14T20:00:00Z")});
      await store.recordSession("set", "x", 30);
      assert.deepEqual(listed(store, "sessions").map((s) => [s.day, s.recorded_at]),
        [["2026-01-15", "2026-01-14T20:00:00+00:00"]]);
    });
    await inTimeZone("America/Los_Angeles", async () => {
      const {store} = await make({clock: new FakeClock("2026-01-15T03:00:00Z")});
      assert.equal(await store.recordNextDayCheck("same"), listed(store, "next_day_checks")[0].id);
      assert.equal(listed(store, "next_day_checks")[0].day, "2026-01-14");
    });
  });

  test("the device's day helpers: days, their sums and the local day", async () => {
    const days = Device.days;
    assert.equal(days.addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(days.addDays("2024-02-28", 1), "2024-02-29");
    assert.equal(days.addDays("2026-03-28", 2), "2026-03-30"); // over a clock change
    await inTimeZone("Pacific/Auckland", async () => {
      assert.equal(days.localDay(new Date("2026-01-14T20:00:00Z")), "2026-01-15");
    });
    assert.equal(days.isDay("2025-02-29"), false);
    // Day numbers, which the plan and the sheet's week count with.
    assert.equal(days.number("1970-01-02"), 1);
    assert.equal(days.fromNumber(days.number("2026-03-29") + 1), "2026-03-30");
    for (const day of ["2026-11-30", "2026-12-03", "2026-12-06"]) { // a Monday to a Sunday
      assert.equal(days.fromNumber(days.monday(days.number(day))), "2026-11-30");
    }
    assert.equal(days.fromNumber(days.monday(days.number("1969-12-31"))), "1969-12-29");
  });

  test("ids are unique, even when the random source repeats itself", async () => {
    const {store} = await make();
    const ids = new Set();
    for (let n = 0; n < 200; n++) ids.add(await store.recordQuizAnswer("q", 0, false));
    assert.equal(ids.size, 200);
    let calls = 0;
    const repeating = (n) => Uint8Array.from({length: n}, () => (calls++ < 32 ? 7 : calls % 256));
    const again = (await make({random: repeating})).store;
    const a = await again.recordSession("set", "x", 1);
    const b = await again.recordSession("set", "x", 1);
    assert.notEqual(a, b);
    const stuck = (await make({random: (n) => new Uint8Array(n)})).store;
    await stuck.recordSession("set", "x", 1);
    await assert.rejects(stuck.recordSession("set", "x", 1), /Could not make a new id/);
  });
});

// -- the storage ------------------------------------------------------------------------

describe("the storage", () => {
  test("one object store per kind; a write puts one record, never the whole history", async () => {
    const {store, indexedDB} = await make();
    for (let n = 0; n < 50; n++) await store.recordSession("set", `x${n}`, 30);
    const puts = countPuts();
    await store.setTick("a", "b", true);
    await store.recordNextDayCheck("same");
    assert.deepEqual(puts.stop(), 2);
    const db = await opened(indexedDB);
    assert.deepEqual([...db.objectStoreNames].sort(), [...RULES.kinds].sort());
    assert.equal(db.version, Device.DEVICE_VERSION);
    assert.equal(await count(db, "sessions"), 50);
    db.close();
    assert.equal(store.available, true);
    assert.equal(store.problem, null);
  });

  test("what is kept is read back by the next page", async () => {
    const {store, indexedDB} = await make();
    const id = await store.recordSession("set", "x", 30);
    await store.rateSession(id, 4, null);
    await store.setTick("a", "b", true);
    const again = (await make({indexedDB})).store;
    assert.deepEqual(plain(again.exportFile()), plain(store.exportFile()));
  });

  test("two tabs on one database: each one's writes show up in the other, none is lost", async () => {
    const indexedDB = new IDBFactory();
    const heard = {one: 0, two: 0};
    const tab = async (name, seed) => (await make({indexedDB, BroadcastChannel,
      random: fakeRandom(seed), changed: () => heard[name]++})).store;
    const [one, two] = [await tab("one", 1), await tab("two", 2)];
    try {
      await one.setTick("daily-routine", "warm-up", true);
      const id = await two.recordSession("set", "x", 30);
      await one.recordSelfTest("neck-to-wall", 5);
      await until(() => heard.two === 2 && heard.one === 1);
      await two.rateSession(id, 2, null);
      await until(() => heard.one === 2);
      assert.deepEqual(listed(one, "sessions").map((s) => [s.id, s.rating]), [[id, 2]]);
      assert.deepEqual(plain(two.ticks("daily-routine")), {"warm-up": true});
      assert.deepEqual(plain(one.exportFile()), plain(two.exportFile()));
      assert.deepEqual(plain((await make({indexedDB})).store.exportFile()), plain(one.exportFile()));
    } finally {
      one.close();
      two.close();
    }
  });

  test("two tabs keeping the same tick at once: the later wins, kept once", async () => {
    const indexedDB = new IDBFactory();
    const one = (await make({indexedDB})).store; // no channel: neither hears the other
    const two = (await make({indexedDB})).store;
    await one.setTick("a", "b", true);
    await two.setTick("a", "b", false); // its copy had no such tick: it reads again, replaces
    assert.deepEqual(listed(two, "checklist_ticks").map((t) => t.checked), [false]);
    await two.recordNextDayCheck("same");
    await one.recordNextDayCheck("worse"); // one answer a day, whichever tab gives it
    const fresh = (await make({indexedDB})).store;
    assert.deepEqual(listed(fresh, "checklist_ticks").map((t) => t.checked), [false]);
    assert.deepEqual(listed(fresh, "next_day_checks").map((c) => c.answer), ["worse"]);
  });

  test("blocked storage: nothing is kept, and every write says so", async () => {
    const refusing = {open() {
      throw domError("SecurityError", 18);
    }};
    for (const indexedDB of [null, refusing]) {
      const {store} = await make({indexedDB});
      assert.equal(store.available, false);
      assert.match(store.problem, /nothing will be kept on this device/);
      assert.match(store.problem, /private-browsing/);
      assert.deepEqual(plain(store.records()), Object.fromEntries(RULES.kinds.map((k) => [k, []])));
      await assert.rejects(store.setTick("a", "b", true), /^Error: Your tick was not saved\. This browser/);
      assert.throws(() => store.exportFile(), /could not be exported/);
    }
  });

  test("storage full: the reason, what was not kept, what to do; nothing changed", async () => {
    const {store, indexedDB} = await make();
    await store.recordSession("set", "x", 30);
    const before = plain(store.exportFile());
    const full = fillUp();
    try {
      await assert.rejects(store.importFile(oneOfEach()), (error) => {
        assert.match(error.message, /^This browser's storage for this site is full, so the import was not kept; what this device kept before is unchanged\./);
        assert.match(error.message, /free some space .* or save your progress file and load it in the course on a computer\.$/);
        assert.doesNotMatch(error.message, /disk is full|JupyterLab/);
        return true;
      });
      await assert.rejects(store.recordSession("set", "y", 30), /so this practice-log entry was not kept/);
    } finally {
      full.free();
    }
    assert.deepEqual(plain(store.exportFile()), before); // the copy in memory is unchanged
    assert.deepEqual(plain((await make({indexedDB})).store.exportFile()), before);
    assert.equal(store.available, false);
    assert.match(store.problem, /storage for this site is full/);
    await store.recordSession("set", "y", 30); // space freed: saving starts again
    assert.equal(listed(store, "sessions").length, 2);
    assert.equal(store.problem, null);
    assert.equal(store.available, true);
  });

  test("a database kept by a newer course is left untouched and the problem says to update", async () => {
    const indexedDB = new IDBFactory();
    (await make({indexedDB, deviceVersion: 2, migrations: {1: (records) => records}})).store.close();
    const {store} = await make({indexedDB});
    assert.equal(store.available, false);
    assert.match(store.problem, /newer version of the course \(format 2; this page reads up to 1\)/);
    await assert.rejects(store.recordNextDayCheck("same"), /Your answer was not saved\./);
    await assert.rejects(store.importFile(oneOfEach()), /The import was not saved\./);
  });

  test("a database kept by an older version is migrated when the page opens", async () => {
    const {store, indexedDB} = await make();
    await store.recordSession("set", "x", 30, {day: "2026-01-10"});
    await store.setTick("a", "b", true);
    store.close();
    // A made-up version 2 that renames the exercise; version 1 is the first real one.
    const migrations = {1: (records) => ({...records, sessions: records.sessions.map((s) =>
      ({...s, exercise: `${s.exercise} (v2)`}))})};
    const newer = (await make({indexedDB, deviceVersion: 2, migrations})).store;
    assert.equal(newer.problem, null);
    assert.deepEqual(listed(newer, "sessions").map((s) => s.exercise), ["x (v2)"]);
    await newer.setTick("c", "d", true);
    newer.close();
    const again = (await make({indexedDB, deviceVersion: 2, migrations})).store;
    assert.deepEqual(listed(again, "sessions").map((s) => s.exercise), ["x (v2)"]);
    assert.equal(listed(again, "checklist_ticks").length, 2);
  });

  // Twenty seconds on fake-indexeddb: a stress test, which `make test` runs (the fast tier,
  // `make check`, leaves it out, as pytest's fast tier leaves out its stress tests).
  test("200,000 entries are kept and loaded, and a tick then still writes one",
    {skip: process.env.THORACIC_STRESS ? false : "a stress test: make test runs it"}, async () => {
    const {store, indexedDB} = await make({clock: new FakeClock("2026-06-15T09:30:00Z")});
    const data = oneOfEach();
    data.sessions = Array.from({length: 200000 - 4}, (_, n) => ({...data.sessions[0],
      id: `s${n}`, day: Device.days.addDays("2026-06-01", -(n % 5000))}));
    const report = plain(await store.importFile(data));
    assert.equal(report.added.sessions, 200000 - 4);
    const again = (await make({indexedDB})).store;
    assert.equal(Object.values(plain(again.records())).flat().length, 200000);
    const puts = countPuts();
    await again.setTick("a", "b", true);
    assert.equal(puts.stop(), 1);
  });
});

describe("what earlier sites kept in localStorage", () => {
  const kept = (records) => JSON.stringify({format: "upper-back-relief-device", version: 1,
    records: {sessions: [], self_tests: [], checklist_ticks: [], quiz_answers: [],
      next_day_checks: [], ...records}});
  const session = {id: "s1", day: "2026-01-10", recorded_at: STAMP, kind: "set", exercise: "x",
    sets: null, duration_seconds: 30, rating: null, note: null};

  test("is moved into the database whole, then removed", async () => {
    const data = oneOfEach();
    const storage = new FakeStorage({[KEY]: kept({...data, format: undefined})});
    const {store, indexedDB} = await make({storage});
    assert.equal(store.problem, null);
    assert.equal(storage.items.has(KEY), false);
    const fresh = (await make({indexedDB, storage: new FakeStorage()})).store;
    const expected = plain(Device.validateProgressFile(data, RULES, "2026-01-15"));
    assert.deepEqual(plain(fresh.exportFile()), {format: RULES.format, version: RULES.version,
      ...expected});
  });

  test("is removed only once the database has it; a second try adds nothing twice", async () => {
    const storage = new FakeStorage({[KEY]: kept({sessions: [session]})});
    storage.fail.remove = blocked;
    const {indexedDB} = await make({storage});
    assert.equal(storage.items.has(KEY), true); // could not be removed: still there
    storage.fail = {};
    const {store} = await make({indexedDB, storage});
    assert.equal(storage.items.has(KEY), false);
    assert.deepEqual(listed(store, "sessions").map((s) => s.id), ["s1"]);
  });

  test("stays where it is when the database cannot take it", async () => {
    const storage = new FakeStorage({[KEY]: kept({sessions: [session]})});
    const full = fillUp();
    try {
      const {store} = await make({storage});
      assert.match(store.problem, /storage for this site is full/);
    } finally {
      full.free();
    }
    assert.equal(storage.items.has(KEY), true);
  });

  test("an older version is read through the migrations", async () => {
    const storage = new FakeStorage({[KEY]: kept({sessions: [session]})});
    const migrations = {1: (records) => ({...records, sessions: records.sessions.map((s) =>
      ({...s, exercise: `${s.exercise} (v2)`}))})};
    const {store} = await make({storage, deviceVersion: 2, migrations});
    assert.equal(store.problem, null);
    assert.deepEqual(listed(store, "sessions").map((s) => s.exercise), ["x (v2)"]);
  });

  test("damaged data is put aside, not written over, and a fresh record started", async () => {
    for (const damaged of ["{not json", '{"format": "someone-else", "version": 1}',
      '{"format": "upper-back-relief-device", "version": 1, "records": {"sessions": 5}}',
      '{"format": "upper-back-relief-device", "version": "1", "records": {}}']) {
      const storage = new FakeStorage({[KEY]: damaged});
      const {store} = await make({storage});
      const aside = "upper-back-relief/progress/damaged-2026-01-15T09:30:00+00:00";
      assert.equal(storage.items.get(aside), damaged);
      assert.equal(storage.items.has(KEY), false);
      assert.equal(store.available, true);
      assert.ok(store.problem.includes(`"${aside}"`), store.problem);
      assert.match(store.problem, /could not be read \(it is damaged\)/);
      await store.setTick("a", "b", true);
      assert.equal(storage.items.get(aside), damaged);
      assert.equal(listed(store, "checklist_ticks").length, 1);
      assert.equal(storage.items.size, 1); // put aside once only
    }
  });

  test("damaged data with no room to put it aside is left where it is", async () => {
    const storage = new FakeStorage({[KEY]: "{not json"});
    storage.room = 20;
    const {store} = await make({storage});
    assert.match(store.problem, new RegExp(`could not be read .* under "${KEY}"`));
    assert.equal(storage.items.get(KEY), "{not json");
    assert.equal(storage.items.size, 1);
    await store.setTick("a", "b", true); // the database still keeps what is done now
  });

  test("a second damaged record in the same second gets its own name", async () => {
    const storage = new FakeStorage({[KEY]: "{one",
      "upper-back-relief/progress/damaged-2026-01-15T09:30:00+00:00": "{earlier"});
    await make({storage});
    assert.equal(storage.items.get("upper-back-relief/progress/damaged-2026-01-15T09:30:00+00:00-2"),
      "{one");
  });

  test("data from a newer course is left untouched and the problem says to update", async () => {
    const newer = JSON.stringify({format: "upper-back-relief-device", version: 2,
      records: {sessions: [{id: "kept"}], moods: []}});
    const storage = new FakeStorage({[KEY]: newer});
    const {store} = await make({storage});
    assert.equal(store.available, false);
    assert.match(store.problem, /newer version of the course \(format 2; this page reads up to 1\)/);
    assert.match(store.problem, /Update the course .*nothing was changed\.$/);
    await assert.rejects(store.recordNextDayCheck("same"), /Your answer was not saved\./);
    assert.deepEqual([...storage.items], [[KEY, newer]]);
  });
});

// -- progress files ---------------------------------------------------------------------

describe("export and import", () => {
  test("the export has Python's keys, field order and sorting", async () => {
    const {store, clock} = await make();
    await store.setTick("z-list", "b", true);
    await store.setTick("a-list", "b", true, {day: "2026-01-15"});
    await store.setTick("a-list", "a", false);
    const second = await store.recordSession("exercise", "B", 60, {day: "2026-01-14", rating: 2});
    clock.advance(-60);
    const first = await store.recordSession("exercise", "A", 60, {day: "2026-01-14"});
    await store.recordNextDayCheck("same", {day: "2026-01-15"});
    await store.recordNextDayCheck("worse", {day: "2026-01-13"});
    const data = plain(store.exportFile());
    assert.deepEqual(Object.keys(data), ["format", "version", ...RULES.export_kinds]);
    assert.equal(data.format, RULES.format);
    assert.equal(data.version, RULES.version);
    for (const kind of RULES.kinds) {
      for (const record of data[kind]) assert.deepEqual(Object.keys(record), RULES.fields[kind]);
    }
    assert.deepEqual(data.sessions.map((s) => s.id), [first, second]);
    assert.deepEqual(data.checklist_ticks.map((t) => [t.checklist, t.item, t.day]),
      [["a-list", "a", ""], ["a-list", "b", "2026-01-15"], ["z-list", "b", ""]]);
    assert.deepEqual(data.next_day_checks.map((c) => c.day), ["2026-01-13", "2026-01-15"]);
  });

  test("an export imports into a fresh store whole, and reports what it added", async () => {
    const {store} = await make();
    await store.recordSession("exercise", "A", 60, {day: "2026-01-14", note: "ok"});
    await store.recordSelfTest("seated-rotation", 40, {side: "left"});
    await store.setTick("a", "b", true);
    await store.recordQuizAnswer("q", 2, false);
    await store.recordNextDayCheck("better");
    const data = plain(store.exportFile());
    const fresh = (await make({random: fakeRandom(9)})).store;
    const report = plain(await fresh.importFile(data));
    assert.deepEqual(plain(fresh.exportFile()), data);
    assert.deepEqual(report.added, {sessions: 1, self_tests: 1, checklist_ticks: 1,
      quiz_answers: 1, next_day_checks: 1});
    const again = plain(await fresh.importFile(data));
    assert.deepEqual(again.added, {sessions: 0, self_tests: 0, checklist_ticks: 0,
      quiz_answers: 0, next_day_checks: 0});
    assert.deepEqual(again.skipped, report.added);
  });

  test("a tick or a day's answer saved later wins; an id on another day is left alone", async () => {
    const {store} = await make();
    await store.importFile(oneOfEach());
    const data = oneOfEach();
    data.checklist_ticks[0] = {...data.checklist_ticks[0], checked: false,
      updated_at: "2026-01-13T07:00:00+00:00"};
    data.next_day_checks = [
      {id: "n2", day: "2026-01-12", answer: "better", recorded_at: "2026-01-13T07:00:00+00:00"},
      {id: "n1", day: "2026-01-11", answer: "worse", recorded_at: "2026-01-14T07:00:00+00:00"},
      {id: "n3", day: "2026-01-10", answer: "worse", recorded_at: STAMP}];
    const report = plain(await store.importFile(data));
    assert.deepEqual(report.updated.checklist_ticks, 1);
    assert.deepEqual(plain(store.ticks("daily-routine", {day: "2026-01-12"})), {"warm-up": false});
    // n2 replaced n1 on the 12th; then n1 was no longer there, so it was added on the 11th
    assert.deepEqual(listed(store, "next_day_checks").map((c) => [c.id, c.day, c.answer]),
      [["n3", "2026-01-10", "worse"], ["n1", "2026-01-11", "worse"],
        ["n2", "2026-01-12", "better"]]);
    assert.deepEqual(report.added.next_day_checks, 2);
    assert.deepEqual(report.updated.next_day_checks, 1);
    const older = oneOfEach();
    older.next_day_checks[0] = {id: "n9", day: "2026-01-12", answer: "worse",
      recorded_at: "2026-01-01T07:00:00+00:00"};
    assert.equal(plain(await store.importFile(older)).skipped.next_day_checks, 1);
  });

  test("a bad file throws ImportFileError and changes nothing", async () => {
    const {store, storage} = await make();
    await store.importFile(oneOfEach());
    const before = storage.items.get(KEY);
    const data = oneOfEach();
    data.sessions[0].sets = -5;
    await assert.rejects(store.importFile(data), (error) => {
      assert.ok(error instanceof Device.ImportFileError);
      assert.equal(error.name, "ImportFileError");
      assert.equal(error.message, "Practice-log entry 1: 'sets' must be at least 1 (it is -5). " +
        "Nothing was imported.");
      assert.deepEqual([plain(error.entry), error.field], [["sessions", 0], "sets"]);
      return true;
    });
    assert.equal(storage.items.get(KEY), before);
  });

  test("an import that cannot be written changes nothing and says so", async () => {
    const {store, indexedDB} = await make();
    await store.setTick("a", "b", true);
    const before = plain(store.exportFile());
    store.close(); // the database closed under the page (a newer course's page upgrades it)
    await assert.rejects(store.importFile(oneOfEach()), /^Error: The import was not saved\./);
    assert.deepEqual(plain(store.exportFile()), before);
    assert.deepEqual(plain((await make({indexedDB})).store.exportFile()), before);
  });

  test("the import's day limits use the store's clock", async () => {
    const {store} = await make({clock: new FakeClock("2026-01-15T12:00:00Z")});
    const data = oneOfEach();
    data.quiz_answers[0].day = "2027-01-16";
    await assert.rejects(store.importFile(data), {message: "Quiz answer 1: 2027-01-16 is " +
      "not between 2000-01-01 and a year from today (2027-01-15). Nothing was imported."});
  });
});

describe("reading and checking a progress file", () => {
  const check = (data) => Device.validateProgressFile(data, RULES, "2026-01-15");
  const parse = (text) => Device.parseProgressText(text, RULES, "mine.json");
  const refusal = (data) => {
    try {
      check(data);
    } catch (error) {
      return error.message;
    }
    return null;
  };

  test("the checked rows are the records, in the export's field order", async () => {
    const rows = plain(check(oneOfEach()));
    assert.deepEqual(Object.keys(rows), RULES.kinds);
    // an older file has no version: the checked row says null (not known)
    assert.deepEqual(rows.sessions[0], {...oneOfEach().sessions[0], version: null});
    assert.deepEqual(Object.keys(rows.self_tests[0]), RULES.fields.self_tests);
  });

  test("a refusal names the entry and the field, in words and as data", async () => {
    const data = oneOfEach();
    data.sessions.push({...data.sessions[0], id: "s2", rating: 11});
    assert.equal(refusal(data), "Practice-log entry 2: 'rating' must be at most 10 (it is 11). " +
      "Nothing was imported.");
    try { check(data); } catch (error) {
      assert.deepEqual([plain(error.entry), error.field], [["sessions", 1], "rating"]);
    }
    assert.match(refusal({...oneOfEach(), moods: []}),
      /^The file: it has a field this course does not know \('moods'\)\./);
    assert.match(refusal([]), /^The file: it is not a progress export from this course\./);
  });

  test("a refusal names the file, when its name is given, before the entry", async () => {
    const data = oneOfEach();
    data.sessions[0].rating = 11;
    const {store} = await make();
    await assert.rejects(store.importFile(data, {name: "mine.json"}), {message:
      "mine.json, practice-log entry 1: 'rating' must be at most 10 (it is 11). Nothing was imported."});
    await assert.rejects(store.importFile([], {name: "mine.json"}), {message:
      "mine.json: it is not a progress export from this course. Nothing was imported."});
  });

  test("what a schema cannot say is checked after it: real days, ids once, a day's answer", async () => {
    const day = oneOfEach();
    day.sessions[0].day = "2026-02-30";
    assert.match(refusal(day), /^Practice-log entry 1: 2026-02-30 is not a real date\./);
    const twice = oneOfEach();
    twice.quiz_answers.push({...twice.quiz_answers[0]});
    assert.match(refusal(twice), /^Quiz answer 2: the id '.*' is also in entry 1 of the same kind/);
    const answers = oneOfEach();
    answers.next_day_checks.push({...answers.next_day_checks[0], id: "n2"});
    assert.match(refusal(answers), /^Next-day check 2: .* already has an answer in entry 1/);
    const broken = oneOfEach();
    broken.sessions[0].note = "ok \uD800";
    assert.match(refusal(broken), /^Practice-log entry 1: 'note' holds a broken character/);
  });

  test("whole numbers may be written 3.0, as JSON and the schema allow", async () => {
    const text = JSON.stringify(oneOfEach()).replace('"rating":3', '"rating":3.0');
    assert.equal(refusal(parse(text)), null);
  });

  test("a file's bytes are strict UTF-8: latin-1, UTF-16 and a second BOM are refused", async () => {
    const read = (bytes) => Device.readProgressBytes(Uint8Array.from(bytes), RULES, "mine.json");
    const utf8 = [...new TextEncoder().encode(JSON.stringify(oneOfEach()))];
    assert.deepEqual(plain(read(utf8)), oneOfEach());
    assert.deepEqual(plain(read([0xef, 0xbb, 0xbf, ...utf8])), oneOfEach()); // one BOM is fine
    const notUtf8 = {message: `mine.json is not a progress file (it is not UTF-8 text). ${RULES.choose_file}`};
    const latin1 = [...'{"note": "caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x22, 0x7d]);
    assert.throws(() => read(latin1), notUtf8); // never "caf\uFFFD"
    const utf16 = [0xff, 0xfe, ...[..."{}"].flatMap((c) => [c.charCodeAt(0), 0])];
    assert.throws(() => read(utf16), notUtf8);
    assert.throws(() => read([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...utf8]),
      {message: /^mine\.json is not a progress file: it is not valid JSON/});
    assert.throws(() => Device.readProgressBytes(new Uint8Array(0), RULES, "big.json", 60e6),
      {message: /^big\.json is too large to be a progress file \(60,000,000 bytes;/});
  });

  test("NaN, a number too big for a double, and deep nesting: refused, naming the file", async () => {
    const nan = JSON.stringify(oneOfEach()).replace('"value":47', '"value":NaN');
    assert.throws(() => parse(nan), {message: /^mine\.json is not a progress file: it is not valid JSON/});
    const huge = JSON.stringify(oneOfEach()).replace('"rating":3', `"rating":${"9".repeat(5000)}`);
    assert.match(refusal(parse(huge)), /^Practice-log entry 1: 'rating' must be/);
    for (const depth of [17, 995, 5000]) {
      assert.match(refusal(parse("[".repeat(depth) + "]".repeat(depth))),
        /^The file: it is not a progress export from this course\./);
    }
  });

  test("what is not JSON is named with the file", async () => {
    assert.throws(() => parse('{"format": '), {message: /^mine\.json is not a progress file: it is not valid JSON \(.*\)\. .*Nothing was imported\.$/});
    assert.throws(() => parse("\uFEFF\uFEFF{}"), {message: /not valid JSON/});
    assert.deepEqual(plain(parse("\uFEFF" + JSON.stringify(oneOfEach()))), oneOfEach());
    const key = parse('{"__proto__": 1}');
    assert.deepEqual(Object.keys(key), ["__proto__"]);
  });
});

// -- summaries --------------------------------------------------------------------------

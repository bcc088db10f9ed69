// Tests of the browser's half of the plan (lib/thoracic/plan/static/plan.js): on every
// history Python wrote into plan_cases.json (make js writes it from thoracic.plan), it
// must make the plan Python made, this week's and every week's so far, word for word.
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import vm from "node:vm";

const SOURCE_URL = new URL("../../lib/thoracic/plan/static/plan.js", import.meta.url);
// The site's day helpers, which plan.js uses; a page loads them first.
const DEVICE_URL = new URL("../../lib/thoracic/site/static/device.js", import.meta.url);
const {rules, cases} = JSON.parse(readFileSync(new URL("./plan_cases.json", import.meta.url), "utf8"));

/** The script run as a page runs it: a classic script in a context of its own. */
function load() {
  const context = vm.createContext({});
  for (const url of [DEVICE_URL, SOURCE_URL]) {
    vm.runInContext(readFileSync(url, "utf8"), context, {filename: url.pathname});
  }
  return context.ThoracicPlan;
}

const Plan = load();
const plain = (value) => JSON.parse(JSON.stringify(value));

describe("plan.js makes Python's plan of the same history", () => {
  cases.forEach((item, n) => {
    const sessions = item.records.sessions.length;
    test(`case ${n}: ${sessions} sessions, planned on ${item.on}`, () => {
      assert.deepEqual(plain(Plan.planWeek(item.records, item.on, rules)), item.week);
      assert.deepEqual(plain(Plan.planHistory(item.records, item.on, rules)), item.history);
      for (const [routine, minutes] of Object.entries(item.minutes)) {
        assert.equal(Plan.routineMinutes(rules, item.week, routine), minutes, routine);
      }
      if (item.routine) {
        assert.deepEqual(plain(Plan.routinePlan(rules, item.week, "strength-day")), item.routine);
      }
    });
  });

  test("a few cases hold a whole routine, at doses that differ", () => {
    const mixes = cases.filter((item) => item.routine).map((item) =>
      item.week.exercises.map((exercise) => exercise.level).join());
    assert.equal(mixes.length, 3);
    assert.ok(mixes.some((mix) => mix !== mixes[0]), mixes);
  });

  test("the cases reach every kind of reason the rules can give", () => {
    const reasons = cases.flatMap((item) => item.history.flatMap((week) =>
      week.exercises.map((exercise) => exercise.reason)));
    const opening = (template) => template.split("{")[0];
    for (const name of ["step_up", "stay_amber", "stay", "ready", "at_top", "restart", "see_someone"]) {
      assert.ok(reasons.some((reason) => reason.startsWith(opening(rules.say[name]))), name);
    }
    for (const why of [rules.say.red, rules.say.worse]) {
      assert.ok(reasons.some((reason) => reason.startsWith(why)), why);
    }
    const levels = new Set(cases.flatMap((item) => item.history.flatMap((week) =>
      week.exercises.map((exercise) => exercise.level))));
    assert.deepEqual([...levels].sort(), [...rules.ladder].sort());
  });
});

describe("plan.js on its own", () => {
  const empty = {sessions: [], next_day_checks: [], checklist_ticks: []};

  test("with no practice, this week is week 1 at the starting dose", () => {
    const week = Plan.planWeek(empty, "2026-12-05", rules);
    assert.equal(week.week_start, "2026-11-30"); // a Saturday's Monday
    assert.equal(week.week_number, 1);
    assert.ok(week.exercises.every((exercise) => exercise.level === rules.start));
    assert.equal(Plan.planHistory(empty, "2026-12-05", rules).length, 1);
  });

  test("the plan reads nothing but what it is given", () => {
    const records = cases[cases.length - 1].records;
    const before = JSON.stringify(records);
    Plan.planHistory(records, "2026-06-01", rules);
    assert.equal(JSON.stringify(records), before);
  });
});

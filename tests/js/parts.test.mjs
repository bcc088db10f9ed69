// Tests of the parts' one front-end (lib/thoracic/ui/static/parts.js) on cases Python
// wrote (tests/js/fixtures.py, run by make js) with its own decisions beside them: what a
// typed self-test result is taken as, and which red flags a clinician's check still quiets.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {describeEntry, entryLines, readResult, reportWords, safetyState, summariseNextDay, summarisePractice, waitingForRating} from "../../lib/thoracic/ui/static/parts.js";

const CASES = JSON.parse(readFileSync(new URL("./parts_cases.json", import.meta.url), "utf8"));

test("a typed self-test result is taken or refused as SelfTest.parse does", () => {
  assert.ok(CASES.self_tests.length > 90);
  for (const {config, side, raw, value} of CASES.self_tests) {
    let got = null;
    try {
      got = readResult(config, raw, side);
    } catch (error) {
      assert.match(error.message, /^(Left side|Right side|The result): /, JSON.stringify(raw));
    }
    assert.equal(got, value, `${config.test} ${side} ${JSON.stringify(raw)}`);
  }
});

test("a refusal says what was typed and the range to use", () => {
  const config = CASES.self_tests.find((c) => c.config.test === "seated-rotation").config;
  assert.throws(() => readResult(config, " lots ", "left"),
    {message: 'Left side: "lots" is not a number. Type a number from 0 to 90 degrees.'});
  assert.throws(() => readResult(config, "120", "right"),
    {message: "Right side: 120 is outside 0 to 90 degrees. Check the number and try again."});
});

test("a clinician's check quiets a flag until it runs out, as safety_state says", () => {
  assert.ok(CASES.safety.some((c) => c.expired.length) && CASES.safety.some((c) => !c.open.length));
  for (const {kept, open, expired} of CASES.safety) {
    const config = {flags: Object.keys(kept.ticked).map((id) => ({id})),
      clearance_days: CASES.clearance_days};
    const state = safetyState(config, kept);
    assert.deepEqual(state.open.map((flag) => flag.id), open, JSON.stringify(kept));
    assert.deepEqual([...state.expired].sort(), expired, JSON.stringify(kept));
  }
});

test("an exercise and the sets logged on its way are one line, newest first", () => {
  const {entries, words, lines} = CASES.entries;
  const made = entryLines(entries, words);
  assert.deepEqual(made.map((line) => line.ids), lines);
  assert.equal(made[0].text, "2026-01-14 · next-day check · worse");
  assert.match(made[1].text, /^2026-01-14 · exercise · Child's pose · 80 s · 2 sets, with the 2 sets logged on its way$/);
  assert.match(made[3].text, /· not part of a finished exercise$/);
});

test("a stray set never joins a later exercise of another day or name", () => {
  const set = (id, day, exercise, at) => ({record: "sessions", kind: "set", id, day, exercise,
    sets: 1, duration_seconds: 30, recorded_at: at, rating: null, note: null, version: null});
  const entries = [set("a", "2026-01-13", "X", "1"), set("b", "2026-01-14", "Y", "2"),
    {...set("c", "2026-01-14", "X", "3"), kind: "exercise", sets: 2}];
  assert.deepEqual(entryLines(entries, {}).map((line) => line.ids), [["c"], ["b"], ["a"]]);
});

test("every kind of entry is worded as Python's describe_entry words it", () => {
  const {words, entries, texts} = CASES.described;
  assert.ok(entries.some((e) => e.kind === "routine") && entries.some((e) => e.record === "self_tests"));
  assert.deepEqual(entries.map((entry) => describeEntry(entry, words)), texts);
  assert.ok(texts.includes(`2026-01-14 · exercise · Open book · 90.5 s · 1 set · easier · felt 3/10 · note: ${"n".repeat(40)}…`));
  assert.ok(texts.includes("2026-01-14 · routine · Daily routine · 540 s · 4 exercises"));
  assert.ok(texts.includes("2026-01-14 · self-test · Seated rotation, left side: 90 (degrees)"));
});

const dayOf = (number) => new Date(number * 86400000).toISOString().slice(0, 10);

test("practice: streaks, this week, minutes by day, as Python's summarise_practice", () => {
  const session = (day, kind, seconds) => ({day, kind, duration_seconds: seconds});
  const sessions = [session("2026-01-10", "exercise", 120), session("2026-01-12", "exercise", 90),
    session("2026-01-13", "routine", 600), session("2026-01-14", "set", 30),
    session("2026-01-12", "exercise", 30), session("2026-01-20", "exercise", 60)];
  const summary = summarisePractice(sessions, "2026-01-15"); // a Thursday
  assert.deepEqual({current: summary.currentStreak, longest: summary.longestStreak,
    week: summary.daysThisWeek, all: summary.daysInAll}, {current: 3, longest: 3, week: 3, all: 4});
  assert.deepEqual([...summary.days].sort().map(dayOf),
    ["2026-01-10", "2026-01-12", "2026-01-13", "2026-01-14"]);
  assert.deepEqual(Object.fromEntries([...summary.minutes].map(([d, m]) => [dayOf(d), m])),
    {"2026-01-10": 2, "2026-01-12": 2, "2026-01-13": 0, "2026-01-14": 0, "2026-01-20": 1});
  assert.equal(summarisePractice(sessions, "2026-01-17").currentStreak, 0);
  assert.equal(summarisePractice(sessions, "2026-03-30").daysThisWeek, 0); // over a clock change
});

test("next-day answers: four whole weeks, and worse in a row across a gap", () => {
  const checks = [{day: "2026-01-14", answer: "worse"}, {day: "2025-12-01", answer: "better"},
    {day: "2026-01-02", answer: "worse"}, {day: "2026-01-16", answer: "better"}];
  const summary = summariseNextDay(checks, "2026-01-15", 4);
  assert.equal(dayOf(summary.first), "2025-12-22"); // a Monday
  assert.equal(dayOf(summary.last), "2026-01-15");
  assert.deepEqual(Object.fromEntries([...summary.answers].map(([d, a]) => [dayOf(d), a])),
    {"2026-01-02": "worse", "2026-01-14": "worse"});
  assert.equal(summary.worseInARow, 2);
});

test("an import's report is said in words, by kind, as the host counted it", () => {
  const {nouns, reports: [first, again, later]} = CASES.imports;
  assert.equal(reportWords(first, nouns), "Added 2 practice-log entries, 1 checklist tick.");
  assert.equal(reportWords(again, nouns), "Nothing new to add. Already here, so left as " +
    "they were: 2 practice-log entries, 1 checklist tick.");
  assert.equal(reportWords(later, nouns), "Nothing new to add. Updated, as the file's were " +
    "saved later: 1 checklist tick. Already here, so left as they were: 2 practice-log entries.");
  const many = {added: {sessions: 12345}, updated: {}, skipped: {}};
  assert.equal(reportWords(many, nouns), "Added 12,345 practice-log entries.");
});

test("what waits for a rating: each unrated exercise, and a run cut short once", () => {
  const {today} = CASES.rate_later;
  // newest first; the finished exercise's sets are its own, the rated one is done
  assert.deepEqual(waitingForRating(today).map((entry) => entry.id), ["cut-2", "exercise"]);
  const rated = today.map((entry) => (entry.id === "exercise" ? {...entry, rating: 3} : entry));
  assert.deepEqual(waitingForRating(rated).map((entry) => entry.id), ["cut-2"]);
  assert.deepEqual(waitingForRating([]), []);
});

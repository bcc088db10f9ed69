// Tests of the parts' one front-end (lib/thoracic/ui/static/parts.js) on cases Python
// wrote (tests/js/fixtures.py, run by make js) with its own decisions beside them: what a
// typed self-test result is taken as, and which red flags a clinician's check still quiets.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";

import {readResult, safetyState} from "../../lib/thoracic/ui/static/parts.js";

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

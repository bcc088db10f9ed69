// The site's progress-file validator: ajv's standalone code for the published schema,
// compiled ahead of time (tools/compile-progress-validator.mjs). The decisions themselves
// are held to Python's jsonschema on the same files in
// tests/site/test_device_agrees_with_python.py.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { OUTPUT, SCHEMA, compileValidator } from "../../tools/compile-progress-validator.mjs";

const generated = readFileSync(OUTPUT, "utf8");
const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
// An empty file of the newest version, from the schema itself.
const head = { format: schema.properties.format.const, version: schema.properties.version.maximum };

test("the committed validator is the schema compiled now", () => {
  assert.equal(generated, compileValidator(readFileSync(SCHEMA, "utf8")),
    "run make validator after the schema changes");
});

test("it needs no eval, so file:// and a strict Content-Security-Policy allow it", () => {
  assert.doesNotMatch(generated, /\beval\(|new Function\(|\bFunction\(/);
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(generated, context);
  const validate = context.ThoracicProgressFileValidator.default;
  assert.equal(validate(head), true);
});

test("its first error names the entry and the field", () => {
  const context = vm.createContext({});
  vm.runInContext(generated, context);
  const validate = context.ThoracicProgressFileValidator.default;
  const file = { ...head,
    quiz_answers: [{ id: "q", day: "2026-01-12", question: "x", choice: 12, correct: true,
      recorded_at: "2026-01-12T10:00:00+00:00" }] };
  assert.equal(validate(file), false);
  assert.equal(validate.errors[0].instancePath, "/quiz_answers/0/choice");
});

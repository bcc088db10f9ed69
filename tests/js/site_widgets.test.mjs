// Tests of the model the exported pages give each anywidget front-end
// (lib/thoracic/site/static/site_widgets.js): anywidget's contract over saved state.
// The script is a classic one, so it runs here as a page runs it, through node:vm.
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import vm from "node:vm";

const SOURCE = readFileSync(new URL("../../lib/thoracic/site/static/site_widgets.js", import.meta.url), "utf8");

function load() {
  const context = {};
  context.globalThis = context;
  vm.runInNewContext(SOURCE, context);
  return context.ThoracicWidgets;
}

test("get reads the saved state and set changes it for every later get", () => {
  const model = load().pageModel({version: "standard", muted: false});
  assert.equal(model.get("version"), "standard");
  model.set("version", "easier");
  assert.equal(model.get("version"), "easier");
  assert.equal(model.get("missing"), undefined);
});

test("set tells the listeners of that name, once per real change", () => {
  const model = load().pageModel({muted: false});
  const heard = [];
  const listener = (value) => heard.push(value);
  model.on("change:muted", listener);
  model.on("change", (name) => heard.push(`changed ${name}`));
  model.set("muted", true);
  model.set("muted", true); // no change: nobody is told
  model.off("change:muted", listener);
  model.set("muted", false);
  assert.deepEqual(heard, [true, "changed muted", "changed muted"]);
});

test("with no kernel, saving and sending keep everything on the page", () => {
  const model = load().pageModel({plan: {name: "x"}});
  model.set("plan", {name: "y"});
  assert.doesNotThrow(() => model.save_changes());
  assert.doesNotThrow(() => model.send({type: "phase_end"}));
  assert.deepEqual(model.get("plan"), {name: "y"});
});

test("off with no listener named removes them all", () => {
  const model = load().pageModel({a: 1});
  let calls = 0;
  model.on("change:a", () => calls++);
  model.off("change:a");
  model.set("a", 2);
  model.on("change:a", () => calls++);
  model.off();
  model.set("a", 3);
  assert.equal(calls, 0);
});

test("a module kept once for the site takes the place of its reference", () => {
  const context = {ThoracicModules: {reference: "thoracic-module:",
    texts: {"parts.js": "export default {}"}}};
  context.globalThis = context;
  vm.runInNewContext(SOURCE, context);
  const state = context.ThoracicWidgets.withModules(
    {_esm: "thoracic-module:parts.js", kind: "quiz", n: 3, missing: "thoracic-module:gone.js"});
  assert.equal(state._esm, "export default {}");
  assert.equal(state.kind, "quiz");
  assert.equal(state.n, 3);
  assert.equal(state.missing, undefined); // the part then says it could not start
});

test("the modules the page names on its script start loading from the head, once each", () => {
  const texts = {"parts.js": "export default {}", "timer.js": "export default 1", "timer_core.js": "export {}"};
  const context = {ThoracicModules: {reference: "thoracic-module:", texts}, URL, Blob,
    document: {readyState: "loading", addEventListener() {},
      currentScript: {dataset: {modules: "parts.js timer_core.js missing.js"}}}};
  vm.createContext(context);
  vm.runInContext(SOURCE, context);
  const imported = vm.runInContext('globalThis[Symbol.for("thoracic.imported")]', context);
  for (const started of imported.values()) started.catch(() => {}); // no module loader in node:vm
  // Shared with the modules' own imports (the timer's core), by text: each is started once.
  assert.deepEqual([...imported.keys()], [texts["parts.js"], texts["timer_core.js"]]);
});

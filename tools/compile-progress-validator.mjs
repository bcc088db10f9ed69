// Compiles the progress file's JSON Schema (schema/progress-file.schema.json, which Python
// writes from its records) into standalone validation code with ajv, ahead of time: the
// site then checks files with no eval and no ajv, from file:// and under a strict
// Content-Security-Policy. Writes lib/thoracic/site/static/progress_file.generated.js, a
// classic script that sets globalThis.ThoracicProgressFileValidator.
//
//   node tools/compile-progress-validator.mjs          write the file (make validator)
//   node tools/compile-progress-validator.mjs --check  fail if the file is not current
import Ajv2020 from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = new URL("../", import.meta.url);
export const SCHEMA = fileURLToPath(new URL("schema/progress-file.schema.json", ROOT));
export const OUTPUT = fileURLToPath(
  new URL("lib/thoracic/site/static/progress_file.generated.js", ROOT));
const require = createRequire(import.meta.url);

/** The generated script's text for the schema in ``schemaText``. */
export function compileValidator(schemaText) {
  // allErrors off: the first error is the one reported, as Python's checks stop at one.
  const ajv = new Ajv2020({
    code: { source: true, esm: false, lines: true }, strict: true, inlineRefs: false });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(schemaText)));
  // The generated code requires ajv's small runtime helpers (ucs2length counts characters
  // as Python does, by code point): each is inlined, so the script stands alone.
  const helpers = [...new Set(code.match(/require\("ajv\/dist\/runtime\/[a-z0-9]+"\)/g))]
    .map((call) => call.slice(9, -2));
  const inlined = helpers.map((name) => {
    const source = readFileSync(require.resolve(name), "utf8").replace(/\/\/# sourceMappingURL=.*\n?/, "");
    return `${JSON.stringify(name)}: (function () { const module = { exports: {} }; ` +
      `const exports = module.exports;\n${source}\nreturn module.exports; })()`;
  });
  const version = JSON.parse(readFileSync(require.resolve("ajv/package.json"), "utf8")).version;
  return [
    "// Generated from schema/progress-file.schema.json by tools/compile-progress-validator.mjs",
    `// with ajv ${version}. Do not edit: run make validator.`,
    "(function (root) {",
    `  const helpers = {${inlined.join(",\n")}};`,
    "  const require = (name) => helpers[name];",
    "  const module = { exports: {} };",
    "  (function (module, exports) {",
    code,
    "  })(module, module.exports);",
    "  root.ThoracicProgressFileValidator = module.exports;",
    '})(typeof globalThis !== "undefined" ? globalThis : this);',
    "",
  ].join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = compileValidator(readFileSync(SCHEMA, "utf8"));
  if (process.argv.includes("--check")) {
    let current = "";
    try { current = readFileSync(OUTPUT, "utf8"); } catch { /* missing: not current */ }
    if (current !== wanted) {
      console.error(`${OUTPUT} is not current with ${SCHEMA}: run make validator.`);
      process.exit(1);
    }
  } else {
    writeFileSync(OUTPUT, wanted);
    console.log(`Wrote ${OUTPUT}`);
  }
}

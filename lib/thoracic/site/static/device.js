/**
 * The learner's progress on this device: the offline site's store, in the browser's IndexedDB.
 *
 * A classic script (no import or export), which pages opened from file://, where module
 * scripts are blocked, can load; it defines one global, `ThoracicDevice`. It keeps the
 * records of Python's progress store and reads and writes the same progress files:
 * `validateProgressFile` takes the import's decisions (the published schema, compiled by ajv
 * into progress_file.generated.js, then what a schema cannot state) and names the same entry
 * and field; `createDeviceStore` keeps entries, exports them and merges an import as the
 * store does. Every name, limit, order and merge rule comes from `rules`, the JSON of
 * Python's `thoracic.progress.device_rules()`; tests/site/test_device_agrees_with_python.py
 * holds the two together. Pure apart from what is passed in: the databases, the clock and
 * the random bytes.
 */
(function (root) {
  "use strict";

  // -- where progress is kept -------------------------------------------------------------

  // One IndexedDB database, one object store per kind of record; its version is the
  // device version. It changes only when the way records are kept changes (a new field,
  // say, when Python's schema gains one); a new version comes with a migration from the
  // one before, so a newer site still reads what an older one kept.
  const DATABASE = "upper-back-relief/progress";
  const DEVICE_VERSION = 1;
  // DEVICE_MIGRATIONS[n] takes the records kept by version n to version n + 1. None yet.
  const DEVICE_MIGRATIONS = Object.freeze({});
  // Where earlier sites kept everything, as one localStorage string (format
  // DEVICE_FORMAT, same versions): moved into the database once, then removed.
  const STORAGE_KEY = "upper-back-relief/progress/v1";
  const DAMAGED_PREFIX = "upper-back-relief/progress/damaged-";
  const DEVICE_FORMAT = "upper-back-relief-device";

  /** A progress file that cannot be imported; nothing was changed. */
  class ImportFileError extends Error {
    constructor(message) {
      super(message);
      this.name = "ImportFileError";
    }
  }

  /** Why the store cannot keep things as it should (internal: becomes the store's problem).
   * `usable`: whether writes are still tried; `clearedBy`: "write" if the next kept write
   * shows it is over. */
  class StorageProblem extends Error {
    constructor(message, {usable = false, clearedBy = "never"} = {}) {
      super(message);
      this.usable = usable;
      this.clearedBy = clearedBy;
    }
  }

  // -- small helpers ------------------------------------------------------------------------

  const isRecord = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
  const LONE_SURROGATE = /[\uD800-\uDFFF]/u; // with the u flag, a pair is one code point
  /** What a record holds in `fields`, as one text: a key to look it up by. */
  const keyOf = (record, fields) => JSON.stringify(fields.map((name) => record[name]));

  /** Code-point order, as Python and SQLite (BINARY, on UTF-8) compare text. */
  function compareText(a, b) {
    const shift = (u) => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x !== y) return shift(x) - shift(y);
    }
    return a.length - b.length;
  }

  const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();
  const thousands = (n) => n.toLocaleString("en"); // 12,345

  /** The JSON of a progress file's text (after one byte-order mark); ImportFileError
   * naming the file (`name`) if it is not JSON. The browser's own reader: NaN, Infinity and
   * anything else JSON does not allow are refused, as everywhere. */
  function parseProgressText(text, rules, name = "The file") {
    try {
      return JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
    } catch (error) {
      const reason = error instanceof SyntaxError ? error.message : "it is too deeply nested";
      throw new ImportFileError(`${name} is not a progress file: it is not valid JSON ` +
        `(${reason}). ${rules.choose_file}`);
    }
  }

  /** A progress file's bytes (`size`: its size, when the bytes were not read because it is
   * too large), read as the command reads a file: at most MAX_FILE_BYTES, strict UTF-8
   * (latin-1 or UTF-16 is refused, never mended with U+FFFD), then parseProgressText.
   * ImportFileError naming the file (`name`) if it cannot be one. */
  function readProgressBytes(bytes, rules, name = "The file", size = bytes.length) {
    const most = rules.limits.MAX_FILE_BYTES;
    if (size > most || bytes.length > most) {
      throw new ImportFileError(`${name} is too large to be a progress file ` +
        `(${thousands(Math.max(size, bytes.length))} bytes; a progress file is at most ` +
        `${Math.floor(most / 1000000)} MB). ${rules.choose_file}`);
    }
    let text;
    try {
      text = new TextDecoder("utf-8", {fatal: true, ignoreBOM: true}).decode(bytes);
    } catch (error) {
      throw new ImportFileError(`${name} is not a progress file (it is not UTF-8 text). ` +
        rules.choose_file);
    }
    return parseProgressText(text, rules, name);
  }

  // -- days and times ----------------------------------------------------------------------
  // The site's one set of day helpers (`days`; the plan's browser half and the pages use
  // them too). A day is YYYY-MM-DD text, local to the device, read as UTC midnight so
  // that every day is 24 hours long; its number counts whole days since 1970-01-01, which
  // makes weeks and gaps plain arithmetic. (The front-end module parts.js, which JupyterLab
  // runs too, counts the charts' days itself.)

  const pad = (n, width = 2) => String(n).padStart(width, "0");
  const dayOf = (time) => new Date(time).toISOString().slice(0, 10); // the UTC day of a time
  const number = (day) => Date.parse(`${day}T00:00:00Z`) / 86400000;
  const fromNumber = (count) => dayOf(count * 86400000);
  /** The number of the Monday of a day's week, from its number (day 0 was a Thursday). */
  const monday = (count) => count - ((((count + 3) % 7) + 7) % 7);

  /** Whether `text` is a real date written YYYY-MM-DD (from year 1): one the calendar
   * writes back the same (a browser may read 02-30 as 03-02). */
  const isDay = (text) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text) && text >= "0001" &&
    Number.isFinite(Date.parse(text)) && dayOf(Date.parse(text)) === text;

  const addDays = (day, count) => fromNumber(number(day) + count);

  /** The local date of a moment, YYYY-MM-DD (Python's date.today()). */
  const localDay = (date) => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-` +
    pad(date.getDate());

  /** A moment as Python's _now() writes it: UTC, whole seconds, "+00:00". */
  const stampOf = (date) => date.toISOString().slice(0, 19) + "+00:00";

  const days = Object.freeze({isDay, addDays, localDay, number, fromNumber, monday});

  // -- checking a progress file: the published schema, then what a schema cannot say ------

  /** An import refused: the words, and the entry ([kind, index from 0]) and field at fault,
   * which Python's ImportFileError names too for the same file ("name.json, practice-log
   * entry 3: ..." once the file's `name` is known). */
  function refusal(rules, entry, field, problem, name = null) {
    const place = entry ? `${rules.nouns[entry[0]][0]} ${entry[1] + 1}` : "";
    const where = name ? [name, place].filter(Boolean).join(", ") : capitalize(place) || "The file";
    const error = new ImportFileError(`${where}: ${problem}. ${rules.nothing_imported}`);
    error.entry = entry;
    error.field = field;
    error.problem = problem;
    return error;
  }

  /** A value as a message shows it: as JSON, cut short (a bad field may be megabytes). */
  function valueWords(value) {
    if (value === undefined) return "missing";
    const text = JSON.stringify(value);
    return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
  }

  const TYPE_WORDS = {string: "text", integer: "a whole number", number: "a number",
    boolean: "true or false", array: "a list", object: "a record (a JSON object)",
    null: "empty (null)"};

  /** What the schema's first complaint says, in plain words. */
  function complaint(error, name, value) {
    const {keyword, params} = error;
    const the = name ? `'${name}'` : "it";
    const is = `(it is ${valueWords(value)})`;
    switch (keyword) {
      case "required": return `the field '${params.missingProperty}' is missing`;
      case "additionalProperties":
        return `it has a field this course does not know ('${params.additionalProperty}')`;
      case "type": return `${the} must be ${String(params.type).split(",")
        .map((type) => TYPE_WORDS[type] || type).join(" or ")} ${is}`;
      case "minimum": case "maximum": case "exclusiveMinimum": case "exclusiveMaximum":
        return `${the} must be ${keyword.endsWith("inimum") ? "at least" : "at most"} ` +
          `${params.limit} ${is}`;
      case "minLength": case "maxLength":
        return `${the} must be ${keyword === "minLength" ? "at least" : "at most"} ` +
          `${thousands(params.limit)} character${params.limit === 1 ? "" : "s"} long`;
      case "maxItems": return `${the} holds more than ${thousands(params.limit)} entries`;
      case "enum": return `${the} must be one of ${params.allowedValues
        .map((allowed) => JSON.stringify(allowed)).join(", ")} ${is}`;
      case "const": return `${the} must be ${JSON.stringify(params.allowedValue)} ${is}`;
      case "pattern": return `${the} must be written as a date, YYYY-MM-DD ${is}`;
      default: return `${the} is not as this course writes it ${is}`;
    }
  }

  /** The schema's first complaint about `data` as a refusal naming the entry and field. */
  function schemaRefusal(rules, error, data) {
    const path = error.instancePath.split("/").slice(1)
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
    let value = data;
    for (const part of path) value = isRecord(value) || Array.isArray(value) ? value[part] : undefined;
    const inEntry = path.length >= 2 && rules.kinds.includes(path[0]);
    const entry = inEntry ? [path[0], Number(path[1])] : null;
    let field = inEntry ? (path[2] ?? null) : (path[0] ?? null);
    if (error.keyword === "required") field = error.params.missingProperty;
    if (error.keyword === "additionalProperties") field = error.params.additionalProperty;
    const name = inEntry ? path[2] : path[0];
    return refusal(rules, entry, field, complaint(error, name, value));
  }

  /** Checked before the schema, as a person needs them first: another program's file is
   * called that (not "the field 'version' is missing"), a newer course's file says to update
   * the course, and not more entries in all than a progress file may hold. */
  function checkHead(data, rules) {
    if (!isRecord(data) || data.format !== rules.format) {
      throw refusal(rules, null, isRecord(data) ? "format" : null,
        "it is not a progress export from this course");
    }
    if (Number.isInteger(data.version) && data.version > rules.version) {
      throw refusal(rules, null, "version", `it was saved by a newer version of the course ` +
        `(format ${data.version}; this one reads up to ${rules.version}): update the course first`);
    }
    const most = rules.limits.MAX_ENTRIES;
    const total = rules.kinds.reduce((sum, kind) =>
      sum + (Array.isArray(data[kind]) ? data[kind].length : 0), 0);
    if (total > most) {
      throw refusal(rules, null, null, `it holds ${thousands(total)} entries; a progress ` +
        `file holds at most ${thousands(most)}`);
    }
  }

  /** What the schema cannot say (its description lists them), entry by entry: real dates
   * within the window, each id once in its kind, each tick once, one next-day answer a
   * day, no lone surrogates. */
  function checkBeyondSchema(data, rules, today) {
    const {EARLIEST_DAY, MAX_DAYS_AHEAD} = rules.limits;
    const lastDay = addDays(today, MAX_DAYS_AHEAD);
    for (const kind of rules.kinds) {
      const keys = rules.merge[kind].keys;
      const seen = keys.map(() => new Map());
      (data[kind] || []).forEach((record, index) => {
        const at = [kind, index];
        for (const [name, value] of Object.entries(record)) {
          if (typeof value === "string" && LONE_SURROGATE.test(value)) {
            throw refusal(rules, at, name, `'${name}' holds a broken character (half of a ` +
              "pair that makes one letter or emoji)");
          }
        }
        const day = record.day;
        if (!(kind === "checklist_ticks" && day === "")) {
          if (!isDay(day)) throw refusal(rules, at, "day", `${day} is not a real date`);
          if (day < EARLIEST_DAY || day > lastDay) {
            throw refusal(rules, at, "day", `${day} is not between ${EARLIEST_DAY} and a ` +
              `year from today (${lastDay})`);
          }
        }
        keys.forEach(([name, fields], n) => { // each key once
          const key = keyOf(record, fields);
          if (seen[n].has(key)) throw twice(rules, at, name, record, seen[n].get(key) + 1);
          seen[n].set(key, index);
        });
      });
    }
  }

  /** The refusal of an entry whose key `name` (rules.merge) is that of entry `first`. */
  function twice(rules, at, name, record, first) {
    if (name === "day") {
      return refusal(rules, at, "day", `${record.day} already has an answer in entry ${first}; ` +
        "keep only one answer a day");
    }
    const what = name === "tick" ? `the tick of '${record.item}' in '${record.checklist}'`
      : `the id '${record.id}'`;
    return refusal(rules, at, name === "tick" ? null : "id", `${what} is also in entry ` +
      `${first} of the same kind; a progress file holds each entry once`);
  }

  /** Every entry of a progress file, checked against the published schema and then for
   * what a schema cannot say (`today`: "YYYY-MM-DD"). Returns the records by kind, in the
   * export's field order; throws ImportFileError naming the entry and field (and the file,
   * by its `name`, if given). */
  function validateProgressFile(data, rules, today, name = null) {
    const validate = root.ThoracicProgressFileValidator.default;
    try {
      checkHead(data, rules);
      if (!validate(data)) throw schemaRefusal(rules, validate.errors[0], data);
      checkBeyondSchema(data, rules, today);
    } catch (error) {
      throw name && error.problem ? refusal(rules, error.entry, error.field, error.problem, name) : error;
    }
    return Object.fromEntries(rules.kinds.map((kind) => [kind,
      (data[kind] || []).map((record) => ordered(rules.fields[kind], record))]));
  }

  // -- merging an import: Python's import_data -----------------------------------------------
  // The merge works on slots, {kind, key, record}: one for each record kept (its key in the
  // database) and one for each new record (no key yet). A slot it adds or changes is marked
  // `changed`, and only those are written.

  /** Each kind merged as rules.merge (Python's MERGE) says: a record is looked up by the
   * kind's keys in order; one found is kept, unless the file's copy has a later stamp and
   * every key after the one that found it finds the same record: then the copy replaces it. */
  function mergeRows(rules, view, rows) {
    const added = Object.fromEntries(rules.kinds.map((kind) => [kind, 0]));
    const updated = {...added};
    for (const kind of rules.kinds) {
      const {keys, stamp} = rules.merge[kind];
      const found = keys.map(([, fields]) =>
        new Map(view[kind].map((slot) => [keyOf(slot.record, fields), slot])));
      const index = (slot, kept) => keys.forEach(([, fields], n) => {
        if (kept) found[n].set(keyOf(slot.record, fields), slot);
        else found[n].delete(keyOf(slot.record, fields));
      });
      for (const row of rows[kind]) {
        const slots = keys.map(([, fields], n) => found[n].get(keyOf(row, fields)));
        const at = slots.findIndex(Boolean);
        const here = slots[at];
        if (!here) {
          const slot = {kind, record: row, changed: true};
          view[kind].push(slot);
          index(slot, true);
          added[kind]++;
        } else if (stamp && compareText(row[stamp], here.record[stamp]) > 0 &&
            slots.slice(at).every((slot) => slot === here)) {
          index(here, false); // a later next-day answer takes the file's id
          Object.assign(here, {record: row, changed: true});
          index(here, true);
          updated[kind]++;
        }
      }
    }
    const skipped = Object.fromEntries(rules.kinds.map((kind) =>
      [kind, rows[kind].length - added[kind] - updated[kind]]));
    return {added, updated, skipped};
  }

  // -- the store ---------------------------------------------------------------------------

  /** A copy of a record with its fields in the export's order. */
  const ordered = (fields, record) =>
    Object.fromEntries(fields.map((name) => [name, record[name] ?? null])); // older: null

  /** Sorted by `fields` (rules.export_order, Python's), then in the order they were kept. */
  const sorted = (list, fields) => [...list].sort((a, b) =>
    fields.reduce((order, name) => order || compareText(a[name], b[name]), 0));

  /** An IndexedDB request's result, or its error, as a promise. */
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

  /** Every record of `kinds` kept in the database, as [key, record] pairs in key order,
   * which is the order they were first kept (keys count up). */
  async function readAll(transaction, kinds) {
    return Object.fromEntries(await Promise.all(kinds.map(async (kind) => {
      const store = transaction.objectStore(kind);
      const [keys, values] = await Promise.all([done(store.getAllKeys()), done(store.getAll())]);
      return [kind, keys.map((key, n) => [key, values[n]])];
    })));
  }

  const isFull = (error) => /quota/i.test(String(error?.name || "")) || error?.code === 22;

  const MESSAGES = {
    blocked: () => "This browser does not let the course keep anything on this device (its " +
      "storage is blocked, as in some private-browsing windows or when a browser is set to " +
      "block sites' data), so nothing will be kept on this device. To keep your progress " +
      "here, open the course in an ordinary window or allow this site to keep data, then " +
      "reload the page.",
    full: (what) => `This browser's storage for this site is full, so ${what.toLowerCase()} ` +
      "was not kept; what this device kept before is unchanged. To keep more here, free some " +
      "space (clear other sites' data in this browser, or delete files on this device) and " +
      "try again; or save your progress file and load it in the course on a computer.",
    newer: (found, reads) => "The progress on this device was kept by a newer version of the " +
      `course (format ${found}; this page reads up to ${reads}), so this page can neither read ` +
      "it nor add to it: nothing will be kept on this device from this page. Update the " +
      "course (open its newest pages) and reload; nothing was changed.",
    damaged: (key) => "The progress kept on this device could not be read (it is damaged), so " +
      `the course kept it, unchanged, under "${key}" in this browser's storage and ` +
      "started a fresh record. What you do from now on is kept. If you exported your " +
      "progress before, import that file to bring it back.",
  };

  /**
   * The learner's progress on this device; resolves once what is kept has been read.
   * `indexedDB` is the browser's (null where there is none); `storage` is localStorage,
   * read once for what earlier sites kept there; `BroadcastChannel` tells other tabs what
   * this one kept, and `changed()` is called when another tab kept something; `now()` gives
   * a Date; `random(n)` gives n random bytes; `rules` is the JSON of Python's
   * device_rules(). A test, or a later course, may pass its own `deviceVersion` and
   * `migrations`. Reading is synchronous, from a copy in memory; every write returns a
   * promise, keeps one record (or one import) in one transaction, and rejects with an Error
   * saying it was not saved, and why, if it was not; then the copy is unchanged.
   */
  async function createDeviceStore({indexedDB, storage = null, BroadcastChannel = null, now,
    random, rules, changed = () => {}, deviceVersion = DEVICE_VERSION,
    migrations = DEVICE_MIGRATIONS}) {
    const state = {problem: null, db: null, channel: null,
      kept: Object.fromEntries(rules.kinds.map((kind) => [kind, new Map()]))};
    let queue = Promise.resolve();

    /** Nothing more is read or kept here, for `problem`'s reason. */
    function stop(problem) {
      close();
      state.db = null;
      state.problem = problem;
    }

    // -- the database ----------------------------------------------------------------------
    /** The database at this version (made, or brought up from an older one). */
    async function open() {
      if (!indexedDB) throw new StorageProblem(MESSAGES.blocked());
      try {
        const request = indexedDB.open(DATABASE, deviceVersion);
        request.onupgradeneeded = (event) => upgrade(request.transaction, event.oldVersion);
        return await done(request);
      } catch (error) {
        if (error?.name !== "VersionError") throw error;
        const found = await done(indexedDB.open(DATABASE)); // to say which version it is
        found.close();
        throw new StorageProblem(MESSAGES.newer(found.version, deviceVersion));
      }
    }

    /** A store for each kind not kept yet; what an older version kept, migrated (if a
     * migration fails, the upgrade is undone and the database stays as it was). */
    function upgrade(transaction, from) {
      const db = transaction.db;
      const old = [...db.objectStoreNames];
      for (const kind of rules.kinds.filter((name) => !old.includes(name))) {
        const store = db.createObjectStore(kind, {autoIncrement: true});
        // The kind's unique keys, Python's (rules.merge): two tabs that keep the same
        // record at the same moment cannot both add it.
        for (const [name, fields] of rules.merge[kind].keys) {
          store.createIndex(name, fields.length === 1 ? fields[0] : fields, {unique: true});
        }
      }
      if (from === 0) return;
      readAll(transaction, old).then((pairs) => {
        const records = migrated(Object.fromEntries(Object.entries(pairs)
          .map(([kind, list]) => [kind, list.map(([, record]) => record)])), from);
        if (!records) return transaction.abort();
        for (const kind of rules.kinds) {
          transaction.objectStore(kind).clear();
          for (const record of records[kind]) transaction.objectStore(kind).add(record);
        }
      });
    }

    function migrated(records, version) {
      let current = records;
      for (let step = version; step < deviceVersion; step++) {
        if (!isRecord(current) || typeof migrations[step] !== "function") return undefined;
        current = migrations[step](current);
      }
      if (!isRecord(current)) return undefined;
      for (const kind of rules.kinds) {
        current[kind] = Object.hasOwn(current, kind) ? current[kind] : [];
        if (!Array.isArray(current[kind]) || !current[kind].every(isRecord)) return undefined;
      }
      return current;
    }

    /** The copy in memory: every record kept, by kind, from their keys (read-only). */
    async function load() {
      const pairs = await readAll(state.db.transaction(rules.kinds), rules.kinds);
      for (const kind of rules.kinds) {
        state.kept[kind] = new Map(pairs[kind].map(([key, record]) => [key, Object.freeze(record)]));
      }
    }

    /** Slots (a null record: deleted) into the copy in memory. */
    function apply(slots) {
      for (const {kind, key, record} of slots) {
        if (record === null) state.kept[kind].delete(key);
        else state.kept[kind].set(key, Object.freeze(record));
      }
    }

    /** The slots written in one transaction (a new record gets its key), then into the copy
     * in memory and to the other tabs. */
    async function commit(slots) {
      if (slots.length === 0) return;
      const transaction = state.db.transaction([...new Set(slots.map((slot) => slot.kind))],
        "readwrite");
      const ended = new Promise((resolve, reject) => {
        transaction.oncomplete = resolve;
        transaction.onabort = () => reject(transaction.error);
      });
      // Every record changed or deleted leaves its place first: a unique key one record gives
      // up may be taken by another in the same write (an import's later next-day answers).
      for (const {kind, key} of slots) if (key !== undefined) transaction.objectStore(kind).delete(key);
      for (const slot of slots.filter(({record}) => record !== null)) {
        const put = transaction.objectStore(slot.kind).put(slot.record, slot.key);
        put.onsuccess = () => { slot.key = put.result; };
      }
      await ended;
      const kept = slots.map(({kind, key, record}) => ({kind, key, record}));
      apply(kept);
      if (state.channel) state.channel.postMessage(kept);
    }

    /** Plan a change from the copy in memory, then keep it: one write at a time, so each
     * plans from what the one before kept. `plan()` gives {slots, result}; the promise, the
     * result, or an Error saying that `what` was not saved, and why. */
    function update(what, plan) {
      const run = queue.then(() => keep(what, plan));
      queue = run.catch(() => {});
      return run;
    }

    async function keep(what, plan, again = true) {
      if (!state.db) throw new Error(`${what} was not saved. ${state.problem.message}`);
      const {slots, result} = plan();
      try {
        await commit(slots);
      } catch (error) {
        // Another tab kept the same record at the same moment: plan again from what is kept.
        if (error?.name === "ConstraintError" && again) {
          await load();
          return keep(what, plan, false);
        }
        const full = isFull(error);
        state.problem = new StorageProblem(full ? MESSAGES.full(what) : MESSAGES.blocked(),
          {clearedBy: "write"});
        throw new Error(full ? state.problem.message : `${what} was not saved. ${state.problem.message}`);
      }
      if (state.problem?.clearedBy === "write") state.problem = null;
      return result;
    }

    // -- what earlier sites kept in localStorage -------------------------------------------
    /** Merged in as an import merges (so a second try adds nothing), then removed once the
     * database has it; damaged data is put aside, data from a newer course left alone. */
    async function takeOver() {
      const raw = storage ? storage.getItem(STORAGE_KEY) : null;
      if (raw === null || raw === undefined) return;
      const records = readKept(raw);
      if (!records) return keepAside(raw);
      await update("Your progress kept before", () => merge(records));
      storage.removeItem(STORAGE_KEY);
    }

    /** The records in what an earlier site kept, migrated to this version; undefined if
     * they cannot be read. */
    function readKept(raw) {
      let kept;
      try {
        kept = JSON.parse(raw);
      } catch (error) {
        return undefined;
      }
      const version = isRecord(kept) && kept.format === DEVICE_FORMAT ? kept.version : undefined;
      if (Number.isInteger(version) && version > deviceVersion) {
        throw new StorageProblem(MESSAGES.newer(version, deviceVersion));
      }
      return Number.isInteger(version) && version >= 1 ? migrated(kept.records, version) : undefined;
    }

    /** Damaged data under a name of its own (left where it is if there is no room for a
     * copy): never written over. */
    function keepAside(raw) {
      let key = DAMAGED_PREFIX + stampOf(now());
      for (let n = 2; ![null, raw].includes(storage.getItem(key)); n++) {
        key = `${DAMAGED_PREFIX}${stampOf(now())}-${n}`;
      }
      try {
        storage.setItem(key, raw);
        storage.removeItem(STORAGE_KEY);
      } catch (error) {
        if (storage.getItem(key) !== raw) key = STORAGE_KEY;
      }
      state.problem = new StorageProblem(MESSAGES.damaged(key), {usable: true});
    }

    // -- reading, from memory --------------------------------------------------------------
    const list = (kind) => [...state.kept[kind].values()];

    /** The slot of the first record of `kind` kept that passes `test`, if any. */
    function find(kind, test) {
      for (const [key, record] of state.kept[kind]) if (test(record)) return {kind, key, record};
      return undefined;
    }

    // -- ids, days and times ---------------------------------------------------------------
    function newId(kind) {
      for (let attempt = 0; attempt < 5; attempt++) {
        const bytes = Array.from(random(16));
        if (bytes.length !== 16) throw new Error("random(16) must give 16 random bytes.");
        bytes[6] = (bytes[6] & 0x0f) | 0x40; // a version-4 UUID, as Python's uuid4().hex
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        const id = bytes.map((b) => b.toString(16).padStart(2, "0")).join("");
        if (!find(kind, (record) => record.id === id)) return id;
      }
      throw new Error("Could not make a new id: the random source gives the same bytes again.");
    }

    const today = () => localDay(now());
    const dayOrToday = (day) => (day === undefined || day === null || day === "" ? today() : day);
    const SOME_ID = "0".repeat(32); // stands in for the id a record is given when kept

    /** A record about to be kept, checked as an import checks one (the published schema
     * and the checks it cannot state), so that whatever is kept here can be exported and
     * imported anywhere; Error with the reason if not. */
    function checkBeforeSaving(kind, record) {
      const entry = rules.fields[kind].includes("id") ? {id: SOME_ID, ...record} : record;
      try {
        validateProgressFile({format: rules.format, version: rules.version, [kind]: [entry]},
          rules, today());
      } catch (error) {
        if (!(error instanceof ImportFileError)) throw error;
        throw new Error(`${capitalize(rules.nouns[kind][0])} not kept: ${error.problem}.`);
      }
      return record;
    }

    // -- checklists ------------------------------------------------------------------------
    async function setTick(checklist, item, checked, {day = ""} = {}) {
      const tick = checkBeforeSaving("checklist_ticks", {checklist, item, day, checked,
        updated_at: stampOf(now())});
      await update("Your tick", () => {
        const here = find("checklist_ticks", (kept) => kept.checklist === checklist &&
          kept.item === item && kept.day === day);
        return {slots: [{kind: "checklist_ticks", key: here?.key, record: tick}]};
      });
    }

    /** A checklist's ticks on a day: each item's `value` (whether it is ticked, or when a
     * ticked item was ticked), by item. */
    function ticks(checklist, {day = "", value = "checked"} = {}) {
      const found = sorted(list("checklist_ticks").filter((tick) => tick.checklist === checklist &&
        tick.day === day && (value === "checked" || tick.checked)), rules.export_order.checklist_ticks);
      return Object.fromEntries(found.map((tick) => [tick.item, tick[value]]));
    }

    /** A new entry of `kind`, checked, then kept with a new id; resolves to the id. */
    async function addEntry(kind, what, record) {
      const checked = checkBeforeSaving(kind, ordered(rules.fields[kind].filter((name) => name !== "id"),
        {...record, day: dayOrToday(record.day), recorded_at: stampOf(now())}));
      return update(what, () => {
        const id = newId(kind);
        return {slots: [{kind, record: {id, ...checked}}], result: id};
      });
    }

    // -- practice log, self-tests, quiz answers ---------------------------------------------
    const recordSession = (kind, exercise, durationSeconds,
      {sets = null, day, rating = null, note = null, version = null} = {}) =>
      addEntry("sessions", "This practice-log entry", {day, kind, exercise, sets,
        duration_seconds: durationSeconds, rating, note, version});

    async function rateSession(id, rating, note) {
      await update("How it felt", () => {
        const here = find("sessions", (entry) => entry.id === id);
        if (!here) throw new Error(`No practice-log entry with id ${valueWords(id)}.`);
        const {id: _, ...rated} = {...here.record, rating, note: note || null};
        return {slots: [{...here, record: {id, ...checkBeforeSaving("sessions", rated)}}]};
      });
    }

    /** A self-test result: typed, or measured by the phone (`value` the median of its
     *  `tries`). */
    const recordSelfTest = (test, value, {side = "", day, method = "typed", tries = null} = {}) =>
      addEntry("self_tests", "This self-test result", {day, test, side, value, method, tries});
    const recordQuizAnswer = (question, choice, correct, {day} = {}) =>
      addEntry("quiz_answers", "Your answer", {day, question, choice, correct});

    /** Remove entries (an exercise and its sets) by their ids, all or none, as Python's
     * delete_entries does; resolves to what was removed. */
    function deleteEntries(ids) {
      return update("Deleting that entry", () => {
        const found = ids.map((id) => {
          const here = rules.entry_kinds.map((kind) => find(kind, (entry) => entry.id === id))
            .find(Boolean);
          if (!here) {
            throw new Error("There is no practice-log entry, self-test result or next-day " +
              `check with id ${valueWords(id)}. It may have been deleted already.`);
          }
          return here;
        });
        const gone = [...new Map(found.map((slot) => [slot.record, slot])).values()]; // once each
        return {slots: gone.map((slot) => ({...slot, record: null})),
          result: gone.map((slot) => slot.record)};
      });
    }

    /** One answer a day: a new one replaces the day's answer, which keeps its id. */
    async function recordNextDayCheck(answer, {day} = {}) {
      const chosen = dayOrToday(day);
      const check = checkBeforeSaving("next_day_checks", {day: chosen, answer,
        recorded_at: stampOf(now())});
      return update("Your answer", () => {
        const here = find("next_day_checks", (kept) => kept.day === chosen);
        const id = here ? here.record.id : newId("next_day_checks");
        return {slots: [{kind: "next_day_checks", key: here?.key, record: {id, ...check}}],
          result: id};
      });
    }

    // -- whole history ---------------------------------------------------------------------
    /** Exactly what Python's export_data() gives for the same records. */
    function exportFile() {
      if (!state.db) throw new Error(`Your progress could not be exported. ${state.problem.message}`);
      const out = {format: rules.format, version: rules.version};
      for (const kind of rules.export_kinds) {
        out[kind] = sorted(list(kind), rules.export_order[kind])
          .map((record) => ordered(rules.fields[kind], record));
      }
      return out;
    }

    /** The slots that merging `rows` (records by kind) would change, and the report. */
    function merge(rows) {
      const view = Object.fromEntries(rules.kinds.map((kind) => [kind,
        [...state.kept[kind]].map(([key, record]) => ({kind, key, record}))]));
      const result = mergeRows(rules, view, rows);
      return {slots: Object.values(view).flat().filter((slot) => slot.changed), result};
    }

    /** Merge a progress file in, as Python's import_data: checked whole first (a bad file
     * throws ImportFileError, naming it by `name` if given, and changes nothing); entries
     * already here are kept. */
    async function importFile(data, {name = null} = {}) {
      const rows = validateProgressFile(data, rules, today(), name);
      return update("The import", () => merge(rows));
    }

    function close() {
      if (state.channel) state.channel.close();
      if (state.db) state.db.close();
    }

    try {
      // Listening first, so that nothing another tab keeps while this one reads is missed.
      if (indexedDB && BroadcastChannel) {
        state.channel = new BroadcastChannel(DATABASE);
        state.channel.onmessage = ({data}) => {
          apply(data);
          changed();
        };
      }
      state.db = await open();
      state.db.onversionchange = () => state.db.close(); // a newer course's page waits for it
      await load();
    } catch (error) {
      stop(error instanceof StorageProblem ? error : new StorageProblem(MESSAGES.blocked()));
    }
    if (state.db) {
      await takeOver().catch((error) => {
        if (error instanceof StorageProblem) stop(error); // else not kept: keep() said why
      });
    }

    return Object.freeze({
      get available() {
        return !state.problem || state.problem.usable;
      },
      get problem() {
        return state.problem ? state.problem.message : null;
      },
      records: () => Object.fromEntries(rules.kinds.map((kind) => [kind, list(kind)])),
      setTick,
      ticks,
      recordSession,
      rateSession,
      recordSelfTest,
      recordQuizAnswer,
      recordNextDayCheck,
      deleteEntries,
      exportFile,
      importFile,
      close,
    });
  }

  root.ThoracicDevice = Object.freeze({
    DATABASE,
    STORAGE_KEY,
    DAMAGED_PREFIX,
    DEVICE_FORMAT,
    DEVICE_VERSION,
    DEVICE_MIGRATIONS,
    ImportFileError,
    days,
    createDeviceStore,
    validateProgressFile,
    parseProgressText,
    readProgressBytes,
  });
})(globalThis);

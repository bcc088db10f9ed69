"""The site's "fix a wrong entry" list names entries in the words `thoracic progress --list`
uses, and deleting one on the device works as deleting it from the store does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thoracic import ProgressStore
from thoracic.authoring._sample import sample_history
from thoracic.progress import describe_entry, device_rules

STATIC = Path(__file__).resolve().parents[2] / "lib" / "thoracic" / "site" / "static"
# The schema's compiled validator first, as the pages load them.
DEVICE_SCRIPTS = (STATIC / "progress_file.generated.js", STATIC / "device.js")

_RUN = """
import {readFileSync} from "node:fs";
import vm from "node:vm";
const {source, rules, data, remove} = JSON.parse(readFileSync(0, "utf8"));
const context = {};
context.globalThis = context;
vm.runInNewContext(source, context);
const kept = new Map();
const storage = {getItem: (k) => kept.get(k) ?? null, setItem: (k, v) => kept.set(k, v),
                 removeItem: (k) => kept.delete(k)};
let n = 0;
const store = context.ThoracicDevice.createDeviceStore({storage, rules,
  now: () => new Date(Date.UTC(2026, 10, 30, 8)),
  random: (count) => Uint8Array.from({length: count}, () => (n++ * 37) % 256)});
store.importFile(data);
const records = store.records();
const words = [...records.sessions, ...records.self_tests, ...records.next_day_checks]
  .map((entry) => [entry.id, store.describeEntry(entry)]);
const removed = store.describeEntry(store.deleteEntry(remove));
let missing = null;
try { store.deleteEntry(remove); } catch (error) { missing = error.message; }
console.log(JSON.stringify({words, removed, left: store.sessions().length, missing}));
"""


def test_entries_are_described_and_deleted_as_the_store_does(tmp_path: Path, run_node) -> None:
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.import_data(sample_history(dt.date(2026, 11, 30)))
    session = store.sessions()[3]
    store.rate_session(session.id, 4, "A long note that goes on past forty characters, for sure")
    data = store.export_data()
    source = "\n".join(path.read_text("utf-8") for path in DEVICE_SCRIPTS)
    result = run_node(_RUN, {"source": source, "rules": device_rules(), "data": data,
                             "remove": session.id})
    python = {entry.id: describe_entry(entry)
              for entry in [*store.sessions(), *store.self_tests(), *store.next_day_checks()]}
    assert dict(result["words"]) == python
    assert result["removed"] == describe_entry(store.delete_entry(session.id))
    assert result["left"] == len(store.sessions())
    assert "There is no practice-log entry, self-test result or next-day check" in (
        result["missing"])

"""Deleting a wrong entry on the device works as deleting it from the store does: the
entries of one line (an exercise and its sets) go together, and an id that is not there
deletes nothing. (The line's words and grouping are the front-end's: tests/js/parts.test.mjs.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thoracic import ProgressStore
from thoracic.authoring._sample import sample_history
from thoracic.progress import device_rules

STATIC = Path(__file__).resolve().parents[2] / "lib" / "thoracic" / "site" / "static"
# The schema's compiled validator first, as the pages load them.
DEVICE_SCRIPTS = (STATIC / "progress_file.generated.js", STATIC / "device.js")

_RUN = """
import {readFileSync} from "node:fs";
import vm from "node:vm";
import {IDBFactory} from "fake-indexeddb";
const {source, rules, data, remove} = JSON.parse(readFileSync(0, "utf8"));
const context = {};
context.globalThis = context;
vm.runInNewContext(source, context);
let n = 0;
const store = await context.ThoracicDevice.createDeviceStore({indexedDB: new IDBFactory(), rules,
  now: () => new Date(Date.UTC(2026, 10, 30, 8)),
  random: (count) => Uint8Array.from({length: count}, () => (n++ * 37) % 256)});
await store.importFile(data);
const missing = await store.deleteEntries([...remove, "not-there"])
  .then(() => null, (error) => error.message);
const before = store.records().sessions.length;
const removed = (await store.deleteEntries(remove)).map((entry) => entry.id);
console.log(JSON.stringify({before, removed, ids: store.records().sessions.map((s) => s.id),
                            missing}));
"""


@pytest.mark.parametrize("count", [1, 3])
def test_a_line_is_deleted_all_or_none_as_the_store_does(tmp_path: Path, run_node,
                                                         count: int) -> None:
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.import_data(sample_history(dt.date(2026, 11, 30)))
    remove = [session.id for session in store.sessions()[:count]]
    data = store.export_data()
    source = "\n".join(path.read_text("utf-8") for path in DEVICE_SCRIPTS)
    result = run_node(_RUN, {"source": source, "rules": device_rules(), "data": data,
                             "remove": remove})
    assert "There is no practice-log entry, self-test result or next-day check" in (
        result["missing"])
    assert result["before"] == len(store.sessions())  # the refused delete kept them all
    assert result["removed"] == [entry.id for entry in store.delete_entries(remove)]
    assert result["ids"] == [session.id for session in store.sessions()]

"""The site's device store (site/static/device.js) and the Python progress store agree:
one truth for progress files, in the browser and in Python.

A corpus of progress files, good ones and one for every refusal of ``validated_import``,
goes through Python and through the script's ``validateProgressFile`` (in Node, with the
rules of ``device_rules()`` and the schema's compiled validator): both accept the same
files with the same rows, and refuse the same files naming the same entry and field (each
side words it its own way). Then exports go each way and come back the same, and the
summaries of the sample history agree. "Today" is one fixed date on both sides.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.progress.test_transfer import one_of_each
from tests.site.schema_files import COUNT as SCHEMA_FILE_COUNT
from tests.site.schema_files import SCHEMA_FILES
from thoracic import ProgressStore
from thoracic.authoring import sample_history
from thoracic.progress import (
    ImportFileError,
    device_rules,
    progress_file_schema,
    summarise_next_day,
    summarise_practice,
)
from thoracic.progress._transfer import (
    FIELDS,
    MAX_DEPTH,
    MAX_NUMBER_DIGITS,
    ValidatedImport,
    parse_progress_text,
    read_progress_file,
    validated_import,
)

ROOT = Path(__file__).resolve().parents[2]
DEVICE = ROOT / "lib" / "thoracic" / "site" / "static" / "device.js"
VALIDATOR = ROOT / "lib" / "thoracic" / "site" / "static" / "progress_file.generated.js"
D = dt.date(2026, 1, 15)
# Noon UTC on D: the same local day in the Node process (run with TZ=UTC all the same).
NOON = f"{D.isoformat()}T12:00:00Z"

# Runs the classic script as a page does, then the test's own lines; reads JSON on stdin.
PRELUDE = (
    "import {readFileSync} from 'node:fs'; import vm from 'node:vm';"
    f"vm.runInThisContext(readFileSync({json.dumps(str(VALIDATOR))}, 'utf8'));"
    f"vm.runInThisContext(readFileSync({json.dumps(str(DEVICE))}, 'utf8'));"
    "const D = globalThis.ThoracicDevice;"
    "const input = JSON.parse(readFileSync(0, 'utf8'));"
    "const out = (value) => process.stdout.write(JSON.stringify(value));"
)
# A store on a fake IndexedDB of its own (fake-indexeddb), a fixed clock and random source.
STORE = (
    "import {IDBFactory} from 'fake-indexeddb';"
    "async function makeStore() {"
    " let t = Date.parse(input.now); let seed = 7;"
    " const random = (n) => Uint8Array.from({length: n},"
    "   () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) >> 16);"
    " const store = await D.createDeviceStore({indexedDB: new IDBFactory(),"
    "   now: () => new Date(t), random, rules: input.rules});"
    " return {store, advance: (s) => { t += s * 1000; }};"
    "}"
)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", D.isoformat())


def _node(run_node: Any, body: str, data: dict[str, Any]) -> Any:
    """The device script's answer for ``body``, with the rules and "now" of this test."""
    return run_node(PRELUDE + STORE + body, {"rules": device_rules(), "now": NOON, **data},
                    env={"TZ": "UTC"})


# -- the corpus -----------------------------------------------------------------------------

# A JSON number written as it stands (Python's json.dumps cannot write 1e400 or 1E2).
def raw(text: str) -> str:
    return f"@@raw:{text}@@"


def _text(data: Any) -> str:
    text = json.dumps(data)  # NaN and Infinity as Python writes them; \ud800 escaped
    while "\"@@raw:" in text:
        start = text.index("\"@@raw:")
        end = text.index("@@\"", start)
        text = text[:start] + text[start + 7:end] + text[end + 3:]
    return text


def _with(kind: str, field: str, value: Any, *, drop: bool = False,
          base: Callable[[], dict[str, Any]] = one_of_each) -> dict[str, Any]:
    data = base()
    if drop:
        data[kind][0].pop(field, None)
    else:
        data[kind][0][field] = value
    return data


def _twice(kind: str) -> dict[str, Any]:
    data = one_of_each()
    data[kind] = data[kind] * 2
    return data


def _test(test: str, side: str, value: Any) -> dict[str, Any]:
    data = one_of_each()
    data["self_tests"][0].update(test=test, side=side, value=value)
    return data


FIELD_VALUES: dict[tuple[str, str], list[Any]] = {
    ("sessions", "id"): [None, "", "i" * 64, "i" * 65, 5, "é" * 64, "😀" * 64, "😀" * 65],
    ("sessions", "day"): [None, 20260112, "20260112", "2026-02-30", "2999-01-01",
                          "1999-12-31", "2000-01-01", "0000-01-01", "2026-1-5", " 2026-01-12",
                          "2027-01-15", "2027-01-16", "2024-02-29", "2025-02-29",
                          "\uff12\uff10\uff12\uff16-01-12", {"day": 1}, "\ud800"],
    ("sessions", "recorded_at"): [None, "", "r" * 64, "r" * 65, ["x"]],
    ("sessions", "kind"): [None, 5, "nap", "k" * 101, "it's", 'say "hi"', "set", "routine",
                           {"a": 1}],
    ("sessions", "exercise"): [None, "", "e" * 100, "e" * 101, "Schulter\u00adblatt \U0001f600"],
    ("sessions", "sets"): [None, 0, 1, 100, 101, 2.5, -5, True, "2", 2.0, 2**63, 10**400],
    ("sessions", "duration_seconds"): [
        None, -1, 0, 3600, 3600.0, 3601, 3600.5, False, "30", float("nan"), float("inf"),
        raw("1e400"), raw("-1e400"), 2**63, 10**400, 5000.0, raw("1E2"), -0.0, 1e-300],
    ("sessions", "rating"): [None, True, 2.5, "3", 11, -1, 0, 10, 3.0, 2**63, 10**40,
                             10**29, 10**30 - 1, 10**30, -(10**30)],
    ("sessions", "version"): [None, "easier", "longer-holds", "Easier", "extreme", 5, "",
                              ["harder"]],
    ("sessions", "note"): [None, 5, "\ud800", "ok \udc00 no", "x" * 2000, "x" * 2001,
                           "x" * 50_000, "", ["a"], "😀" * 2000, "😀" * 2001],
    ("self_tests", "test"): [None, "toe-touch", 5, "t" * 101, "Seated-Rotation"],
    ("self_tests", "side"): [None, "middle", "", "Left", 5, ["left"], "left",
                             "l" * 80],
    ("self_tests", "value"): [None, True, "44", 91, 90, 90.5, 1e308, float("nan"),
                              float("-inf"), 2**63, 10**400, -1, -0.0, 47.0, 0.000012345,
                              1234565, 1234565.0, 123456.5, 45.25],
    ("self_tests", "recorded_at"): [None, "", "r" * 65],
    ("self_tests", "id"): [None, ""],
    ("self_tests", "day"): ["2026-13-01", None],
    ("checklist_ticks", "checklist"): [None, 5, "c" * 101],
    ("checklist_ticks", "item"): [None, "i" * 100, "i" * 101],
    ("checklist_ticks", "day"): [None, "", "2026-02-30", "1999-12-31", 5],
    ("checklist_ticks", "checked"): [None, 1, 0, "true", False],
    ("checklist_ticks", "updated_at"): [None, "u" * 64, "u" * 65],
    ("quiz_answers", "question"): [None, "q" * 101],
    ("quiz_answers", "choice"): [None, 10, -1, True, 1.0, "1", 9, 0],
    ("quiz_answers", "correct"): [None, 0, "false", True],
    ("quiz_answers", "day"): ["2027-01-16", 20260112],
    ("quiz_answers", "id"): [5],
    ("next_day_checks", "answer"): [None, "great", ["worse"], 2, "Better", "worse", {}],
    ("next_day_checks", "day"): ["2026-02-30", None],
    ("next_day_checks", "id"): ["", None],
    ("next_day_checks", "recorded_at"): [None, ""],
}


def _corpus() -> Iterator[tuple[str, Any]]:
    """(name, file) for every file; a file is JSON data, or text (str) as it stands."""
    yield "one of each", one_of_each()
    yield "sample history", sample_history(D)
    yield "empty", {"format": "upper-back-relief-progress", "version": 3}
    yield "version 2 file", (ROOT / "tests/progress/data/version-2-export.json").read_text("utf-8")
    yield "version 1", {**one_of_each(), "version": 1}
    # the file as a whole
    yield from [("a list", []), ("text", _text("upper-back-relief-progress")),
                ("a number", 5), ("null", None), ("no format", {"version": 3}),
                ("other format", {**one_of_each(), "format": "other"})]
    versions = [-7, True, 0, "2", 2.0, None, 4, 10**50, 10**400, -(10**400), 1.5, [3]]
    for n, version in enumerate(versions):
        yield f"version #{n} {version!r:.20}", {**one_of_each(), "version": version}
    yield "version missing", {key: v for key, v in one_of_each().items() if key != "version"}
    yield "version 1E0", _text({**one_of_each(), "version": raw("1E0")})
    yield "unknown part", {**one_of_each(), "moods": []}
    yield "a part named like a JS built-in", {**one_of_each(), "toString": []}
    yield "unknown parts in order", {**one_of_each(), "zeta": 1, "alpha": 2}
    yield "unknown parts in code-point order", {**one_of_each(), "😀": 1, "\uffff": 2}
    yield "long unknown part", {**one_of_each(), "k" * 100: 1}
    yield "long non-ASCII part", {**one_of_each(), "é\u200b" * 30: 1}
    for kind in ["sessions", "self_tests", "checklist_ticks", "quiz_answers", "next_day_checks"]:
        for value in [{}, None, "abc", 5]:
            yield f"{kind} not a list ({value!r})", {**one_of_each(), kind: value}
        yield f"{kind} missing", {key: v for key, v in one_of_each().items() if key != kind}
        for n, record in enumerate([[1], 5.0, "a" * 60, None, True, "it's"]):
            yield f"{kind} record #{n} {record!r:.20}", {**one_of_each(), kind: [record]}
        yield f"{kind} unknown field", _with(kind, "mood", "good")
        yield f"{kind} unknown fields in order", _with(kind, "zz", 1, base=lambda k=kind: _with(
            k, "__proto__", 2))
        yield f"{kind} twice", _twice(kind)
    yield "too many entries", {**one_of_each(), "checklist_ticks": [0] * 200_001}
    yield "just enough entries", {**one_of_each(), "checklist_ticks": [0] * 199_996}
    for (kind, field), values in FIELD_VALUES.items():
        yield f"{kind}.{field} missing", _with(kind, field, None, drop=True)
        for n, value in enumerate(values):
            yield f"{kind}.{field} #{n} = {value!r:.30}", _text(_with(kind, field, value))
    yield from _self_test_cases()
    yield from _duplicate_cases()
    yield from _generated_cases()


def _self_test_cases() -> Iterator[tuple[str, Any]]:
    for test, side, value in [("wall-angel", "left", 1.5), ("wall-angel", "left", 2.0),
                              ("wall-angel", "right", 4), ("wall-angel", "right", 3),
                              ("wall-angel", "right", -0.5), ("neck-to-wall", "", 30),
                              ("neck-to-wall", "", 30.000001), ("neck-to-wall", "right", 5),
                              ("neck-to-wall", None, 5), ("neck-to-wall", "", float("inf")),
                              ("seated-rotation", "", 40), ("seated-rotation", "left", 1e-7)]:
        yield f"self-test {test} {side!r} {value!r}", _text(_test(test, side, value))


def _duplicate_cases() -> Iterator[tuple[str, Any]]:
    data = one_of_each()
    data["sessions"] = [{**data["sessions"][0], "id": f"s{n}"} for n in range(12)]
    data["sessions"][11]["sets"] = -5
    yield "a bad entry is named by its place", data
    data = one_of_each()
    once_only = {**data["checklist_ticks"][0], "day": ""}
    data["checklist_ticks"] = [once_only, {**once_only, "day": "2026-01-12"}, once_only]
    yield "a once-only tick twice", data
    data = one_of_each()
    data["checklist_ticks"] = [data["checklist_ticks"][0], {**data["checklist_ticks"][0],
                                                           "item": "warm-up "}]
    yield "ticks differing by a space", data
    data = one_of_each()
    data["next_day_checks"].append({**data["next_day_checks"][0], "id": "n2"})
    yield "a day answered twice", data
    data = one_of_each()
    data["next_day_checks"].append({**data["next_day_checks"][0], "day": "2026-01-13"})
    yield "a next-day id twice", data
    data = one_of_each()
    data["sessions"].append({**data["sessions"][0], "id": "t1"})
    data["self_tests"].append({**data["self_tests"][0], "id": "s1"})
    yield "the same id in two kinds", data
    data = one_of_each()
    data["sessions"].append({**data["sessions"][0], "id": "s2", "day": "2026-01-12"})
    data["sessions"].append({**data["sessions"][0], "id": "s3", "day": "2026-02-30"})
    yield "a bad day after a good one", data
    data = one_of_each()
    data["sessions"][0]["sets"] = 0
    data["self_tests"][0]["value"] = 500
    yield "the first of two faults", data
    data = one_of_each()
    del data["sessions"][0]["id"]
    data["sessions"][0]["day"] = "bad"
    yield "id checked before day", data


# Ways to spoil one field of a generated entry: gone, empty, of another type, too long.
MUTATIONS: tuple[Callable[[dict[str, Any], str], None], ...] = (
    lambda record, field: record.pop(field),
    lambda record, field: record.__setitem__(field, None),
    lambda record, field: record.__setitem__(field, [record[field]]),
    lambda record, field: record.__setitem__(field, "x" * 3000),
    lambda record, field: record.__setitem__(field, -1),
    lambda record, field: record.__setitem__("mood", record[field]),
)


def _in_range(data: Any) -> Any:
    """A generated file with the one thing a schema cannot say made true: days within the
    year before today, and distinct ids (the generator picks days from all of time), so
    the checks past the schema get to look at everything else."""
    data = copy.deepcopy(data)
    for kind in FIELDS:
        for n, record in enumerate(data.get(kind) or []):
            if isinstance(record, dict):
                record.update({key: (D - dt.timedelta(days=n % 300)).isoformat()
                               for key in ("day",) if key in record})
                record.update({key: NOON.replace("Z", "+00:00")
                               for key in ("recorded_at", "updated_at") if key in record})
                if "id" in record:
                    record["id"] = f"{kind[0]}{n}"
                if kind == "next_day_checks" and "day" in record:  # one answer a day
                    record["day"] = (D - dt.timedelta(days=n)).isoformat()
    return data


def _generated_cases() -> Iterator[tuple[str, Any]]:
    for n, made in enumerate(json.loads(SCHEMA_FILES.read_text("utf-8"))):
        yield f"from the schema #{n}", made
        data = _in_range(made)
        yield f"from the schema #{n}, days in range", data
        kinds = [kind for kind in FIELDS if isinstance(data.get(kind), list) and data[kind]]
        if not kinds:
            continue
        mutated = copy.deepcopy(data)
        kind = kinds[n % len(kinds)]
        record = mutated[kind][n % len(mutated[kind])]
        if not isinstance(record, dict) or not record:
            continue
        field = sorted(record)[n % len(record)]
        MUTATIONS[n % len(MUTATIONS)](record, field)
        yield f"from the schema #{n}, {kind}.{field} spoilt", mutated


CORPUS = list(_corpus())
assert len({name for name, _ in CORPUS}) == len(CORPUS), "corpus names must be unique"


def _file_text(file: Any) -> str:
    return file if isinstance(file, str) else _text(file)


def _reason(message: str) -> str:
    """A refusal without its last advice: where to find a good file is said for the command
    on one side and for the site on the other."""
    return message.split(" Choose the .json file")[0]


def _python_refusal(text: str) -> str | None:
    """Python's words for a file it refuses (None if it takes it)."""
    try:
        validated_import(parse_progress_text(text, "The file"))
    except ImportFileError as error:
        return _reason(str(error))
    return None


def _python_verdict(text: str) -> dict[str, Any]:
    """What Python's parse_progress_text and validated_import say of a file: its rows as
    records, or where its refusal is (the file's reading, or an entry and field)."""
    try:
        data = parse_progress_text(text, "The file")
    except ImportFileError:
        return {"refused": "while reading"}
    try:
        checked = validated_import(data, NAMED)
    except ImportFileError as error:
        return {"refused": {"entry": list(error.entry) if error.entry else None,
                            "field": error.field, "where": _where(str(error))}}
    return {"rows": _records(checked)}


NAMED = "mine.json"  # the name of every file: both sides' refusals name it, then the entry


def _where(message: str) -> str:
    """Where a refusal says the fault is: "mine.json, practice-log entry 3"."""
    return message.split(": ", 1)[0]


def _records(checked: ValidatedImport) -> dict[str, list[dict[str, Any]]]:
    flags = {"checked", "correct"}  # Python's rows hold them as 0 and 1 for SQLite
    return {kind: [{name: bool(value) if name in flags else _as_json(name, value)
                    for name, value in zip(FIELDS[kind], row, strict=True)}
                   for row in getattr(checked, kind)]
            for kind in FIELDS}


def _as_json(name: str, value: Any) -> Any:
    """A row's value as the file had it: a measured result's tries are kept as JSON text."""
    return json.loads(value) if name == "tries" and value is not None else value


@pytest.fixture(scope="module")
def device_verdicts(run_node: Any) -> dict[str, dict[str, Any]]:
    """What the script's validateProgressFile says of every file, in one run of Node."""
    body = (
        "out(input.files.map((text) => {"
        " let data;"
        " try { data = D.parseProgressText(text, input.rules); }"
        " catch (error) { if (!(error instanceof D.ImportFileError)) throw error;"
        "   return {refused: 'while reading'}; }"
        " try { return {rows:"
        "   D.validateProgressFile(data, input.rules, input.today, input.name)}; }"
        " catch (error) { if (!(error instanceof D.ImportFileError)) throw error;"
        "   return {refused: {entry: error.entry, field: error.field,"
        "                     where: error.message.split(': ')[0]}}; } }));"
    )
    texts = [_file_text(file) for _, file in CORPUS]
    verdicts = _node(run_node, body, {"files": texts, "today": D.isoformat(), "name": NAMED})
    return dict(zip((name for name, _ in CORPUS), verdicts, strict=True))


@pytest.mark.parametrize("name", [name for name, _ in CORPUS])
def test_both_take_the_same_decision_and_name_the_same_entry_and_field(
        name: str, device_verdicts: dict[str, dict[str, Any]]) -> None:
    python = _python_verdict(_file_text(dict(CORPUS)[name]))
    device = device_verdicts[name]
    if "while reading" in (python.get("refused"), device.get("refused")):
        # One side's reader already refuses what the other's checks refuse: Python's reader
        # stops numbers of over 100 digits and deep nesting, a browser's JSON.parse has
        # no such limits (the schema then refuses those files).
        assert "refused" in python and "refused" in device
    else:
        assert device == python


def test_the_corpus_reaches_every_refusal() -> None:
    """Every way validated_import refuses a file is in the corpus (by its words)."""
    refusals = {_python_refusal(_file_text(file)) or "" for _, file in CORPUS}
    for words in [
        "is not a progress export from this course", "which this course cannot read",
        "has a part this course does not know", "must be a list of records",
        "entries; a progress file holds at most", "must be a record (a JSON object)",
        "has a field this course does not know", "is missing", "must be text of",
        "(a lone surrogate)", "must be a date written YYYY-MM-DD",
        "is not a date (YYYY-MM-DD)", "and a year from today", "is also used by",
        "must be one of", "must be a whole number from", "must be a number from",
        "must be true or false", "already has an answer in", "a huge number",
        "it has 2,001 characters",
    ]:
        assert any(words in refusal for refusal in refusals), words


# What the schema leaves to the checks of each side (its description lists them).
BEYOND_THE_SCHEMA = ("is not a date (YYYY-MM-DD)", "and a year from today", "is also used by",
                     "already has an answer in", "(a lone surrogate)")


def test_the_schema_refuses_only_what_the_checks_refuse() -> None:
    """Over the whole corpus: every file the course accepts meets the published schema,
    and each file the checks refuse that the schema accepts is refused for a reason the
    schema leaves to the checks."""
    validator = Draft202012Validator(progress_file_schema())
    beyond = 0
    for name, file in CORPUS:
        try:
            data = parse_progress_text(_file_text(file), "The file")
        except ImportFileError:
            continue  # not JSON a schema could look at
        refused = _python_refusal(_file_text(file))
        if refused is None:
            assert validator.is_valid(data), name
        elif validator.is_valid(data):
            beyond += 1
            assert any(words in refused for words in BEYOND_THE_SCHEMA), (
                name, refused)
    assert beyond >= len(BEYOND_THE_SCHEMA)


def test_the_site_s_compiled_validator_decides_as_jsonschema_does(run_node: Any) -> None:
    """ajv's standalone code for the published schema (what the site checks files with)
    and jsonschema (Python's reference validator) take the same decision on every file of
    the corpus that both JSON readers read, and ajv's error is at a place jsonschema also
    names: the same entry and field."""
    body = (
        "import {readFileSync} from 'node:fs'; import vm from 'node:vm';"
        f"vm.runInThisContext(readFileSync({json.dumps(str(VALIDATOR))}, 'utf8'));"
        "const validate = globalThis.ThoracicProgressFileValidator.default;"
        "const input = JSON.parse(readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(input.map((text) => {"
        " let data; try { data = JSON.parse(text); } catch { return null; }"
        " return validate(data) ? {valid: true}"
        "   : {valid: false, at: validate.errors[0].instancePath}; })));"
    )
    texts = [_file_text(file) for _, file in CORPUS]
    decisions = run_node(body, texts)
    validator = Draft202012Validator(progress_file_schema())
    compared = 0
    for (name, _), text, decision in zip(CORPUS, texts, decisions, strict=True):
        try:
            data = parse_progress_text(text, "The file")
        except ImportFileError:
            continue  # Python reads no such file (too deep, a number too long)
        if decision is None:
            continue  # not JSON to JavaScript (NaN, Infinity): the site's reader refuses it
        errors = list(itertools.islice(validator.iter_errors(data), 200))
        assert decision["valid"] == (not errors), name
        if errors:
            places = {"".join(f"/{part}" for part in error.absolute_path) for error in errors}
            assert decision["at"] in places, (name, decision, places)
        compared += 1
    assert compared > 0.9 * len(CORPUS), (compared, len(CORPUS))


# -- the file's bytes: encoding, byte-order marks, numbers' digits and nesting ---------------

def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


_GOOD = _text(one_of_each()).encode()
FILE_BYTES: dict[str, bytes] = {
    "UTF-8": _GOOD,
    "UTF-8 with a byte-order mark": b"\xef\xbb\xbf" + _GOOD,
    "two byte-order marks": b"\xef\xbb\xbf" * 2 + _GOOD,
    "latin-1 (caf\xe9)": _GOOD.replace(b'"looser', b'"caf\xe9 looser'),
    "UTF-16 LE with its mark": b"\xff\xfe" + _GOOD.decode().encode("utf-16-le"),
    "UTF-16 BE with its mark": b"\xfe\xff" + _GOOD.decode().encode("utf-16-be"),
    "cut inside a UTF-8 letter": '{"note": "\u00e9"}'.encode()[:-3],
    "a 5,000-digit whole number": b'{"version": ' + b"9" * 5000 + b"}",
    "a 5,000-digit fraction": b'{"version": 0.' + b"1" * 4999 + b"}",
    "a number one digit too long": b'{"version": ' + b"1" * (MAX_NUMBER_DIGITS + 1) + b"}",
    "a number as long as allowed": b'{"version": ' + b"1" * MAX_NUMBER_DIGITS + b"}",
    "a long number after broken JSON": b'{"version" ' + b"1" * 5000 + b"}",
    "nested as deep as allowed": _nested(MAX_DEPTH),
    "nested one level too deep": _nested(MAX_DEPTH + 1),
    "nested 995 deep": _nested(995),
    "nested 5,000 deep": _nested(5000),
    "deep inside a real file": _GOOD.replace(b'"looser"', b'["x", ' + _nested(40) + b"]"),
    "not JSON": b'{"format": ',
}


@pytest.fixture(scope="module")
def device_readings(tmp_path_factory: pytest.TempPathFactory,
                    run_node: Any) -> dict[str, Any]:
    """What the site makes of each file's bytes, read with readProgressBytes and checked
    with validateProgressFile, in one run of Node."""
    body = (
        "out(input.files.map((bytes) => {"
        " try { D.validateProgressFile(D.readProgressBytes(Uint8Array.from(bytes), input.rules,"
        "   input.name), input.rules, input.today); return {accepted: true}; }"
        " catch (error) { if (!(error instanceof D.ImportFileError)) throw error;"
        "   return {refused: error.message}; } }));"
    )
    readings = _node(run_node, body, {"files": [list(data) for data in FILE_BYTES.values()],
                            "name": "/home/you/mine.json", "today": D.isoformat()})
    return dict(zip(FILE_BYTES, readings, strict=True))


@pytest.mark.parametrize("name", list(FILE_BYTES))
def test_both_read_the_same_bytes_the_same_way(name: str, tmp_path: Path,
                                               device_readings: dict[str, Any]) -> None:
    """The site reads a chosen file as the command does: strict UTF-8 (a latin-1 or UTF-16
    file is refused, never mended with U+FFFD) and one byte-order mark; what either reader
    lets through that is no progress file, the checks refuse. Both take the same decision,
    and a file that cannot be read is named by its name on both sides."""
    path = tmp_path / "mine.json"
    path.write_bytes(FILE_BYTES[name])
    try:
        validated_import(read_progress_file(path))
    except ImportFileError as error:
        python: dict[str, Any] = {"refused": str(error)}
    else:
        python = {"accepted": True}
    device = device_readings[name]
    assert device.keys() == python.keys()
    if name.startswith("UTF-8"):
        assert python == {"accepted": True}
    else:
        assert "refused" in python
    if name.startswith(("latin-1", "UTF-16", "cut inside")):
        assert device["refused"].startswith("/home/you/mine.json is not a progress file")
        assert python["refused"].startswith(f"{path} is not a progress file")


# -- exports, each way ------------------------------------------------------------------------

def _fill_device_store() -> str:
    """Node lines that fill a device store as a learner's pages would."""
    return (
        "const {store, advance} = await makeStore();"
        "await store.setTick('safety-screen', 'fever', false);"
        "await store.setTick('daily-routine', 'warm-up', true, {day: '2026-01-15'});"
        "const id = await store.recordSession('exercise', \"Child's pose\", 75, {sets: 2});"
        "advance(30); await store.rateSession(id, 3, 'stiff 😀');"
        "await store.recordSession('routine', 'Daily routine', 612.5, {day: '2026-01-14'});"
        "await store.recordSession('set', 'Wall angel', 40, {sets: 1, rating: 0, note: ''});"
        "await store.recordSelfTest('seated-rotation', 44.5, {side: 'left'});"
        "await store.recordSelfTest('neck-to-wall', 12, {day: '2026-01-10'});"
        "await store.recordQuizAnswer('intro-where-is-thoracic', 2, false);"
        "await store.recordNextDayCheck('worse', {day: '2026-01-14'});"
        "advance(60); await store.recordNextDayCheck('same', {day: '2026-01-14'});"
        "await store.setTick('daily-routine', 'warm-up', false, {day: '2026-01-15'});"
    )


def test_a_device_export_imports_into_python_whole(tmp_path: Path, run_node: Any) -> None:
    exported = _node(run_node, _fill_device_store() + "out(store.exportFile());", {})
    Draft202012Validator(progress_file_schema()).validate(exported)  # the published contract
    python = ProgressStore(tmp_path / "progress.sqlite3")
    report = python.import_data(exported)
    again = python.export_data()
    assert again == exported
    assert list(again) == list(exported)
    for kind in FIELDS:
        assert [list(record) for record in again[kind]] == [list(r) for r in exported[kind]]
    assert report == {kind: len(exported[kind]) for kind in FIELDS}
    assert not any(report.skipped.values())
    assert len(exported["sessions"]) == 3 and len(exported["next_day_checks"]) == 1


def _python_export(tmp_path: Path) -> dict[str, Any]:
    store = ProgressStore(tmp_path / "base" / "progress.sqlite3")
    store.import_data(sample_history(D))
    store.import_data(one_of_each())
    store.set_tick("safety-screen", "fever", True)
    store.record_next_day_check("worse", day="2026-01-13")
    return store.export_data()


def _changed(export: dict[str, Any]) -> dict[str, Any]:
    """A later file: new entries, a tick and a day's answer changed since, older ones."""
    data = copy.deepcopy(export)
    data["sessions"].append({**data["sessions"][-1], "id": "new-1", "day": "2026-01-15"})
    data["checklist_ticks"][0].update(checked=False, updated_at="2026-01-15T08:00:00+00:00")
    data["checklist_ticks"][1].update(checked=False, updated_at="2000-01-01T00:00:00+00:00")
    data["checklist_ticks"].append({"checklist": "new", "item": "x", "day": "",
                                    "checked": True, "updated_at": "2026-01-15T08:00:00+00:00"})
    checks = data["next_day_checks"]
    checks[-1].update(answer="better", recorded_at="2026-01-15T09:00:00+00:00")  # newer
    checks[-2].update(id="other", recorded_at="2026-01-15T09:00:00+00:00")  # newer, new id
    checks[-3].update(id="older", answer="worse", recorded_at="2000-01-01T00:00:00+00:00")
    checks[-4].update(day="2026-01-16")  # an id already here, on another day
    return data


def test_a_python_export_imports_into_the_device_store_whole(tmp_path: Path,
                                                             run_node: Any) -> None:
    export = _python_export(tmp_path)
    later = _changed(export)
    python = ProgressStore(tmp_path / "other" / "progress.sqlite3")
    reports = [python.import_data(data) for data in (export, export, later)]
    body = (
        "const {store} = await makeStore();"
        "const reports = [];"
        "for (const file of input.files) reports.push(await store.importFile(file));"
        "out({reports, export: store.exportFile()});"
    )
    device = _node(run_node, body, {"files": [export, export, later]})
    assert device["export"] == python.export_data()
    for theirs, ours in zip(device["reports"], reports, strict=True):
        assert theirs == {"added": dict(ours), "updated": ours.updated, "skipped": ours.skipped}
    assert any(reports[2].updated.values()) and any(reports[2].skipped.values())


_SUMMARIES = """
import {readFileSync} from "node:fs";
import {summariseNextDay, summarisePractice} from "%s";
const input = JSON.parse(readFileSync(0, "utf8"));
const dayOf = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
const byDay = (map) => Object.fromEntries([...map].sort(([a], [b]) => a - b)
  .map(([day, value]) => [dayOf(day), value]));
console.log(JSON.stringify(input.days.map((day) => {
  const p = summarisePractice(input.sessions, day);
  const n = summariseNextDay(input.checks, day, input.weeks);
  return {practice: {current: p.currentStreak, longest: p.longestStreak, week: p.daysThisWeek,
                     all: p.daysInAll, minutes: byDay(p.minutes),
                     days: [...p.days].sort((a, b) => a - b).map(dayOf)},
          nextDay: {first: dayOf(n.first), last: dayOf(n.last), answers: byDay(n.answers),
                    worse: n.worseInARow}};
})));
"""


def test_the_dashboard_s_summaries_agree_with_python_s(tmp_path: Path, run_node: Any) -> None:
    """The dashboard's front-end (parts.js) counts days and streaks as the plan's Python
    does, on the sample history and a few more entries, on several days."""
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.import_data(sample_history(D))
    store.record_session("routine", "Daily routine", 600, day="2026-01-15")
    store.record_session("set", "x", 30, day="2026-01-20")
    sessions, checks = store.export_data()["sessions"], store.export_data()["next_day_checks"]
    days = [D - dt.timedelta(days=n) for n in (0, 1, 3, 10, 60)]
    parts = ROOT / "lib" / "thoracic" / "ui" / "static" / "parts.js"
    device = run_node(_SUMMARIES % parts.as_uri(),
                      {"sessions": sessions, "checks": checks, "weeks": 4,
                       "days": [day.isoformat() for day in days]})
    for day, theirs in zip(days, device, strict=True):
        summary = summarise_practice(store.sessions(), day)
        assert theirs["practice"] == {
            "current": summary.current_streak, "longest": summary.longest_streak,
            "week": summary.days_this_week, "all": len(summary.days),
            "minutes": {d.isoformat(): m for d, m in sorted(summary.minutes_by_day.items())},
            "days": sorted(d.isoformat() for d in summary.days)}
        next_day = summarise_next_day(store.next_day_checks(), day, 4)
        assert theirs["nextDay"] == {
            "first": next_day.first_day.isoformat(), "last": next_day.last_day.isoformat(),
            "answers": {d.isoformat(): a for d, a in sorted(next_day.answers.items())},
            "worse": next_day.worse_in_a_row}


def test_the_files_made_from_the_schema_still_meet_it() -> None:
    """They are made once and kept (making them takes seconds, and what the generator
    makes depends on what else the process has loaded); a schema that changes under them
    shows here: then run python -m tests.site.schema_files."""
    files = json.loads(SCHEMA_FILES.read_text("utf-8"))
    validator = Draft202012Validator(progress_file_schema())
    assert len(files) == SCHEMA_FILE_COUNT
    for n, data in enumerate(files):
        assert not list(validator.iter_errors(data)), (
            f"{SCHEMA_FILES.name} #{n} no longer meets the schema: run "
            "python -m tests.site.schema_files")


def test_later_answers_that_move_ids_between_days_import_as_in_python(tmp_path: Path,
                                                                     run_node: Any) -> None:
    """A file whose later next-day answers take over both days here, one with the id the
    other gives up: both stores end with the file's answers under the file's ids (the
    device writes the two changes in one transaction, so neither may clash on the id)."""
    def file(*checks: tuple[str, str, str]) -> dict[str, Any]:
        return {"format": "upper-back-relief-progress", "version": 3, "next_day_checks": [
            {"id": id_, "day": day, "answer": "same", "recorded_at": at}
            for id_, day, at in checks]}
    early, late = "2026-01-15T08:00:00+00:00", "2026-01-15T09:00:00+00:00"
    files = [file(("b", "2026-01-13", early), ("a", "2026-01-12", early)),
             file(("x", "2026-01-12", late), ("a", "2026-01-13", late))]
    python = ProgressStore(tmp_path / "progress.sqlite3")
    reports = [python.import_data(data) for data in files]
    body = (
        "const {store} = await makeStore();"
        "const reports = [];"
        "for (const file of input.files) reports.push(await store.importFile(file));"
        "out({reports, export: store.exportFile(), problem: store.problem});"
    )
    device = _node(run_node, body, {"files": files})
    assert device["problem"] is None
    assert device["export"] == python.export_data()
    assert [check["id"] for check in device["export"]["next_day_checks"]] == ["x", "a"]
    for theirs, ours in zip(device["reports"], reports, strict=True):
        assert theirs == {"added": dict(ours), "updated": ours.updated, "skipped": ours.skipped}

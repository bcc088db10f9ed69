"""The progress file's contract: a JSON Schema built from the records, published in the
repository, valid by its own draft, and met by what the course writes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.progress.test_transfer import one_of_each
from thoracic._cli import main
from thoracic.authoring import sample_history
from thoracic.progress import (
    EXPORT_FORMAT,
    SCHEMA_FILENAME,
    SCHEMA_VERSION,
    ProgressStore,
    progress_file_schema,
)
from thoracic.progress._transfer import FIELDS

PUBLISHED = Path(__file__).resolve().parents[2] / "schema" / SCHEMA_FILENAME


def test_the_schema_is_a_draft_2020_12_schema_of_this_format_version() -> None:
    schema = progress_file_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["format"] == {"const": EXPORT_FORMAT}
    assert schema["properties"]["version"]["maximum"] == SCHEMA_VERSION
    assert str(SCHEMA_VERSION) in schema["$id"]


def test_each_record_s_fields_are_the_schema_s_properties() -> None:
    """A field added to a record and not to the schema (or the other way) fails here."""
    schema = progress_file_schema()
    for kind, names in FIELDS.items():
        item = schema["properties"][kind]["items"]["$ref"].rsplit("/", 1)[1]
        assert tuple(schema["$defs"][item]["properties"]) == names, kind


def test_the_published_file_is_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--out", str(PUBLISHED.parent), "--check"]) == 0, (
        capsys.readouterr().err)
    assert json.loads(PUBLISHED.read_text("utf-8")) == progress_file_schema()


def test_the_check_names_a_stale_file_and_the_command_that_mends_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / SCHEMA_FILENAME).write_text("{}", encoding="utf-8")
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 1
    assert f"Run 'thoracic schema --out {tmp_path}'" in capsys.readouterr().err
    assert main(["schema", "--out", str(tmp_path)]) == 0
    assert main(["schema", "--out", str(tmp_path), "--check"]) == 0


def test_what_the_command_exports_meets_the_schema(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    today = dt.date(2026, 1, 15)
    monkeypatch.setenv("THORACIC_TODAY", today.isoformat())
    store = ProgressStore(tmp_path / "progress.sqlite3")
    store.import_data(sample_history(today))
    store.import_data(one_of_each())
    store.record_session("set", "Wall angel", 40.0, sets=1)
    out = tmp_path / "mine.json"
    monkeypatch.setenv("THORACIC_DATA_DIR", str(tmp_path))
    assert main(["progress", "--export", str(out)]) == 0
    exported = json.loads(out.read_text("utf-8"))
    assert all(exported[kind] for kind in FIELDS)  # every kind of entry is there
    Draft202012Validator(progress_file_schema()).validate(exported)

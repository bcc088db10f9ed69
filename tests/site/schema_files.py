"""Progress files made from the published schema by hypothesis-jsonschema (pinned), the
same ones every run, for the agreement test of Python's and the site's validators.

Making them takes seconds, so they are made once and kept in ``data/schema-files.json``;
``python -m tests.site.schema_files`` makes them again (the same ones, from a fresh
process), and a test fails when a kept one no longer meets the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from thoracic.progress import progress_file_schema

__all__ = ["COUNT", "SCHEMA_FILES", "schema_files", "schema_files_text"]

SCHEMA_FILES = Path(__file__).resolve().parent / "data" / "schema-files.json"
COUNT = 40


def _inlined(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with each local $ref replaced by what it names (hypothesis-jsonschema
    takes a ref against the schema's $id for a remote one)."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return _inlined(defs[ref.removeprefix("#/$defs/")], defs)
        return {key: _inlined(value, defs) for key, value in node.items()
                if key not in ("$defs", "$id", "$schema")}
    if isinstance(node, list):
        return [_inlined(value, defs) for value in node]
    return node


def schema_files(count: int = COUNT) -> list[Any]:
    """``count`` files that meet the published schema, the same ones every run."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis_jsonschema import from_schema

    schema = progress_file_schema()
    made: list[Any] = []

    @settings(max_examples=count, derandomize=True, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(HealthCheck))
    @given(from_schema(_inlined(schema, schema.get("$defs", {}))))
    def collect(data: Any) -> None:
        made.append(data)

    collect()
    return made[:count]


def schema_files_text() -> str:
    return json.dumps(schema_files(), indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    text = schema_files_text()
    if not SCHEMA_FILES.is_file() or SCHEMA_FILES.read_text("utf-8") != text:
        SCHEMA_FILES.write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_FILES}")


if __name__ == "__main__":
    main()

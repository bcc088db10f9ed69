"""deploy/z2jh/values.yaml is valid for the jupyterhub Helm chart it names (4.4.0): merged
into the chart's defaults as Helm merges them, it meets the chart's values schema (both
kept in data/, with their source)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
VALUES = ROOT / "deploy" / "z2jh" / "values.yaml"
CHART = "4.4.0"


def _merged(defaults: Any, values: Any) -> Any:
    """Helm's merge of values into defaults: maps key by key, anything else replaced."""
    if isinstance(defaults, dict) and isinstance(values, dict):
        return {**defaults, **{key: _merged(defaults[key], value) if key in defaults
                               else value for key, value in values.items()}}
    return values


def _errors(values: dict[str, Any]) -> list[str]:
    schema = json.loads((DATA / f"z2jh-{CHART}-values.schema.json").read_text("utf-8"))
    defaults = yaml.safe_load((DATA / f"z2jh-{CHART}-values.yaml").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{'.'.join(map(str, error.path))}: {error.message}"
            for error in validator.iter_errors(_merged(defaults, values))]


def test_the_values_name_the_chart_they_were_checked_against() -> None:
    assert f"--version {CHART}" in VALUES.read_text("utf-8")


def test_the_values_meet_the_charts_schema() -> None:
    assert _errors(yaml.safe_load(VALUES.read_text("utf-8"))) == []


@pytest.mark.parametrize("spoilt", [{"cull": {"timeout": "an hour"}},
                                    {"singleuser": {"storage": {"capacity": 5}}},
                                    {"hub": {"no-such-setting": True}}])
def test_the_schema_would_catch_a_mistake(spoilt: dict[str, Any]) -> None:
    values = _merged(yaml.safe_load(VALUES.read_text("utf-8")), spoilt)
    assert _errors(values)


def test_each_learner_has_a_home_of_their_own_and_idle_servers_stop() -> None:
    values = yaml.safe_load(VALUES.read_text("utf-8"))
    assert values["singleuser"]["storage"]["type"] == "dynamic"  # a volume per learner
    assert values["singleuser"]["extraEnv"]["THORACIC_DATA_DIR"].startswith(
        values["singleuser"]["storage"]["homeMountPath"])
    assert values["cull"]["enabled"] and values["cull"]["timeout"] > 0
    config = values["hub"]["config"]
    assert config["JupyterHub"]["authenticator_class"].startswith("nativeauthenticator")
    assert config["NativeAuthenticator"]["check_common_password"] is True

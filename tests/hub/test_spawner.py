"""A learner's server runs as their own system user, in their own home."""

from __future__ import annotations

import types

from thoracic.hub import ClassSpawner


def test_homes_root_is_a_documented_setting() -> None:
    trait = ClassSpawner.class_traits()["homes_root"]
    assert trait.help and trait.metadata.get("config") is True


def test_a_learner_runs_as_their_system_user_in_their_home() -> None:
    spawner = ClassSpawner(user=types.SimpleNamespace(name="sam"), homes_root="/x/homes")
    assert spawner.system_user == "ubr-sam"  # never the learner's name itself
    assert spawner.home_dir == "/x/homes/sam"

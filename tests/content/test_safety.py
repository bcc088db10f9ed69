"""Red flags are triaged to the right urgency, and each names its source."""

from __future__ import annotations

import pytest

from thoracic.content import RED_FLAGS, URGENCIES, flags_by_urgency

# Each sign a physiotherapist would send to an emergency department today, by its id.
EMERGENCIES = {
    "chest-pain-emergency": ("chest pain", "sweating", "shortness of breath"),
    "numbness-weakness-bladder": ("numbness", "bladder", "bowels"),
    "saddle-numbness": ("between your legs",),
}
SAME_DAY = {
    "spinal-cord-signs": ("unsteady walking", "clumsy hands", "band of pain"),
    "numbness-weakness": ("numbness or weakness",),
    "fever": ("fever",),
}


@pytest.mark.parametrize(("flag_id", "words"), EMERGENCIES.items())
def test_each_emergency_is_in_the_emergency_group(flag_id: str, words: tuple[str, ...]) -> None:
    flag = next(flag for flag in RED_FLAGS if flag.id == flag_id)
    assert flag.urgency == "emergency"
    assert all(word in flag.text.lower() for word in words)
    assert "emergency services" in flag.advice.action


@pytest.mark.parametrize(("flag_id", "words"), SAME_DAY.items())
def test_same_day_signs_are_urgent(flag_id: str, words: tuple[str, ...]) -> None:
    flag = next(flag for flag in RED_FLAGS if flag.id == flag_id)
    assert flag.urgency == "urgent" and "today" in flag.advice.action
    assert all(word in flag.text.lower() for word in words)


def test_only_the_named_emergencies_are_emergencies() -> None:
    assert {flag.id for flag in RED_FLAGS if flag.urgency == "emergency"} == set(EMERGENCIES)


def test_injecting_drug_use_is_asked() -> None:
    assert any("inject drugs" in flag.text for flag in RED_FLAGS)


def test_every_flag_names_a_source_and_ids_are_unique() -> None:
    assert all(flag.source.strip() for flag in RED_FLAGS)
    assert len({flag.id for flag in RED_FLAGS}) == len(RED_FLAGS)


def test_groups_run_most_urgent_first_and_hold_every_flag() -> None:
    groups = flags_by_urgency()
    assert [advice.urgency for advice, _ in groups] == ["emergency", "urgent", "see-clinician"]
    assert [flag for _, flags in groups for flag in flags] == list(RED_FLAGS)
    assert [advice for advice, _ in groups] == list(URGENCIES)

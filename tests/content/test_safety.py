"""Red flags are triaged to the urgency their source sets, each names its source, and the
advice works wherever the learner lives."""

from __future__ import annotations

import datetime as dt

import pytest

from thoracic.content import (
    CLEARANCE_DAYS,
    RED_FLAGS,
    URGENCIES,
    clearance_expired,
    flags_by_urgency,
    get_red_flag,
)

# Each rule of the triage: flag id -> (urgency, words the flag must say, words its source
# must name). The urgency is the one its source sets.
TRIAGE = {
    # NHS heart attack: call 999; heart pain can spread to (or be felt in) the back.
    "chest-pain-emergency": ("emergency", ("chest", "upper back", "sweating",
                                           "shortness of breath", "felt mostly in the back"),
                             ("NHS", "heart attack")),
    # NHS aortic dissection: sudden tearing pain between the shoulder blades.
    "tearing-pain": ("emergency", ("sudden", "between your shoulder blades", "tearing"),
                     ("NHS", "aortic dissection")),
    # NHS pulmonary embolism: sudden breathlessness, pain worse breathing in.
    "breathing-pain": ("emergency", ("sudden shortness of breath", "worse when you breathe in"),
                       ("NHS", "pulmonary embolism")),
    # GIRFT 2023: ANY new bladder, bowel or sexual change with back pain, early signs named.
    "numbness-weakness-bladder": ("emergency", ("any new change", "bladder", "bowels",
                                                "sex", "trouble starting to pee"),
                                  ("GIRFT", "cauda equina")),
    "saddle-numbness": ("emergency", ("between your legs", "when you wipe"),
                        ("GIRFT", "cauda equina")),
    "both-legs": ("emergency", ("both legs",), ("GIRFT", "cauda equina")),
    # NICE NG234: nerve signs need action at once.
    "numbness-weakness": ("emergency", ("weakness", "arms or legs"), ("NICE NG234",)),
    "spinal-cord-signs": ("emergency", ("unsteady walking", "clumsy hands", "band of pain"),
                          ("NICE NG234",)),
    # NICE NG234: new spinal pain after cancer, the same day; Finucane: strongest flag.
    "cancer-history": ("urgent", ("had cancer", "new"), ("NICE NG234", "Finucane")),
    "fever": ("urgent", ("fever",), ("Finucane", "infection")),
    # Finucane 2020: major trauma is a fracture flag, the same day.
    "trauma": ("urgent", ("fall", "crash"), ("Finucane", "fracture")),
    # NHS angina: pain on effort eased by rest, an urgent appointment.
    "effort-pain": ("urgent", ("when you are active", "when you rest"), ("NHS", "angina")),
    "minor-trauma-bone-risk": ("see-clinician", ("small bump", "osteoporosis", "steroid"),
                               ("Finucane", "fracture")),
    "age-onset": ("see-clinician", ("under 20", "over 50"), ("Verhagen",)),
    "weight-loss": ("see-clinician", ("lost weight",), ("Verhagen",)),
    "weak-immunity": ("see-clinician", ("immune system",), ("Verhagen",)),
    "injecting-drugs": ("see-clinician", ("inject drugs",), ("Finucane", "infection")),
    "constant-night-pain": ("see-clinician", ("constant", "at night"), ("Verhagen",)),
    "deformity": ("see-clinician", ("change in shape",), ("Verhagen",)),
    # NICE NG65: inflammatory back pain, refer; exercise is fine meanwhile.
    "inflammatory-back-pain": ("soon", ("before you were 45", "3 months", "morning",
                                        "second half of the night"), ("NICE NG65",)),
}


@pytest.mark.parametrize(("flag_id", "rule"), TRIAGE.items())
def test_each_flag_has_the_urgency_and_source_its_rule_sets(
        flag_id: str, rule: tuple[str, tuple[str, ...], tuple[str, ...]]) -> None:
    urgency, words, source_words = rule
    flag = get_red_flag(flag_id)
    assert flag.urgency == urgency
    assert all(word.lower() in flag.text.lower() for word in words), flag.text
    assert all(word in flag.source for word in source_words), flag.source


def test_every_flag_is_in_the_triage_and_ids_are_unique() -> None:
    assert [flag.id for flag in RED_FLAGS if flag.id in TRIAGE] == [flag.id for flag in RED_FLAGS]
    assert set(TRIAGE) == {flag.id for flag in RED_FLAGS}
    assert all(flag.source.strip() for flag in RED_FLAGS)


def test_the_emergency_advice_calls_the_local_number_and_says_do_not_drive() -> None:
    action = get_red_flag("tearing-pain").advice.action
    for number in ("999 in the UK", "911 in the US", "000 in Australia", "111 in New Zealand",
                   "112"):
        assert number in action
    assert "Do not drive yourself" in action
    assert "emergency department now" not in action  # someone having a heart attack must not drive


def test_111_is_never_the_urgent_line_without_its_country() -> None:
    urgent = get_red_flag("fever").advice.action
    assert "today" in urgent
    assert "NHS 111 in the UK" in urgent and "111 in the UK" not in urgent.replace("NHS 111", "")
    assert "Australia" in urgent and "New Zealand" in urgent and "US" in urgent


def test_past_cancer_says_to_call_the_cancer_team() -> None:
    assert "cancer team" in get_red_flag("cancer-history").note


def test_pain_on_effort_that_does_not_settle_is_an_emergency() -> None:
    assert "emergency number" in get_red_flag("effort-pain").note


def test_nothing_calm_is_said_for_the_two_most_urgent_groups() -> None:
    for advice in URGENCIES[:2]:
        assert "welcome" not in advice.action and "fine" not in advice.action


def test_groups_run_most_urgent_first_and_hold_every_flag() -> None:
    groups = flags_by_urgency()
    assert [advice.urgency for advice, _ in groups] == ["emergency", "urgent", "see-clinician",
                                                        "soon"]
    assert [flag for _, flags in groups for flag in flags] == list(RED_FLAGS)
    assert [advice for advice, _ in groups] == list(URGENCIES)


def test_a_checked_answer_expires_after_the_clearance_window() -> None:
    day = dt.date(2026, 12, 4)
    assert not clearance_expired(day, day)
    assert not clearance_expired(day, day + dt.timedelta(days=CLEARANCE_DAYS))
    assert clearance_expired(day, day + dt.timedelta(days=CLEARANCE_DAYS + 1))


def test_an_unknown_flag_is_named_with_the_known_ones() -> None:
    with pytest.raises(KeyError, match="tearing-pain"):
        get_red_flag("backache")

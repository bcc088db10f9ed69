"""The safety screen's red flags, each triaged to how soon to get help, with its source.

Sources, named on each flag: the International Framework for Red Flags for Potential
Serious Spinal Pathologies (Finucane and colleagues, 2020, JOSPT), the review of 16
guidelines by Verhagen and colleagues (2016), NICE CG88-based pathways, the NHS England
GIRFT National Suspected Cauda Equina Syndrome Pathway (2023), NICE NG234 on spinal cord
compression (2023), and the NHS pages on heart attack. Ids are stable, so saved ticks
survive rewording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["RED_FLAGS", "URGENCIES", "RedFlag", "Urgency", "UrgencyAdvice", "flags_by_urgency"]

Urgency = Literal["emergency", "urgent", "see-clinician"]


@dataclass(frozen=True)
class UrgencyAdvice:
    """What to do when a flag of one urgency fits: a heading and the action, in words."""

    urgency: Urgency
    heading: str  # "Call for help now if ..." above the flags of this urgency
    action: str  # the one thing to do, said the same way everywhere


# Most urgent first: the list, the advice and the banner all follow this order.
URGENCIES: tuple[UrgencyAdvice, ...] = (
    UrgencyAdvice("emergency", "Emergency: get help now",
                  "Call emergency services (999, 911 or 112) or go to an emergency "
                  "department now. Do not wait to see if it passes."),
    UrgencyAdvice("urgent", "Urgent: get medical help today",
                  "Call your doctor or an urgent care line (111 in the UK) today. Do not wait "
                  "until tomorrow."),
    UrgencyAdvice("see-clinician", "See a clinician before you exercise",
                  "See a doctor or physiotherapist before you start the exercises. You are "
                  "welcome to keep reading the course."),
)


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: str
    urgency: Urgency
    source: str

    @property
    def advice(self) -> UrgencyAdvice:
        return next(advice for advice in URGENCIES if advice.urgency == self.urgency)


_FINUCANE = "Finucane and colleagues (2020), international red-flag framework"
_VERHAGEN = "Verhagen and colleagues (2016), review of 16 guidelines"
_CAUDA_EQUINA = "NHS England GIRFT cauda equina pathway (2023); NICE CG88-based pathways"

RED_FLAGS: tuple[RedFlag, ...] = (
    # Emergency: call for help now.
    RedFlag("chest-pain-emergency",
            "Chest pain or pressure with sweating, shortness of breath or feeling sick, or "
            "pain that spreads to your arm, neck or jaw", "emergency",
            "NHS: heart attack symptoms; pain around T4 to T7 can feel like heart pain"),
    RedFlag("numbness-weakness-bladder",
            "Numbness or weakness in your legs together with new trouble with your bladder "
            "or bowels (you cannot pee, or you leak)", "emergency", _CAUDA_EQUINA),
    RedFlag("saddle-numbness",
            "Numbness or tingling between your legs or around your bottom (the part you "
            "would sit on a saddle with)", "emergency", _CAUDA_EQUINA),
    # Urgent: get medical help today.
    RedFlag("spinal-cord-signs",
            "New unsteady walking, clumsy hands, or a band of pain or numbness around your "
            "chest", "urgent", f"NICE NG234 (2023), spinal cord compression; {_FINUCANE}"),
    RedFlag("numbness-weakness",
            "New numbness or weakness in your arms or legs", "urgent", _FINUCANE),
    RedFlag("fever", "A fever or chills together with your back pain", "urgent",
            f"{_FINUCANE} (spinal infection)"),
    # See a clinician before you exercise.
    RedFlag("trauma", "Your pain began after a fall, crash or other big injury",
            "see-clinician", f"{_VERHAGEN}; {_FINUCANE} (fracture)"),
    RedFlag("minor-trauma-bone-risk",
            "Your pain began after a small bump or strain, and you have weak bones "
            "(osteoporosis) or take steroid tablets", "see-clinician",
            f"NICE CG88-based pathways; {_VERHAGEN}"),
    RedFlag("age-onset", "The pain started when you were under 20 or over 50",
            "see-clinician", _VERHAGEN),
    RedFlag("cancer-history", "You have had cancer", "see-clinician",
            f"{_VERHAGEN}; {_FINUCANE}"),
    RedFlag("weight-loss", "You have lost weight without trying", "see-clinician", _VERHAGEN),
    RedFlag("weak-immunity",
            "Your immune system is weak (for example from medicine, HIV or chemotherapy)",
            "see-clinician", _VERHAGEN),
    RedFlag("injecting-drugs", "You inject drugs, or have done recently", "see-clinician",
            f"{_FINUCANE} (spinal infection)"),
    RedFlag("constant-night-pain",
            "The pain is constant, keeps getting worse, or wakes you at night whatever "
            "position you are in", "see-clinician", _VERHAGEN),
    RedFlag("deformity", "Your back has a new bump or change in shape", "see-clinician",
            _VERHAGEN),
)


def flags_by_urgency() -> list[tuple[UrgencyAdvice, list[RedFlag]]]:
    """The flags grouped under their urgency, most urgent first."""
    return [(advice, [flag for flag in RED_FLAGS if flag.urgency == advice.urgency])
            for advice in URGENCIES]

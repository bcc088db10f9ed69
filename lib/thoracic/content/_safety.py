"""The safety screen's red flags, each triaged to how soon to get help, with its source.

This record is the one place the course lists the warning signs: the safety screen, the
banner on each exercise page, the exercise cards, the printable sheet and the web pages
all read it, and everything else (glossary, FAQ, README) points to the safety screen.

Sources, named on each flag: the International Framework for Red Flags for Potential
Serious Spinal Pathologies (Finucane and colleagues, 2020, JOSPT: cauda equina, fracture,
cancer and infection), the review of 16 guidelines by Verhagen and colleagues (2016), the
NHS England GIRFT National Suspected Cauda Equina Syndrome Pathway (2023), NICE NG234
(2023) on spinal metastases and spinal cord compression, NICE NG65 (2017) on
spondyloarthritis, and the NHS pages on heart attack, angina, aortic dissection and
pulmonary embolism. Ids are stable storage keys, so saved ticks survive rewording; a
flag whose meaning widened keeps its old id (an old tick still fits the new wording).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "CLEARANCE_DAYS",
    "RED_FLAGS",
    "URGENCIES",
    "RedFlag",
    "Urgency",
    "UrgencyAdvice",
    "clearance_expired",
    "flags_by_urgency",
    "get_red_flag",
]

Urgency = Literal["emergency", "urgent", "see-clinician", "soon"]

# The course's own rule, not a source's: a learner who says a clinician checked a ticked
# flag is asked again after this many days, because health changes and an old "all clear"
# should not quietly stand for ever.
CLEARANCE_DAYS = 90


@dataclass(frozen=True)
class UrgencyAdvice:
    """What to do when a flag of one urgency fits: a heading and the action, in words."""

    urgency: Urgency
    heading: str  # shown above the flags of this urgency
    action: str  # the one thing to do, said the same way everywhere


# Most urgent first: the list, the advice and the banner all follow this order. Numbers
# are examples from several countries, since 111 is an emergency number in New Zealand
# but a non-emergency line in the UK.
URGENCIES: tuple[UrgencyAdvice, ...] = (
    UrgencyAdvice("emergency", "Emergency: call for help now",
                  "Call your local emergency number now: for example 999 in the UK, 911 in "
                  "the US and Canada, 000 in Australia, 111 in New Zealand or 112 in most of "
                  "Europe. Do not drive yourself, and do not wait to see if it passes."),
    UrgencyAdvice("urgent", "Urgent: speak to a doctor today",
                  "Speak to a doctor today, before you exercise. Call your own doctor, or an "
                  "urgent advice line such as NHS 111 in the UK, healthdirect (1800 022 222) "
                  "in Australia or Healthline (0800 611 116) in New Zealand; in the US, call "
                  "your doctor or go to an urgent care clinic. If you cannot reach anyone "
                  "today, go to an emergency department."),
    UrgencyAdvice("see-clinician", "Before you exercise: see a doctor or physiotherapist",
                  "See a doctor or physiotherapist before you start the exercises, and tell "
                  "them what you ticked. You are welcome to keep reading the course."),
    UrgencyAdvice("soon", "Soon: book a visit to your doctor",
                  "Book a visit to your doctor in the next few weeks and tell them about "
                  "this pattern. Gentle movement is fine while you wait."),
)


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: str
    urgency: Urgency
    source: str
    note: str = ""  # one more thing to do for this flag alone, shown beside the advice
    short: str = ""  # a few words for the printed sheet, which lists the emergencies

    @property
    def advice(self) -> UrgencyAdvice:
        return next(advice for advice in URGENCIES if advice.urgency == self.urgency)


_FINUCANE = "Finucane and colleagues (2020), international red-flag framework"
_VERHAGEN = "Verhagen and colleagues (2016), review of 16 guidelines"
_GIRFT = "NHS England GIRFT suspected cauda equina pathway (2023)"
_NG234 = ("NICE NG234 (2023): signs of pressure on the spinal cord need help at once; the "
          "course asks the same of everyone, with or without cancer")

RED_FLAGS: tuple[RedFlag, ...] = (
    # Emergency: call for help now.
    RedFlag("chest-pain-emergency",
            "Pain or pressure in your chest or upper back that comes with sweating, shortness "
            "of breath or feeling sick, or spreads to your arm, neck, jaw or back. Heart "
            "pain is sometimes felt mostly in the back", "emergency",
            "NHS: heart attack (the pain can spread to the back)",
            short="Chest or upper-back pain with sweating, breathlessness or sickness"),
    RedFlag("tearing-pain",
            "Sudden, very bad pain between your shoulder blades that feels like tearing or "
            "ripping", "emergency", "NHS: aortic dissection",
            short="Sudden tearing pain between your shoulder blades"),
    RedFlag("breathing-pain",
            "Sudden shortness of breath, sharp pain in your chest or upper back that is worse "
            "when you breathe in, or coughing up blood", "emergency",
            "NHS: pulmonary embolism (a clot in the lung)",
            short="Sudden breathlessness, or pain worse on breathing in"),
    # The id comes from an older, narrower wording (legs together with the bladder):
    # anyone who ticked that also fits this one.
    RedFlag("numbness-weakness-bladder",
            "Any new change with your bladder, bowels or sex life along with back pain: "
            "trouble starting to pee or a weaker stream, leaking, not feeling when you need "
            "to go, or less feeling during sex", "emergency", _GIRFT,
            short="Any new change with bladder, bowels or sex life"),
    RedFlag("saddle-numbness",
            "Numbness, tingling or changed feeling between your legs or around your bottom "
            "(the part you would sit on a saddle with), for example when you wipe after the "
            "toilet", "emergency", _GIRFT,
            short="Numbness between your legs or around your bottom"),
    RedFlag("both-legs",
            "Pain, numbness, tingling or weakness in both legs, or a change in how both "
            "legs feel", "emergency", _GIRFT, short="Pain, numbness or weakness in both legs"),
    RedFlag("numbness-weakness",
            "New weakness or numbness in your arms or legs", "emergency", _NG234,
            short="New weakness or numbness in your arms or legs"),
    RedFlag("spinal-cord-signs",
            "New unsteady walking, clumsy hands, or a band of pain or numbness around your "
            "chest", "emergency", _NG234,
            short="Unsteady walking, clumsy hands, a band of pain round the chest"),
    # Urgent: speak to a doctor today.
    RedFlag("cancer-history",
            "You have had cancer, even years ago, and this back pain is new", "urgent",
            "NICE NG234 (2023): new spinal pain after cancer, contact the cancer team within "
            "24 hours; Finucane and colleagues (2020): past cancer is the strongest single "
            "warning sign",
            note="If you have a cancer team, call their helpline first."),
    RedFlag("fever", "A fever, chills or feeling very unwell together with your back pain",
            "urgent", f"{_FINUCANE} (spinal infection)"),
    RedFlag("trauma", "Your pain began after a fall, a crash or another big knock", "urgent",
            f"{_FINUCANE} (fracture)"),
    RedFlag("effort-pain",
            "Pain in your chest or upper back that comes on when you are active, like "
            "walking uphill, and fades when you rest", "urgent",
            "NHS: angina (ask for an urgent appointment)",
            note="If the pain does not stop after a few minutes of rest, it is an "
                 "emergency: call your local emergency number."),
    # See a doctor or physiotherapist before you exercise.
    RedFlag("minor-trauma-bone-risk",
            "Your pain began after a small bump or strain, and you have weak bones "
            "(osteoporosis) or take steroid tablets", "see-clinician",
            f"{_FINUCANE} (fracture); {_VERHAGEN}"),
    RedFlag("age-onset", "The pain started when you were under 20 or over 50",
            "see-clinician", _VERHAGEN),
    RedFlag("weight-loss", "You have lost weight without trying", "see-clinician", _VERHAGEN),
    RedFlag("weak-immunity",
            "Your immune system is weak (for example from medicine, HIV or chemotherapy)",
            "see-clinician", f"{_VERHAGEN}; {_FINUCANE} (spinal infection)"),
    RedFlag("injecting-drugs", "You inject drugs, or have done recently", "see-clinician",
            f"{_FINUCANE} (spinal infection)"),
    RedFlag("constant-night-pain",
            "The pain is constant, keeps getting worse, or wakes you at night whatever "
            "position you are in", "see-clinician", _VERHAGEN),
    RedFlag("deformity", "Your back has a new bump or change in shape", "see-clinician",
            _VERHAGEN),
    # Soon: book a visit to the doctor.
    RedFlag("inflammatory-back-pain",
            "Back pain that started before you were 45 and has lasted more than 3 months, "
            "with stiffness for more than half an hour each morning that eases when you "
            "move (not when you rest), or that wakes you in the second half of the night",
            "soon", "NICE NG65 (2017), spondyloarthritis: ask about a rheumatology referral",
            note="Ask whether a referral to a rheumatologist, a joint specialist, is right "
                 "for you."),
)


def get_red_flag(flag_id: str) -> RedFlag:
    """The flag with this id (a KeyError names the known ones)."""
    for flag in RED_FLAGS:
        if flag.id == flag_id:
            return flag
    raise KeyError(f"No red flag called {flag_id!r}. Known: "
                   f"{', '.join(flag.id for flag in RED_FLAGS)}.")


def flags_by_urgency() -> list[tuple[UrgencyAdvice, list[RedFlag]]]:
    """The flags grouped under their urgency, most urgent first."""
    return [(advice, [flag for flag in RED_FLAGS if flag.urgency == advice.urgency])
            for advice in URGENCIES]


def clearance_expired(cleared_on: dt.date, today: dt.date) -> bool:
    """Whether an "I was checked and told I can exercise" answer is too old to stand."""
    return (today - cleared_on).days > CLEARANCE_DAYS

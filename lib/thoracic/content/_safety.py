"""The safety screen: red flags that mean "see a clinician before you exercise".

Drawn from the NICE CG88-based pathways and the review of 16 guidelines by Verhagen and
colleagues (2016). Ids are stable so saved answers survive rewording.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["RED_FLAGS", "RedFlag", "Urgency"]

Urgency = Literal["see-clinician", "urgent", "emergency"]


@dataclass(frozen=True)
class RedFlag:
    id: str
    text: str
    urgency: Urgency


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("chest-pain-emergency",
            "Chest pain with sweating, shortness of breath or feeling sick", "emergency"),
    RedFlag("numbness-weakness-bladder",
            "Numbness or weakness in your legs or arms, or changes in bladder or bowel control",
            "urgent"),
    RedFlag("trauma", "Your pain began after a fall, crash or other big injury", "see-clinician"),
    RedFlag("minor-trauma-bone-risk",
            "Your pain began after a small bump or strain, and you have weak bones "
            "(osteoporosis) or take steroid tablets", "see-clinician"),
    RedFlag("age-onset", "The pain started when you were under 20 or over 50", "see-clinician"),
    RedFlag("cancer-history", "You have had cancer", "see-clinician"),
    RedFlag("weight-loss", "You have lost weight without trying", "see-clinician"),
    RedFlag("fever", "You have a fever or chills", "see-clinician"),
    RedFlag("weak-immunity",
            "Your immune system is weak (for example from medicine, HIV or chemotherapy)",
            "see-clinician"),
    RedFlag("constant-night-pain",
            "The pain is constant, keeps getting worse, or wakes you at night whatever "
            "position you are in", "see-clinician"),
    RedFlag("deformity", "Your back has a new bump or change in shape", "see-clinician"),
)

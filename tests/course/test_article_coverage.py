"""Every point of the source article is taught somewhere in the course.

The list below is our own summary of the article, section by section: each claim, each
exercise bullet and each FAQ question, with the notebook that teaches it and terms that
must appear there (in its text or in what its cells display). Remove the teaching of a
point from its notebook and this test names the point.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from thoracic.content import notebook_by_slug


class Point(NamedTuple):
    section: str
    point: str
    notebook: str
    terms: tuple[str, ...]


POINTS = [
    # Introduction
    Point("Introduction", "a journey to better thoracic flexibility and mobility",
          "introduction", ("journey", "thoracic", "flexib", "mobil")),
    Point("Introduction", "the goal is upper back pain relief", "introduction",
          ("upper back pain", "relief")),
    Point("Introduction", "we will explore why thoracic spine flexibility matters", "introduction",
          ("02-why-thoracic-flexibility",)),
    Point("Introduction", "we share effective stretches and exercises", "introduction",
          ("foam roller extension", "child's pose", "kneeling thoracic extension")),
    Point("Introduction", "targeted mobility exercises for comfort and posture", "introduction",
          ("targeted", "comfort", "posture")),
    # Importance of Thoracic Spine Flexibility
    Point("Importance", "the thoracic spine matters for posture", "why-thoracic-flexibility",
          ("posture",)),
    Point("Importance", "the thoracic spine matters for movement efficiency",
          "why-thoracic-flexibility", ("efficien",)),
    Point("Importance", "a flexible thoracic spine supports proper alignment",
          "why-thoracic-flexibility", ("alignment",)),
    Point("Importance", "it reduces strain on surrounding muscles", "why-thoracic-flexibility",
          ("strain", "muscles", "neck", "shoulder")),
    Point("Importance", "it makes movement more fluid", "why-thoracic-flexibility",
          ("fluid", "smooth")),
    Point("Importance", "prioritising it can ease upper back pain and daily comfort",
          "why-thoracic-flexibility", ("ease", "comfort", "every day")),
    # Effective Stretches and Exercises: 1. Foam roller extension
    Point("Exercises", "lie on your back with a foam roller across the upper back",
          "foam-roller-extension", ("foam roller", "on your back", "across")),
    Point("Exercises", "support your head with your hands", "foam-roller-extension",
          ("support your head",)),
    Point("Exercises", "roll gently back and forth to massage and stretch the thoracic spine",
          "foam-roller-extension", ("roll", "massage", "thoracic spine")),
    # 2. Child's pose
    Point("Exercises", "begin on hands and knees", "childs-pose", ("hands and knees",)),
    Point("Exercises", "lower your hips back toward your heels", "childs-pose",
          ("hips", "heels")),
    Point("Exercises", "reach your arms forward", "childs-pose", ("arms", "forward")),
    Point("Exercises", "hold, lengthening the spine and feeling the upper back release",
          "childs-pose", ("hold", "long", "release")),
    # 3. Kneeling thoracic extension
    Point("Exercises", "kneel with hips stacked over knees", "kneeling-thoracic-extension",
          ("kneel", "hips", "over your knees")),
    Point("Exercises", "hands behind your head", "kneeling-thoracic-extension",
          ("hands behind your head",)),
    Point("Exercises", "gently arch so the thoracic spine extends backward for a deep stretch",
          "kneeling-thoracic-extension", ("arch", "extend", "deep stretch")),
    # Enhancing Comfort and Posture
    Point("Routine", "make the exercises part of your daily routine", "daily-routine",
          ("daily", "routine")),
    Point("Routine", "this helps upper back comfort and posture", "daily-routine",
          ("comfort", "posture")),
    Point("Routine", "commit to regular practice", "daily-routine", ("regular", "consisten")),
    Point("Routine", "flexibility increases gradually", "daily-routine", ("gradual", "flexib")),
    Point("Routine", "tightness eases", "daily-routine", ("tight",)),
    Point("Routine", "a more resilient spine", "daily-routine", ("resilient",)),
    # Thoracic Spine Mobilization Benefits
    Point("Benefits", "benefits reach beyond pain relief", "mobilization-benefits",
          ("beyond pain",)),
    Point("Benefits", "improved breathing capacity", "mobilization-benefits", ("breath",)),
    Point("Benefits", "enhanced shoulder mobility", "mobilization-benefits", ("shoulder",)),
    Point("Benefits", "greater range of motion in activities", "mobilization-benefits",
          ("range of motion",)),
    Point("Benefits", "a pathway to overall well-being", "mobilization-benefits",
          ("well-being",)),
    Point("Benefits", "(ours) the evidence for these benefits is thin", "mobilization-benefits",
          ("small studies",)),
    Point("Benefits", "(ours) measure yourself with reliable self-tests", "mobilization-benefits",
          ("seated rotation", "wall angel", "neck-to-wall", "degrees", "Johnson", "Kofoed")),
    # Conclusion
    Point("Conclusion", "flexibility and mobility are a key step to relief and posture",
          "conclusion", ("key step", "posture")),
    Point("Conclusion", "build specific stretches and exercises into your routine", "conclusion",
          ("routine", "stretches")),
    Point("Conclusion", "a more comfortable and agile upper back", "conclusion",
          ("agile", "comfortable")),
    Point("Conclusion", "consistency is key", "conclusion", ("consisten",)),
    # FAQs: each question, with the key facts of its answer
    Point("FAQ", "1. can these exercises help chronic upper back pain?", "faq",
          ("chronic", "Masaracchio", "Gross", "Briggs", "no trial")),
    Point("FAQ", "2. how often for the best results?", "faq",
          ("how often", "ACSM", "Garber", "Thomas", "daily")),
    Point("FAQ", "3. precautions before starting", "faq",
          ("precaution", "osteoporosis", "pregnan", "Bartsch", "knee")),
    Point("FAQ", "4. can thoracic flexibility affect athletic performance?", "faq",
          ("athletic", "performance", "small", "uncontrolled")),
    Point("FAQ", "5. how long until mobility improves?", "faq",
          ("Cipriani", "Johnson", "Reid", "weeks", "hamstring")),
    # The course frame
    Point("Course", "(ours) red flags come first, and education is not medical advice",
          "start-here", ("red flag", "not medical advice", "doctor", "physiotherapist")),
    Point("Course", "(ours) where progress is kept", "start-here",
          ("progress", "THORACIC_DATA_DIR")),
    # Beyond the article: what the FAQ recommends and the self-tests measure is taught too
    Point("Course", "(ours) a rotation exercise, for what the rotation self-test measures",
          "open-book", ("rotation", "seated rotation test", "knees stay together",
                        "no study has tested")),
    Point("Course", "(ours) strength work to pair with mobility, as the FAQ advises",
          "prone-y-raise", ("strength work", "Gross", "Garber", "2 or 3 days a week",
                            "no promise")),
    Point("Course", "(ours) a short daily routine and a longer one on strength days",
          "daily-routine", ("longer routine", "prone Y raise", "open book")),
    Point("Course", "(ours) how to read the dashboard", "my-progress",
          ("streak", "practice log", "self-test", "measurement noise", "rating", "export")),
]


def test_every_article_section_is_covered() -> None:
    sections = {point.section for point in POINTS}
    assert sections == {"Introduction", "Importance", "Exercises", "Routine", "Benefits",
                        "Conclusion", "FAQ", "Course"}
    assert sum(point.section == "FAQ" for point in POINTS) == 5


@pytest.mark.parametrize("point", POINTS, ids=lambda p: f"{p.notebook}:{p.point[:40]}")
def test_point_is_taught(point: Point, notebooks_dir: Path, notebook_text) -> None:
    path = notebooks_dir / notebook_by_slug(point.notebook).filename
    text = notebook_text(path).lower().replace("\u2019", "'")
    missing = [term for term in point.terms if term.lower() not in text]
    assert not missing, (
        f"{path.name} no longer teaches '{point.point}' ({point.section}): "
        f"missing {', '.join(missing)}")

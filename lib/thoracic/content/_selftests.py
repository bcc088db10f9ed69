"""The three self-tests: what each measures, its unit, its range and its noise.

The range check lives here, once: the self-test form and the progress-file import both
use ``SelfTest.check``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["RESULT_PATTERN", "SELF_TESTS", "PhoneMeasure", "SelfTest", "get_self_test"]

# What a typed result may look like, with a comma read as a decimal point: plain digits
# with at most one point and a sign ("42", "-3", "4.5", ".5"), spaces around allowed;
# never "1e3", "nan" or digits of other scripts. The form in the browser uses this very
# pattern, so the two cannot disagree.
RESULT_PATTERN = r"[ \t\r\n]*[+-]?(?:[0-9]+[.]?[0-9]*|[.][0-9]+)[ \t\r\n]*"


@dataclass(frozen=True)
class PhoneMeasure:
    """How the phone's motion sensor takes a self-test: how to sit and hold it, what the
    course says at each step (the measuring module's events: neutral, turn, hold,
    recorded, back, side-done, done), what to say where it cannot measure, and the
    method's own noise, with where each comes from."""

    setup: tuple[str, ...]
    say: dict[str, str]  # by event; {side}, {Side}, {degrees}, {median}, {spread}, {tries}
    unavailable: dict[str, str]  # none, insecure, denied: why it cannot, and what to do
    unfinished: str  # a side whose tries were all refused: no result
    noise: float | None  # a change smaller than this may be noise, measured this way
    noise_source: str
    source: str  # where the way of measuring comes from


@dataclass(frozen=True)
class SelfTest:
    id: str
    name: str
    unit: str
    sides: tuple[str, ...]  # ("left", "right") or ("",) for a single value
    low: float
    high: float
    whole_numbers: bool
    better: Literal["higher", "lower"]
    noise: float | None  # change smaller than this may be measurement noise
    noise_source: str
    levels: tuple[str, ...] = ()  # for a scored test: what each score, from low, means
    measure: PhoneMeasure | None = None  # how the phone can take it, if it can

    def noise_for(self, method: str | None) -> tuple[float | None, str]:
        """The noise of a result taken this way ("phone", or typed), and its source."""
        if method == "phone" and self.measure is not None:
            return self.measure.noise, self.measure.noise_source
        return self.noise, self.noise_source

    def label(self, side: str) -> str:
        """What a box for one side is called: "Left side (degrees)", "Result (cm)"."""
        return f"{side.capitalize()} side ({self.unit})" if side else f"Result ({self.unit})"

    def check(self, value: float, side: str = "") -> float:
        """The value if it is a possible result, else ValueError saying what is wrong."""
        where = f"{side.capitalize()} side" if side else "The result"
        if not math.isfinite(value) or not self.low <= value <= self.high:
            raise ValueError(f"{where}: {value:g} is outside {self.low:g} to {self.high:g} "
                             f"{self.unit}. Check the number and try again.")
        if self.whole_numbers and value != int(value):
            raise ValueError(f"{where}: use a whole number ({value:g} is not).")
        return value

    def parse(self, raw: str, side: str = "") -> float:
        """A typed result ("42", "4,5") as a checked number; ValueError says what to fix."""
        text = raw.replace(",", ".")
        where = f"{side.capitalize()} side" if side else "The result"
        if not re.fullmatch(RESULT_PATTERN, text):
            text = text.strip(" \t\r\n")
            raise ValueError(f"{where}: '{text}' is not a number. Type a number from "
                             f"{self.low:g} to {self.high:g}.")
        return self.check(float(text), side)


# Home measurement is rougher than a clinic's: Johnson and colleagues (2012) found about
# 6 degrees of noise with trained examiners and an instrument, so the course, more
# cautious, treats a home change under 10 degrees as possible noise (its own figure).
_ROTATION_BY_PHONE = PhoneMeasure(
    setup=("Sit on a chair with your feet flat and your knees together. A pillow between "
           "your knees keeps your hips still.",
           "Cross your arms over your chest and hold the phone flat against your "
           "breastbone, screen facing out, top edge up.",
           "Keep the sound on: the phone tells you each step. You do not need to look at it.",
           "Only your upper body turns. Keep your head in line with your chest."),
    say={"neutral": "Sit tall and still, facing forward.",
         "turn": "Now turn slowly to your {side}, as far as is comfortable.",
         "hold": "Hold still there.",
         "recorded": "Got it: {degrees} degrees.",
         "back": "Come back slowly to the middle, and sit still.",
         "side-done": "{Side} side: {median} degrees, the middle of your tries.",
         "done": "All done. Check your numbers, then save them."},
    unavailable={
        "none": "This device has no motion sensor the page can read, so type your result "
                "in the boxes below instead.",
        "insecure": "This browser lets a page use the motion sensor only over a secure "
                    "connection, so type your result in the boxes below instead.",
        "denied": "The motion sensor was not allowed, so type your result in the boxes "
                  "below instead. To use it, allow motion and orientation for this page in "
                  "your browser's settings and try again."},
    unfinished="Too many tries were not kept, so a side has no result. Press Measure with "
               "this phone to start again, or type your result in the boxes below.",
    # No published noise figure for a phone at home was found, so the band stays the
    # course's own home figure (the typed test's).
    noise=10.0,
    noise_source="the course's own home figure, as for a typed result: no study we found "
                 "gives the noise of a phone measuring this at home",
    source="the course's own way of holding the phone, in the seated rotation test of "
           "Johnson and colleagues (2012); Furness and colleagues (2018) found a phone's "
           "compass measured seated thoracic rotation as reliably as a goniometer "
           "(ICC 0.96 to 0.98 for one examiner)")

SELF_TESTS: tuple[SelfTest, ...] = (
    SelfTest("seated-rotation", "Seated rotation", "degrees", ("left", "right"), 0, 90, False,
             "higher", 10.0,
             "the course's own home figure: trained examiners with an instrument had about 6 "
             "degrees of noise (Johnson and colleagues, 2012), and at home it is larger",
             measure=_ROTATION_BY_PHONE),
    # Kofoed and colleagues (2024) scored it in people whose shoulder had slipped out of
    # place (anterior instability): seated on the floor, elbows at shoulder height, turned
    # back as far as they go, points of contact counted.
    SelfTest("wall-angel", "Seated wall angel", "score, 0 to 3", ("left", "right"), 0, 3, True,
             "higher", None,
             "Kofoed and colleagues (2024) score it 0 to 3 a side, in people with an unstable "
             "shoulder; no noise figure for home use",
             levels=("Fewer than two parts of your arm touch the wall.",
                     "Your elbow and your fingertips touch the wall.",
                     "Your elbow and the backs of your fingers touch the wall.",
                     "Your elbow, the back of your forearm and the back of your hand touch "
                     "the wall.")),
    SelfTest("neck-to-wall", "Neck-to-wall distance", "cm", ("",), 0, 30, False, "lower",
             None, "no published noise figure for home measurement"),
)


def get_self_test(test_id: str) -> SelfTest:
    for test in SELF_TESTS:
        if test.id == test_id:
            return test
    known = ", ".join(test.id for test in SELF_TESTS)
    raise KeyError(f"No self-test called {test_id!r}. Known self-tests: {known}.")

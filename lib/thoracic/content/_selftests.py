"""The three self-tests: what each measures, its unit, its range and its noise.

The range check lives here, once: the self-test form and the progress-file import both
use ``SelfTest.check``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["RESULT_PATTERN", "SELF_TESTS", "SelfTest", "get_self_test"]

# What a typed result may look like, with a comma read as a decimal point: plain digits
# with at most one point and a sign ("42", "-3", "4.5", ".5"), spaces around allowed;
# never "1e3", "nan" or digits of other scripts. The form in the browser uses this very
# pattern, so the two cannot disagree.
RESULT_PATTERN = r"[ \t\r\n]*[+-]?(?:[0-9]+[.]?[0-9]*|[.][0-9]+)[ \t\r\n]*"


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
SELF_TESTS: tuple[SelfTest, ...] = (
    SelfTest("seated-rotation", "Seated rotation", "degrees", ("left", "right"), 0, 90, False,
             "higher", 10.0,
             "the course's own home figure: trained examiners with an instrument had about 6 "
             "degrees of noise (Johnson and colleagues, 2012), and at home it is larger"),
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

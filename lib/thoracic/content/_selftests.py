"""The three self-tests: what each measures, its unit, its range and its noise.

The range check lives here, once: the self-test form and the progress-file import both
use ``SelfTest.check``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

__all__ = ["SELF_TESTS", "SelfTest", "get_self_test"]


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
        text = raw.strip().replace(",", ".")
        where = f"{side.capitalize()} side" if side else "The result"
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"{where}: '{text}' is not a number. Type a number from "
                             f"{self.low:g} to {self.high:g}.") from None
        return self.check(value, side)


SELF_TESTS: tuple[SelfTest, ...] = (
    SelfTest("seated-rotation", "Seated rotation", "degrees", ("left", "right"), 0, 90, False,
             "higher", 6.0, "Johnson and colleagues (2012)"),
    SelfTest("wall-angel", "Seated wall angel", "score, 0 to 3", ("left", "right"), 0, 3, True,
             "higher", None, "Kofoed and colleagues (2024) score it 0 to 3 a side",
             levels=("You cannot reach the goal-post shape.",
                     "Your elbow reaches the wall.",
                     "Your elbow and forearm touch the wall.",
                     "Your elbow, forearm and the back of your hand touch the wall.")),
    SelfTest("neck-to-wall", "Neck-to-wall distance", "cm", ("",), 0, 30, False, "lower",
             None, "no published noise figure for home measurement"),
)


def get_self_test(test_id: str) -> SelfTest:
    for test in SELF_TESTS:
        if test.id == test_id:
            return test
    known = ", ".join(test.id for test in SELF_TESTS)
    raise KeyError(f"No self-test called {test_id!r}. Known self-tests: {known}.")

"""The one discomfort scale of the course, its three zones, and the next-day check.

Every place that asks for or shows a rating (the practice log, the dashboard, the
notebooks' display of the scale) takes its words, numbers, symbols and colours from here.

Source: the pain-monitoring model of Silbernagel and colleagues (2007, American Journal
of Sports Medicine), from a trial in people with Achilles tendon pain. The zones keep its
limits (up to 2 is safe, up to 5 is acceptable) and its next-morning check; the course
uses them as a guide for the upper back, which the model was not tested on. Where the
model keeps training through pain up to 5, the course holds the dose in the amber zone:
its own, more cautious choice, said so wherever the zone is explained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..base import PALETTE

__all__ = [
    "DISCOMFORT_SCALE",
    "NEXT_DAY_ANSWERS",
    "NEXT_DAY_CHECK",
    "DiscomfortScale",
    "DiscomfortZone",
    "NextDayAnswer",
    "NextDayOption",
    "NextDayQuestion",
    "ZoneName",
    "discomfort_zone",
]

ZoneName = Literal["green", "amber", "red"]
NextDayAnswer = Literal["better", "same", "worse"]
NEXT_DAY_ANSWERS: tuple[NextDayAnswer, ...] = ("better", "same", "worse")

# Okabe-Ito colours that stay apart with every common kind of colour blindness (yellow,
# not orange, beside vermillion), each with black text on it. Never the only signal:
# each zone and answer also has its word and a symbol.
_GREEN, _YELLOW, _VERMILLION, _SKY_BLUE = PALETTE[2], PALETTE[6], PALETTE[5], PALETTE[4]

# Written to follow "from": "The zones come from the pain-monitoring model of ...".
_SOURCE = ("the pain-monitoring model of Silbernagel and colleagues (2007, American Journal "
           "of Sports Medicine)")
_SOURCE_NOTE = ("This model comes from research on tendon pain, not on the upper back. So it "
                "is a sensible guide for you, not a rule that was tested for this course. "
                "The model lets people keep adding exercise with pain up to 5. The course is "
                "more careful: in the amber zone it keeps your dose the same. That is the "
                "course's own choice.")


@dataclass(frozen=True)
class DiscomfortZone:
    """One zone of the scale: the ratings it holds, and what to do when you are in it."""

    name: ZoneName
    lowest: int
    highest: int
    label: str  # a few words: what to do, at a glance
    advice: str  # what to do, in full
    symbol: str  # shown beside the word, so colour is never the only sign
    colour: str  # from the course palette

    @property
    def word(self) -> str:
        """The zone's name as a learner reads it: "Green"."""
        return self.name.capitalize()

    @property
    def span(self) -> str:
        """The zone's ratings in words: "0 to 2"."""
        return f"{self.lowest} to {self.highest}"

    def __contains__(self, rating: object) -> bool:
        return isinstance(rating, int) and self.lowest <= rating <= self.highest


@dataclass(frozen=True)
class DiscomfortScale:
    """The one 0 to 10 scale for discomfort during and after practice."""

    what: str  # what is rated, in a few words
    explain: str  # what goes on the scale, in a sentence or two
    question: str  # what the practice log asks
    lowest: int
    lowest_anchor: str
    highest: int
    highest_anchor: str
    zones: tuple[DiscomfortZone, ...]
    source: str
    source_note: str

    def __post_init__(self) -> None:
        expected = self.lowest
        for zone in self.zones:
            if zone.lowest != expected or zone.highest < zone.lowest:
                raise ValueError(
                    f"The {zone.name} zone runs from {zone.lowest} to {zone.highest}; the "
                    f"zones must run in order from {self.lowest} to {self.highest} with no gap "
                    f"or overlap, so it should start at {expected}.")
            expected = zone.highest + 1
        if expected != self.highest + 1:
            raise ValueError(f"The zones end at {expected - 1}; they must reach "
                             f"{self.highest}, the top of the scale.")

    @property
    def ratings(self) -> range:
        """Every rating on the scale, lowest first."""
        return range(self.lowest, self.highest + 1)

    @property
    def anchors(self) -> str:
        """The two ends in words: "0 = none, 10 = the worst you can imagine"."""
        return (f"{self.lowest} = {self.lowest_anchor}, "
                f"{self.highest} = {self.highest_anchor}")

    @property
    def label(self) -> str:
        """The question with its anchors, as the practice log shows it."""
        return f"{self.question} {self.anchors}"

    def zone(self, rating: int) -> DiscomfortZone:
        """The zone a rating falls in; ValueError for anything but a whole number on the
        scale."""
        if isinstance(rating, bool) or not isinstance(rating, int) or not (
                self.lowest <= rating <= self.highest):
            raise ValueError(f"A discomfort rating is a whole number from {self.lowest} to "
                             f"{self.highest}; got {rating!r}.")
        return next(zone for zone in self.zones if rating in zone)


DISCOMFORT_SCALE = DiscomfortScale(
    what="pain during and after practice",
    explain=("Rate any pain you feel during and after you practise: aching, soreness or "
             "sharper pain. The mild stretch or effort feeling an exercise asks for is "
             "expected. It is not pain, so do not count it."),
    question="How much pain did you feel (not counting the stretch)?",
    lowest=0, lowest_anchor="no pain",
    highest=10, highest_anchor="the worst pain you can imagine",
    zones=(
        DiscomfortZone(
            "green", 0, 2, "Carry on",
            "No pain, or only a little. That is fine, so carry on with your plan.",
            "✓", _GREEN),
        DiscomfortZone(
            "amber", 3, 5, "Stay at this dose",
            "Some pain, but it is okay. Next time, do the same amount again and do not add "
            "more yet. (The pain-monitoring model would let you add more; holding here is "
            "the course's own, more careful rule.)",
            "▲", _YELLOW),
        DiscomfortZone(
            "red", 6, 10, "Stop and ease off",
            "Stop for today. Next time, ease off: try the easier version, do fewer reps, or "
            "move less far. If your rating stays high, keeps coming back, or comes with any "
            "sign from the safety check in notebook 00, see a doctor or physiotherapist.",
            "✖", _VERMILLION),
    ),
    source=_SOURCE,
    source_note=_SOURCE_NOTE,
)


def discomfort_zone(rating: int) -> DiscomfortZone:
    """The zone of a 0 to 10 rating; ValueError, saying what a rating is, if it is not one."""
    return DISCOMFORT_SCALE.zone(rating)


@dataclass(frozen=True)
class NextDayOption:
    """One answer to the next-day check, with what to do about it."""

    answer: NextDayAnswer  # what is stored
    word: str  # what the learner reads and presses
    advice: str
    symbol: str
    colour: str


@dataclass(frozen=True)
class NextDayQuestion:
    """The question to ask the morning after practice, and its three answers."""

    question: str
    when: str  # when to ask it, in a sentence
    answers: tuple[NextDayOption, ...]
    source: str
    # How many "worse" answers in a row mean it is time to see someone: the number the
    # "worse" advice says in words ("after two sessions in a row").
    worse_in_a_row: int = 2

    def __post_init__(self) -> None:
        found = tuple(option.answer for option in self.answers)
        if found != NEXT_DAY_ANSWERS:
            raise ValueError(f"The next-day check needs the answers {NEXT_DAY_ANSWERS} in "
                             f"that order; it has {found}.")

    def option(self, answer: str) -> NextDayOption:
        """The option for a stored answer; ValueError naming the allowed answers if none."""
        for option in self.answers:
            if option.answer == answer:
                return option
        raise ValueError(f"A next-day answer is one of {', '.join(NEXT_DAY_ANSWERS)}; "
                         f"got {answer!r}.")


NEXT_DAY_CHECK = NextDayQuestion(
    question=("Compared with before you practised, is your back better, about the same, or "
              "worse this morning?"),
    when="Ask yourself this the morning after you practise.",
    answers=(
        NextDayOption("better", "Better", "Good news! Carry on with your plan.", "+", _GREEN),
        NextDayOption("same", "About the same", "That is fine. Carry on with your plan.", "=",
                      _SKY_BLUE),
        NextDayOption(
            "worse", "Worse",
            "Do less next time: the plan steps down to a gentler version at once. If your "
            "back stays worse for more than two or three days, or this happens after two "
            "sessions in a row, see a doctor or physiotherapist.",
            "\N{MINUS SIGN}", _VERMILLION),
    ),
    source=_SOURCE,
)

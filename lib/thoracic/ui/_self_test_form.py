"""A form to record a self-test result, checked for range before anything is saved."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from html import escape
from pathlib import Path
from typing import Any, ClassVar

from traitlets import Unicode

from ..base import Rendered, preview
from ..content import RESULT_PATTERN, SelfTest, get_self_test
from ..progress import Store
from ._part import CoursePart

__all__ = ["MEASURE_CORE", "SelfTestForm", "self_test_form"]

# The pure module that turns the phone's orientation readings into a measured turn.
MEASURE_CORE = Path(__file__).parent / "static" / "measure_core.js"


class SelfTestForm(CoursePart):
    """Boxes for one self-test's result(s), checked for range before anything is saved."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"self-test": "_record"}

    core = Unicode("", help="Source of the measuring module (measure_core.js), which the "
                            "front-end imports, for a test the phone can measure; '' for "
                            "the others.").tag(sync=True)

    def __init__(self, test: SelfTest, store: Store | None = None, **kwargs: Any) -> None:
        self.test = test
        config = {"test": test.id, "name": test.name, "unit": test.unit,
                  "sides": list(test.sides), "labels": [test.label(s) for s in test.sides],
                  "low": test.low, "high": test.high, "whole_numbers": test.whole_numbers,
                  "pattern": RESULT_PATTERN}
        if test.measure is not None:
            config["measure"] = {"setup": list(test.measure.setup), "say": test.measure.say,
                                 "unavailable": test.measure.unavailable,
                                 "unfinished": test.measure.unfinished}
            kwargs.setdefault("core", MEASURE_CORE.read_text("utf-8"))
        super().__init__(store, kind="self-test", config=config, **kwargs)

    def preview(self) -> Rendered:
        boxes = "".join(f"<li>{escape(self.test.label(side))}: ______ "
                        f"({self.test.low:g} to {self.test.high:g})</li>"
                        for side in self.test.sides)
        return preview(f"Record your {self.test.name.lower()}", "type and save your result",
                       f"<ul>{boxes}</ul>")

    def save(self, values: Mapping[str, float]) -> bool:
        """Save a result for every side, as typing them and pressing Save does; whether
        they were kept."""
        return self.handle({"do": "self-test", "values": [[side, value]
                                                          for side, value in values.items()]})

    def _record(self, message: Mapping[str, Any]) -> None:
        """Keep a result for every side: typed, or measured by the phone (``method``
        "phone", with each side's ``tries``, whose median is the value)."""
        values = {side: value for side, value in message["values"]}
        if sorted(values) != sorted(self.test.sides):
            raise ValueError(f"expected a result for {', '.join(self.test.sides)}")
        # The page checked them; the course checks again before keeping any.
        if any(type(value) not in (int, float) for value in values.values()):
            raise ValueError("a result must be a number")
        checked = {side: self.test.check(float(value), side) for side, value in values.items()}
        method = message.get("method", "typed")
        tries = _measured_tries(self.test, message, checked) if method == "phone" else {}
        if method not in ("typed", "phone") or (method == "phone" and not self.measurable):
            raise ValueError(f"this self-test is not taken by {method!r}")
        for side, value in checked.items():
            self.store.record_self_test(self.test.id, value, side=side, method=method,
                                        tries=tries.get(side))

    @property
    def measurable(self) -> bool:
        """Whether the phone's motion sensor can take this test."""
        return self.test.measure is not None


def _measured_tries(test: SelfTest, message: Mapping[str, Any],
                    values: Mapping[str, float]) -> dict[str, list[float]]:
    """Each side's tries, checked: numbers in the test's range whose median is the value
    (to the tenth of a degree the front-end rounds to)."""
    given = message.get("tries")
    if not isinstance(given, Mapping) or sorted(given) != sorted(values):
        raise ValueError("a measured result needs its tries for every side")
    tries = {}
    for side, kept in given.items():
        if not isinstance(kept, list) or not kept or any(
                type(tried) not in (int, float) for tried in kept):
            raise ValueError("each side's tries must be a list of numbers")
        tries[side] = [test.check(float(tried), side) for tried in kept]
        if abs(statistics.median(tries[side]) - values[side]) > 0.05 + 1e-9:
            raise ValueError(f"the {side} side's result is not the median of its tries")
    return tries


def self_test_form(test_id: str, store: Store | None = None) -> SelfTestForm:
    """The form for one self-test."""
    return SelfTestForm(get_self_test(test_id), store)

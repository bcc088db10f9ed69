"""A form to record a self-test result, checked for range before anything is saved."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any, ClassVar

from ..base import Rendered, preview
from ..content import RESULT_PATTERN, SelfTest, get_self_test
from ..progress import Store
from ._part import CoursePart

__all__ = ["SelfTestForm", "self_test_form"]


class SelfTestForm(CoursePart):
    """Boxes for one self-test's result(s), checked for range before anything is saved."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"self-test": "_record"}

    def __init__(self, test: SelfTest, store: Store | None = None, **kwargs: Any) -> None:
        self.test = test
        config = {"test": test.id, "name": test.name, "unit": test.unit,
                  "sides": list(test.sides), "labels": [test.label(s) for s in test.sides],
                  "low": test.low, "high": test.high, "whole_numbers": test.whole_numbers,
                  "pattern": RESULT_PATTERN}
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
        values = {side: value for side, value in message["values"]}
        if sorted(values) != sorted(self.test.sides):
            raise ValueError(f"expected a result for {', '.join(self.test.sides)}")
        # The page checked them; the course checks again before keeping any.
        if any(type(value) not in (int, float) for value in values.values()):
            raise ValueError("a result must be a number")
        checked = {side: self.test.check(float(value), side) for side, value in values.items()}
        for side, value in checked.items():
            self.store.record_self_test(self.test.id, value, side=side)


def self_test_form(test_id: str, store: Store | None = None) -> SelfTestForm:
    """The form for one self-test."""
    return SelfTestForm(get_self_test(test_id), store)

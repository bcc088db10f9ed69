"""The three self-tests: what they measure, and a form to record results."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape
from typing import Any

import ipywidgets as widgets

from ._display import Rendered
from ._mode import exporting, kernel_note
from ._progress import Store, notice_widgets, progress_store

__all__ = ["SELF_TESTS", "SelfTest", "SelfTestForm", "get_self_test", "self_test_form"]


@dataclass(frozen=True)
class SelfTest:
    id: str
    name: str
    unit: str
    sides: tuple[str, ...]  # ("left", "right") or ("",) for a single value
    low: float
    high: float
    whole_numbers: bool
    better: str  # "higher" or "lower"
    noise: float | None  # change smaller than this may be measurement noise
    noise_source: str


SELF_TESTS: tuple[SelfTest, ...] = (
    SelfTest("seated-rotation", "Seated rotation", "degrees", ("left", "right"), 0, 90, False,
             "higher", 6.0, "Johnson and colleagues (2012)"),
    SelfTest("wall-angel", "Seated wall angel", "score, 0 to 3", ("left", "right"), 0, 3, True,
             "higher", None, "Kofoed and colleagues (2024) score it 0 to 3 a side"),
    SelfTest("neck-to-wall", "Neck-to-wall distance", "cm", ("",), 0, 30, False, "lower",
             None, "no published noise figure for home measurement"),
)


def get_self_test(test_id: str) -> SelfTest:
    for test in SELF_TESTS:
        if test.id == test_id:
            return test
    known = ", ".join(test.id for test in SELF_TESTS)
    raise KeyError(f"No self-test called {test_id!r}. Known self-tests: {known}.")


def _label(test: SelfTest, side: str) -> str:
    return f"{side.capitalize()} side ({test.unit})" if side else f"Result ({test.unit})"


class SelfTestForm(widgets.VBox):
    """Boxes for one self-test's result(s), checked for range before anything is saved."""

    def __init__(self, test: SelfTest, store: Store | None = None, **kwargs: Any) -> None:
        self.test = test
        self.store = store if store is not None else progress_store()
        self.inputs = {side: widgets.Text(placeholder=f"{test.low:g} to {test.high:g}",
                                          description=_label(test, side),
                                          style={"description_width": "initial"},
                                          layout=widgets.Layout(width="auto"))
                       for side in test.sides}
        self.save_button = widgets.Button(description=f"Save {test.name.lower()}", icon="save",
                                          tooltip="Save today's result",
                                          layout=widgets.Layout(width="auto"))
        self.status = widgets.HTML()
        self.save_button.on_click(lambda _: self.save())
        children: list[widgets.Widget] = [
            widgets.HTML(f"<h3>Record your {escape(test.name.lower())}</h3>"),
            *self.inputs.values(), self.save_button, self.status]
        children.extend(notice_widgets(self.store))
        kwargs.setdefault("layout", widgets.Layout(max_width="40em"))
        super().__init__(children, **kwargs)

    def _read(self, side: str) -> float:
        raw = self.inputs[side].value.strip().replace(",", ".")
        where = f"{side.capitalize()} side" if side else "The result"
        try:
            value = float(raw)
        except ValueError:
            raise ValueError(f"{where}: '{raw}' is not a number. Type a number from "
                             f"{self.test.low:g} to {self.test.high:g}.") from None
        if not math.isfinite(value) or not self.test.low <= value <= self.test.high:
            raise ValueError(f"{where}: {raw} is outside {self.test.low:g} to "
                             f"{self.test.high:g} {self.test.unit}. Check the number and "
                             "try again.")
        if self.test.whole_numbers and value != int(value):
            raise ValueError(f"{where}: use a whole number ({raw} is not).")
        return value

    def save(self) -> bool:
        """Save every side, or nothing if any box is wrong; returns whether it saved."""
        try:
            values = {side: self._read(side) for side in self.test.sides}
        except ValueError as problem:
            self.status.value = f'<p role="alert">⚠ {escape(str(problem))} Nothing was saved.</p>'
            return False
        for side, value in values.items():
            self.store.record_self_test(self.test.id, value, side=side)
        shown = ", ".join(f"{side or 'result'} {value:g}" for side, value in values.items())
        saved = "Saved" if self.store.saving else "Checked (saving is off)"
        self.status.value = f"<p>✓ {saved}: {escape(shown)} {escape(self.test.unit)}.</p>"
        for box in self.inputs.values():
            box.value = ""
        return True


def self_test_form(test_id: str, store: Store | None = None) -> SelfTestForm | Rendered:
    """The form for one self-test; in the web pages, a note instead of a dead Save button."""
    test = get_self_test(test_id)
    if exporting():
        note = kernel_note(f"results of the {test.name.lower()} cannot be saved; write them "
                           "down")
        return Rendered(note, f"Open the notebook in JupyterLab to record your {test.name}.")
    return SelfTestForm(test, store)

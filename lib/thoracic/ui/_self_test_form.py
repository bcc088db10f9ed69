"""A form to record a self-test result, checked for range before anything is saved."""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ..base import Previewed, Rendered, exporting, offline_part, preview
from ..content import SelfTest, get_self_test
from ..progress import Store, store_or_own
from ._notices import SavingNotice

__all__ = ["SelfTestForm", "self_test_form"]


class SelfTestForm(Previewed, widgets.VBox):
    """Boxes for one self-test's result(s), checked for range before anything is saved."""

    def __init__(self, test: SelfTest, store: Store | None = None, **kwargs: Any) -> None:
        self.test = test
        self.store = store_or_own(store)
        self.inputs = {side: widgets.Text(placeholder=f"{test.low:g} to {test.high:g}",
                                          description=test.label(side),
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
        self.notice = SavingNotice(self.store)
        children.append(self.notice)
        kwargs.setdefault("layout", widgets.Layout(max_width="40em"))
        super().__init__(children, **kwargs)

    def preview(self) -> Rendered:
        boxes = "".join(f"<li>{escape(self.test.label(side))}: ______ "
                        f"({self.test.low:g} to {self.test.high:g})</li>"
                        for side in self.test.sides)
        return preview(f"Record your {self.test.name.lower()}", "type and save your result",
                       f"<ul>{boxes}</ul>")

    def _read(self, side: str) -> float:
        return self.test.parse(self.inputs[side].value, side)

    def save(self) -> bool:
        """Save every side, or nothing if any box is wrong; returns whether it saved."""
        try:
            values = {side: self._read(side) for side in self.test.sides}
        except ValueError as problem:
            self.status.value = f'<p role="alert">⚠ {escape(str(problem))} Nothing was saved.</p>'
            return False
        shown = ", ".join(f"{side or 'result'} {value:g}" for side, value in values.items())

        def record() -> None:
            for side, value in values.items():
                self.store.record_self_test(self.test.id, value, side=side)

        if not self.notice.keep(record):
            # The numbers stay in their boxes, ready to save again once saving is back.
            self.status.value = (f'<p role="alert">⚠ Not saved: {escape(shown)} '
                                 f"{escape(self.test.unit)}. The notice below says why.</p>")
            return False
        self.status.value = f"<p>✓ Saved: {escape(shown)} {escape(self.test.unit)}.</p>"
        for box in self.inputs.values():
            box.value = ""
        return True


def self_test_form(test_id: str, store: Store | None = None) -> SelfTestForm | Rendered:
    """The form for one self-test; in the web pages, one the site's script draws, keeping
    the results on the device (the limits come from the same record)."""
    test = get_self_test(test_id)
    if exporting():
        config = {"test": test.id, "name": test.name, "unit": test.unit,
                  "sides": list(test.sides), "labels": [test.label(s) for s in test.sides]}
        fallback = Rendered(f"<p><em>Write down your {escape(test.name.lower())} result.</em>"
                            "</p>", f"Write down your {test.name} result.")
        return offline_part("self-test", config, fallback)
    return SelfTestForm(test, store)

"""Checklists whose ticks are saved: form cues, the safety screen, the daily routine.

Each item has a stable id, so rewording an item keeps its saved tick. Daily checklists
start fresh each day; once-only ones (the safety screen) keep their ticks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import ipywidgets as widgets
from ipywidgets import CallbackDispatcher
from traitlets import Bool, Int, List, TraitError, Unicode, validate

from ._dates import today
from ._display import Rendered, show_red_flags
from ._exercises import get_exercise
from ._mode import exporting, kernel_note
from ._progress import Store, notice_widgets, progress_store
from ._safety import RED_FLAGS
from ._style import CHECKLIST_CLASS, checklist_style

__all__ = [
    "Checklist",
    "ChecklistItem",
    "SafetyScreen",
    "daily_checklist",
    "form_checklist",
    "red_flag_banner",
    "safety_screen",
]

SAFETY_CHECKLIST = "safety-screen"


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str


class Checklist(widgets.VBox):
    """Labelled checkboxes with an "n of m" count, saved on every change."""

    checklist_id = Unicode(help="Stable name under which the ticks are saved.")
    daily = Bool(False, help="Start fresh every day (True) or keep ticks for good (False).")
    checked = List(Unicode(), help="Ids of the ticked items, in list order.")
    done_count = Int(0, help="How many items are ticked.")

    @validate("checklist_id")
    def _check_id(self, proposal: dict[str, Any]) -> str:
        value = proposal["value"]
        if not value or not value.replace("-", "").isalnum():
            raise TraitError(f"checklist_id must be letters, digits and dashes, got {value!r}.")
        return value

    def __init__(self, checklist_id: str, items: Sequence[ChecklistItem], *, title: str,
                 daily: bool = False, store: Store | None = None, **kwargs: Any) -> None:
        ids = [item.id for item in items]
        if len(set(ids)) != len(ids) or not ids:
            raise ValueError(f"Checklist {checklist_id!r} needs items with distinct ids.")
        self.items = tuple(items)
        self.store = store if store is not None else progress_store()
        self.day = today().isoformat() if daily else ""
        self._change_handlers = CallbackDispatcher()
        saved = self.store.ticks(checklist_id, day=self.day)
        self.boxes = {
            item.id: widgets.Checkbox(value=saved.get(item.id, False), description=item.text,
                                      indent=False,
                                      layout=widgets.Layout(width="auto", max_width="100%"))
            for item in items}
        self.title = widgets.HTML(f"<h3>{escape(title)}</h3>")
        self.count = widgets.HTML()
        children: list[widgets.Widget] = [checklist_style(), self.title, *self.boxes.values(),
                                          self.count]
        if exporting():
            children.append(widgets.HTML(kernel_note("your ticks are not saved")))
        else:
            children.extend(notice_widgets(self.store))
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__(children=children, checklist_id=checklist_id, daily=daily, **kwargs)
        self.add_class(CHECKLIST_CLASS)
        for item_id, box in self.boxes.items():
            box.observe(lambda change, item_id=item_id: self._saved(item_id, change["new"]),
                        names="value")
        self._update()

    def on_change(self, callback: Callable[[Checklist], None], remove: bool = False) -> None:
        """Call ``callback(checklist)`` after any tick changes."""
        self._change_handlers.register_callback(callback, remove=remove)

    def toggle(self, item_id: str, value: bool | None = None) -> None:
        """Tick, untick (or flip) one item, as a click on its box would."""
        if item_id not in self.boxes:
            raise KeyError(f"No item {item_id!r} in checklist {self.checklist_id!r}.")
        box = self.boxes[item_id]
        box.value = (not box.value) if value is None else value

    def _saved(self, item_id: str, value: bool) -> None:
        self.store.set_tick(self.checklist_id, item_id, value, day=self.day)
        self._update()
        self._change_handlers(self)

    def _update(self) -> None:
        self.checked = [item.id for item in self.items if self.boxes[item.id].value]
        self.done_count = len(self.checked)
        total = len(self.items)
        all_done = " ✓ All done" if self.done_count == total else ""
        self.count.value = f"<p><strong>{self.done_count} of {total}</strong> ticked{all_done}</p>"


def form_checklist(exercise_id: str, store: Store | None = None) -> Checklist:
    """The form cues of one exercise as a checklist; ticks are kept per day."""
    exercise = get_exercise(exercise_id)
    return Checklist(f"form-{exercise.id}",
                     [ChecklistItem(cue.id, cue.text) for cue in exercise.form_cues],
                     title=f"Form check: {exercise.name}", daily=True, store=store)


DAILY_ITEMS = (
    ChecklistItem("warm-up", "I warmed up by moving my arms and shoulders"),
    ChecklistItem("foam-roller-extension", "I did the foam roller extension"),
    ChecklistItem("childs-pose", "I did child's pose"),
    ChecklistItem("kneeling-thoracic-extension", "I did the kneeling thoracic extension"),
    ChecklistItem("slow-breathing", "I breathed slowly and did not hold my breath"),
    ChecklistItem("noticed-feeling", "I noticed how my back felt afterwards"),
)


def daily_checklist(store: Store | None = None) -> Checklist:
    """Today's routine checklist (a fresh one each day)."""
    return Checklist("daily-routine", DAILY_ITEMS, title="Today's routine", daily=True,
                     store=store)


_KIND_MESSAGE = (
    "<p><strong>Thank you for checking.</strong> Because something on this list fits you, "
    "please see a doctor or physiotherapist before you start the exercises. You are very "
    "welcome to keep reading the course in the meantime.</p>")
_URGENT_MESSAGE = (
    "<p><strong>Please get medical help now.</strong> Chest pain with sweating, "
    "breathlessness or feeling sick: call emergency services. Numbness, weakness or "
    "bladder or bowel changes: get urgent care today.</p>")


class SafetyScreen(widgets.VBox):
    """The red-flag checklist; any tick shows a kind message (saved once, not per day)."""

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.checklist = Checklist(SAFETY_CHECKLIST,
                                   [ChecklistItem(flag.id, flag.text) for flag in RED_FLAGS],
                                   title="Safety check: tick any that fit you", store=store)
        self.message = widgets.HTML()
        self._urgent = {flag.id for flag in RED_FLAGS if flag.urgency != "see-clinician"}
        kwargs.setdefault("layout", widgets.Layout(max_width="48em"))
        super().__init__([self.checklist, self.message], **kwargs)
        self.checklist.on_change(self._show)
        self._show(self.checklist)

    def _show(self, checklist: Checklist) -> None:
        ticked = set(checklist.checked)
        if not ticked:
            self.message.value = ("<p>Nothing ticked. If that stays true, you are ready to "
                                  "start. Come back here if anything changes.</p>")
            return
        extra = _URGENT_MESSAGE if ticked & self._urgent else ""
        self.message.value = (f'<div role="alert" style="border-left:6px solid #D55E00;'
                              f'padding:0.3em 0.8em">{extra}{_KIND_MESSAGE}</div>')


def safety_screen(store: Store | None = None) -> SafetyScreen | Rendered:
    """The safety screen shown in the start-here notebook.

    In the web pages nothing can react to a tick, so there the list itself says what to do
    for each red flag.
    """
    if exporting():
        return show_red_flags()
    return SafetyScreen(store)


def red_flag_banner(store: Store | None = None) -> Rendered | None:
    """A banner for exercise notebooks when the safety screen has a tick; None otherwise."""
    store = store if store is not None else progress_store()
    ticked = [flag for flag in RED_FLAGS
              if store.ticks(SAFETY_CHECKLIST).get(flag.id)]
    if not ticked:
        return None
    listed = "; ".join(flag.text for flag in ticked)
    html = ('<div role="alert" style="border-left:6px solid #D55E00;padding:0.3em 0.8em;'
            'max-width:48em"><strong>⚠ Before you try this exercise:</strong> in the safety '
            "check (notebook 00) you ticked: "
            f"{escape(listed)}. Please see a doctor or physiotherapist first. Reading on is "
            "fine.</div>")
    return Rendered(html, f"Before you try this exercise: you ticked {listed}. "
                          "Please see a doctor or physiotherapist first.")

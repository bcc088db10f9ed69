"""Checklists whose ticks are saved: form cues, the safety screen, the daily routine.

Each item has a stable id, so rewording an item keeps its saved tick. Daily checklists
start fresh each day; once-only ones (the safety screen) keep their ticks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, ClassVar

from ipywidgets import CallbackDispatcher
from traitlets import Bool, Int, List, TraitError, Unicode, validate

from ..base import Rendered, preview, today
from ..content import get_exercise, get_routine
from ..progress import Store
from ._part import CoursePart

__all__ = ["SHARE_CHECKLIST_ID", "SHARE_ITEM_ID", "TICKS_COME_BACK", "Checklist", "ChecklistItem",
           "checklist_config", "daily_checklist", "form_checklist", "share_with_teacher",
           "ticked_list_html"]


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str
    group: str = ""  # a heading shown above the first item of each new group


class Checklist(CoursePart):
    """Labelled checkboxes with an "n of m" count, saved on every change."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"tick": "_tick"}

    checklist_id = Unicode(help="Stable name under which the ticks are saved.")
    daily = Bool(False, help="Start fresh every day (True) or keep ticks for good (False).")
    checked = List(Unicode(), help="Ids of the ticked items, in list order.")
    done_count = Int(0, help="How many items are ticked.")

    @validate("checklist_id")
    def _check_id(self, proposal: dict[str, Any]) -> str:
        value: str = proposal["value"]
        if not value or not value.replace("-", "").isalnum():
            raise TraitError(f"checklist_id must be letters, digits and dashes, got {value!r}.")
        return value

    def __init__(self, checklist_id: str, items: Sequence[ChecklistItem], *, title: str,
                 daily: bool = False, store: Store | None = None, count: bool = True,
                 elsewhere: str = "", **kwargs: Any) -> None:
        """``elsewhere``: what the site shows instead of the boxes, for a list that means
        nothing on the web pages (the site's host keeps no ticks for it)."""
        ids = [item.id for item in items]
        if len(set(ids)) != len(ids) or not ids:
            raise ValueError(f"Checklist {checklist_id!r} needs items with distinct ids.")
        self.items = tuple(items)
        self.title_text = title
        self._change_handlers = CallbackDispatcher()
        config = checklist_config(checklist_id, items, title=title, daily=daily)
        if not count:
            config["count"] = False
        if elsewhere:
            config["elsewhere"] = elsewhere
        kwargs.setdefault("kind", "checklist")
        super().__init__(store, checklist_id=checklist_id, daily=daily, config=config,
                         **kwargs)

    @property
    def day(self) -> str:
        """The day the ticks are kept for: today for a daily list, "" for good."""
        return today().isoformat() if self.daily else ""

    def read_kept(self) -> dict[str, Any]:
        ticks = self.store.ticks(self.checklist_id, day=self.day)
        self.checked = [item.id for item in self.items if ticks.get(item.id)]
        self.done_count = len(self.checked)
        return {"ticked": {item_id: True for item_id in self.checked}}

    def preview(self) -> Rendered:
        # Kept in the notebook and seen on a later day before the cell runs: it shows no
        # ticks of the day it was saved (they would be stale), and says where they are.
        return preview(self.title_text, "tick these", ticked_list_html(self.items, set())
                       + f"<p><em>{escape(TICKS_COME_BACK)}</em></p>")

    def on_change(self, callback: Callable[[Checklist], None], remove: bool = False) -> None:
        """Call ``callback(checklist)`` after any tick changes."""
        self._change_handlers.register_callback(callback, remove=remove)

    def toggle(self, item_id: str, value: bool | None = None) -> bool:
        """Tick, untick (or flip) one item, as a click on its box would; whether it was
        kept."""
        if item_id not in {item.id for item in self.items}:
            raise KeyError(f"No item {item_id!r} in checklist {self.checklist_id!r}.")
        on = (item_id not in self.checked) if value is None else value
        return self.handle({"do": "tick", "item": item_id, "on": on})

    def _tick(self, message: Mapping[str, Any]) -> None:
        item, on = message["item"], message["on"]
        if item not in {entry.id for entry in self.items} or not isinstance(on, bool):
            raise ValueError(f"no item {item!r} to tick {on!r}")
        self.store.set_tick(self.checklist_id, item, on, day=self.day)
        self._change_handlers(self)


# What every stored preview of ticks and answers says instead of showing them.
TICKS_COME_BACK = "Your saved ticks come back when you run this cell."


def ticked_list_html(items: Sequence[ChecklistItem], ticked: set[str],
                     notes: dict[str, str] | None = None) -> str:
    """Items as a static list with ☑ or ☐, under their group headings (each group with an
    optional note below its heading)."""
    parts, group = ["<ul>"], ""
    for item in items:
        if item.group and item.group != group:
            group = item.group
            note = (notes or {}).get(group)
            parts.append(f"</ul><h4>{escape(group)}</h4>"
                         + (f"<p>{escape(note)}</p>" if note else "") + "<ul>")
        mark = "☑" if item.id in ticked else "☐"
        parts.append(f'<li style="list-style:none">{mark} {escape(item.text)}</li>')
    parts.append("</ul>")
    return "".join(parts).replace("<ul></ul>", "")


def checklist_config(checklist_id: str, items: Sequence[ChecklistItem], *, title: str,
                     daily: bool) -> dict[str, Any]:
    """What the front-end needs to draw a checklist."""
    return {"id": checklist_id, "title": title, "daily": daily,
            "items": [{"id": item.id, "text": item.text, "group": item.group}
                      for item in items]}


def _checklist(checklist_id: str, items: Sequence[ChecklistItem], *, title: str,
               daily: bool, store: Store | None) -> Checklist:
    return Checklist(checklist_id, items, title=title, daily=daily, store=store)


def form_checklist(exercise_id: str, store: Store | None = None) -> Checklist:
    """The form cues of one exercise as a checklist; ticks are kept per day."""
    exercise = get_exercise(exercise_id)
    return _checklist(exercise.form_checklist,
                      [ChecklistItem(cue.id, cue.text) for cue in exercise.form_cues],
                      title=f"Form check: {exercise.name}", daily=True, store=store)


def _daily_items() -> tuple[ChecklistItem, ...]:
    """The daily checklist: one line for each exercise of the daily routine (its id is the
    exercise's, so ticks survive rewording), between the warm-up and the wind-down."""
    did = tuple(ChecklistItem(exercise.id, f"I did the {exercise.name[0].lower()}"
                                           f"{exercise.name[1:]}")
                for exercise in get_routine("daily").exercises)
    return (ChecklistItem("warm-up", "I warmed up by moving my arms and shoulders"), *did,
            ChecklistItem("slow-breathing", "I breathed slowly and did not hold my breath"),
            ChecklistItem("noticed-feeling", "I noticed how my back felt afterwards"))


def daily_checklist(store: Store | None = None) -> Checklist:
    """Today's routine checklist (a fresh one each day)."""
    return _checklist("daily-routine", _daily_items(), title="Today's routine", daily=True,
                      store=store)


# The learner's own switch for a class server: off until they tick it, kept in their own
# progress store (a once-only checklist), read by `thoracic class-report`.
SHARE_CHECKLIST_ID = "share-with-teacher"
SHARE_ITEM_ID = "share"
SHARE_TITLE = "Share with my teacher"
SHARE_ITEMS = (ChecklistItem(SHARE_ITEM_ID, "Let my teacher see how many days I practised "
                                            "this week and my latest rating"),)
SHARE_ON_THE_WEB = ("Sharing with a teacher is for a class server, where each learner has "
                    "their own JupyterLab. On these web pages your progress stays on your "
                    "device and nothing is shared.")


def share_with_teacher(store: Store | None = None) -> Checklist:
    """The switch that lets a teacher on a class server see two figures of this learner's
    progress: days practised this week and the latest rating. Off until the learner ticks
    it; they can untick it at any time. Nothing else (ticks, notes, self-tests) is shared.
    The site's host shows ``elsewhere`` instead: there is no teacher on the web pages, and
    a tick there could travel into a class server in an imported file."""
    # "1 of 1 ticked" says nothing here.
    return Checklist(SHARE_CHECKLIST_ID, SHARE_ITEMS, title=SHARE_TITLE, store=store,
                     count=False, elsewhere=SHARE_ON_THE_WEB)

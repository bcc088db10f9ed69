"""The switch that shares two figures with a teacher: off until the learner ticks it, and
kept in the learner's own progress store."""

from __future__ import annotations

from thoracic import Checklist, ProgressStore, share_with_teacher
from thoracic.ui import SHARE_CHECKLIST_ID, SHARE_ITEM_ID


def test_it_is_off_until_ticked_and_kept_in_the_learners_store(store: ProgressStore) -> None:
    switch = share_with_teacher(store)
    assert isinstance(switch, Checklist)
    assert switch.checked == [] and not switch.daily and switch.kept == {"ticked": {}}
    [item] = switch.config["items"]
    assert item["id"] == SHARE_ITEM_ID and item["text"].startswith("Let my teacher see")
    assert store.ticks(SHARE_CHECKLIST_ID) == {}  # nothing saved until the learner acts
    assert switch.handle({"do": "tick", "item": SHARE_ITEM_ID, "on": True})  # as a click does
    assert store.ticks(SHARE_CHECKLIST_ID) == {SHARE_ITEM_ID: True}
    assert switch.kept == {"ticked": {SHARE_ITEM_ID: True}}
    again = share_with_teacher(store)  # a re-run shows it on
    assert isinstance(again, Checklist) and again.checked == [SHARE_ITEM_ID]
    assert again.toggle(SHARE_ITEM_ID, False)
    assert store.ticks(SHARE_CHECKLIST_ID) == {SHARE_ITEM_ID: False}
    assert switch.kept == {"ticked": {}}  # the first one on the page follows


def test_its_count_is_hidden(store: ProgressStore) -> None:
    switch = share_with_teacher(store)
    assert isinstance(switch, Checklist)
    assert switch.config["count"] is False  # "1 of 1 ticked" says nothing here


def test_the_web_pages_say_sharing_is_for_a_class_server(store: ProgressStore) -> None:
    """The site's host draws this sentence in place of the box and keeps no tick (its
    browser test: tests/browser/test_parts_in_both_places.py)."""
    shown = share_with_teacher(store)
    assert "class server" in shown.config["elsewhere"]
    assert "nothing is shared" in shown.config["elsewhere"]

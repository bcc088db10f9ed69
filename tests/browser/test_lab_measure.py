"""The phone measures the seated rotation in real JupyterLab too (issue 26): the same
front-end, the motion sensor played through the DevTools protocol, and the result kept by
Python in the learner's progress store with its tries."""

from __future__ import annotations

from pathlib import Path

import pytest

from thoracic import ProgressStore

from .lab import code_cells, notebook, open_notebook, restart_and_run_all
from .sensor import measure_side, motion_sensor, start_measuring, turn

pytestmark = pytest.mark.browser

NAME = "09-mobilization-benefits.ipynb"


def _rotation_form(page, lab):
    """Notebook 09 run afresh, and its seated rotation form, ready to measure."""
    open_notebook(page, lab, NAME)
    restart_and_run_all(page, code_cells(lab, NAME))
    part = notebook(page).locator('[data-thoracic="self-test"]',
                                  has_text="Record your seated rotation")
    part.get_by_role("button", name="Measure with this phone").wait_for()
    part.scroll_into_view_if_needed()
    return part


def test_a_scripted_turn_is_measured_and_kept_by_python(lab_page, jupyterlab,
                                                        artifacts: Path) -> None:
    page, lab = lab_page, jupyterlab
    part = _rotation_form(page, lab)
    point = motion_sensor(page)
    point(0.0)
    start_measuring(part, point)
    measure_side(part, point, "left", [38, 42, 40])
    measure_side(part, point, "right", [30, 31, 29])
    part.get_by_role("button", name="Save these results").click()
    part.get_by_text("✓ Saved, measured by the phone: left 40, right 30 degrees.").wait_for()
    part.screenshot(path=str(artifacts / "lab-measure-saved.png"))
    store = ProgressStore(lab["progress"] / "progress.sqlite3")
    measured = [(r.side, r.value, r.tries) for r in store.self_tests() if r.method == "phone"]
    assert measured[-2:] == [("left", 40.0, (38.0, 42.0, 40.0)),
                             ("right", 30.0, (30.0, 31.0, 29.0))]
    assert page.problems == []


def test_a_wrong_way_try_is_refused_and_no_sensor_keeps_the_typed_boxes(lab_page,
                                                                       jupyterlab) -> None:
    page, lab = lab_page, jupyterlab
    part = _rotation_form(page, lab)
    # No reading at all yet: the page waits two seconds for one, then says so.
    part.get_by_role("button", name="Measure with this phone").click()
    part.get_by_text("This device has no motion sensor the page can read").wait_for()
    assert part.locator("input").count() == 2
    # With the sensor: asked to turn left, the learner turns right.
    point = motion_sensor(page)
    point(0.0)
    start_measuring(part, point)
    part.locator(".thoracic-measure-now").filter(
        has_text="turn slowly to your left").wait_for(timeout=30_000)
    turn(point, 0, -30)
    refused = part.locator(".thoracic-measure-refused")
    refused.wait_for()
    assert refused.inner_text().startswith("Left side, try 1 not kept: You turned to the "
                                           "wrong side")
    assert page.problems == []

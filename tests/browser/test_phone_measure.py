"""The phone measures the seated rotation (issue 26), on the site from file:// at 390x844
with the motion sensor played through the DevTools protocol: a scripted turn is measured
and kept with its tries, a shaky try is refused and said why, and a device with no
sensor gets one plain sentence and the typed boxes."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from .sensor import measure_side, motion_sensor, start_measuring

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(browser) -> Iterator[object]:
    """A phone-sized page that may load only local files, its problems recorded."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else route.abort())
    yield page
    context.close()


def _rotation(page, site: Path):
    page.goto((site / "09-mobilization-benefits.html").as_uri())
    page.wait_for_function("() => window.ThoracicSite && window.ThoracicSite.store()")
    part = page.locator('[data-thoracic="self-test"]', has_text="Record your seated rotation")
    part.get_by_role("button", name="Measure with this phone").wait_for()
    return part


def test_a_scripted_turn_is_measured_and_kept_with_its_tries(exported_site: Path, phone,
                                                             artifacts: Path) -> None:
    page = phone
    part = _rotation(page, exported_site)
    point = motion_sensor(page)
    point(0.0)
    start_measuring(part, point)
    part.locator(".thoracic-measure-setup li").first.wait_for()
    part.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / "measure-start-390x844.png"))
    measure_side(part, point, "left", [40, 43, 41])
    measure_side(part, point, "right", [35, 33, 36])
    part.get_by_text("Left side: 41 degrees, the middle of 40, 43, 41").wait_for()
    page.screenshot(path=str(artifacts / "measure-done-390x844.png"))
    part.get_by_role("button", name="Save these results").click()
    part.get_by_text("✓ Saved, measured by the phone: left 41, right 35 degrees.").wait_for()
    kept = page.evaluate("() => window.ThoracicSite.store().records().self_tests")
    assert [(r["side"], r["value"], r["method"], r["tries"]) for r in kept] == [
        ("left", 41, "phone", [40, 43, 41]), ("right", 35, "phone", [35, 33, 36])]
    assert page.problems == []


def test_a_shaky_try_is_refused_and_said_why(exported_site: Path, phone) -> None:
    """A phone that sways at the end of the turn is never still, so the try is given up
    and the learner hears why. The page's clock is the test's here: each reading is held
    for a tenth of a second of it."""
    page = phone
    part = _rotation(page, exported_site)
    # Paused, so time passes only as the test says: with the clock flowing too, a slow
    # moment of the test's own held a swaying reading long enough to look still (and the
    # try was kept, not refused).
    page.clock.install()
    page.clock.pause_at(dt.datetime.fromtimestamp(page.evaluate("Date.now()") / 1000 + 1,
                                                  tz=dt.UTC))
    point = motion_sensor(page)

    def held(alpha: float, tenths: int = 1) -> None:
        point(alpha)
        page.clock.run_for(100 * tenths)

    held(0.0)
    start_measuring(part, point)
    held(0.0, 15)  # still: "straight ahead" is taken
    now = part.locator(".thoracic-measure-now")
    now.filter(has_text="turn slowly to your left").wait_for()
    for alpha in range(0, 31, 6):
        held(float(alpha))
    refused = part.locator(".thoracic-measure-refused")
    for tenth in range(200):  # 20 s of swaying, a few degrees each way
        held(30.0 + 6 * math.sin(tenth / 3))
        if refused.count():
            break
    assert refused.count() == 1
    assert refused.inner_text().startswith("Left side, try 1 not kept: You kept moving")
    now.filter(has_text="kept moving").wait_for()
    assert not part.locator(".thoracic-measure-tries li", has_text="degrees").count()
    assert page.problems == []


def test_no_sensor_gives_one_sentence_and_the_typed_boxes(exported_site: Path, phone) -> None:
    page = phone
    part = _rotation(page, exported_site)  # no override: the sensor never gives a reading
    page.clock.install()  # so the wait for a first reading ends when the test says
    part.get_by_role("button", name="Measure with this phone").click()
    page.clock.run_for(2_500)
    part.get_by_text("This device has no motion sensor the page can read, so type your "
                     "result in the boxes below instead.").wait_for()
    boxes = part.locator("input")
    assert boxes.count() == 2 and boxes.first.is_editable()
    boxes.nth(0).fill("41")
    boxes.nth(1).fill("38")
    part.get_by_role("button", name="Save seated rotation").click()
    part.get_by_text("✓ Saved: left 41, right 38 degrees.").wait_for()
    kept = page.evaluate("() => window.ThoracicSite.store().records().self_tests")
    assert {(r["value"], r["method"], r["tries"]) for r in kept} == {(41, "typed", None),
                                                                    (38, "typed", None)}

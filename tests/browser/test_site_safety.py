"""On the exported site, the safety check triages as the record does, a ticked flag can be
marked "I have been checked", the exercise pages' banner follows it, and the answer runs
out after the clearance window (the page's clock under the test's control)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from thoracic.content import CLEARANCE_DAYS, get_red_flag

pytestmark = pytest.mark.browser

START = dt.datetime(2026, 12, 4, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def phone(browser) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else route.abort())
    page.clock.install(time=START)
    yield page
    context.close()


def _open(page, site: Path, name: str) -> None:
    page.goto((site / f"{name}.html").as_uri())
    page.wait_for_function("() => window.ThoracicSite && document.querySelector('.thoracic-live')")


def test_a_checked_flag_quiets_the_banner_until_the_window_runs_out(
        exported_site: Path, phone) -> None:
    page = phone
    tearing = get_red_flag("tearing-pain")
    _open(page, exported_site, "00-start-here")
    safety = page.locator(".thoracic-live").filter(has_text="Safety check").first
    safety.get_by_label(tearing.text, exact=True).check()
    message = safety.locator(".thoracic-message")
    message.get_by_text("Emergency: call for help now.").wait_for()
    assert "Do not drive yourself" in message.inner_text()
    assert "Reading the course is always fine" not in message.inner_text()
    assert message.get_attribute("role") == "alert"

    safety.get_by_label(f"I have been checked for this and told I can exercise: {tearing.text}",
                        exact=True).check()
    message.get_by_text("checked every sign you ticked").wait_for()
    assert message.get_attribute("role") is None

    _open(page, exported_site, "03-foam-roller-extension")
    banner = page.locator('[data-thoracic="banner"]').first
    banner.get_by_text("checked every sign you ticked").wait_for()
    assert banner.locator('[role="alert"]').count() == 0

    page.clock.set_system_time(START + dt.timedelta(days=CLEARANCE_DAYS + 1))
    _open(page, exported_site, "03-foam-roller-extension")
    banner = page.locator('[data-thoracic="banner"]').first
    banner.locator('[role="alert"]').get_by_text(f"More than {CLEARANCE_DAYS} days").wait_for()
    assert "Call your local emergency number" in banner.inner_text()


def test_the_routine_s_page_shows_a_ticked_flag_before_its_do_it_now(
        exported_site: Path, phone) -> None:
    page = phone
    _open(page, exported_site, "00-start-here")
    safety = page.locator('[data-thoracic="safety"]')
    safety.get_by_label(get_red_flag("tearing-pain").text, exact=True).check()
    safety.locator(".thoracic-message").get_by_text("Emergency: call for help now.").wait_for()
    _open(page, exported_site, "08-daily-routine")
    alert = page.locator('[data-thoracic="banner"] [role="alert"]').first
    alert.get_by_text("Read this first:").wait_for()
    go = page.get_by_role("button", name="Do it now")
    assert alert.bounding_box()["y"] < go.bounding_box()["y"]

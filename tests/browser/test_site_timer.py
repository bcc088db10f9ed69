"""The exercise timer on the exported site, opened from file:// with the network off:
the same controls and keys as in JupyterLab, on a phone and on a laptop."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .timer import (
    check_mat_view,
    frames,
    state,
    touch_targets_too_small,
    wait_for,
)

pytestmark = pytest.mark.browser


@pytest.fixture(params=[(390, 844), (1280, 900)], ids=["phone", "laptop"])
def site_page(request, browser):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height},
                                  has_touch=width < 500)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(msg.text))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.on("requestfailed", lambda req: page.problems.append(f"failed: {req.url}"))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else route.abort())
    page.size = (width, height)
    yield page
    context.close()


def test_every_control_and_key_works_offline(exported_site: Path, site_page,
                                             artifacts: Path) -> None:
    page = site_page
    width, height = page.size
    page.goto((exported_site / "05-kneeling-thoracic-extension.html").as_uri())
    timer = page.locator(".ubr-timer").first
    timer.wait_for()
    timer.scroll_into_view_if_needed()
    assert touch_targets_too_small(timer) == []
    timer.get_by_role("button", name="Start").click()
    wait_for(timer, status="running", kind="get-ready")
    timer.focus()
    page.keyboard.press("n")  # skip the countdown
    wait_for(timer, kind="reps")
    page.keyboard.press(" ")
    wait_for(timer, status="paused")
    paused_at = state(timer)["elapsed"]
    frames(page, 20)
    assert state(timer)["elapsed"] == paused_at
    timer.get_by_role("button", name="Resume").click()
    wait_for(timer, status="running")
    page.keyboard.press("d")  # done with set 1
    wait_for(timer, kind="rest")
    timer.get_by_role("button", name="Skip").click()
    wait_for(timer, kind="reps")
    timer.get_by_role("button", name="Done with set").click()
    wait_for(timer, status="done")
    timer.get_by_text("Well done! You finished this timer.").wait_for()
    page.keyboard.press("m")
    assert not timer.get_by_label("Sound").is_checked()
    timer.get_by_role("button", name="Reset").click()
    wait_for(timer, status="idle", kind="get-ready")
    check_mat_view(page, timer, artifacts / f"site-mat-view-{width}x{height}.png")
    assert page.problems == []


def test_the_sound_and_voice_choice_is_remembered(exported_site: Path, site_page) -> None:
    page = site_page
    page.goto((exported_site / "04-childs-pose.html").as_uri())
    timer = page.locator(".ubr-timer").first
    timer.get_by_label("Voice").uncheck()
    page.reload()
    timer = page.locator(".ubr-timer").first
    timer.wait_for()
    assert not timer.get_by_label("Voice").is_checked()
    assert timer.get_by_label("Sound").is_checked()


def _set_visibility(page, state: str) -> None:
    page.evaluate("(state) => { Object.defineProperty(document, 'visibilityState', "
                  "{configurable: true, get: () => state}); "
                  "document.dispatchEvent(new Event('visibilitychange')); }", state)


def test_after_a_hidden_tab_the_true_position_shows_and_missed_cues_stay_silent(
        exported_site: Path, offline_page) -> None:
    page = offline_page
    page.clock.install()  # the page's own clock, moved by the test: no waiting
    page.goto((exported_site / "05-kneeling-thoracic-extension.html").as_uri())
    page.clock.run_for(2000)
    timer = page.locator(".ubr-timer").first
    timer.wait_for()
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(11_000)  # through the 10 s countdown, into set 1
    cues = page.evaluate("() => globalThis.__thoracicTimerCues")
    # the countdown's last three seconds and the start of set 1 (the get-ready tone at 0
    # may be dropped as late if the page was slow to run it: late cues are never played)
    assert [c["kind"] for c in cues if c["at"] > 1][:4] == ["countdown", "countdown",
                                                           "countdown", "start"]
    _set_visibility(page, "hidden")  # the phone's screen goes off, or another tab opens
    page.clock.fast_forward(40_000)
    _set_visibility(page, "visible")
    page.clock.run_for(100)
    elapsed = float(state(timer)["elapsed"])
    assert 51 <= elapsed <= 51.5  # the true position, at once
    assert state(timer)["kind"] == "rest"  # 10 s ready + 32 s set, then the rest
    rest_left = 10 + 32 + 30 - elapsed  # the rest between sets ends at 72 s
    assert timer.locator(".ubr-time").inner_text() == f"0:{math.ceil(rest_left):02d}"
    after = page.evaluate("() => globalThis.__thoracicTimerCues")
    assert after[len(cues):] == []  # nothing missed while hidden is played in a burst
    assert page.problems == []


def test_a_version_of_the_dose_is_chosen_on_the_page_with_no_kernel(exported_site: Path,
                                                                     site_page) -> None:
    page = site_page
    page.goto((exported_site / "04-childs-pose.html").as_uri())
    timer = page.locator(".ubr-timer").first
    timer.wait_for()
    timer.scroll_into_view_if_needed()
    version = timer.get_by_label("Version")
    # Waits until drawn: a cell off screen is drawn only once scrolled near
    # (content-visibility), and until then its rendered text is empty.
    expect(version.locator("option")).to_have_text([
        "Standard", "Easier", "Harder", "Longer holds (older adults)",
        "Chair or standing (no floor)"])
    next_part = timer.locator(".ubr-next")
    expect(next_part).to_contain_text("(0:30)")
    version.select_option(label="Longer holds (older adults)")
    page.wait_for_function("(el) => el.textContent.includes('(1:00)')",
                           arg=next_part.element_handle())
    timer.get_by_role("button", name="Start").click()
    wait_for(timer, status="running")
    assert version.is_disabled()  # no swapping plans halfway through
    timer.get_by_role("button", name="Reset").click()
    timer.get_by_role("button", name="Really reset?").click()  # a run goes on the second press
    wait_for(timer, status="idle")
    assert version.is_enabled()
    assert page.problems == []

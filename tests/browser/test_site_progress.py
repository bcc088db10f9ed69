"""The exported site keeps the learner's progress on the device, shows it on its own My
progress page, trades progress files with `thoracic progress`, says so when it cannot keep
anything, and, served from an address, keeps working with no network."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from thoracic import ProgressStore
from thoracic.content import COURSE
from thoracic.progress import read_progress_file

pytestmark = pytest.mark.browser

REPLACEMENT_NOTE = "<b>not bold</b> & stiff"


def _page(exported_site: Path, page, name: str) -> None:
    page.goto((exported_site / f"{name}.html").as_uri())
    page.wait_for_function("() => window.ThoracicSite && document.querySelector('.thoracic-live')")


def _records(page) -> dict:
    return page.evaluate("() => window.ThoracicSite.store().records()")


def _practise_childs_pose(page, exported_site: Path) -> None:
    _page(exported_site, page, "04-childs-pose")
    timer = page.locator(".ubr-timer").first
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(90_000)  # get ready, hold, rest, hold: 85 s
    practice = page.locator(".thoracic-practice").first
    practice.get_by_text("How did your back feel?", exact=True).wait_for()
    practice.get_by_role("button", name="3", exact=True).click()
    practice.get_by_text("Amber: Stay at this dose.").wait_for()
    practice.get_by_role("textbox", name="Note").fill(REPLACEMENT_NOTE)
    practice.get_by_role("button", name="Save how it felt").click()
    practice.get_by_text(f"✓ Saved: 3 out of 10. Note: {REPLACEMENT_NOTE}").wait_for()


def test_what_the_learner_does_survives_reloads_and_shows_on_my_progress(
        exported_site: Path, mat_page) -> None:
    page = mat_page
    _page(exported_site, page, "03-foam-roller-extension")
    form = page.locator(".thoracic-live").filter(has_text="Form check").first
    form.get_by_label("Your hips stay on the floor as you lean back.").check()
    form.get_by_text("1 of 6 ticked").wait_for()
    page.reload()
    page.wait_for_function("() => document.querySelector('.thoracic-live')")
    form = page.locator(".thoracic-live").filter(has_text="Form check").first
    assert form.get_by_label("Your hips stay on the floor as you lean back.").is_checked()

    _practise_childs_pose(page, exported_site)
    quiz = page.locator(".thoracic-question").first
    quiz.locator("input[type=radio]").first.check()
    quiz.get_by_role("button", name="Check my answer").click()
    quiz.locator(".thoracic-feedback").filter(has_text="Yes!").or_(
        quiz.locator(".thoracic-feedback").filter(has_text="Not quite")).wait_for()
    # The feedback shows at once and the answer is kept a moment later: leaving the page in
    # between would abort the write (a fresh-clone run once did), so wait for it.
    page.wait_for_function("() => window.ThoracicSite.store().records().quiz_answers.length",
                           polling=10)

    _page(exported_site, page, "09-mobilization-benefits")
    rotation = page.locator(".thoracic-live").filter(has_text="Record your seated rotation")
    rotation.get_by_label("Left side (degrees)").fill("40")
    rotation.get_by_label("Right side (degrees)").fill("45,5")
    rotation.get_by_role("button", name="Save seated rotation").click()
    rotation.get_by_text("✓ Saved: left 40, right 45.5 degrees.").wait_for()

    kept = _records(page)
    assert {(s["kind"], s["exercise"]) for s in kept["sessions"]} >= {
        ("set", "Child's pose"), ("exercise", "Child's pose")}
    rated = [s for s in kept["sessions"] if s["kind"] == "exercise"]
    assert (rated[0]["rating"], rated[0]["note"]) == (3, REPLACEMENT_NOTE)
    assert len(kept["quiz_answers"]) == 1 and len(kept["self_tests"]) == 2
    assert any(t["item"] == "hips-down" and t["checked"] for t in kept["checklist_ticks"])

    _page(exported_site, page, "12-my-progress")
    progress = page.locator(".thoracic-dashboard")
    progress.get_by_text("Days practised in all: 1").wait_for()
    progress.get_by_text("Days in a row, up to now: 1").wait_for()
    assert progress.locator("rect[data-day]").count() > 100  # the calendar
    trend = progress.locator('svg[aria-label*="latest average is 3 (Amber)"]')
    assert trend.count() == 1
    assert trend.locator("circle").get_attribute("cx") == "187"  # one day: the middle, not the axis
    assert re.search(r"from \d+ \w+ to \d+ \w+", trend.get_attribute("aria-label"))
    bars = progress.locator('svg[aria-label*="Bar chart of days practised"]')
    assert re.search(r"from the week of \d+ \w+ to the week of", bars.get_attribute("aria-label"))
    assert bars.locator("text").count() == 3  # the aim and the first and last weeks' dates
    progress.get_by_text(REPLACEMENT_NOTE, exact=False).wait_for()  # a note is text
    assert progress.locator("b").count() == 0

    fixer = page.locator(".thoracic-entries")
    wrong = fixer.locator("li").filter(
        has_text="self-test · Seated rotation, left side: 40 (degrees)")
    wrong.get_by_role("button").click()
    wrong.get_by_role("button", name="Delete").get_by_text("Yes, delete it").wait_for()
    wrong.get_by_role("button").click()
    page.get_by_text("✓ Deleted: ").wait_for()
    assert [t["value"] for t in _records(page)["self_tests"]] == [45.5]
    assert page.problems == []


def test_the_progress_file_goes_to_thoracic_import_and_comes_back(
        exported_site: Path, mat_page, tmp_path: Path) -> None:
    page = mat_page
    _practise_childs_pose(page, exported_site)
    _page(exported_site, page, "12-my-progress")
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my progress file").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("upper-back-relief-progress-")
    device = _records(page)

    store = ProgressStore(tmp_path / "laptop" / "progress.sqlite3")
    report = store.import_data(read_progress_file(saved))  # as thoracic progress --import
    assert report["sessions"] == len(device["sessions"]) > 0
    assert [s.id for s in store.sessions()] == [s["id"] for s in device["sessions"]]
    rated = next(s for s in store.sessions() if s.kind == "exercise")
    assert (rated.rating, rated.note) == (3, REPLACEMENT_NOTE)

    # Back the other way: the laptop's own practice merges in, with no duplicates.
    store.record_session("exercise", "Side-lying open book", 77.0, sets=2)
    exported = tmp_path / "from-laptop.json"
    exported.write_text(json.dumps(store.export_data()), encoding="utf-8")
    chooser = page.locator(".thoracic-file input[type=file]")
    chooser.set_input_files(str(exported))
    status = page.locator(".thoracic-file .thoracic-status")
    status.get_by_text("✓ Added 1 practice-log entry.").wait_for()
    assert len(_records(page)["sessions"]) == len(device["sessions"]) + 1

    before = _records(page)
    damaged = tmp_path / "damaged.json"
    damaged.write_text(exported.read_text()[:-40], encoding="utf-8")
    chooser.set_input_files(str(damaged))
    status.get_by_text("is not a progress file: it is not valid JSON").wait_for()
    assert "Nothing was imported." in status.inner_text()
    foreign = tmp_path / "foreign.json"
    foreign.write_text(json.dumps({"format": "someone-else", "sessions": []}), encoding="utf-8")
    chooser.set_input_files(str(foreign))
    status.get_by_text("is not a progress export from this course").wait_for()
    latin = tmp_path / "latin-1.json"  # once turned into "caf\uFFFD" and kept
    with_cafe = store.export_data()
    with_cafe["sessions"][-1]["note"] = "café"
    latin.write_bytes(json.dumps(with_cafe, ensure_ascii=False).encode("latin-1"))
    chooser.set_input_files(str(latin))
    status.get_by_text("latin-1.json is not a progress file (it is not UTF-8 text).").wait_for()
    assert _records(page) == before  # refused files change nothing
    assert page.problems == []


def test_when_the_browser_keeps_nothing_every_page_says_so(exported_site: Path, browser) -> None:
    context = browser.new_context()
    context.add_init_script("for (const name of ['indexedDB', 'localStorage']) {"
                            " Object.defineProperty(window, name, {get() { "
                            "throw new DOMException('The operation is insecure.', "
                            "'SecurityError'); }}); }")
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else route.abort())
    _page(exported_site, page, "03-foam-roller-extension")
    notice = page.locator("#thoracic-storage-notice")
    notice.wait_for()
    assert notice.get_attribute("role") == "alert"
    assert "kept" in notice.inner_text().lower()
    form = page.locator(".thoracic-live").filter(has_text="Form check").first
    box = form.get_by_label("Your hips stay on the floor as you lean back.")
    box.click()
    form.get_by_role("alert").filter(has_text="Not kept").wait_for()
    assert not box.is_checked()  # the box shows what is really kept: nothing
    context.close()


def test_served_once_the_whole_course_works_with_no_network(served_site: str,
                                                            browser) -> None:
    url = served_site
    context = browser.new_context()
    try:
        page = context.new_page()
        refused: list[str] = []  # the server's Content-Security-Policy must let the site run
        page.on("console", lambda msg: "Content Security Policy" in msg.text
                and refused.append(msg.text))
        page.goto(url)
        assert page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
        manifest = page.evaluate("() => fetch(document.querySelector('link[rel=manifest]')"
                                 ".href).then((r) => r.json())")
        assert manifest["name"] == "Upper Back Relief" and manifest["start_url"]
        assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
        page.reload()  # now the service worker answers for the page
        page.wait_for_function("() => navigator.serviceWorker.controller !== null")
        context.set_offline(True)
        for info in COURSE:
            response = page.goto(f"{url}{info.stem}.html")
            assert response is not None and response.ok, info.stem
            page.wait_for_function("() => document.querySelector('.thoracic-live, .ubr-timer')"
                                   " || !document.querySelector('.thoracic-offline')")
        page.goto(f"{url}04-childs-pose.html")
        page.locator(".ubr-timer").first.wait_for()  # the site's scripts came from the cache
        form = page.locator(".thoracic-live").filter(has_text="Form check").first
        form.locator("input[type=checkbox]").first.check()
        form.get_by_text("1 of").wait_for()
        assert page.locator("#thoracic-storage-notice").count() == 0
        assert refused == []
    finally:
        context.close()

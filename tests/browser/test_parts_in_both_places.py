"""Each interactive part is one front-end: the same journey, with the same clicks and the
same words, in JupyterLab (where Python keeps what the learner does) and on the exported
site from file:// (where the device does). Safety check and its banner, a knowledge check,
a form checklist, a self-test form, "fix a wrong entry", the next-day check and the
progress file saved and loaded under the dashboard."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from thoracic.content import get_red_flag
from thoracic.progress import read_progress_file

from .lab import code_cells, notebook, open_notebook, restart_and_run_all

pytestmark = pytest.mark.browser

Open = Callable[[str], object]  # a notebook's stem -> the locator of its content


def part(panel, kind: str, has_text: str | None = None):
    found = panel.locator(f'[data-thoracic="{kind}"]')
    return (found.filter(has_text=has_text) if has_text else found).first


def progress_file_both_ways(panel, folder: Path) -> None:
    """Save the progress file, check it reads as thoracic progress --import reads one, load
    it back (nothing doubles), then a damaged copy (refused, and said so)."""
    files = part(panel, "dashboard").locator(".thoracic-file")
    with panel.page.expect_download() as download:
        files.get_by_role("button", name="Save my progress file").click()
    saved = folder / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("upper-back-relief-progress-")
    assert read_progress_file(saved)["checklist_ticks"]  # the safety check's, at least
    files.get_by_text(f"✓ Saved {saved.name}").wait_for()
    chooser = files.locator("input[type=file]")
    chooser.set_input_files(str(saved))
    files.get_by_text("✓ Nothing new to add. Already here, so left as they were:").wait_for()
    damaged = folder / "damaged.json"
    damaged.write_text(saved.read_text("utf-8")[:-40], encoding="utf-8")
    chooser.set_input_files(str(damaged))
    files.get_by_role("alert").get_by_text(re.compile("damaged.json .*not valid JSON")).wait_for()
    # A file that reads but holds a bad entry: the refusal names the file, then the entry.
    foreign = folder / "other-course.json"
    kept = json.loads(saved.read_text("utf-8"))
    foreign.write_text(json.dumps({**kept, "format": "someone-else"}), encoding="utf-8")
    chooser.set_input_files(str(foreign))
    files.get_by_role("alert").get_by_text(
        "other-course.json: it is not a progress export from this course.").wait_for()
    wrong = folder / "wrong-entry.json"
    wrong.write_text(json.dumps({**kept, "checklist_ticks": [
        {**kept["checklist_ticks"][0], "checked": "yes"}]}), encoding="utf-8")
    chooser.set_input_files(str(wrong))
    files.get_by_role("alert").get_by_text(re.compile(
        r"^⚠ wrong-entry\.json, checklist tick 1: .*'checked' must be true or false")).wait_for()


def journey(open_page: Open, artifacts: Path, place: str, folder: Path) -> None:
    tearing = get_red_flag("tearing-pain")
    cleared = f"I have been checked for this and told I can exercise: {tearing.text}"

    panel = open_page("00-start-here")
    safety = part(panel, "safety")
    none_fit = safety.get_by_role("button", name="None of these fit me")
    none_fit.click()
    said = safety.get_by_role("status").filter(
        has_text="✓ You told the course that none of these fit you on")
    said.wait_for()  # announced, as a status
    safety.get_by_label(tearing.text, exact=True).check()
    none_fit.wait_for(state="hidden")  # a ticked sign and "none fit" cannot both hold
    message = safety.locator(".thoracic-message")
    message.get_by_text("Emergency: call for help now.").wait_for()
    assert message.get_attribute("role") == "alert"
    # The advice also sits under the group of the ticked flag, where the learner looks.
    assert safety.locator(".thoracic-group-note.thoracic-alert").count() == 1
    safety.get_by_label(cleared, exact=True).check()
    message.get_by_text("checked every sign you ticked").wait_for()
    quiz = part(panel, "quiz").locator("fieldset").first
    quiz.get_by_role("button", name="Check my answer").click()
    quiz.get_by_text("Pick an answer first.").wait_for()
    quiz.locator("label").first.click()
    quiz.get_by_role("button", name="Check my answer").click()
    quiz.locator(".thoracic-feedback").filter(has_text="✓").or_(
        quiz.locator(".thoracic-feedback").filter(has_text="✗")).wait_for()
    safety.screenshot(path=str(artifacts / f"parts-safety-{place}.png"))

    panel = open_page("03-foam-roller-extension")
    part(panel, "banner").get_by_text("checked every sign you ticked").wait_for()
    # This week's line above the timer: the learner's plan in JupyterLab; the site has
    # none of theirs (made from an empty folder, it would always say week 1).
    week_line = panel.locator(".lab-only", has_text="Week").first
    week_line.wait_for(state="attached")
    assert week_line.is_visible() == (place == "lab"), week_line.text_content()

    panel = open_page("04-childs-pose")
    form = part(panel, "checklist", "Form check")
    form.locator("input").first.check()
    form.get_by_text("1 of").wait_for()
    assert form.locator("input").first.is_checked()

    panel = open_page("09-mobilization-benefits")
    rotation = part(panel, "self-test", "Record your seated rotation")
    boxes = rotation.locator("input")
    boxes.nth(0).fill("forty")
    boxes.nth(1).fill("45,5")
    rotation.get_by_role("button", name="Save seated rotation").click()
    rotation.get_by_role("alert").get_by_text('Left side: "forty" is not a number').wait_for()
    boxes.nth(0).fill("41")
    rotation.get_by_role("button", name="Save seated rotation").click()
    rotation.get_by_text("✓ Saved: left 41, right 45.5 degrees.").wait_for()
    assert boxes.nth(0).input_value() == ""

    panel = open_page("12-my-progress")
    part(panel, "next-day").get_by_text("The next-day check").wait_for()
    # The plan week by week: Python's plan in JupyterLab, plan.js's on the site.
    newest = part(panel, "plan").locator("tr").nth(1)
    newest.wait_for()
    assert re.match(r"Week \d+ \(starting Monday \d+ \w+ \d{4}\)",
                    newest.locator("td").first.text_content() or "")
    # Sharing with a teacher: a switch in JupyterLab; on the site, no teacher, no box.
    share = part(panel, "checklist", "Share with my teacher")
    share.get_by_text("Share with my teacher").wait_for()
    assert share.locator("input").count() == (1 if place == "lab" else 0)
    if place == "site":
        assert "nothing is shared" in (share.text_content() or "")
    fixer = part(panel, "entries")
    rotation_41 = "Seated rotation, left side: 41 (degrees)"
    wrong = fixer.locator("li").filter(has_text=rotation_41).first
    wrong.get_by_role("button").click()
    wrong.get_by_role("button").get_by_text("Yes, delete it").wait_for()
    wrong.get_by_role("button").click()
    fixer.get_by_text("✓ Deleted: ").wait_for()
    assert fixer.locator("li").filter(has_text=rotation_41).count() == 0
    fixer.screenshot(path=str(artifacts / f"parts-entries-{place}.png"))
    progress_file_both_ways(panel, folder)

    # Leave the safety check as it was found (JupyterLab's progress is shared by a session).
    safety = part(open_page("00-start-here"), "safety")
    safety.get_by_label(tearing.text, exact=True).uncheck()
    safety.locator(".thoracic-message").get_by_text("Nothing ticked").wait_for()


def test_on_the_site(exported_site: Path, offline_page, artifacts: Path, tmp_path: Path) -> None:
    page = offline_page

    def open_page(stem: str):
        page.goto((exported_site / f"{stem}.html").as_uri())
        page.locator(".thoracic-live").first.wait_for(state="attached")
        return page.locator("main")

    journey(open_page, artifacts, "site", tmp_path)
    assert page.problems == []


def test_in_jupyterlab(lab_page, jupyterlab, artifacts: Path, tmp_path: Path) -> None:
    page, lab = lab_page, jupyterlab

    def open_page(stem: str):
        name = f"{stem}.ipynb"
        open_notebook(page, lab, name)
        restart_and_run_all(page, code_cells(lab, name))
        return notebook(page)

    journey(open_page, artifacts, "lab", tmp_path)
    assert page.problems == []

"""A class on one server: the repository's own JupyterHub settings (jupyterhub_config.py,
what `make hub-demo` starts), two learners at once in two browsers.

Each learner works in their own JupyterLab, runs 00 and 03, ticks a red flag and a form
cue, finishes the timer, rates it with a note, and opens their dashboard. Then: each
learner's progress file holds only their own records, each dashboard shows only their own
practice, the course folder is byte-identical, no dialog or page error appeared, and the
teacher's class report shows the learner who opted in and lists the other as "not shared".

Timers run ten times faster (THORACIC_TIMER_SCALE, passed on by the hub's settings). The
hub, its proxy, the learners' servers and their kernels are stopped by their process ids
at the end, even when the test fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import time
from pathlib import Path

import pytest

from thoracic import ProgressStore, get_exercise
from thoracic.content import DISCOMFORT_SCALE
from thoracic.lab import LEARNER_STORE

from .conftest import ROOT, _free_port
from .hub import JUPYTERHUB, PROXY, running_hub
from .lab import (
    IDLE,
    NO_DIRTY_TAB,
    assert_calm,
    checkbox,
    code_cells,
    fingerprint,
    new_page,
    notebook,
    open_notebook,
    start_run_all,
    wait_for_run_all,
)
from .timer import wait_for

pytestmark = pytest.mark.browser

THORACIC = ROOT / ".venv" / "bin" / "thoracic"
PASSWORD = "trial-class-password"
START, ROLLER, PROGRESS = "00-start-here.ipynb", "03-foam-roller-extension.ipynb", \
    "12-my-progress.ipynb"
CUES = get_exercise("foam-roller-extension").form_cues
# What each learner does differently; alice opts in to sharing, bob does not.
LEARNERS = {
    "alice": {"flag": ("weight-loss", "lost weight without trying",
                       "See a doctor or physiotherapist before you start"), "cue": CUES[0],
              "rating": 3, "note": "alice: tight after the long drive"},
    "bob": {"flag": ("fever", "A fever, chills or feeling very unwell",
                     "Urgent: speak to a doctor today."),
            "cue": CUES[1],
            "rating": 1, "note": "bob: felt loose afterwards"},
}
# Autosave every second; render every cell, so those below the fold can be found.
SETTINGS = {"@jupyterlab/docmanager-extension:plugin": {"autosaveInterval": 1},
            "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


def demonstration(state: Path):
    """make hub-demo's hub, with a known password and timers ten times faster."""
    return running_hub(state, {"THORACIC_HUB_DEMO": "1", "THORACIC_HUB_PASSWORD": PASSWORD,
                               "THORACIC_TIMER_SCALE": "0.1"})


def log_in(page, hub, name: str) -> dict[str, object]:
    """Log in; the hub starts the learner's server. Their JupyterLab, as a lab dict."""
    settings = hub["homes"] / name / ".jupyter" / "lab" / "user-settings"
    for plugin, values in SETTINGS.items():
        package, file = plugin.split(":")
        (settings / package).mkdir(parents=True, exist_ok=True)
        (settings / package / f"{file}.jupyterlab-settings").write_text(json.dumps(values))
    page.goto(f"{hub['url']}/hub/login")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(PASSWORD)
    page.locator("#login_submit").click()
    return {"url": f"{hub['url']}/user/{name}", "course": hub["course"]}


def store_of(hub, name: str) -> ProgressStore:
    return ProgressStore(hub["homes"] / name / LEARNER_STORE)


def test_two_learners_share_one_server_and_nothing_else(browser, tmp_path: Path,
                                                         artifacts: Path,
                                                         missing_tool) -> None:
    if not PROXY.is_file() or not JUPYTERHUB.is_file():
        missing_tool("JupyterHub or its proxy is not installed, so the class-server test is "
                     "skipped. Install them with: make install")
    started = time.monotonic()
    state = tmp_path / "hub"
    state.mkdir()
    with demonstration(state) as hub:
        course = hub["course"]
        installed = fingerprint(course)
        assert installed and all(p.stat().st_mode & 0o222 == 0 for p in course.iterdir())
        pages, labs, contexts = {}, {}, []
        try:
            for name in LEARNERS:  # both log in at once; their servers start side by side
                context, page = new_page(browser)
                contexts.append(context)
                pages[name] = page
                labs[name] = log_in(page, hub, name)
            for name, page in pages.items():  # each lands in 00, in JupyterLab
                page.wait_for_url(f"**/user/{name}/lab/tree/{START}*", timeout=120_000)
                page.locator(".lm-TabBar-tab.lm-mod-current", has_text=START).wait_for(
                    timeout=60_000)
                page.wait_for_function(IDLE, timeout=60_000)
            hub["processes"].record()

            # 00: run it, tick a red flag each (different ones), save with Ctrl+S.
            for page in pages.values():
                start_run_all(page)
            for name, page in pages.items():
                wait_for_run_all(page, code_cells(labs[name], START))
                checkbox(notebook(page), LEARNERS[name]["flag"][1]).check()
                notebook(page).get_by_text(LEARNERS[name]["flag"][2]).first.wait_for()
                notebook(page).locator(".jp-Cell").first.click()
                page.keyboard.press("Control+s")
            # 03: run it, tick a form cue each, let autosave run, time a whole set and rate it.
            for name, page in pages.items():
                page.wait_for_function(NO_DIRTY_TAB, timeout=20_000)
                open_notebook(page, labs[name], ROLLER)
                start_run_all(page)
            timers = {}
            for name, page in pages.items():
                wait_for_run_all(page, code_cells(labs[name], ROLLER))
                checkbox(notebook(page), LEARNERS[name]["cue"].text).check()
                timers[name] = notebook(page).locator(".ubr-timer").first
                timers[name].scroll_into_view_if_needed()
                timers[name].get_by_role("button", name="Start").click()
            hub["processes"].record()
            for name, page in pages.items():
                wait_for(timers[name], status="done")
                rating = str(LEARNERS[name]["rating"])
                scale = notebook(page).locator(".thoracic-scale", has=page.get_by_role(
                    "button", name=rating, exact=True)).first
                scale.get_by_role("button", name=rating, exact=True).click()
                notebook(page).get_by_placeholder("A note for yourself").first.fill(
                    LEARNERS[name]["note"])
                notebook(page).get_by_role("button", name="Save how it felt").first.click()
                notebook(page).get_by_text(f"Saved: {rating} out of 10").wait_for()
                page.wait_for_function(NO_DIRTY_TAB, timeout=20_000)  # autosave
            # 12: each dashboard; alice opts in to sharing, bob leaves it off.
            for name, page in pages.items():
                open_notebook(page, labs[name], PROGRESS)
                start_run_all(page)
            for name, page in pages.items():
                wait_for_run_all(page, code_cells(labs[name], PROGRESS))
                other = next(n for n in LEARNERS if n != name)
                panel = notebook(page)
                panel.get_by_text("Days practised in all: 1").first.wait_for()
                panel.get_by_text(LEARNERS[name]["note"]).first.wait_for()
                assert panel.get_by_text(LEARNERS[other]["note"]).count() == 0
                share = checkbox(panel, "Let my teacher see")
                assert not share.is_checked()  # off until the learner ticks it
                if name == "alice":
                    share.check()
                page.wait_for_function(NO_DIRTY_TAB, timeout=20_000)
                page.screenshot(path=str(artifacts / f"hub-{name}-my-progress.png"))
                assert_calm(page)
            hub["processes"].record()

            # Each learner's progress file holds their own records, and no one else's.
            for name, plan in LEARNERS.items():
                data = store_of(hub, name).export_data()
                ticks = {(t["checklist"], t["item"]) for t in data["checklist_ticks"]
                         if t["checked"]}
                expected = {("safety-screen", plan["flag"][0]),
                            ("form-foam-roller-extension", plan["cue"].id)}
                if name == "alice":
                    expected.add(("share-with-teacher", "share"))
                assert ticks == expected, name
                rated = [(s["rating"], s["note"]) for s in data["sessions"]
                         if s["rating"] is not None]
                assert rated == [(plan["rating"], plan["note"])], name
                assert {s["exercise"] for s in data["sessions"]} == {"Foam roller extension"}
            stores = sorted(p.relative_to(state) for p in state.rglob(LEARNER_STORE.name))
            assert stores == [Path("homes", name, LEARNER_STORE) for name in sorted(LEARNERS)]

            # The teacher's view: alice's two figures; bob only as "not shared".
            env = {k: v for k, v in os.environ.items()
                   if k not in ("THORACIC_TODAY", "THORACIC_DATA_DIR")}
            report = subprocess.run([str(THORACIC), "class-report", "--home-root",
                                     str(hub["homes"])], env=env, capture_output=True,
                                    text=True, timeout=60, check=True).stdout
            zone = DISCOMFORT_SCALE.zone(LEARNERS["alice"]["rating"]).word
            assert "  alice  1 day practised this week; latest rating " \
                   f"{LEARNERS['alice']['rating']}/10, {zone} zone" in report, report
            assert "  bob    not shared\n" in report, report
            assert "bob:" not in report and "alice:" not in report  # no notes
        finally:
            for context in contexts:
                context.close()
        assert fingerprint(course) == installed
        assert "Traceback" not in hub["log"].read_text()
    elapsed = time.monotonic() - started
    print(f"class-server test took {elapsed:.0f} s")


def test_idle_servers_are_stopped_by_a_culler_with_only_the_rights_it_needs(
        tmp_path: Path, missing_tool) -> None:
    """jupyterhub-idle-culler runs as a service of the hub and asks the hub's API for the
    servers at once (it is allowed to: its role has the scopes it needs, and no more)."""
    if not PROXY.is_file() or not JUPYTERHUB.is_file():
        missing_tool("JupyterHub or its proxy is not installed, so the class-server test is "
                     "skipped. Install them with: make install")
    state = tmp_path / "hub"
    state.mkdir()
    with demonstration(state) as hub:
        log = hub["log"]
        deadline = time.monotonic() + 60
        asked = re.compile(r"200 GET /hub/api/users\S* \(idle-culler@")
        while not asked.search(log.read_text()):  # type: ignore[attr-defined]
            assert time.monotonic() < deadline, log.read_text()[-3000:]  # type: ignore[attr-defined]
            time.sleep(0.2)  # polling the hub's log, not timing the test
        text = log.read_text()  # type: ignore[attr-defined]
        assert "Starting managed service idle-culler" in text
        assert "403" not in text and "Traceback" not in text


def test_the_demonstration_says_so_and_listens_on_this_computer_only(
        browser, tmp_path: Path, missing_tool) -> None:
    """make hub-demo keeps learners apart by folder only, so it is named a demonstration on
    its login page and refuses to listen anywhere but this computer (issue 27)."""
    if not PROXY.is_file() or not JUPYTERHUB.is_file():
        missing_tool("JupyterHub or its proxy is not installed, so the class-server test is "
                     "skipped. Install them with: make install")
    state = tmp_path / "hub"
    state.mkdir()
    env = {**os.environ, "THORACIC_HUB_DIR": str(state), "THORACIC_HUB_IP": "0.0.0.0",
           "THORACIC_HUB_DEMO": "1",
           "THORACIC_HUB_PORT": str(_free_port())}
    refused = subprocess.run([str(JUPYTERHUB), "-f", str(ROOT / "jupyterhub_config.py")],
                             cwd=state, env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode != 0
    assert "listens on this computer only (127.0.0.1), not on 0.0.0.0" in refused.stderr
    assert not (state / "jupyterhub.sqlite").exists()  # no hub was started
    with demonstration(state) as hub:
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(f"{hub['url']}/hub/login")
            page.get_by_text("Demonstration mode: learners are not kept apart.").wait_for()
        finally:
            context.close()

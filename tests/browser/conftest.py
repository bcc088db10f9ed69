"""Real-browser fixtures: Debian's chromium driven by playwright (never `playwright install`).

Locally, without chromium, these tests are skipped with a message saying how to install
it. In CI (CI=true) a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium_executable(missing_tool) -> str:
    path = shutil.which("chromium")
    if path is None:
        missing_tool("Chromium is not installed, so the browser tests are skipped. "
                     "Install it with: sudo apt-get install chromium")
    return path


@pytest.fixture(scope="session")
def browser(chromium_executable: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable,
                                             args=LAUNCH_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def offline_page(browser) -> Iterator[object]:
    """A page that may load only local files; it records failed requests and console errors."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(
        f"console: {msg.text}"))
    page.on("requestfailed", lambda req: page.problems.append(f"failed: {req.url}"))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:")) else route.abort())
    yield page
    context.close()


@pytest.fixture
def mat_page(browser) -> Iterator[object]:
    """A phone-sized page that may load only local files, with its clock under the test's
    control (no waiting for a real minute and a half of child's pose)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("console", lambda msg: msg.type == "error" and page.problems.append(msg.text))
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        ("file:", "data:", "blob:")) else route.abort())
    page.clock.install()
    yield page
    context.close()


@pytest.fixture
def served_site(exported_site: Path) -> Iterator[str]:
    """The exported course served as ``thoracic export --serve`` serves it, on a free port
    of 127.0.0.1 (an address where a service worker may run): its address, ending in /."""
    from .served import SiteServer

    server = SiteServer(exported_site)
    try:
        yield server.url
    finally:
        server.close()


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, server, seconds: float) -> bool:
    """Whether ``url`` answered before the ``server`` process ended or ``seconds`` passed."""
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    while server.poll() is None and time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            time.sleep(0.2)  # polling a starting server, not timing the test
    return False


@contextmanager
def running_jupyterlab(home: Path, course: Path, *, user_settings: dict[str, dict] | None = None,
                       read_only: bool = False) -> Iterator[dict[str, object]]:
    """JupyterLab serving ``course`` with its own progress store and Jupyter folders under
    ``home``; stopped (by its process id) on leaving. Timers run ten times faster
    (THORACIC_TIMER_SCALE) so journeys finish in seconds. The course's own settings (the
    contents manager, no news pop-up) come from the environment, as for a learner.
    """
    import json
    import os
    import subprocess
    import sys

    for plugin, values in (user_settings or {}).items():
        package, name = plugin.split(":")
        target = home / "config" / "lab" / "user-settings" / package / f"{name}.jupyterlab-settings"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(values))
    port = _free_port()
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(home / "config"),
           "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "THORACIC_DATA_DIR": str(home / "progress"), "THORACIC_TIMER_SCALE": "0.1"}
    for name in ("THORACIC_TODAY", "THORACIC_EXPORT"):
        env.pop(name, None)
    if read_only:
        for path in [course, *course.iterdir()]:
            path.chmod(0o555 if path.is_dir() else 0o444)
    log = (home / "lab.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
         "--ip=127.0.0.1", f"--port={port}", "--IdentityProvider.token=",
         "--ServerApp.password=", f"--ServerApp.root_dir={course}",
         f"--LabApp.workspaces_dir={home / 'workspaces'}"],
        env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(f"{url}/api/status", server, 60):
            raise RuntimeError(f"JupyterLab did not start; see {home / 'lab.log'}")
        yield {"url": url, "course": course, "progress": home / "progress"}
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        if read_only:
            for path in [course, *course.iterdir()]:
                path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.fixture(scope="session")
def jupyterlab(tmp_path_factory: pytest.TempPathFactory, notebooks_dir: Path,
               chromium_executable: str) -> Iterator[dict[str, object]]:
    """JupyterLab on a copy of the course, shared by the journeys of one test session."""
    home = tmp_path_factory.mktemp("lab")
    course = home / "course"
    shutil.copytree(notebooks_dir, course)
    with running_jupyterlab(home, course) as lab:
        yield lab


@pytest.fixture
def lab_page(browser, jupyterlab) -> Iterator[object]:
    """A fresh browser page; console errors and failed page requests are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    # A resource the page itself made and could not load (an empty sound clip did this).
    page.on("console", lambda msg: msg.type == "error" and "net::ERR_" in msg.text
            and page.problems.append(f"console: {msg.text}"))
    yield page
    context.close()

"""Real-browser fixtures: Debian's chromium driven by playwright (never `playwright install`).

Locally, without chromium, these tests are skipped with a message saying how to install
it. In CI (CI=true) a missing browser or renderer is a failure, not a skip.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
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
def widget_renderer(widget_renderer_dist: Path) -> Path:
    return widget_renderer_dist / "embed.js"


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

"""File > Save and Export Notebook As > Upper Back Relief page: one file that works alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .timer import start_and_see_it_count

pytestmark = pytest.mark.browser


def test_one_page_works_offline_when_copied_alone(notebooks_dir: Path, tmp_path: Path,
                                                  offline_page, artifacts: Path) -> None:
    # The same exporter JupyterLab's menu calls, through nbconvert's own command.
    # From a server whose timers run ten times faster for testing: the page still gets the
    # real doses (issue 23, finding 5).
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to",
                    "Upper_Back_Relief_page", str(notebooks_dir / "04-childs-pose.ipynb"),
                    "--output-dir", str(tmp_path)], check=True, capture_output=True,
                   env={**os.environ, "THORACIC_TIMER_SCALE": "0.1"})
    alone = tmp_path / "copied" / "page.html"
    alone.parent.mkdir()
    html = (tmp_path / "04-childs-pose.html").read_text("utf-8")
    alone.write_text(html, "utf-8")
    # Nothing it needs lives in another file: only page links and anchors point elsewhere.
    assert re.findall(r'src="(?!data:)[^"]+"', html) == []
    assert not re.search(r'<link[^>]+stylesheet', html)
    # Other notebooks' pages are not beside it: their names are words, and the page says so.
    assert re.findall(r'href="\d\d-[a-z0-9-]+\.(?:html|ipynb)', html) == []
    assert "saved on its own" in html
    # No widget renderer, RequireJS or icon font inside: it was 6.09 MB with them.
    assert len(html.encode()) < 600_000

    page = offline_page
    page.goto(alone.as_uri())
    box = page.locator(".thoracic-checklist input").first  # the parts' front-end is inside too
    box.check()
    assert box.is_checked()
    # Child's pose as the record doses it (10 s to get ready, two 30 s holds, a 15 s rest),
    # not the tenth of it that the server's testing speed would give.
    page.locator(".ubr-totals").first.get_by_text("1:25 left in all").wait_for()
    start_and_see_it_count(page)  # the same timer as in JupyterLab
    assert page.get_by_text("Error displaying widget").count() == 0
    page.screenshot(path=str(artifacts / "single-page-04.png"))
    assert page.problems == []


def test_my_progress_on_its_own_links_to_no_page_that_is_not_there(
        notebooks_dir: Path, tmp_path: Path, offline_page) -> None:
    """Today's buttons are drawn on the page, so the export cannot turn them into words:
    on a page saved on its own they are their words, as its other links are."""
    subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to",
                    "Upper_Back_Relief_page", str(notebooks_dir / "12-my-progress.ipynb"),
                    "--output-dir", str(tmp_path)], check=True, capture_output=True)
    page = offline_page
    page.goto((tmp_path / "12-my-progress.html").as_uri())
    today = page.locator('[data-thoracic="today"]')
    today.get_by_text("Daily routine").wait_for()
    hrefs = page.locator("a[href]").evaluate_all(
        "(links) => links.map((a) => a.getAttribute('href'))")
    assert [h for h in hrefs if re.match(r"\d\d-", h)] == []
    assert today.get_by_text("See all your progress").count() == 0
    assert page.problems == []

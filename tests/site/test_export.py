from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import shutil
import stat
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell

from thoracic import COURSE
from thoracic._cli import main
from thoracic.site import (
    OFFLINE_PAGE,
    SITE_SCRIPTS,
    ExportError,
    NotebookExecutionError,
    export_course,
    mark_navigation,
    prune_widget_state,
    rewrite_notebook_links,
)

pytestmark = pytest.mark.kernel  # starts Jupyter kernels: left out of `make check`

STATE = "application/vnd.jupyter.widget-state+json"
PAGES = [f"{info.stem}.html" for info in COURSE]


def _page_markup(html: str) -> str:
    """The page without scripts and inline SVG figures (which carry their own scoped style)."""
    return re.sub(r"<script.*?</script>|<svg.*?</svg>", "", html, flags=re.DOTALL)


def _widget_state(html: str) -> dict:
    found = re.search(rf'<script type="{re.escape(STATE)}">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))["state"] if found else {}


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(str(path.relative_to(folder)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_site_has_an_index_every_page_and_shared_files(exported_site: Path) -> None:
    assert sorted(p.name for p in exported_site.glob("*.html")) == sorted(
        ["index.html", "sheet.html", OFFLINE_PAGE, *PAGES])
    # JupyterLab's 260 KB of page styles, cut to what the pages use (the timer's phone
    # readiness, issue 23); the page layout itself is checked by the browser tests.
    stylesheet = (exported_site / "_static" / "course.css").read_text()
    assert 5_000 < len(stylesheet) < 40_000
    assert ".jp-RenderedHTMLCommon" in stylesheet and "--jp-content-font-family:" in stylesheet
    assert ".jp-Cell{content-visibility: auto" in stylesheet
    # The widgets are drawn by the site's own script: no renderer bundle, no RequireJS
    # and no icon fonts (they were 6 MB of the site's 7.8).
    assert (exported_site / "_static" / "site_widgets.js").is_file()
    names = {path.name for path in exported_site.rglob("*")}
    assert not names & {"html-manager", "require.js", "embed-amd.js", "anywidget.js"}
    assert not [name for name in names if name.endswith((".woff", ".woff2", ".ttf", ".eot"))]
    index = (exported_site / "index.html").read_text()
    for page in PAGES:
        assert f'href="{page}"' in index


@pytest.mark.parametrize("page", PAGES)
def test_pages_load_nothing_from_the_network_and_share_one_stylesheet(
        exported_site: Path, page: str) -> None:
    html = (exported_site / page).read_text()
    loads = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
    assert loads and all(not re.match(r"(https?:)?//", url) for url in loads), loads
    stylesheets = re.findall(r'<link [^>]*rel="stylesheet"[^>]*>|<link [^>]*href="[^"]*"'
                             r'[^>]*rel="stylesheet"[^>]*>', html)
    assert len(stylesheets) == 1 and "_static/course.css" in stylesheets[0]
    assert "<style" not in _page_markup(html)  # no CSS inlined in the page itself
    assert "mathjax" not in html.lower()
    assert re.findall(r'src="([^"]*require[^"]*)"', html) in ([], ["_static/require.js"])


@pytest.mark.parametrize("index", range(len(COURSE)))
def test_links_point_at_pages(exported_site: Path, index: int) -> None:
    html = (exported_site / PAGES[index]).read_text()
    assert ".ipynb" not in " ".join(re.findall(r'href="([^"]+)"', html))
    if index + 1 < len(COURSE):
        assert f'href="{PAGES[index + 1]}"' in html
    if index:
        assert f'href="{PAGES[index - 1]}"' in html
    assert 'href="00-start-here.html#Course-contents"' in html
    assert '<a href="index.html">' in html
    # At the top (a phone shows it as one row) and at the bottom.
    assert html.count('<p class="course-nav course-nav-top">') == 1
    assert html.count('<p class="course-nav">') == 1
    assert html.index("course-nav-top") < html.index('<p class="course-nav">')


def test_widget_state_holds_only_displayed_widgets(exported_site: Path) -> None:
    for page in PAGES:
        html = (exported_site / page).read_text()
        state = _widget_state(html)
        shown = set(re.findall(r'"model_id": "([0-9a-f]+)"', html))
        if not state:
            continue
        assert shown <= set(state)
        text = json.dumps(state)
        for model_id, entry in state.items():
            ends = re.findall(r"IPY_MODEL_([0-9a-f]+)", json.dumps(entry["state"]))
            joins_kept = entry["model_name"] == "LinkModel" and set(ends) <= set(state)
            referenced = model_id in shown or f"IPY_MODEL_{model_id}" in text or joins_kept
            assert referenced, f"{page}: {entry['model_name']} is never shown"


def test_every_interactive_part_is_one_front_end_with_its_config(exported_site: Path) -> None:
    for page, count in (("03-foam-roller-extension.html", 1), ("08-daily-routine.html", 2)):
        state = _widget_state((exported_site / page).read_text())
        buttons = [e["state"].get("description") for e in state.values()
                   if e["model_name"] == "ButtonModel"]
        assert buttons == []  # no ipywidgets buttons that would need a kernel
        timers = [e["state"] for e in state.values()
                  if e["model_name"] == "AnyModel" and "plan" in e["state"]]
        assert len(timers) == count and timers[0]["plan"]["phases"]  # each timer, whole
        assert timers[0]["core"] == "thoracic-module:timer_core.js"
    start = (exported_site / "00-start-here.html").read_text()
    # With no script, the red flags still say what to do.
    assert "Call your local emergency number" in start

    def parts(page: str) -> list[str]:
        """The kinds of the page's parts, each drawn by parts.js from its saved state."""
        state = _widget_state((exported_site / page).read_text())
        found = [e["state"] for e in state.values()
                 if e["model_name"] == "AnyModel" and "kind" in e["state"]]
        for part in found:  # one front-end, kept once for the site, and its config
            assert part["_esm"] == "thoracic-module:parts.js" and part["config"]
        return sorted(part["kind"] for part in found)

    assert parts("00-start-here.html") == ["quiz", "safety"]
    assert parts("03-foam-roller-extension.html") == ["banner", "checklist", "do-it-now", "quiz",
                                                      "rating"]
    assert parts("08-daily-routine.html").count("rating") == 2
    assert parts("index.html") == ["banner", "today"]  # the home page opens on Today
    assert parts("09-mobilization-benefits.html").count("self-test") == 3
    assert {"entries", "dashboard", "next-day", "today"} <= set(parts("12-my-progress.html"))
    # Nothing of the empty progress the export ran with is kept in the pages.
    assert all("thoracic-offline" not in (exported_site / page).read_text() for page in PAGES)


def test_each_front_end_module_is_in_the_site_once(exported_site: Path) -> None:
    modules = (exported_site / "_static" / "thoracic-modules.js").read_text()
    for name in ("parts.js", "timer.js", "timer_core.js"):
        assert f'"{name}": ' in modules
    source = "export class TimerCore"
    assert modules.count(source) == 1
    assert not any(source in (exported_site / page).read_text() for page in PAGES)


def test_every_page_loads_the_site_scripts_in_order(exported_site: Path) -> None:
    for page in PAGES:
        html = (exported_site / page).read_text()
        scripts = re.findall(r'<script[^>]* src="_static/([^"]+)"', html)
        assert [s for s in scripts if s in SITE_SCRIPTS] == list(SITE_SCRIPTS), page


def test_each_page_names_the_modules_its_widgets_run_for_its_head(exported_site: Path) -> None:
    """site_widgets.js starts importing those from the head, before the page is read."""
    for page in PAGES:
        html = (exported_site / page).read_text()
        tag = re.search(r'<script[^>]*src="_static/site_widgets.js"[^>]*>', html)[0]
        named = re.search(r'data-modules="([^"]*)"', tag)
        used = sorted(set(re.findall(r'"thoracic-module:([a-z_]+\.js)"', html)))
        assert (named[1].split() if named else []) == used, page
        # A widget's place is only the script naming its model: no inline script per
        # widget (nbconvert's, for a renderer the site does not use) and no random id.
        views = re.findall(r'<div class="jupyter-widgets[^>]*>\s*<script type="([^"]+)"', html)
        assert views and set(views) == {"application/vnd.jupyter.widget-view+json"}, page
        assert "var element" not in html and '<div class="jupyter-widgets" id=' not in html
    assert "timer.js timer_core.js" in (exported_site / "04-childs-pose.html").read_text()


def test_the_app_manifest_names_the_course_and_its_icons(exported_site: Path) -> None:
    manifest = json.loads((exported_site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Upper Back Relief" and manifest["start_url"] == "./index.html"
    for icon in manifest["icons"]:
        png = (exported_site / icon["src"]).read_bytes()
        assert png.startswith(b"\x89PNG")
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_the_service_worker_keeps_every_file_of_the_site(exported_site: Path) -> None:
    worker = (exported_site / "sw.js").read_text()
    files = json.loads(re.search(r"const FILES = (\[.*?\]);", worker, re.S)[1])
    on_disk = sorted(p.relative_to(exported_site).as_posix()
                     for p in exported_site.rglob("*") if p.is_file() and p.name != "sw.js")
    assert files == ["./", *on_disk]
    assert re.search(r'const CACHE = "upper-back-relief-[0-9a-f]{16}"', worker)
    # The page it shows for a page it cannot get is one it keeps.
    assert f'const FALLBACK = "{OFFLINE_PAGE}";' in worker and OFFLINE_PAGE in files


def test_the_offline_page_leads_home_from_any_depth(exported_site: Path) -> None:
    """The worker makes the offline page's links start at its scope by prefixing each
    href, so every one must be written from the site's top folder, and lead somewhere."""
    html = (exported_site / OFFLINE_PAGE).read_text()
    links = re.findall(r'href="([^"]*)"', html)
    assert 'index.html' in links
    for link in links:
        assert not link.startswith(("#", "/")) and ":" not in link, link
        assert (exported_site / link).is_file(), link
    assert "<script" not in html


def test_prune_keeps_links_between_kept_widgets_only() -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={"application/vnd.jupyter.widget-view+json": {"model_id": "a1"}})])]
    state = {
        "a1": {"model_name": "VBoxModel", "state": {"children": ["IPY_MODEL_b2", "IPY_MODEL_c3"]}},
        "b2": {"model_name": "PlayModel", "state": {}},
        "c3": {"model_name": "IntProgressModel", "state": {"style": "IPY_MODEL_d4"}},
        "d4": {"model_name": "ProgressStyleModel", "state": {}},
        "e5": {"model_name": "LinkModel", "state": {"source": ["IPY_MODEL_b2", "value"],
                                                    "target": ["IPY_MODEL_c3", "value"]}},
        "f6": {"model_name": "ButtonModel", "state": {}},
        "g7": {"model_name": "LinkModel", "state": {"source": ["IPY_MODEL_f6", "value"],
                                                    "target": ["IPY_MODEL_c3", "value"]}},
    }
    nb.metadata["widgets"] = {STATE: {"state": state, "version_major": 2, "version_minor": 0}}
    prune_widget_state(nb)
    assert sorted(nb.metadata["widgets"][STATE]["state"]) == ["a1", "b2", "c3", "d4", "e5"]


def test_rewrite_links() -> None:
    html = '<a href="03-foam-roller-extension.ipynb">x</a><a href="00-start-here.ipynb#top">'
    assert rewrite_notebook_links(html) == (
        '<a href="03-foam-roller-extension.html">x</a><a href="00-start-here.html#top">')


def test_the_navigation_line_is_marked_for_the_stylesheet() -> None:
    html = '<!--NAVIGATION-->\n<p><a href="x.html">Contents</a></p><p>text</p>'
    line = ('<!--NAVIGATION-->\n<p class="{}"><span><a href="x.html">Contents</a></span>'
            '</p><p>text</p>')
    assert mark_navigation(html + html) == (  # the top line, then the bottom one
        line.format("course-nav course-nav-top") + line.format("course-nav"))
    html = ('<!--NAVIGATION-->\n<p>← Previous: <a href="a.html">A</a> | <a href="c.html">'
            'Contents</a> | Next: <a href="b.html">B</a> →</p>')
    between = '<span class="course-nav-between" aria-hidden="true"> | </span>'
    # Each part one link, the title apart, so that a phone can show only "← Previous".
    assert mark_navigation(html) == (
        '<!--NAVIGATION-->\n<p class="course-nav course-nav-top"><span><a href="a.html">'
        '← Previous<span '
        f'class="course-nav-title">: A</span></a></span>{between}<span><a href="c.html">'
        f'Contents</a></span>{between}<span><a href="b.html">Next<span class="course-nav-title">'
        ': B</span>\u00a0→</a></span></p>')


@pytest.fixture
def course_copy(tmp_path: Path, notebooks_dir: Path) -> Path:
    folder = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir, folder)
    return folder


def test_a_failing_notebook_stops_the_export_and_keeps_the_old_site(
        course_copy: Path, tmp_path: Path, exported_site: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = course_copy / "00-start-here.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(3, new_code_cell("raise RuntimeError('broken on purpose')"))
    nbformat.write(nb, path)
    out = tmp_path / "site"
    shutil.copytree(exported_site, out)
    before = _tree_digest(out)
    with pytest.raises(NotebookExecutionError) as caught:
        export_course(course_copy, out)
    assert str(caught.value) == (
        "00-start-here.ipynb failed in cell 4: RuntimeError: broken on purpose")
    assert _tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    code = main(["export", "--folder", str(course_copy), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "00-start-here.ipynb failed in cell 4" in err
    assert "previous site, if any, was left as it was" in err and "Traceback" not in err


def test_the_site_is_readable_by_others(exported_site: Path) -> None:
    # ordinary modes, so a web server running as another user can serve it
    assert stat.S_IMODE(exported_site.stat().st_mode) == 0o755
    for path in exported_site.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o755 if path.is_dir() else 0o644), path


def _stored(paths, env, workers, report):
    """The stored notebooks, as if just run: these tests are about writing, not running."""
    return [nbformat.read(path, as_version=4) for path in paths]


@pytest.mark.parametrize(("fault", "message"), [
    (errno.ENOSPC, "The disk is full, so the site could not be written to"),
    (errno.EACCES, "cannot be written (Permission denied). Choose a folder you can write to"),
])
def test_a_full_or_unwritable_output_folder_is_said_plainly_and_the_old_site_kept(
        course_copy: Path, tmp_path: Path, exported_site: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fault: int,
        message: str) -> None:
    out = tmp_path / "site"
    shutil.copytree(exported_site, out)
    before = _tree_digest(out)
    monkeypatch.setattr("thoracic.site._export._execute_all", _stored)
    real_write = Path.write_text

    def failing_write(self: Path, *args, **kwargs):
        if self.name == "03-foam-roller-extension.html":  # part-way through the pages
            raise OSError(fault, os.strerror(fault))
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", failing_write)
    with pytest.raises(ExportError, match=re.escape(message)):
        export_course(course_copy, out)
    monkeypatch.undo()
    assert _tree_digest(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []
    monkeypatch.setattr("thoracic.site._export._execute_all", _stored)
    monkeypatch.setattr(Path, "write_text", failing_write)
    assert main(["export", "--folder", str(course_copy), "--out", str(out)]) == 1
    said = capsys.readouterr().err
    assert message in said and "Traceback" not in said
    assert "The previous site, if any, was left as it was." in said


def test_an_output_folder_that_cannot_be_made_is_said_plainly(
        course_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ExportError, match="could not be written to"):
        export_course(course_copy, blocker / "site")

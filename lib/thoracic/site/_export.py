"""``thoracic export``: the whole course as one offline website.

Every notebook is run afresh in a clean, temporary environment (the learner's progress
is neither read nor written unless asked), then converted by one reused nbconvert
exporter into a linked site: an index, previous / next / contents links, one shared
stylesheet, and the site's own scripts, which draw the widgets (site_widgets.js) with
no renderer bundle and no network. The site is built in a temporary folder and moved
into place only when complete.
"""

from __future__ import annotations

import errno
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path
from typing import Any

import nbformat

from ..base import DATA_DIR_VARIABLE, TIMER_SCALE_VARIABLE
from ..content import COURSE, NAVIGATION_MARKER, NotebookInfo
from ..practice import today_config
from ..progress import SCHEMA_FILENAME, schema_text
from ..ui import PARTS_STYLESHEET, CoursePart, red_flag_config
from ._app import (
    OFFLINE_PAGE,
    SITE_SCRIPTS,
    THEME_COLOUR,
    offline_page,
    script_attributes,
    site_script,
    write_app_files,
)
from ._execute import execute_notebook
from ._modules import share_modules
from ._sheet import SHEET_PAGE, site_sheet
from ._stylesheet import trim_stylesheet

__all__ = [
    "ExportError",
    "ExportReport",
    "app_head",
    "course_stylesheet",
    "export_course",
    "export_environment",
    "html_exporter",
    "mark_navigation",
    "prune_widget_state",
    "rewrite_notebook_links",
]

_STATE_MIME = "application/vnd.jupyter.widget-state+json"
_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
_MODEL_REFERENCE = re.compile(r"IPY_MODEL_([0-9a-f]+)")


class ExportError(RuntimeError):
    """The export could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class ExportReport:
    out: Path
    pages: tuple[Path, ...]


def prune_widget_state(nb: nbformat.NotebookNode) -> tuple[str, ...]:
    """Keep only the widgets that outputs display, what they contain, and links between
    them; closed or never-shown widgets would only make pages heavier. Front-end modules
    become references to the site's one copy of each. Returns the names of the modules
    the page's widgets run, for its head (app_head)."""
    state = nb.metadata.get("widgets", {}).get(_STATE_MIME, {}).get("state")
    if not state:
        return ()
    keep: set[str] = set()
    pending = [output["data"][_VIEW_MIME]["model_id"]
               for cell in nb.cells if cell.cell_type == "code"
               for output in cell.get("outputs", []) if _VIEW_MIME in output.get("data", {})]
    links = {model_id: _MODEL_REFERENCE.findall(json.dumps(entry["state"]))
             for model_id, entry in state.items()
             if entry.get("model_name") in ("LinkModel", "DirectionalLinkModel")}
    while pending:
        model_id = pending.pop()
        if model_id in keep or model_id not in state:
            continue
        keep.add(model_id)
        pending.extend(_MODEL_REFERENCE.findall(json.dumps(state[model_id]["state"])))
        if not pending:  # links are kept when everything they join is kept
            pending.extend(link for link, ends in links.items()
                           if link not in keep and ends and set(ends) <= keep)
    kept = {model_id: entry for model_id, entry in state.items() if model_id in keep}
    modules = share_modules(kept)
    nb.metadata["widgets"][_STATE_MIME]["state"] = kept
    if not keep:
        del nb.metadata["widgets"]
    return modules


def rewrite_notebook_links(html: str) -> str:
    """Links between notebooks point at the pages instead: ``03-x.ipynb#a`` → ``03-x.html#a``."""
    return re.sub(r'href="(\d\d-[a-z0-9-]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html)


def mark_navigation(html: str) -> str:
    """The previous / contents / next line under each navigation marker gets the class
    ``course-nav``, so the stylesheet can make its links big enough to tap, and each of its
    three parts a span of its own, without the " | " between them (which screen readers
    skip). Each part is one link, its direction words and arrow included, with the
    notebook's title in a span of its own: at the top of a page (``course-nav-top``) a
    phone shows "← Previous", "Contents" and "Next →" on one row, the titles kept for
    screen readers, so the page's first screen is left for the page (an exercise's Do it
    now); at the end, where there is room, the titles show, a part a row."""
    def part(words: str) -> str:
        link = _NAVIGATION_LINK.fullmatch(words)
        if link is None or not (link["before"] or link["after"]):
            return f"<span>{words}</span>"
        direction = link["before"].rstrip().removesuffix(":")
        # A space that ends or starts a link's words would be dropped: it is a flex box.
        after = link["after"].replace(" ", "\u00a0")
        return (f'<span><a href="{link["href"]}">{direction}<span class="course-nav-title">'
                f'{": " if direction else ""}{link["title"]}</span>{after}</a></span>')

    lines = iter(("course-nav course-nav-top",))  # the first line is the page's top

    def parts(line: re.Match[str]) -> str:
        between = '<span class="course-nav-between" aria-hidden="true"> | </span>'
        spans = between.join(part(words) for words in line.group(2).split(" | "))
        return f'{line.group(1)}<p class="{next(lines, "course-nav")}">{spans}</p>'

    return re.sub(f"({re.escape(NAVIGATION_MARKER)}\n)<p>(.*?)</p>", parts, html, flags=re.DOTALL)


# One part of the navigation line: "← Previous: <a href="…">title</a>", "Next: <a>…</a> →".
_NAVIGATION_LINK = re.compile(
    r'(?P<before>[^<]*)<a href="(?P<href>[^"]*)">(?P<title>[^<]*)</a>(?P<after>[^<]*)', re.DOTALL)


def app_head(scripts: Sequence[str] = SITE_SCRIPTS, modules: Sequence[str] = ()) -> str:
    """What every page's head adds for the app: theme colour, icon, the home link the
    scripts find the manifest by, and the site's scripts (classic, so file:// loads them),
    naming the front-end ``modules`` the page runs (prune_widget_state's)."""
    tags = [f'<meta name="theme-color" content="{THEME_COLOUR}">',
            '<link rel="icon" href="_static/icon-192.png">',
            '<link rel="home" href="index.html">',
            *(f'<script src="_static/{name}"{script_attributes(name, modules)}></script>'
              for name in scripts)]
    return "\n".join(tags)


# The scripts a page needs for the device store and the site's own script, but no parts.
_FIRST_SCRIPTS = SITE_SCRIPTS[:SITE_SCRIPTS.index("site.js") + 1]


def _page_title(info: NotebookInfo) -> str:
    return f"{info.number:02d} · {info.title} · Upper Back Relief"


def _parts_state(parts: Sequence[tuple[str, dict[str, Any]]]) -> tuple[str, list[str]]:
    """The widget state of course parts (kind, config) on a page that is not a notebook,
    as nbconvert writes a notebook's, and each part's view script, in order: the site's
    hosts fill them from the device, like every other part."""
    state = {kind: {"model_name": "AnyModel", "model_module": "anywidget", "state": {
        "_esm": str(CoursePart._esm), "_css": str(CoursePart._css), "_dom_classes": [],
        "kind": kind, "config": config, "kept": {}, "status": {}, "saving": ""}}
        for kind, config in parts}
    share_modules(state)
    # "</" would end the script early; JSON may write it as "<\/".
    text = json.dumps({"version_major": 2, "version_minor": 0, "state": state}).replace(
        "</", "<\\/")
    views = [f'<script type="{_VIEW_MIME}">'
             + json.dumps({"version_major": 2, "version_minor": 1, "model_id": kind})
             + "</script>" for kind, _ in parts]
    return f'<script type="{_STATE_MIME}">{text}</script>', views


def _index_page() -> str:
    """The home page: Today first (where a learner who comes back starts), then every
    notebook, then the sheet for the fridge."""
    items = "".join(
        f'<li><a href="{escape(info.stem)}.html">{escape(info.title)}</a> '
        f"<span>{escape(info.summary)}</span></li>" for info in COURSE)
    # A red flag ticked in the safety check shows above everything, as on every exercise.
    state, (banner, today) = _parts_state([("banner", red_flag_config()),
                                           ("today", today_config())])
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
            "<title>Upper Back Relief</title>"
            '<link rel="stylesheet" href="_static/course.css">'
            f"{app_head()}</head>"
            '<body class="jp-Notebook course-index"><main class="jp-RenderedHTMLCommon">'
            f"<h1>Upper Back Relief</h1>{state}{banner}{today}"
            "<h2>All notebooks</h2><p>A self-paced course in gentle mobility for a stiff, "
            "achy upper back. Start with the safety check in the first notebook, then go "
            "at your own pace: one notebook a day is plenty.</p>"
            f'<nav aria-label="Course notebooks"><ol start="0">{items}</ol></nav>'
            # The printable week (issue 16): written beside the pages by export_course.
            f'<p><a href="{SHEET_PAGE}">A sheet for your fridge</a>: this week\'s routine '
            "on one page to print, with a box to tick each day.</p>"
            "</main></body></html>\n")


def course_stylesheet(texts: Iterable[str]) -> str:
    """JupyterLab's light theme and page styles plus the course's own CSS, cut down to the
    rules and variables that ``texts`` (the pages and scripts styled) can use."""
    from jupyter_core.paths import jupyter_path

    folders = [Path(folder) / "static"
               for folder in jupyter_path("nbconvert", "templates", "lab")]
    lab_static = next((folder for folder in folders if (folder / "index.css").is_file()), None)
    if lab_static is None:
        raise ExportError("nbconvert's lab template is missing; reinstall with make install.")
    ours = resources.files(__package__).joinpath("templates/course/course.css").read_text("utf-8")
    parts = PARTS_STYLESHEET.read_text("utf-8")  # also shown by the parts before they load
    return trim_stylesheet("\n".join([(lab_static / "index.css").read_text("utf-8"),
                                      (lab_static / "theme-light.css").read_text("utf-8"),
                                      "a.anchor-link { display: none; } "
                                      ".jp-Collapser { display: none; }",
                                      parts, ours]), texts)


def html_exporter() -> Any:
    """nbconvert's HTML exporter with the course template: no code, no prompts."""
    from nbconvert import HTMLExporter

    templates = Path(str(resources.files(__package__).joinpath("templates")))
    return HTMLExporter(template_name="course", extra_template_basedirs=[str(templates)],
                        exclude_input=True, exclude_input_prompt=True,
                        exclude_output_prompt=True)


def export_environment(data_dir: Path | None) -> dict[str, str]:
    """The environment notebooks run in for web pages: the real doses and speed, and
    (unless None) an empty progress folder in place of the learner's. Nothing else
    differs: every part is the same widget as in JupyterLab, and on the site its host
    fills it from the device."""
    # The real doses and speed, whatever the server it came from used for quick testing.
    env = {name: value for name, value in os.environ.items() if name != TIMER_SCALE_VARIABLE}
    env.update({"PYTHONHASHSEED": "0"})
    if data_dir is not None:
        env[DATA_DIR_VARIABLE] = str(data_dir)
    return env


def _replace_folder(built: Path, out: Path) -> None:
    """Put the finished site at ``out``; an older site there is removed only afterwards."""
    if not out.exists():
        built.rename(out)
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.rename(old)
    try:
        built.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def export_course(notebooks: Path, out: Path, *, with_my_progress: bool = False,
                  report: Callable[[str], None] = lambda line: None,
                  workers: int = 2) -> ExportReport:
    """Build the offline site for the course in ``notebooks`` at ``out``."""
    paths = [notebooks / info.filename for info in COURSE]
    missing = [path.name for path in paths if not path.is_file()]
    if missing:
        raise ExportError(f"These course notebooks are missing from {notebooks}: "
                          f"{', '.join(missing)}.")

    out = out.resolve()
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        built = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
    except OSError as error:
        raise ExportError(_cannot_write(out, error)) from None
    try:
        with tempfile.TemporaryDirectory(prefix="thoracic-export-") as data_dir:
            env = export_environment(None if with_my_progress else Path(data_dir))
            executed = _execute_all(paths, env, workers, report)
        exporter = html_exporter()
        pages = []
        for info, nb in zip(COURSE, executed, strict=True):
            modules = prune_widget_state(nb)
            html, _ = exporter.from_notebook_node(
                nb, resources={"metadata": {"name": _page_title(info)},
                               "course_app_head": app_head(modules=modules)})
            page = built / f"{info.stem}.html"
            page.write_text(mark_navigation(rewrite_notebook_links(html)), encoding="utf-8")
            pages.append(out / page.name)
        (built / "index.html").write_text(_index_page(), encoding="utf-8")
        (built / OFFLINE_PAGE).write_text(offline_page(), encoding="utf-8")  # for the worker
        # Standard doses; the device and the site's own script keep its dates current.
        (built / SHEET_PAGE).write_text(site_sheet(head=app_head(_FIRST_SCRIPTS)),
                                        encoding="utf-8")
        # The progress file's contract, beside the pages that save and load such files.
        (built / SCHEMA_FILENAME).write_text(schema_text(), encoding="utf-8")
        styled = [*(path.read_text("utf-8") for path in sorted(built.glob("*.html"))),
                  *(site_script(name) for name in SITE_SCRIPTS)]
        (built / "_static").mkdir()
        (built / "_static" / "course.css").write_text(course_stylesheet(styled),
                                                       encoding="utf-8")
        write_app_files(built)  # last: its service worker lists every file
        _open_to_readers(built)
        _replace_folder(built, out)
    except OSError as error:
        shutil.rmtree(built, ignore_errors=True)
        raise ExportError(_cannot_write(out, error)) from None
    except BaseException:
        shutil.rmtree(built, ignore_errors=True)
        raise
    report(f"Exported {len(pages)} pages to {out}; open {out / 'index.html'}.")
    return ExportReport(out, tuple(pages))


def _cannot_write(out: Path, error: OSError) -> str:
    """What went wrong writing the site, in words that say what to do."""
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return (f"The disk is full, so the site could not be written to {out}. Free some "
                "space (the site needs about 10 MB) and export again.")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (f"The folder {out.parent} cannot be written ({reason}). Choose a folder you "
                "can write to with --out.")
    return f"The site could not be written to {out} ({reason})."


def _open_to_readers(folder: Path) -> None:
    """Ordinary modes (folders 755, files 644), so a web server's user can read the site;
    a temporary folder starts readable by its owner only."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _execute_all(paths: Sequence[Path], env: dict[str, str], workers: int,
                 report: Callable[[str], None]) -> list[nbformat.NotebookNode]:
    def run(path: Path) -> nbformat.NotebookNode:
        nb = execute_notebook(path, env)
        report(f"ran {path.name}")
        return nb

    # Two kernels at once keep both cores busy; each notebook still runs on its own.
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    try:
        futures = [pool.submit(run, path) for path in paths]
        return [future.result() for future in futures]
    finally:
        # On a failure, notebooks not yet started are not run at all.
        pool.shutdown(wait=True, cancel_futures=True)



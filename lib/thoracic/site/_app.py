"""The site as an app for the phone: its own scripts, the rules they keep to, a web app
manifest with icons the course draws, a service worker that keeps the whole site for
offline use after the first visit, and the page it shows for a page it cannot get.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ..base import ACCENT, PALETTE
from ..plan import PLAN_SCRIPT, plan_rules
from ..progress import device_rules
from ._modules import modules_script

__all__ = ["APP_NAME", "ICON_SIZES", "OFFLINE_PAGE", "SITE_SCRIPTS", "THEME_COLOUR",
           "offline_page", "script_attributes", "site_script", "write_app_files"]

APP_NAME = "Upper Back Relief"
THEME_COLOUR = ACCENT
ICON_SIZES = (192, 512)
OFFLINE_PAGE = "offline.html"  # what the service worker shows for a page it cannot get
# Loaded by every page, in this order: the progress file's validator (the schema compiled
# by ajv), the device store, the plan's browser half, the rules they keep to (from the
# progress store's own limits and the plan's rules),
# the page's boot script, the hosts of the course's parts, the front-end modules the
# widgets run (one copy for the site), and what draws the widgets.
SITE_SCRIPTS = ("progress_file.generated.js", "device.js", "plan.js", "thoracic-rules.js",
                "site.js", "site_parts.js", "thoracic-modules.js", "site_widgets.js")


def script_attributes(name: str, modules: Sequence[str]) -> str:
    """The attributes of a page's tag for the site script ``name``: the one that draws the
    widgets is told which front-end modules the page runs, so it starts them at once."""
    if name != "site_widgets.js" or not modules:
        return ""
    return f' data-modules="{" ".join(modules)}"'


def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text("utf-8")


def site_script(name: str) -> str:
    """The text of one of the site's scripts; the rules one is made from the progress
    store's own limits."""
    if name == "thoracic-modules.js":
        return modules_script()
    if name == "plan.js":
        return PLAN_SCRIPT.read_text("utf-8")
    if name == "thoracic-rules.js":
        rules = json.dumps(device_rules(), sort_keys=True, ensure_ascii=False)
        plan = json.dumps(plan_rules(), sort_keys=True, ensure_ascii=False)
        return ("// The rules the device store keeps to, from the course's progress store,\n"
                "// and the rules of the plan, from the course's progression rules.\n"
                f"globalThis.ThoracicRules = Object.freeze({rules});\n"
                f"globalThis.ThoracicPlanRules = Object.freeze({plan});\n")
    return _static(name)


def _icon_png(size: int) -> bytes:
    """The course's icon: a blue tile with the curve of a spine, drawn from dots."""
    import math

    from matplotlib.figure import Figure
    from matplotlib.patches import FancyBboxPatch

    fig = Figure(figsize=(1, 1), dpi=size)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    # Full bleed, so the icon fills a round or square mask on any phone.
    ax.add_patch(FancyBboxPatch((0, 0), 1, 1, boxstyle="square,pad=0", facecolor=ACCENT,
                                edgecolor="none"))
    for n in range(9):
        t = n / 8
        x = 0.5 + 0.09 * math.sin(math.pi * (t * 1.6 - 0.3))
        ax.add_patch(FancyBboxPatch((x - 0.11, 0.18 + 0.075 * n), 0.22, 0.05,
                                    boxstyle="round,pad=0,rounding_size=0.02",
                                    facecolor="white" if 2 <= n <= 6 else PALETTE[1],
                                    edgecolor="none"))
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=size, metadata={"Software": None})
    return out.getvalue()


def _manifest() -> dict[str, object]:
    return {"name": APP_NAME, "short_name": "Upper back",
            "description": "Gentle mobility for a stiff upper back, with timers, beside "
                           "your exercise mat.",
            "start_url": "./index.html", "scope": "./", "display": "standalone",
            "background_color": "#ffffff", "theme_color": THEME_COLOUR,
            "icons": [{"src": f"_static/icon-{size}.png", "sizes": f"{size}x{size}",
                       "type": "image/png", "purpose": "any maskable"}
                      for size in ICON_SIZES]}


def offline_page() -> str:
    """The page the service worker shows for a page that is not kept and cannot be had:
    no network, or no such page. It says so in plain words and leads home.

    The worker shows it at the address that was asked for, and makes its links start at
    the site's top folder: every ``href`` here is written from that folder (no ``#`` or
    full addresses), and it has no scripts."""
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1.0">'
            f"<title>This page can't open right now · {APP_NAME}</title>"
            f'<meta name="theme-color" content="{THEME_COLOUR}">'
            '<link rel="icon" href="_static/icon-192.png">'
            '<link rel="stylesheet" href="_static/course.css"></head>'
            '<body class="jp-Notebook"><header class="course-header">'
            f'<a href="index.html">{APP_NAME}: all notebooks</a></header>'
            '<main class="jp-RenderedHTMLCommon">'
            "<h1>This page can't open right now</h1>"
            "<p>That's OK, it happens. Maybe your phone or computer isn't connected to the "
            "internet just now, or this page isn't part of the course.</p>"
            "<p>The course itself is saved on this device, so all of its pages still open "
            "without the internet. The boxes you ticked and the notes you wrote are safe "
            "too.</p>"
            # The way on, as tall as a fingertip (the stylesheet's navigation links).
            '<p class="course-nav"><a href="index.html">Go to the list of all the '
            "course's pages</a></p>"
            "<p>Looking for something else? Try again when you're back online.</p>"
            "</main></body></html>\n")


def write_app_files(site: Path) -> None:
    """Write the scripts, rules, icons and manifest into ``site``, then the service worker
    with the list of every file (so it is written last); the site holds OFFLINE_PAGE
    already, for the worker to keep."""
    if not (site / OFFLINE_PAGE).is_file():
        raise FileNotFoundError(f"{site} has no {OFFLINE_PAGE} for the service worker to keep.")
    static = site / "_static"
    static.mkdir(exist_ok=True)
    for name in SITE_SCRIPTS:
        (static / name).write_text(site_script(name), encoding="utf-8")
    for size in ICON_SIZES:
        (static / f"icon-{size}.png").write_bytes(_icon_png(size))
    (site / "manifest.webmanifest").write_text(json.dumps(_manifest(), indent=1),
                                               encoding="utf-8")
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*")
                   if path.is_file() and path.name != "sw.js")
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update((site / name).read_bytes())
    worker = (_static("sw.js").replace('"__CACHE__"', json.dumps(
        f"upper-back-relief-{digest.hexdigest()[:16]}"))
              .replace('"__FILES__"', json.dumps(["./", *files]))
              .replace('"__FALLBACK__"', json.dumps(OFFLINE_PAGE)))
    (site / "sw.js").write_text(worker, encoding="utf-8")

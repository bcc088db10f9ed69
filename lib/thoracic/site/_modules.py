"""The front-end modules the pages' widgets run, kept once for the whole site.

nbconvert writes each widget's whole state into its page, so every part and timer
carried its own copy of the same module (parts.js, timer.js, their CSS and the timer's
core): a page with four parts held four. The export replaces each copy with a short
reference, ``thoracic-module:<name>``, and the site loads the modules once, from a
classic script (cached after the first page), where site_widgets.js finds them.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..timer import TIMER_CORE, CoachTimer
from ..ui import MEASURE_CORE, CoursePart

__all__ = ["MODULE_REFERENCE", "modules_script", "share_modules"]

MODULE_REFERENCE = "thoracic-module:"
_ANYWIDGET = "AnyModel"


@cache
def _modules() -> dict[str, str]:
    """Each front-end file's name and text, as the widgets carry it."""
    return {"parts.js": str(CoursePart._esm), "parts.css": str(CoursePart._css),
            "timer.js": str(CoachTimer._esm), "timer.css": str(CoachTimer._css),
            "timer_core.js": TIMER_CORE.read_text("utf-8"),
            "measure_core.js": MEASURE_CORE.read_text("utf-8")}


def modules_script() -> str:
    """The classic script that holds every module once, by name, and how a page's state
    refers to one."""
    text = json.dumps({"reference": MODULE_REFERENCE, "texts": _modules()},
                      ensure_ascii=False, sort_keys=True)
    return ("// The front-end modules the widgets run, once for every page (site_widgets.js "
            f"finds them).\nglobalThis.ThoracicModules = Object.freeze({text});\n")


def share_modules(state: dict[str, Any]) -> tuple[str, ...]:
    """In a page's widget state, each module's text becomes a reference to the one copy.
    Returns the names of the scripts among them (the page starts importing those early)."""
    names = {text: name for name, text in _modules().items()}
    used = set()
    for entry in state.values():
        if entry.get("model_name") != _ANYWIDGET:
            continue
        values = entry.get("state", {})
        for key, value in values.items():
            if isinstance(value, str) and value in names:
                values[key] = MODULE_REFERENCE + names[value]
                used.add(names[value])
    return tuple(sorted(name for name in used if name.endswith(".js")))

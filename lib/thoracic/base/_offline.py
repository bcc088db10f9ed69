"""A part of an exported web page that the site's own script brings to life.

In the web pages there is no kernel, so a widget cannot react or save. Instead its
function returns this: readable HTML that works with no script at all (a list, the
questions with their answers folded away), marked with what it is and the data it needs
(from the course's records), so the site's script can turn it into the working part and
keep what the learner does on the device.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from html import escape
from typing import Any

from ._rendered import Rendered

__all__ = ["OFFLINE_CLASS", "offline_part"]

OFFLINE_CLASS = "thoracic-offline"


def offline_part(kind: str, config: Mapping[str, Any], fallback: Rendered) -> Rendered:
    """``fallback`` wrapped for the site's script: ``kind`` says which part it is, and
    ``config`` (JSON) holds everything the script needs, taken from the records."""
    data = escape(json.dumps(config, ensure_ascii=False, separators=(",", ":"),
                             sort_keys=True), quote=True)
    html = (f'<div class="{OFFLINE_CLASS}" data-thoracic="{escape(kind, quote=True)}" '
            f'data-config="{data}">{fallback.html}</div>')
    return Rendered(html, fallback.text)

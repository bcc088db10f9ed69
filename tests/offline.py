"""Reading back the parts of a web page the site's script brings to life."""

from __future__ import annotations

import json
import re
from html import unescape
from typing import Any

# A page's writer may quote an attribute with ' or ", and order attributes as it likes.
_ATTRIBUTE = r'\s+[\w-]+=(?:"[^"]*"|\'[^\']*\')'
_PART = re.compile(rf'<div(?:{_ATTRIBUTE})*?\s+class="thoracic-offline"(?:{_ATTRIBUTE})*\s*>')
_KIND = re.compile(r'\sdata-thoracic=(?:"([^"]+)"|\'([^\']+)\')')
_CONFIG = re.compile(r'\sdata-config=(?:"([^"]*)"|\'([^\']*)\')')


def offline_parts(html: str) -> list[tuple[str, dict[str, Any]]]:
    """(kind, config) of every part in ``html``, in page order (in whatever order a page's
    writer put the attributes)."""
    found = []
    for tag in _PART.findall(html):
        kind, config = _KIND.search(tag), _CONFIG.search(tag)
        assert kind and config, tag[:200]
        found.append((kind[1] or kind[2], json.loads(unescape(config[1] or config[2]))))
    return found


def offline_part_of(html: str) -> tuple[str, dict[str, Any]]:
    """The one part in ``html``."""
    parts = offline_parts(html)
    assert len(parts) == 1, parts
    return parts[0]

"""``thoracic export --serve``: the site, served on this computer only.

Phone browsers run a web app (and keep it for offline use) only when it comes from an
``https://`` address or from ``localhost``; a page opened from a file gets no service
worker. Serving the site on 127.0.0.1 lets the laptop's own browser install it; for a
phone, the site is published to any static host with https (the README says how).
"""

from __future__ import annotations

import functools
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

__all__ = ["LOCAL_HOST", "site_server"]

LOCAL_HOST = "127.0.0.1"  # this computer only: nothing leaves it


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the types browsers insist on for an app, and a quiet log."""

    # The base class reads this per request; a class-wide table is what it expects.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,  # noqa: RUF012
                      ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def end_headers(self) -> None:
        # The service worker must always be fetched fresh, or a new export never arrives.
        if self.path.endswith("/sw.js") or self.path == "/sw.js":
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def site_server(folder: Path, port: int = 8000) -> ThreadingHTTPServer:
    """A server for the site in ``folder`` on 127.0.0.1 (``port`` 0: any free one); call
    ``serve_forever()`` on it. OSError if the port is taken."""
    if not (folder / "index.html").is_file():
        raise FileNotFoundError(f"{folder} has no index.html: export the course first "
                                "(thoracic export).")
    handler = functools.partial(_SiteHandler, directory=str(folder))
    return ThreadingHTTPServer((LOCAL_HOST, port), handler)

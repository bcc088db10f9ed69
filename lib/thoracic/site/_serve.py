"""``thoracic export --serve``: the site, served on this computer only.

Phone browsers run a web app (and keep it for offline use) only when it comes from an
``https://`` address or from ``localhost``; a page opened from a file gets no service
worker. Serving the site on 127.0.0.1 lets the laptop's own browser install it; for a
phone, the site is published to any static host with https (the README says how).

The server answers only requests addressed to itself (a web page elsewhere cannot reach
it through a name that leads to 127.0.0.1), lists no folders, and sends headers that let
the pages run and nothing else: no framing by other sites, no guessing of file types, and
a Content-Security-Policy that allows the site's own files and the inline scripts each
page was exported with (by their hashes), and no other address at all.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from html.parser import HTMLParser
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

__all__ = ["LOCAL_HOST", "content_security_policy", "site_server"]

LOCAL_HOST = "127.0.0.1"  # this computer only: nothing leaves it

# The types of <script> a browser runs (widget state and views are data, never run).
_RUN_TYPES = frozenset(("", "text/javascript", "application/javascript", "module"))


class _InlineScripts(HTMLParser):
    """The text of each inline script a browser would run, exactly as the page holds it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            given = dict(attrs)
            runs = "src" not in given and (given.get("type") or "").lower() in _RUN_TYPES
            self._open = [] if runs else None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.found.append("".join(self._open))
            self._open = None


# Where a page may load from: the site itself. Blob URLs are how site_widgets.js starts
# the timer's module (and the timer its state machine); styles inline because widgets set
# them per element. Nothing is compiled from text: no 'unsafe-eval' on any page.
_POLICY = (
    "default-src 'none'; script-src 'self' blob: {scripts}; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)


def content_security_policy(html: str | None = None) -> str:
    """The Content-Security-Policy for a page whose text is ``html`` (None: any other
    file): the site's own files, plus the page's own inline scripts by their SHA-256."""
    scripts = _InlineScripts()
    scripts.feed(html or "")
    scripts.close()
    allowed = sorted({"'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest())
                      .decode() + "'" for body in scripts.found})
    return _POLICY.format(scripts=" ".join(allowed)).replace(" ;", ";")


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files with the types browsers insist on for an app, and a quiet log."""

    # The base class reads this per request; a class-wide table is what it expects.
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,  # noqa: RUF012
                      ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _addressed_to_us(self) -> bool:
        port = self.server.server_address[1]  # type: ignore[index]  # an IPv4 (host, port)
        host = (self.headers.get("Host") or "").strip().lower()
        return host in {f"{LOCAL_HOST}:{port}", f"localhost:{port}"}

    def send_head(self) -> Any:
        if not self._addressed_to_us():  # e.g. a rebound name: another site's page
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST,
                            "This server answers only http://127.0.0.1 on its own port.")
            return None
        return super().send_head()

    def list_directory(self, path: Any) -> None:
        self.send_error(HTTPStatus.NOT_FOUND, "No such page.")
        return None

    def end_headers(self) -> None:
        # The service worker must always be fetched fresh, or a new export never arrives.
        if self.path.endswith("/sw.js") or self.path == "/sw.js":
            self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Content-Security-Policy", content_security_policy(self._page_text()))
        super().end_headers()

    def _page_text(self) -> str | None:
        """The text of the HTML page this request is answered with, if it is one."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return None
        return path.read_text("utf-8", errors="replace")


def site_server(folder: Path, port: int = 8000) -> ThreadingHTTPServer:
    """A server for the site in ``folder`` on 127.0.0.1 (``port`` 0: any free one); call
    ``serve_forever()`` on it. OSError if the port is taken."""
    if not (folder / "index.html").is_file():
        raise FileNotFoundError(f"{folder} has no index.html: export the course first "
                                "(thoracic export).")
    handler = functools.partial(_SiteHandler, directory=str(folder))
    return ThreadingHTTPServer((LOCAL_HOST, port), handler)

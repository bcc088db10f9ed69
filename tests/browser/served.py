"""The exported site served from an address, as `thoracic export --serve` serves it."""

from __future__ import annotations

import threading
from pathlib import Path


class SiteServer:
    """The site at ``folder`` served on a free port of this computer, in a thread."""

    def __init__(self, folder: Path) -> None:
        from thoracic.site import site_server

        self.server = site_server(folder, 0)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def installed_offline(page, url: str) -> None:
    """Visit the site once so its service worker keeps it, then go offline: from here on
    every page comes from the worker's cache."""
    page.goto(url)
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now the service worker answers for the page
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.context.set_offline(True)

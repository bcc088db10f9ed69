"""The teacher's page: the class report in the browser, as a service of the class's hub.

It sits behind the hub's own login: JupyterHub lets only those allowed to use the service
through (its admins: the teacher), and it shows exactly what ``thoracic class-report``
shows, with the same privacy rules (the figures of learners who chose to share; everyone
else "not shared"; nothing else is read).
"""

from __future__ import annotations

import datetime as dt
import html
import os
import signal
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from ..lab import LearnerShare, class_report, report_summary, report_week

__all__ = ["TEACHER_PAGE", "class_report_page", "run_teacher_page"]

# The service's name: its page is at /services/class-report/ on the hub.
TEACHER_PAGE = "class-report"


def class_report_page(on: dt.date, lines: list[LearnerShare]) -> str:
    """The report as a page of its own (names and figures as text, never as markup)."""
    rows = "\n".join(f"<tr><th scope=\"row\">{html.escape(line.learner)}</th>"
                     f"<td>{html.escape(line.describe())}</td></tr>" for line in lines)
    body = (f"<table><thead><tr><th scope=\"col\">Learner</th><th scope=\"col\">What they "
            f"share</th></tr></thead><tbody>\n{rows}\n</tbody></table>" if lines
            else "<p>No learner has logged in yet.</p>")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Class report · Upper Back Relief</title>
<style>body{{font:1.05rem/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;
padding:0 1rem}}table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;
padding:.4rem .6rem;border-bottom:1px solid #ccc}}</style></head>
<body><main><h1>Class report</h1>
<p>For {html.escape(report_week(on))}.</p>
{body}
<p>{html.escape(report_summary(lines))}</p></main></body></html>
"""


def run_teacher_page(home_root: Path, today: Any = dt.date.today,
                     teachers: frozenset[str] = frozenset()) -> None:
    """Serve the page where the hub says (JUPYTERHUB_SERVICE_URL), until stopped; the
    ``teachers``' own homes are not learners' and are left out."""
    from jupyterhub.services.auth import HubOAuthCallbackHandler, HubOAuthenticated
    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop
    from tornado.web import Application, RequestHandler, authenticated

    class ReportHandler(HubOAuthenticated, RequestHandler):
        @authenticated
        def get(self) -> None:
            on = today()
            self.set_header("Cache-Control", "no-store")
            lines = [line for line in class_report(home_root, on)
                     if line.learner not in teachers]
            self.write(class_report_page(on, lines))

    prefix = os.environ["JUPYTERHUB_SERVICE_PREFIX"]
    app = Application([(prefix, ReportHandler),
                       (f"{prefix}oauth_callback", HubOAuthCallbackHandler)],
                      cookie_secret=os.urandom(32))
    where = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    HTTPServer(app).listen(where.port or 80, where.hostname or "127.0.0.1")
    loop = IOLoop.current()
    # The hub stops its services with SIGTERM (and Ctrl+C reaches them too): end quietly.
    for stop in (signal.SIGTERM, signal.SIGINT):
        loop.asyncio_loop.add_signal_handler(stop, loop.stop)  # type: ignore[attr-defined]
    loop.start()

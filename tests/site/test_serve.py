"""``thoracic export --serve`` answers only itself, lists no folders, and sends headers under
which the pages run and nothing else loads (issue 22, finding 7)."""

from __future__ import annotations

import base64
import hashlib
import http.client
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from thoracic.site import content_security_policy, site_server

PAGE = """<!DOCTYPE html><html><head><script src="_static/require.js"></script>
<script>require.config({paths: {}});</script>
<script type="application/vnd.jupyter.widget-state+json">{"state": {}}</script>
<script type="text/javascript">var element = 1;</script></head><body>Hi</body></html>"""


def _hash(script: str) -> str:
    """A script's source as CSP names it: its SHA-256, in base64."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


# The two inline scripts that run (the widget state is data and needs none).
RUN_HASHES = (_hash("require.config({paths: {}});"), _hash("var element = 1;"))


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    folder = tmp_path / "site"
    (folder / "_static").mkdir(parents=True)
    (folder / "index.html").write_text("<!DOCTYPE html><title>Course</title>", "utf-8")
    (folder / "04-page.html").write_text(PAGE, "utf-8")
    (folder / "_static" / "site.js").write_text("console.log(1)", "utf-8")
    (folder / "sw.js").write_text("self.addEventListener('fetch', () => {})", "utf-8")
    server = site_server(folder, 0)
    # A short poll, so shutdown() at the end of each test returns at once, not after 0.5 s.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01},
                              daemon=True)
    thread.start()
    try:
        yield server.server_address[1], folder
    finally:
        server.shutdown()
        server.server_close()


def _get(port: int, path: str, host: str | None = None) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": f"127.0.0.1:{port}" if host is None else host})
    response = connection.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    connection.close()
    return response


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1.nip.io:{port}",
                                  "127.0.0.1:1", "", "127.0.0.1"])
def test_it_answers_only_requests_addressed_to_itself(site: tuple[int, Path],
                                                      host: str) -> None:
    """A page on another site cannot read the course through a name that leads to
    127.0.0.1 (DNS rebinding): its requests carry that name, and are refused."""
    port, _ = site
    response = _get(port, "/index.html", host.format(port=port))
    assert response.status == 421
    assert b"Course" not in response.body  # type: ignore[attr-defined]
    for own in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        assert _get(port, "/index.html", own).status == 200


@pytest.mark.parametrize("path", ["/_static/", "/_static", "/"])
def test_no_folder_is_listed(site: tuple[int, Path], path: str) -> None:
    port, _ = site
    response = _get(port, path)
    body = response.body  # type: ignore[attr-defined]
    if path == "/":
        assert response.status == 200 and b"Course" in body  # its index.html
    else:
        assert response.status in (301, 404) and b"site.js" not in body


def test_every_answer_carries_the_headers(site: tuple[int, Path]) -> None:
    port, _ = site
    for path in ("/index.html", "/04-page.html", "/_static/site.js", "/sw.js", "/nothing",
                 "/_static/"):
        response = _get(port, path)
        assert response.getheader("X-Content-Type-Options") == "nosniff", path
        assert response.getheader("X-Frame-Options") == "DENY", path
        policy = response.getheader("Content-Security-Policy") or ""
        assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy, path
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0], path
    assert _get(port, "/sw.js").getheader("Cache-Control") == "no-cache"


def test_a_page_may_run_exactly_its_own_inline_scripts(site: tuple[int, Path]) -> None:
    port, folder = site
    policy = _get(port, "/04-page.html").getheader("Content-Security-Policy") or ""
    assert policy == content_security_policy((folder / "04-page.html").read_text("utf-8"))
    scripts = policy.split("script-src ")[1].split(";")[0].split()
    assert scripts[:2] == ["'self'", "blob:"]
    assert sorted(scripts[2:4]) == sorted(RUN_HASHES)  # not the widget state: it is data
    assert len(scripts) == 4
    plain = _get(port, "/index.html").getheader("Content-Security-Policy") or ""
    assert "script-src 'self' blob:;" in plain and "'unsafe-eval'" not in plain
    assert "connect-src 'self'" in plain  # nothing is sent anywhere else


def test_no_page_may_compile_code_from_text() -> None:
    """The widgets are drawn by the site's own script; nothing needs 'unsafe-eval'."""
    old_renderer = '<script src="_static/html-manager/embed-amd.js"></script>'
    assert "'unsafe-eval'" not in content_security_policy(old_renderer)
    assert "'unsafe-eval'" not in content_security_policy("<p>no widgets</p>")

"""The course folder survives attacks through the REST API of a real Jupyter server,
started with the course's own server settings (as `make lab` starts it), rooted at the
course folder and rooted above it."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from thoracic.lab import COPY_COURSE_MESSAGE, COURSE_FOLDER_MESSAGE

pytestmark = pytest.mark.kernel  # starts a server: left out of the fast tier

JUPYTER = Path(sys.executable).with_name("jupyter")


def _fingerprint(folder: Path) -> dict[str, str]:
    """Every file's SHA-256 and every folder, below ``folder``."""
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest()
                                         if p.is_file() else "folder")
            for p in sorted(folder.rglob("*"))}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self, root: Path, scratch: Path) -> None:
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}/api/contents"
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(scratch / "config"),
               "JUPYTER_DATA_DIR": str(scratch / "data"),
               "JUPYTER_RUNTIME_DIR": str(scratch / "runtime")}
        self.log = (scratch / "server.log").open("w")
        self.process = subprocess.Popen(
            [str(JUPYTER), "server", "--no-browser", "--allow-root", "--ip=127.0.0.1",
             f"--port={port}", "--IdentityProvider.token=", "--ServerApp.password=",
             # The attacks come from the learner's own browser, which has the XSRF cookie.
             "--ServerApp.disable_check_xsrf=True",
             f"--ServerApp.root_dir={root}"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(self.url, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError((scratch / "server.log").read_text()[-2000:])
            time.sleep(0.2)  # polling a starting server, not timing anything

    def call(self, method: str, where: str, **json: object) -> httpx.Response:
        return httpx.request(method, f"{self.url}/{where}".rstrip("/"),
                             json=json or None, timeout=30)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


@pytest.fixture
def rooted_at_course(tmp_path: Path, notebooks_dir: Path) -> Iterator[tuple[Server, Path]]:
    course = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir, course)
    server = Server(course, tmp_path)
    try:
        yield server, course
    finally:
        server.stop()


@pytest.fixture
def rooted_above(tmp_path: Path, notebooks_dir: Path) -> Iterator[tuple[Server, Path]]:
    root = tmp_path / "root"
    shutil.copytree(notebooks_dir, root / "notebooks")
    server = Server(root, tmp_path)
    try:
        yield server, root
    finally:
        server.stop()


def test_nothing_can_be_copied_or_checkpointed_into_the_course_folder(rooted_at_course) -> None:
    server, course = rooted_at_course
    before = _fingerprint(course)
    for source in ("/", "00-start-here.ipynb"):
        refused = server.call("POST", "", copy_from=source)
        assert refused.status_code == 403 and COURSE_FOLDER_MESSAGE in refused.text
    checkpoint = server.call("POST", "00-start-here.ipynb/checkpoints")
    assert checkpoint.status_code == 201, checkpoint.text
    assert checkpoint.json()["id"] == "as-installed"
    listed = server.call("GET", "01-introduction.ipynb/checkpoints")
    assert listed.status_code == 200
    new = server.call("POST", "", type="notebook")
    assert new.status_code == 403 and COURSE_FOLDER_MESSAGE in new.text
    assert _fingerprint(course) == before  # no -Copy1/, no .ipynb_checkpoints/


def test_the_course_folder_itself_cannot_be_renamed_deleted_or_copied(rooted_above) -> None:
    server, root = rooted_above
    course = root / "notebooks"
    before = _fingerprint(course)
    for refused in (server.call("PATCH", "notebooks", path="x"),
                    server.call("DELETE", "notebooks")):
        assert refused.status_code == 403 and COURSE_FOLDER_MESSAGE in refused.text
    copy = server.call("POST", "", copy_from="notebooks")
    assert copy.status_code == 403 and COPY_COURSE_MESSAGE in copy.text
    assert _fingerprint(course) == before
    assert sorted(p.name for p in root.iterdir()) == ["notebooks"]
    # A single notebook copied out is the learner's own, to change and delete.
    mine = server.call("POST", "", copy_from="notebooks/00-start-here.ipynb")
    assert mine.status_code == 201
    assert server.call("DELETE", mine.json()["path"]).status_code == 204


def test_a_link_into_the_course_folder_cannot_write_there(rooted_above) -> None:
    server, root = rooted_above
    target = root / "notebooks" / "00-start-here.ipynb"
    before = target.read_bytes()
    (root / "alias.ipynb").symlink_to(target)
    model = server.call("GET", "alias.ipynb").json()
    model["content"]["cells"][0]["source"] = "overwritten through a link"
    saved = server.call("PUT", "alias.ipynb", type="notebook", format="json",
                        content=model["content"])
    assert saved.status_code == 403 and COURSE_FOLDER_MESSAGE in saved.text
    assert target.read_bytes() == before

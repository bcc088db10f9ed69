"""``thoracic lab`` (what ``make lab`` runs): a quiet start whose one address opens 00, a
folder of the learner's own beside the course, Python only (issue 23, findings 2 and 3)."""

from __future__ import annotations

import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from thoracic.lab import COURSE_LINK, NOTES_FOLDER, lab_place

ROOT = Path(__file__).resolve().parents[2]
THORACIC = Path(sys.executable).with_name("thoracic")


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest()
                                         if p.is_file() else "folder")
            for p in sorted(folder.rglob("*"))}


# -- the folder JupyterLab shows ---------------------------------------------------------

def test_the_learner_gets_a_notes_folder_beside_a_link_to_the_course(
        tmp_path: Path, notebooks_dir: Path) -> None:
    place = lab_place(tmp_path / "data", notebooks_dir)
    assert sorted(p.name for p in place.root.iterdir()) == [COURSE_LINK, NOTES_FOLDER]
    assert place.course.is_symlink() and place.course.resolve() == notebooks_dir.resolve()
    assert place.notes.is_dir() and not place.notes.is_symlink()
    workspace = json.loads(place.first_workspace())["data"]
    assert workspace["file-browser-filebrowser:cwd"] == {"path": NOTES_FOLDER}
    assert workspace["layout-restorer:data"]["main"]["current"] == (
        f"notebook:{COURSE_LINK}/00-start-here.ipynb")
    (place.notes / "mine.ipynb").write_text("{}")
    moved = tmp_path / "moved"
    shutil.copytree(notebooks_dir, moved)
    again = lab_place(tmp_path / "data", moved)  # the course moved: the link follows
    assert again.course.resolve() == moved.resolve()
    assert (again.notes / "mine.ipynb").read_text() == "{}"  # the learner's own: kept


def test_a_course_entry_that_is_not_the_link_is_left_alone(tmp_path: Path,
                                                          notebooks_dir: Path) -> None:
    own = tmp_path / "data" / "jupyterlab" / COURSE_LINK
    own.mkdir(parents=True)
    (own / "draft.txt").write_text("mine")
    with pytest.raises(ValueError, match="is not the course's link, so the course left it"):
        lab_place(tmp_path / "data", notebooks_dir)
    assert (own / "draft.txt").read_text() == "mine"
    with pytest.raises(ValueError, match="does not hold the course's notebooks"):
        lab_place(tmp_path / "other", tmp_path)


def test_make_lab_needs_no_npm() -> None:
    """Every step make lab would run, even with nothing installed yet: no npm among them."""
    planned = subprocess.run(["make", "--dry-run", "--always-make", "lab"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert "thoracic lab" in planned and "pip install" in planned
    assert "npm" not in planned


# -- a real start ------------------------------------------------------------------------

class Lab:
    """``thoracic lab`` running as a learner starts it, with no Node.js on the PATH."""

    def __init__(self, tmp_path: Path, course: Path) -> None:
        bare = tmp_path / "bin"  # Python and the course's commands, no node or npm
        bare.mkdir(exist_ok=True)
        self.temporary = tmp_path / "tmp"
        self.temporary.mkdir(exist_ok=True)
        env = {"PATH": f"{Path(sys.executable).parent}{os.pathsep}{bare}",
               "HOME": str(tmp_path / "home"), "TMPDIR": str(self.temporary),
               "THORACIC_DATA_DIR": str(tmp_path / "data"),
               "JUPYTER_CONFIG_DIR": str(tmp_path / "jupyter-config"),
               "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
               **{name: os.environ[name] for name in ("PYTHONPATH",) if name in os.environ}}
        self.process = subprocess.Popen(
            [str(THORACIC), "lab", "--no-browser", "--port", "8950", "--folder", str(course)],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        try:
            self.address = self._wait_for("The course is open in JupyterLab: ").split(": ", 1)[1]
        except BaseException:
            self.stop()
            raise

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)
            self.lines.put(line)
        self.lines.put("")

    def _wait_for(self, start: str) -> str:
        while True:  # the launcher itself gives up after two minutes, and ends its output
            line = self.lines.get(timeout=180)
            if line.startswith(start) or not line:
                assert line, "".join(self.output)
                return line.strip()

    def stop(self) -> str:
        os.kill(self.process.pid, signal.SIGTERM)  # as `kill` or a service manager would
        self.process.wait(timeout=60)
        self.reader.join(timeout=60)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return "".join(self.output)


def _kernel_answers(server: str, kernel_id: str, token: str) -> None:
    """Ask the kernel for its info over the server's websocket, as JupyterLab does when a
    notebook opens, and wait for the reply: by then the kernel has started for real."""
    import asyncio
    import uuid

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    async def ask() -> None:
        url = f"{server.replace('http', 'ws', 1)}/api/kernels/{kernel_id}/channels"
        connection = await websocket_connect(HTTPRequest(
            url, headers={"Authorization": f"token {token}"}, request_timeout=120))
        header = {"msg_id": uuid.uuid4().hex, "msg_type": "kernel_info_request",
                  "session": uuid.uuid4().hex, "username": "test", "version": "5.3"}
        await connection.write_message(json.dumps({
            "header": header, "parent_header": {}, "metadata": {}, "content": {},
            "channel": "shell", "buffers": []}))
        while True:
            message = await asyncio.wait_for(connection.read_message(), timeout=120)
            assert message is not None, "the server closed the kernel's connection"
            if json.loads(message)["msg_type"] == "kernel_info_reply":
                break
        connection.close()

    # In a thread of its own: the test process may already run an event loop (nbclient,
    # playwright), and asyncio.run() refuses to start inside one.
    failures: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(ask())
        except BaseException as error:  # handed to the test's own thread below
            failures.append(error)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join(timeout=300)
    assert not worker.is_alive(), "the kernel did not answer within five minutes"
    if failures:
        raise failures[0]


@pytest.fixture
def course(tmp_path: Path, notebooks_dir: Path) -> Path:
    copy = tmp_path / "notebooks"
    shutil.copytree(notebooks_dir, copy)
    return copy


@pytest.mark.kernel  # starts a server: left out of the fast tier
def test_a_quiet_start_at_00_and_notes_that_survive_a_restart(tmp_path: Path,
                                                             course: Path) -> None:
    before = _fingerprint(course)
    lab = Lab(tmp_path, course)
    try:
        token = lab.address.split("token=", 1)[1]
        page = httpx.get(lab.address, follow_redirects=True, timeout=30)
        assert page.status_code == 200 and "JupyterLab" in page.text
        assert httpx.URL(lab.address).path == "/lab"  # its workspace opens 00 (a browser
        # test sees it open, with the file browser in My notes)
        opened = httpx.get(f"{lab.address.split('/lab', 1)[0]}/lab/api/workspaces/default",
                           headers={"Authorization": f"token {token}"}, timeout=30).json()
        assert opened["data"]["layout-restorer:data"]["main"]["current"] == (
            f"notebook:{COURSE_LINK}/00-start-here.ipynb")
        api = f"{lab.address.split('/lab', 1)[0]}/api/contents"
        auth = {"Authorization": f"token {token}"}
        first = httpx.get(f"{api}/{COURSE_LINK}/00-start-here.ipynb", headers=auth, timeout=30)
        assert first.status_code == 200 and first.json()["type"] == "notebook"
        made = httpx.post(f"{api}/{NOTES_FOLDER}", json={"type": "notebook"}, headers=auth,
                          timeout=30)  # what the Launcher's Notebook button asks for
        assert made.status_code == 201, made.text
        refused = httpx.post(f"{api}/{COURSE_LINK}", json={"type": "notebook"}, headers=auth,
                             timeout=30)
        assert refused.status_code == 403
        # Running a cell starts a kernel; it must not fill the terminal with warnings either.
        kernel = httpx.post(f"{api.rsplit('/contents', 1)[0]}/kernels", json={"name": "python3"},
                            headers=auth, timeout=60).json()
        _kernel_answers(api.rsplit("/api/", 1)[0], kernel["id"], token)
    finally:
        output = lab.stop()
    lines = output.splitlines()
    assert not any(word in output for word in ("Traceback", "Error", "yarn", "require",
                                                "WARNING", "without encryption")), output
    assert all(len(line) < 300 for line in lines), output  # no minified code
    assert [line for line in lines if "http" in line] == [
        f"The course is open in JupyterLab: {lab.address}"]
    assert list(lab.temporary.iterdir()) == []  # the workspace went with JupyterLab

    again = Lab(tmp_path, course)
    try:
        token = again.address.split("token=", 1)[1]
        api = f"{again.address.split('/lab', 1)[0]}/api/contents"
        listed = httpx.get(f"{api}/{NOTES_FOLDER}", headers={"Authorization": f"token {token}"},
                           timeout=30).json()
        assert [item["name"] for item in listed["content"]] == ["Untitled.ipynb"]
    finally:
        again.stop()
    assert (tmp_path / "data" / "jupyterlab" / NOTES_FOLDER / "Untitled.ipynb").is_file()
    assert _fingerprint(course) == before  # no .ipynb_checkpoints either


"""``thoracic lab`` (what ``make lab`` runs): JupyterLab, opened at the course's first page.

JupyterLab's root is a folder of the learner's own, inside their data folder (beside
their progress, never in the course folder), that holds two things:

- ``Course``: a link to the course folder, which stays exactly as it was installed;
- ``My notes``: a folder for the learner's own notebooks and files. JupyterLab's Launcher
  and "New" menu make files in the folder the file browser shows, so the file browser
  starts there.

The server gets a token of our own (so JupyterLab prints no banner of its own) and logs
only warnings. A fresh workspace each time (so JupyterLab opens 00 alone, not every tab
and kernel of the last session) opens ``Course/00-start-here.ipynb`` with the file
browser in ``My notes``; the one address printed leads there. It lives in a temporary
folder that is removed when JupyterLab stops.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..content import COURSE
from ..site import KERNEL_ENCRYPTION
from ._contents import is_course_folder

__all__ = ["COURSE_LINK", "NOTES_FOLDER", "LabPlace", "lab_place", "run_lab"]

COURSE_LINK = "Course"
NOTES_FOLDER = "My notes"
_ROOT = "jupyterlab"  # the folder in the data folder that JupyterLab shows
_READY_WAIT_S = 120.0  # a first start on a slow machine builds nothing but imports a lot


@dataclass(frozen=True)
class LabPlace:
    """Where JupyterLab looks: its root, the course link in it and the learner's notes."""

    root: Path
    course: Path
    notes: Path

    def first_workspace(self) -> str:
        """JupyterLab's default workspace at the start: the course's first notebook open,
        and the file browser in "My notes". (A /lab/tree/ address would open the notebook
        and move the file browser into the course folder, where the Launcher and File >
        New cannot make files.)"""
        notebook = f"{COURSE_LINK}/{COURSE[0].filename}"
        widget = f"notebook:{notebook}"
        return json.dumps({
            "data": {
                "layout-restorer:data": {
                    "main": {"dock": {"type": "tab-area", "currentIndex": 0,
                                      "widgets": [widget]}, "current": widget},
                    "left": {"collapsed": False, "visible": True, "current": "filebrowser",
                             "widgets": ["filebrowser"]}},
                widget: {"data": {"path": notebook, "factory": "Notebook"}},
                "file-browser-filebrowser:cwd": {"path": NOTES_FOLDER},
            },
            "metadata": {"id": "default"},
        })


def lab_place(data_dir: Path, course_folder: Path) -> LabPlace:
    """Make (or repair) the learner's JupyterLab folder in ``data_dir``: a link named
    ``Course`` to ``course_folder`` and a ``My notes`` folder. ValueError, saying what to
    do, if ``course_folder`` is not the course or ``Course`` is something else already."""
    course_folder = course_folder.resolve()
    if not is_course_folder(course_folder):
        raise ValueError(f"{course_folder} does not hold the course's notebooks. Run this "
                         "from the course's folder (make lab does), or give --folder.")
    root = data_dir / _ROOT
    notes = root / NOTES_FOLDER
    notes.mkdir(parents=True, exist_ok=True)
    link = root / COURSE_LINK
    if link.is_symlink():
        if link.resolve() != course_folder:  # the course moved: point the link anew
            fresh = root / f".{COURSE_LINK}.{os.getpid()}"
            fresh.unlink(missing_ok=True)
            fresh.symlink_to(course_folder, target_is_directory=True)
            fresh.replace(link)
    elif link.exists():
        raise ValueError(f"{link} is not the course's link, so the course left it alone. "
                         f"Move it elsewhere (it may hold your own files), then start again.")
    else:
        link.symlink_to(course_folder, target_is_directory=True)
    return LabPlace(root=root, course=link, notes=notes)


def _free_port(wanted: int) -> int:
    """``wanted`` if nothing listens there, else the next free port after it."""
    for port in range(wanted, wanted + 50):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise ValueError(f"Ports {wanted} to {wanted + 49} are all in use. Choose another with "
                     "PORT=9000 make lab (or thoracic lab --port 9000).")


def _wait_until_ready(url: str, child: subprocess.Popen[bytes],
                      clock: Callable[[], float] = time.monotonic,
                      pause: Callable[[float], None] = time.sleep) -> bool:
    """Whether the server at ``url`` answered before it stopped or the wait ran out."""
    deadline = clock() + _READY_WAIT_S
    while clock() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except (urllib.error.URLError, OSError):
            pause(0.2)
    return False


def _has_browser() -> bool:
    try:
        webbrowser.get()
    except webbrowser.Error:
        return False
    return True


def _stop(number: int, frame: object) -> None:
    raise SystemExit(128 + number)


STOP_SECONDS = 15  # after the request and a signal: then the server is made to stop


def _shut_down(address: str, token: str, child: subprocess.Popen[bytes]) -> None:
    """Ask the server to stop through its own API, and signal it only if that fails.

    A signal that lands while the server writes a log line makes its handler's own log
    line fail with a traceback ("reentrant call"); the API has no such moment."""
    request = urllib.request.Request(f"{address}/api/shutdown", method="POST",
                                     headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5):
            pass
        child.wait(timeout=30)
    except (urllib.error.URLError, OSError, subprocess.TimeoutExpired):
        if child.poll() is None:
            child.terminate()
    try:
        child.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:  # stuck (a kernel that never finished starting):
        child.kill()  # the launcher ends all the same, and the workspace is removed
        child.wait()


def run_lab(course_folder: Path, data_dir: Path, port: int, *, open_browser: bool = True,
            extra: Sequence[str] = (), say: Callable[[str], None] | None = None) -> int:
    """Start JupyterLab for the course and wait until it stops; its exit code."""
    say = say or (lambda line: print(line, flush=True))  # at once, even into a pipe
    if open_browser and not _has_browser():
        open_browser = False  # a server with no browser: the address printed is the way in
    place = lab_place(data_dir, course_folder)
    port = _free_port(port)
    token = secrets.token_urlsafe(24)
    address = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="thoracic-lab-workspace-") as workspace:
        from jupyterlab_server.workspaces_handler import WorkspacesManager

        WorkspacesManager(workspace).save("default", place.first_workspace())
        command = [
            sys.executable, "-m", "jupyter", "lab", f"--port={port}", "--ip=127.0.0.1",
            "--ServerApp.port_retries=0", "--ServerApp.log_level=WARN", "--LabApp.log_level=WARN",
            f"--ServerApp.root_dir={place.root}", "--LabApp.default_url=/lab",
            f"--LabApp.workspaces_dir={workspace}",
            f"--KernelManager.transport_encryption={KERNEL_ENCRYPTION}",
            "--ServerApp.open_browser=" + ("True" if open_browser else "False"),
            *(["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
            *extra,
        ]
        # The token goes by the environment, not the command line that others can list.
        child = subprocess.Popen(command, env={**os.environ, "JUPYTER_TOKEN": token})
        previous = {signal.SIGINT: signal.signal(signal.SIGINT, signal.SIG_IGN)}  # JupyterLab's
        for ending in (signal.SIGTERM, signal.SIGHUP):  # still remove the workspace
            previous[ending] = signal.signal(ending, _stop)
        try:
            if _wait_until_ready(f"{address}/api/status?token={token}", child):
                say(f"The course is open in JupyterLab: {address}/lab?token={token}")
                say(f"Your own notebooks and notes go in \"{NOTES_FOLDER}\" (next to "
                    f"\"{COURSE_LINK}\" in the file browser), kept in {place.notes}.")
                say("To stop, press Ctrl+C twice here.")
            return child.wait()
        finally:
            if child.poll() is None:
                _shut_down(address, token, child)
            for number, handler in previous.items():
                signal.signal(number, handler)

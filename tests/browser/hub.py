"""The class server in tests and in bench/hub_class.py: the repository's JupyterHub
started on a free port and stopped with everything it started, and code run in a
learner's kernel through their server's REST and WebSocket API."""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from thoracic.hub import SYSTEM_USER_PREFIX

from .conftest import ROOT, _free_port, wait_until_serving

JUPYTERHUB = ROOT / ".venv" / "bin" / "jupyterhub"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"


def _processes() -> dict[int, tuple[int, str]]:
    """Every process on the machine: pid -> (parent pid, start time), from /proc."""
    table = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # it ended meanwhile
            fields = stat[stat.rindex(")") + 2:].split()
            table[int(entry.name)] = (int(fields[1]), fields[19])
    return table


class HubProcesses:
    """The hub and everything it starts (proxy, learners' servers, kernels), each recorded
    by its process id and start time (so a reused id is never signalled)."""

    def __init__(self, hub: subprocess.Popen) -> None:
        self.hub = hub
        self.seen: dict[int, str] = {}

    def record(self) -> None:
        table = _processes()
        parents = [self.hub.pid, *self.seen]
        while parents:
            parent = parents.pop()
            for pid, (ppid, started) in table.items():
                if ppid == parent and pid not in self.seen:
                    self.seen[pid] = started
                    parents.append(pid)

    def running(self) -> list[int]:
        table = _processes()
        return [pid for pid, started in self.seen.items()
                if pid in table and table[pid][1] == started]

    def stop(self) -> None:
        """The hub stops its servers and proxy itself (SIGTERM); whatever is left after it
        is stopped by process group, then killed."""
        self.record()
        for sig, wait in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
            if self.hub.poll() is None:
                os.killpg(self.hub.pid, sig)  # its own session: the hub alone, or a child
                try:
                    self.hub.wait(timeout=wait)
                    break
                except subprocess.TimeoutExpired:
                    continue
        # A hub that ended by itself (a proxy that started too late) leaves its children to
        # init, where record() cannot find them; they are still in the hub's own session's
        # process group, so end that group too.
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.hub.pid, sig)
            except ProcessLookupError:
                break  # nothing is left in it
        ours = os.getpgid(0)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            left = self.running()
            for pid in left:
                try:
                    group = os.getpgid(pid)
                    if group != ours:
                        os.killpg(group, sig)
                    else:
                        os.kill(pid, sig)
                except ProcessLookupError:
                    pass
            deadline = time.monotonic() + 10
            while self.running() and time.monotonic() < deadline:
                time.sleep(0.1)  # waiting for processes to end, not timing the test
        assert not self.running(), f"still running after SIGKILL: {self.running()}"


@contextmanager
def running_hub(state: Path, settings: dict[str, str], *,
                start_seconds: float = 60) -> Iterator[dict[str, object]]:
    """The repository's JupyterHub on a free port, with all its state in ``state`` and
    ``settings`` (THORACIC_HUB_* variables) added to this process's environment."""
    port = _free_port()
    env = {**os.environ, "THORACIC_HUB_DIR": str(state), "THORACIC_HUB_PORT": str(port),
           **settings}
    for name in ("THORACIC_TODAY", "THORACIC_EXPORT", "THORACIC_DATA_DIR"):
        env.pop(name, None)
    log_path = state.parent / f"{state.name}.log"
    log = log_path.open("w")
    hub = subprocess.Popen([str(JUPYTERHUB), "-f", str(ROOT / "jupyterhub_config.py")],
                           cwd=state.parent, env=env, stdout=log, stderr=subprocess.STDOUT,
                           start_new_session=True)
    processes = HubProcesses(hub)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_serving(f"{url}/hub/api/", hub, start_seconds):
            raise RuntimeError("JupyterHub did not start:\n" + log_path.read_text()[-3000:])
        yield {"url": url, "course": state / "course", "homes": state / "homes",
               "processes": processes, "log": log_path}
    finally:
        processes.stop()
        log.close()


# The class's teacher in the class test and bench/hub_class.py.
TEACHER, TEACHER_PASSWORD = "teach", "teacher-pass-4821"


@contextmanager
def running_class(settings: dict[str, str] | None = None, *,
                  keep_log: Path | None = None) -> Iterator[dict[str, object]]:
    """The class's hub (make hub's settings, run by root) with TEACHER, in a folder every
    learner can reach. Afterwards, also after a failure, every system user it made and its
    folder are removed, and its log too (moved to ``keep_log`` if given)."""
    before = class_accounts()
    state = Path(tempfile.mkdtemp(prefix="ubr-class-", dir="/tmp"))
    try:
        # The first start makes the learners' environment (a few minutes at most).
        with running_hub(state, {"THORACIC_HUB_TEACHER": TEACHER,
                                 "THORACIC_HUB_TEACHER_PASSWORD": TEACHER_PASSWORD,
                                 **(settings or {})}, start_seconds=900) as hub:
            yield hub
    finally:
        remove_class_accounts(before)
        shutil.rmtree(state, ignore_errors=True)
        log = Path(f"{state}.log")
        if keep_log is not None and log.is_file():
            shutil.move(log, keep_log)
        log.unlink(missing_ok=True)
    assert class_accounts() == before


def class_accounts() -> set[str]:
    """The system users a class has made (ubr-<name>)."""
    return {entry.pw_name for entry in pwd.getpwall()
            if entry.pw_name.startswith(SYSTEM_USER_PREFIX)}


def remove_class_accounts(before: set[str]) -> None:
    """End every process of, then remove, each class account made since ``before``."""
    for name in sorted(class_accounts() - before):
        subprocess.run(["pkill", "-KILL", "-u", name], check=False)
        for _ in range(50):
            if subprocess.run(["pgrep", "-u", name], capture_output=True,
                              check=False).returncode != 0:
                break
            time.sleep(0.1)  # waiting for killed processes to go, not timing the test
        subprocess.run(["userdel", name], check=True, capture_output=True)


# -- the hub's REST API and a learner's kernel ----------------------------------------------

def api(url: str, token: str, method: str = "GET", body: object = None) -> object:
    """One call to a Jupyter REST API (the hub's or a server's) with a token."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Authorization": f"token {token}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        text = answer.read()
    return json.loads(text) if text else None


def run_in_kernel(server: str, token: str, code: str, seconds: float = 120, *,
                  keep: bool = False) -> dict[str, str]:
    """Start a kernel on the learner's server (``server``: http://host/user/<name>), run
    ``code`` in it, and shut it down unless ``keep``: {"stdout", "error", "status"}."""
    import websocket  # websocket-client: a plain client, outside any event loop

    kernel = api(f"{server}/api/kernels", token, "POST", {"name": "python3"})
    kernel_id = kernel["id"]  # type: ignore[index]
    socket_url = server.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
    connection = websocket.create_connection(socket_url, timeout=seconds,
                                             header=[f"Authorization: token {token}"])
    msg_id = uuid.uuid4().hex
    try:
        connection.send(json.dumps({
            "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": False,
                        "user_expressions": {}, "allow_stdin": False,
                        "stop_on_error": True}}))
        stdout, error, status = [], "", ""
        while True:
            message = json.loads(connection.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = message["msg_type"]
            if kind == "stream":
                stdout.append(message["content"]["text"])
            elif kind == "error":
                error = f"{message['content']['ename']}: {message['content']['evalue']}"
            elif kind == "execute_reply":
                status = message["content"]["status"]
                break
    finally:
        connection.close()
        if not keep:
            with contextlib.suppress(urllib.error.URLError):  # the server went: kernels too
                api(f"{server}/api/kernels/{kernel_id}", token, "DELETE")
    return {"stdout": "".join(stdout), "error": error, "status": status}

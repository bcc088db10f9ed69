"""Whether a class of N learners fits on this machine (issue 27): bench/hub_class.py.

Starts the class hub (`make hub`'s settings, as root) in a temporary folder and, through
its pages and REST API as a teacher would: signs up N learners (default 30) on the sign-up
page, approves them as the teacher, then starts one learner alone (the baseline) and then
all N at once (POST /hub/api/users/<name>/server with the teacher's token), and runs the
safety-check cell of 00 in each learner's kernel (their server's REST and WebSocket API,
with a token of theirs), every learner at the same moment.
- spawn_p50_s / spawn_p95_s: from asking for a learner's server to the hub saying it is
  ready;
- first_reply_p95_s: from asking for the server to the safety cell's reply in its kernel;
  alone_first_reply_s is the same for the one learner who started alone, and
  first_reply_p95_vs_alone the ratio of the two;
- rss_per_learner_mb: resident memory of all the learners' processes (server and
  kernel, shared pages counted in each) once every kernel has replied, per learner;
- all_ok: every server started and every cell ran without an error.
Needs root (each learner is a system user); removes every user, process and file it made,
also after a failure. Last line: one JSON object. Targets (issue 27), for 30 learners:
all_ok, first_reply_p95_s at most 60.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import pwd
import re
import statistics
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the class server is started as its browser test starts it

from tests.browser.hub import (  # noqa: E402
    TEACHER,
    TEACHER_PASSWORD,
    api,
    run_in_kernel,
    running_class,
)

START = ROOT / "notebooks" / "00-start-here.ipynb"


def safety_cell() -> str:
    """The source of 00's safety-check cell, as the learner runs it."""
    cells = json.loads(START.read_text("utf-8"))["cells"]
    return next("".join(cell["source"]) for cell in cells
                if cell["cell_type"] == "code" and "safety_screen()" in "".join(cell["source"]))


class Browser:
    """A person at the hub's pages: cookies kept, forms posted with their _xsrf field."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def page(self, path: str) -> str:
        with self.opener.open(f"{self.url}{path}", timeout=120) as answer:
            return answer.read().decode()

    def post_form(self, path: str, fields: dict[str, str]) -> str:
        form = re.search(r'name="_xsrf" value="([^"]+)"', self.page(path))
        assert form, f"no form at {path}"
        body = urllib.parse.urlencode({**fields, "_xsrf": form.group(1)}).encode()
        with self.opener.open(f"{self.url}{path}", data=body, timeout=120) as answer:
            return answer.read().decode()

    def token(self, user: str) -> str:
        """An API token of this person's own, made with their login."""
        xsrf = next(c.value for c in self.cookies
                    if c.name == "_xsrf" and c.path.startswith("/hub"))
        request = urllib.request.Request(
            f"{self.url}/hub/api/users/{user}/tokens", method="POST",
            data=json.dumps({"note": "bench", "expires_in": 3600}).encode(),
            headers={"X-XSRFToken": xsrf, "Content-Type": "application/json"})
        with self.opener.open(request, timeout=120) as answer:
            return json.loads(answer.read())["token"]


def _start_and_run(url: str, admin: str, name: str, token: str, code: str) -> dict[str, object]:
    """Ask for the learner's server, wait until it is ready, run ``code`` in a kernel."""
    asked = time.monotonic()
    api(f"{url}/hub/api/users/{name}/server", admin, "POST", {})
    while True:
        model = api(f"{url}/hub/api/users/{name}", admin)
        server = model["servers"].get("")  # type: ignore[index]
        if server and server.get("ready"):
            break
        if not server and not model.get("pending") and time.monotonic() - asked > 5:  # type: ignore[union-attr]
            return {"name": name, "ok": False, "why": "the server did not start"}
        if time.monotonic() - asked > 300:
            return {"name": name, "ok": False, "why": "not ready after 300 s"}
        time.sleep(0.25)  # polling the hub for a starting server, not timing it
    ready = time.monotonic()
    out = run_in_kernel(f"{url}/user/{name}", token, code, keep=True)
    replied = time.monotonic()
    return {"name": name, "ok": out["status"] == "ok" and not out["error"],
            "why": out["error"], "spawn_s": ready - asked, "first_reply_s": replied - asked}


def _learners_rss_mb(names: list[str]) -> float:
    """Resident memory, in MB, of every process of the learners' system users."""
    uids = {pwd.getpwnam(f"ubr-{name}").pw_uid for name in names}
    total_kb = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if int(fields["Uid"].split()[0]) in uids and "VmRSS" in fields:
            total_kb += int(fields["VmRSS"].split()[0])
    return total_kb / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30, help="how many (default 30)")
    arguments = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("bench/hub_class.py needs root: each learner is a system user.")
    count = arguments.learners
    names = [f"learner{n:02d}" for n in range(1, count + 1)]
    alone = "alone"
    code = safety_cell()
    with running_class() as hub:
        url = str(hub["url"])
        for name in [alone, *names]:  # each signs up on the page, as a learner does
            Browser(url).post_form("/hub/signup", {
                "username": name, "signup_password": f"{name}-password-1",
                "signup_password_confirmation": f"{name}-password-1"})
        teacher = Browser(url)
        teacher.post_form("/hub/login", {"username": TEACHER, "password": TEACHER_PASSWORD})
        for name in [alone, *names]:
            teacher.page(f"/hub/authorize/{name}")  # the teacher's Authorize button
        admin = teacher.token(TEACHER)
        # Approved learners become the hub's users at their first login; the teacher
        # makes them at once through the REST API instead, to give each a token.
        api(f"{url}/hub/api/users", admin, "POST", {"usernames": [alone, *names]})
        tokens = {name: api(f"{url}/hub/api/users/{name}/tokens", admin, "POST",
                            {"note": "bench", "expires_in": 3600})["token"]  # type: ignore[index]
                  for name in [alone, *names]}

        solo = _start_and_run(url, admin, alone, tokens[alone], code)
        api(f"{url}/hub/api/users/{alone}/server", admin, "DELETE")
        with ThreadPoolExecutor(max_workers=count) as pool:
            results = list(pool.map(
                lambda name: _start_and_run(url, admin, name, tokens[name], code), names))
        hub["processes"].record()  # type: ignore[attr-defined]
        rss = _learners_rss_mb(names) / count

    def quantile(values: list[float], q: float) -> float:
        ordered = sorted(values)
        return round(ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))], 2)

    started = [r for r in results if "spawn_s" in r]
    spawns = [float(r["spawn_s"]) for r in started]  # type: ignore[arg-type]
    replies = [float(r["first_reply_s"]) for r in started]  # type: ignore[arg-type]
    failed = [f"{r['name']}: {r['why']}" for r in [solo, *results] if not r["ok"]]
    alone_reply = float(solo.get("first_reply_s", 0.0))  # type: ignore[arg-type]
    result = {
        "learners": count,
        "spawn_p50_s": round(statistics.median(spawns), 2) if spawns else None,
        "spawn_p95_s": quantile(spawns, 0.95) if spawns else None,
        "first_reply_p95_s": quantile(replies, 0.95) if replies else None,
        "alone_first_reply_s": round(alone_reply, 2),
        "first_reply_p95_vs_alone": (round(quantile(replies, 0.95) / alone_reply, 2)
                                     if replies and alone_reply else None),
        "rss_per_learner_mb": round(rss, 1),
        "all_ok": not failed,
        "failed": failed[:5],
    }
    print(f"{count} learners: servers ready p50 {result['spawn_p50_s']} s, p95 "
          f"{result['spawn_p95_s']} s; safety cell replied p95 {result['first_reply_p95_s']} s "
          f"({result['first_reply_p95_vs_alone']}x one learner alone); "
          f"{result['rss_per_learner_mb']} MB each")
    print(json.dumps(result))


if __name__ == "__main__":
    main()

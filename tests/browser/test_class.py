"""A class that keeps learners apart (issue 27): `make hub` as root, in a browser.

The hub starts in class mode on a free port. Two learners sign up with their own names
and passwords; nobody gets in before the teacher approves them; the teacher approves
both; both log in at once and land in their own JupyterLab. Then, from each learner's own
kernel (their server's API, with a token of theirs): learner A cannot list B's home or
open B's progress file, and cannot write into the course folder; each progress file is
its owner's alone (0600 in a 0700 home) and holds only their own records. A wrong
password fails, and three in a row lock the name even for the right one. The teacher's
page shows A, who shares, and B as "not shared"; a learner is turned away from it.

Needs root (a system user per learner): it runs in CI, which runs as root. At the end
the hub, every process it started, every system user it made and its folder are
removed, also after a failure.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from thoracic.hub import PROGRESS_IN_HOME, TEACHER_PAGE
from thoracic.lab import LEARNER_STORE

from .hub import (
    JUPYTERHUB,
    PROXY,
    TEACHER,
    TEACHER_PASSWORD,
    run_in_kernel,
    running_class,
)
from .lab import new_page

pytestmark = pytest.mark.browser

# Learner A shares with the teacher, learner B does not.
A, B = "ana", "ben"
PASSWORDS = {A: "ana-secret-7391", B: "ben-secret-2846"}
FAILED_LOGINS = 3


@pytest.fixture
def class_hub(missing_tool, artifacts: Path) -> Iterator[dict[str, object]]:
    """The class's hub, run by root, in a folder every learner can reach; removed after
    with every process and system user it made."""
    if os.geteuid() != 0:
        missing_tool("The class test needs root (it makes a system user per learner); it "
                     "runs in CI, which runs as root.")
    if not PROXY.is_file() or not JUPYTERHUB.is_file():
        missing_tool("JupyterHub or its proxy is not installed, so the class test is "
                     "skipped. Install them with: make install")
    # The hub's log is kept with the screenshots, for a failure's story.
    with running_class({"THORACIC_HUB_FAILED_LOGINS": str(FAILED_LOGINS)},
                       keep_log=artifacts / "class-hub.log") as hub:
        yield hub


def _log_in(page, url: str, name: str, password: str) -> None:
    page.goto(f"{url}/hub/login")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(password)
    page.locator("#login_submit").click()
    page.wait_for_load_state()


def _sign_up(page, url: str, name: str, password: str) -> None:
    page.goto(f"{url}/hub/signup")
    page.locator("#username_input").fill(name)
    page.locator("#password_input").fill(password)
    page.locator("#password_confirmation_input").fill(password)
    page.locator("#signup_submit").click()
    page.get_by_text("Your information has been sent to the admin.").wait_for()


def _token(context, page, url: str, name: str) -> str:
    """An API token of the learner's own, made with their login (as the hub's token page
    makes one)."""
    xsrf = next(c["value"] for c in context.cookies()
                if c["name"] == "_xsrf" and c["path"].startswith("/hub"))
    answer = page.request.post(f"{url}/hub/api/users/{name}/tokens",
                               headers={"X-XSRFToken": xsrf},
                               data={"note": "class test", "expires_in": 3600})
    assert answer.ok, answer.text()
    return answer.json()["token"]


# Run in a learner's kernel: what they can reach of another learner and of the course.
PROBE = """
import json, os
def attempt(action):
    try:
        action()
        return "allowed"
    except PermissionError:
        return "denied"
    except OSError as error:
        return type(error).__name__
print(json.dumps({
    "other_home": attempt(lambda: os.listdir(given["other_home"])),
    "other_store": attempt(lambda: open(given["other_store"], "rb").read(1)),
    "course_file": attempt(lambda: open(given["course"] + "/00-start-here.ipynb", "a").close()),
    "course_new": attempt(lambda: open(given["course"] + "/mine.txt", "w").close()),
    "classmates": attempt(lambda: os.listdir(os.path.dirname(given["other_home"]))),
    "user": os.environ["USER"], "uid": os.getuid(),
}))
"""

# Run in a learner's kernel: keep a few records, as the course's parts do, then list them.
KEEP = """
import json
from thoracic import ProgressStore
from thoracic.ui import SHARE_CHECKLIST_ID, SHARE_ITEM_ID
store = ProgressStore()
store.set_tick("safety-screen", {flag!r}, True)
store.record_session("exercise", "Child's pose", 90, sets=1)
if {share}:
    store.set_tick(SHARE_CHECKLIST_ID, SHARE_ITEM_ID, True)
data = store.export_data()
print(json.dumps({{"path": str(store.path),
                  "ticks": sorted(t["item"] for t in data["checklist_ticks"]),
                  "sessions": len(data["sessions"])}}))
"""


def test_a_class_keeps_learners_apart(browser, class_hub, artifacts: Path) -> None:
    started = time.monotonic()
    url = str(class_hub["url"])
    homes, course = Path(class_hub["homes"]), Path(class_hub["course"])
    contexts = []
    try:
        pages = {}
        for name in (TEACHER, A, B):
            context, page = new_page(browser)
            contexts.append(context)
            pages[name] = (context, page)

        # Sign-ups wait for the teacher: before approval, the right password lets no one in.
        for name in (A, B):
            _sign_up(pages[name][1], url, name, PASSWORDS[name])
        _log_in(pages[A][1], url, A, PASSWORDS[A])
        pages[A][1].get_by_text(f"User {A} has not been authorized by an administrator "
                                "yet.").wait_for()
        # Nobody can take the teacher's name: the hub made that account at its start.
        _, stranger = new_page(browser)
        stranger.goto(f"{url}/hub/signup")
        stranger.locator("#username_input").fill(TEACHER)
        stranger.locator("#password_input").fill("not-the-teacher-123")
        stranger.locator("#password_confirmation_input").fill("not-the-teacher-123")
        stranger.locator("#signup_submit").click()
        stranger.get_by_text("this username is already in use").wait_for()
        stranger.context.close()

        # The teacher approves both.
        teacher = pages[TEACHER][1]
        _log_in(teacher, url, TEACHER, TEACHER_PASSWORD)
        teacher.goto(f"{url}/hub/authorize")
        for name in (A, B):
            row = teacher.locator("tr", has=teacher.get_by_text(name, exact=True))
            row.get_by_role("button", name="Authorize").click()
            teacher.locator("tr", has=teacher.get_by_text(name, exact=True)).get_by_role(
                "button", name="Unauthorize").wait_for()

        # Both log in at once and land in their own JupyterLab at 00.
        for name in (A, B):
            _log_in(pages[name][1], url, name, PASSWORDS[name])
        tokens = {}
        for name in (A, B):
            context, page = pages[name]
            page.wait_for_url(f"**/user/{name}/lab/**", timeout=180_000)
            page.locator(".jp-NotebookPanel").first.wait_for(timeout=120_000)
            tokens[name] = _token(context, page, url, name)
        class_hub["processes"].record()  # type: ignore[attr-defined]

        # Each keeps a few records from their own kernel, as the course's parts do.
        kept = {}
        for name, flag, share in ((A, "weight-loss", True), (B, "fever", False)):
            out = run_in_kernel(f"{url}/user/{name}", tokens[name],
                                KEEP.format(flag=flag, share=share))
            assert out["status"] == "ok", out
            kept[name] = json.loads(out["stdout"])
        for name in (A, B):
            store = homes / name / LEARNER_STORE
            assert kept[name]["path"] == str(store)
            assert kept[name]["sessions"] == 1
            info = store.stat()
            assert info.st_mode & 0o777 == 0o600, oct(info.st_mode)
            assert (homes / name).stat().st_mode & 0o777 == 0o700
            assert (homes / name / PROGRESS_IN_HOME).stat().st_mode & 0o077 == 0
            assert store.stat().st_uid == (homes / name).stat().st_uid != 0
        assert kept[A]["ticks"] == ["share", "weight-loss"]
        assert kept[B]["ticks"] == ["fever"]

        # From A's kernel: B's home and progress file, and the course, are out of reach.
        for me, other in ((A, B), (B, A)):
            given = {"other_home": str(homes / other), "course": str(course),
                     "other_store": str(homes / other / LEARNER_STORE)}
            out = run_in_kernel(f"{url}/user/{me}", tokens[me], f"given = {given!r}\n{PROBE}")
            assert out["status"] == "ok", out
            seen = json.loads(out["stdout"])
            assert seen["user"] == f"ubr-{me}" and seen["uid"] != 0
            assert seen["other_home"] == seen["other_store"] == "denied", seen
            assert seen["course_file"] == seen["course_new"] == "denied", seen
            assert seen["classmates"] == "denied", seen  # who else is in the class
        assert not (course / "mine.txt").exists()

        # A wrong password fails; after three in a row, so does the right one.
        context, page = new_page(browser)
        contexts.append(context)
        for _ in range(FAILED_LOGINS):
            _log_in(page, url, A, "wrong-password-000")
            page.get_by_text("Invalid username or password.").wait_for()
        _log_in(page, url, A, PASSWORDS[A])
        page.get_by_text("Invalid username or password.").wait_for()
        assert "/hub/login" in page.url

        # The teacher's page: A's figures, B "not shared"; no note, no tick, no flag.
        teacher.goto(f"{url}/services/{TEACHER_PAGE}/")
        teacher.get_by_role("heading", name="Class report").wait_for()
        rows = teacher.locator("tbody tr")
        assert rows.count() == 2  # the teacher's own home is not a learner's
        text = teacher.locator("tbody").inner_text()
        assert "1 day practised this week" in teacher.locator("tr", has_text=A).inner_text()
        assert "not shared" in teacher.locator("tr", has_text=B).inner_text()
        assert "fever" not in text and "weight" not in text
        teacher.screenshot(path=str(artifacts / "class-teacher-page.png"))
        # A learner is turned away from it by the hub.
        answer = pages[B][1].goto(f"{url}/services/{TEACHER_PAGE}/")
        assert answer is not None and answer.status == 403
        log = Path(class_hub["log"]).read_text()  # type: ignore[arg-type]
        assert "Traceback" not in log, log[-3000:]
    finally:
        for context in contexts:
            context.close()
    print(f"class test took {time.monotonic() - started:.0f} s")

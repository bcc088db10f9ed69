"""JupyterHub for a class: one server, one JupyterLab for each learner, one read-only course.

`make hub` starts it as a trial class on this computer (http://127.0.0.1:8000 by default):

- Anyone who knows the trial password logs in with a name of their choice (lowercase
  letters, digits, - and _). The password comes from THORACIC_HUB_PASSWORD, or is made
  up afresh at each start and printed; it is never stored in this file or on disk.
- Each learner gets a home folder under .hub/homes/<name>, and their progress (ticks,
  practice log, ratings, notes) lives there, in their own progress file. One learner never
  sees another's.
- The course is copied from the repository's notebooks/ folder once, at start, to
  .hub/course, and made read-only. Every learner's JupyterLab opens it at
  00-start-here.ipynb. Saving, autosave and running cells leave it unchanged: the course's
  contents manager (written into .venv by `make install`) keeps it as installed.
- Each learner's server runs from the course's own .venv, so it has the course's kernel,
  library and Jupyter settings.

A teacher sees only what learners chose to share (the switch in 12 · My progress):
`.venv/bin/thoracic class-report --home-root .hub/homes`.

For real users and real authentication, change two settings and keep the rest:

1. THE AUTHENTICATOR (c.JupyterHub.authenticator_class, below): the trial's shared
   password lets anyone in as any name. Use your organisation's login instead, for
   example "oauthenticator.GitHubOAuthenticator" or "pam" (system accounts), with
   c.Authenticator.allowed_users or allowed_groups set to your class.
2. THE SPAWNER AND THE HOME ROOT (c.JupyterHub.spawner_class and
   c.SimpleLocalProcessSpawner.home_dir_template, below): the trial runs every learner as
   the same system user, with homes under .hub/homes, which keeps them apart from each
   other only by folder. Use "localprocess" (each learner a system user, whose home is
   /home/<name>) or a container spawner such as "docker", and pass the same home root to
   class-report (--home-root /home).

Also serve the hub over HTTPS (c.JupyterHub.ssl_cert and ssl_key, or a proxy in front) and
on a public address only once those two settings are changed: as it is, it is a
demonstration, says so on every page, and refuses any address but this computer's
(THORACIC_HUB_IP may be 127.0.0.1, localhost or ::1).

Settings from the environment (all optional): THORACIC_HUB_DIR (the hub's state: its
database, the course copy and the homes; default .hub in the repository),
THORACIC_HUB_PORT (default 8000), THORACIC_HUB_IP (default 127.0.0.1; this computer only),
THORACIC_HUB_PASSWORD (at least 8 characters; default: a new one printed at start),
THORACIC_TIMER_SCALE (passed on to every learner, to speed timers up for a demonstration),
THORACIC_HUB_IDLE_MINUTES (a learner's server with no activity this long is stopped;
default 60).
"""

import os
import secrets
import shutil
import socket
import sys
from pathlib import Path

from thoracic.site import KERNEL_ENCRYPTION

c = get_config()  # type: ignore[name-defined]  # noqa: F821 (JupyterHub provides it)

REPOSITORY = Path(__file__).resolve().parent
VENV = REPOSITORY / ".venv"
STATE = Path(os.environ.get("THORACIC_HUB_DIR") or REPOSITORY / ".hub").resolve()
HOMES = STATE / "homes"  # one folder per learner: their home
COURSE = STATE / "course"  # the course as learners see it: read-only
IP = os.environ.get("THORACIC_HUB_IP") or "127.0.0.1"
# This is a demonstration on one computer: learners are kept apart by folder only, under
# one system user and one shared password. So it listens on this computer only.
DEMONSTRATION = ("Demonstration mode: learners are not kept apart. Anyone with the shared "
                 "password can log in under any name and see that learner's progress. Use "
                 "it to try the course on this computer, never for a real class.")
if IP not in ("127.0.0.1", "localhost", "::1"):
    sys.exit(f"make hub is a demonstration that does not keep learners apart, so it listens "
             f"on this computer only (127.0.0.1), not on {IP}: for a real class, change the "
             "authenticator and the spawner as jupyterhub_config.py explains.")
PORT = int(os.environ.get("THORACIC_HUB_PORT") or 8000)
# Where the course keeps a learner's progress inside their home: the usual place,
# ~/.local/share/upper-back-relief, which `thoracic class-report` reads (read-only).
PROGRESS_IN_HOME = Path(".local", "share", "upper-back-relief")


def _free_port() -> int:
    """A port nothing listens on now, for the hub's own API and the proxy's."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _install_course(source: Path, target: Path) -> None:
    """Copy the course (a fresh copy at each start, so an update reaches every learner at
    the next start) and make it read-only: files r--r--r--, folders r-xr-xr-x."""
    if target.exists():
        for folder in [target, *(p for p in target.rglob("*") if p.is_dir())]:
            folder.chmod(0o755)
        shutil.rmtree(target)
    shutil.copytree(source, target,
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    for path in sorted(target.rglob("*"), reverse=True):
        path.chmod(0o555 if path.is_dir() else 0o444)
    target.chmod(0o555)


if not (VENV / "bin" / "jupyterhub-singleuser").is_file():
    sys.exit("The course's environment is missing: run 'make install' first (make hub does).")
STATE.mkdir(parents=True, exist_ok=True)
HOMES.mkdir(exist_ok=True)
_install_course(REPOSITORY / "notebooks", COURSE)

# -- the hub: where it listens and keeps its own state -------------------------------------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{_free_port()}"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_free_port()}"
# configurable-http-proxy from the course's own node_modules (make install: npm ci).
c.ConfigurableHTTPProxy.command = [str(REPOSITORY / "node_modules" / ".bin" /
                                       "configurable-http-proxy")]
# Stopping the hub (Ctrl+C) stops every learner's server and the proxy too.
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# Every page of the hub says so, the login page first.
c.JupyterHub.template_vars = {"announcement": DEMONSTRATION,
                              "announcement_login": DEMONSTRATION}

# -- 1. THE AUTHENTICATOR: change this for real users --------------------------------------
# The trial: one shared password, any name. (JupyterHub's test authenticator,
# DummyAuthenticator, took a password too until JupyterHub 5.3 deprecated that in favour
# of this one.)
c.JupyterHub.authenticator_class = "shared-password"
PASSWORD = os.environ.get("THORACIC_HUB_PASSWORD") or secrets.token_urlsafe(9)
c.SharedPasswordAuthenticator.user_password = PASSWORD
c.Authenticator.allow_all = True
# A name is also a folder name (the learner's home): keep names to plain characters.
c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9_-]{0,31}$"

# -- 2. THE SPAWNER AND THE HOME ROOT: change these for real users -------------------------
# The trial: every learner's server is a process of this user, with its own home folder.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(HOMES / "{username}")

# -- every learner's server: the course's environment, the course, their own progress ------
c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
c.Spawner.notebook_dir = str(COURSE)
c.Spawner.default_url = "/lab/tree/00-start-here.ipynb"
c.Spawner.env_keep = ["LANG", "LC_ALL", "TZ", "JUPYTERHUB_SINGLEUSER_APP"]
# Each learner's kernels talk to their server over CurveZMQ, as in thoracic lab.
c.Spawner.args = [f"--KernelManager.transport_encryption={KERNEL_ENCRYPTION}"]
if os.geteuid() == 0:  # a container often runs as root; Jupyter refuses unless told
    c.Spawner.args.append("--ServerApp.allow_root=True")


def _progress_folder(spawner: object) -> str:
    """The learner's own progress folder, in their own home. (A callable: JupyterHub does
    not expand {username} in environment values, so a plain string would give every
    learner the same folder.)"""
    home = Path(spawner.home_dir) if hasattr(spawner, "home_dir") else Path(
        os.path.expanduser(f"~{spawner.user.name}"))  # type: ignore[attr-defined]
    return str(home / PROGRESS_IN_HOME)


c.Spawner.environment = {
    # The course's commands (thoracic, jupyter) come first in a learner's terminal.
    "PATH": os.pathsep.join([str(VENV / "bin"), os.environ.get("PATH", os.defpath)]),
    "THORACIC_DATA_DIR": _progress_folder,
}
if os.environ.get("THORACIC_TIMER_SCALE"):
    c.Spawner.environment["THORACIC_TIMER_SCALE"] = os.environ["THORACIC_TIMER_SCALE"]
# The first start of JupyterLab (and its kernel) can be slow on a small server.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

# -- servers nobody is using are stopped (their homes and progress stay) --------------------
# jupyterhub-idle-culler, as a service of the hub with only the rights it needs: a
# learner's server with no activity for IDLE_MINUTES is stopped, so a class fits on one
# machine. The learner logs in again and carries on where they were.
IDLE_MINUTES = int(os.environ.get("THORACIC_HUB_IDLE_MINUTES") or 60)
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={IDLE_MINUTES * 60}", "--cull-every=300"],
}]

print(f"""
Upper Back Relief: a trial class at http://{IP}:{PORT}/
  {DEMONSTRATION}
  Learners log in with any name (lowercase letters, digits, - and _) and the trial
  password: {PASSWORD}
  Their homes and progress: {HOMES}
  The course they see (read-only): {COURSE}
  What learners share with you: {VENV / 'bin' / 'thoracic'} class-report --home-root {HOMES}
  A server nobody uses for {IDLE_MINUTES} minutes is stopped; its home stays.
  Press Ctrl+C to stop the hub and every learner's server.
""", flush=True)

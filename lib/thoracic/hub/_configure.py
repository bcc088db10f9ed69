"""The class server's JupyterHub settings, for a class or for the demonstration.

jupyterhub_config.py reads the settings (read_hub_settings) and hands JupyterHub's config
object to ``configure_hub``, which prepares the hub's folders and says everything: which
accounts, which spawner, what each learner's server runs, which services.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from pathlib import Path
from typing import Any

from ..lab import LEARNER_STORE
from ..site import KERNEL_ENCRYPTION
from ._accounts import SYSTEM_USER_PREFIX
from ._environment import install_class_environment, install_course_copy
from ._settings import DEMONSTRATION, LEARNER_NAME, HubSettings
from ._teacher_page import TEACHER_PAGE

__all__ = ["PROGRESS_IN_HOME", "configure_hub"]

# Where the course keeps a learner's progress inside their home: where `thoracic
# class-report` (and the teacher's page) reads it.
PROGRESS_IN_HOME = LEARNER_STORE.parent
# A new password (NativeAuthenticator's sign-up) must be this long and not on its list of
# common passwords.
MINIMUM_PASSWORD_LENGTH = 10


def _free_port() -> int:
    """A port nothing listens on now, for the hub's own API, the proxy's and services."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _progress_folder(spawner: Any) -> str:
    """The learner's own progress folder, in their own home. (A callable: JupyterHub does
    not expand {username} in environment values, so a plain string would give every
    learner the same folder.)"""
    return str(Path(spawner.home_dir) / PROGRESS_IN_HOME)


def configure_hub(c: Any, settings: HubSettings, repository: Path) -> dict[str, str]:
    """Prepare the hub's folders and fill JupyterHub's config ``c``; returns what the hub
    prints at start (a label for each line)."""
    state = settings.state
    for folder in [*reversed(state.parents), state]:  # any made here: reachable by all
        if not folder.exists():
            folder.mkdir()
            folder.chmod(0o755)
    settings.private.mkdir(mode=0o700, exist_ok=True)
    settings.private.chmod(0o700)
    settings.homes.mkdir(exist_ok=True)
    install_course_copy(repository / "notebooks", settings.course)
    if settings.mode == "class":
        state.chmod(0o755)
        # Learners may pass through to their own home but not list who else is in the
        # class; each home in it is its learner's alone (0700).
        settings.homes.chmod(0o711)
        print(f"Making the learners' environment in {settings.environment} if it changed "
              "(the first time takes a few minutes)...", flush=True)
        install_class_environment(settings.environment, repository)
        environment = settings.environment
    else:
        environment = repository / ".venv"
        if not (environment / "bin" / "jupyterhub-singleuser").is_file():
            sys.exit("The course's environment is missing: run 'make install' first "
                     "(make hub-demo does).")

    private = settings.private
    c.JupyterHub.bind_url = f"http://{settings.ip}:{settings.port}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{_free_port()}"
    c.JupyterHub.db_url = f"sqlite:///{private / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(private / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(private / "jupyterhub.pid")
    c.ConfigurableHTTPProxy.pid_file = str(private / "jupyterhub-proxy.pid")
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{_free_port()}"
    # configurable-http-proxy from the course's own node_modules (make install: npm ci).
    c.ConfigurableHTTPProxy.command = [str(repository / "node_modules" / ".bin" /
                                           "configurable-http-proxy")]
    # Stopping the hub (Ctrl+C) stops every learner's server and the proxy too.
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.cleanup_proxy = True
    c.Authenticator.username_pattern = LEARNER_NAME

    # -- every learner's server: the course's environment, the course, their own progress --
    c.Spawner.cmd = [str(environment / "bin" / "jupyterhub-singleuser")]
    c.Spawner.notebook_dir = str(settings.course)
    c.Spawner.default_url = "/lab/tree/00-start-here.ipynb"
    c.Spawner.env_keep = ["LANG", "LC_ALL", "TZ", "JUPYTERHUB_SINGLEUSER_APP"]
    # Each learner's kernels talk to their server over CurveZMQ, as in thoracic lab.
    c.Spawner.args = [f"--KernelManager.transport_encryption={KERNEL_ENCRYPTION}"]
    c.Spawner.environment = {
        # The course's commands (thoracic, jupyter) come first in a learner's terminal.
        "PATH": os.pathsep.join([str(environment / "bin"), os.defpath]),
        "THORACIC_DATA_DIR": _progress_folder,
    }
    if settings.timer_scale:
        c.Spawner.environment["THORACIC_TIMER_SCALE"] = settings.timer_scale
    # The first start of JupyterLab (and its kernel) can be slow on a small server.
    c.Spawner.start_timeout = 120
    c.Spawner.http_timeout = 120

    services: list[dict[str, Any]] = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                    f"--timeout={settings.idle_minutes * 60}", "--cull-every=300"],
    }]
    # jupyterhub-idle-culler, with only the rights it needs: a learner's server with no
    # activity for idle_minutes is stopped, so a class fits on one machine. Their home
    # stays; they log in again and carry on where they were.
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]
    told = {"Open": f"http://{settings.ip}:{settings.port}/",
            "Learners' homes and progress": str(settings.homes),
            "The course they see (read-only)": str(settings.course),
            "Idle servers": f"stopped after {settings.idle_minutes} minutes; homes stay"}
    if settings.mode == "class":
        _class(c, settings, services, told)
    else:
        _demonstration(c, settings, repository, told)
    c.JupyterHub.services = services
    return told


def _class(c: Any, settings: HubSettings, services: list[dict[str, Any]],
           told: dict[str, str]) -> None:
    """Own accounts, a system user per learner, and the teacher's page."""
    c.JupyterHub.authenticator_class = "thoracic.hub.ClassAuthenticator"
    c.Authenticator.admin_users = {settings.teacher}
    c.Authenticator.allow_all = True  # NativeAuthenticator lets in only approved learners
    c.ClassAuthenticator.teacher_password = settings.teacher_password or ""
    c.NativeAuthenticator.open_signup = False  # the teacher approves each sign-up
    c.NativeAuthenticator.minimum_password_length = MINIMUM_PASSWORD_LENGTH
    c.NativeAuthenticator.check_common_password = True
    c.NativeAuthenticator.allowed_failed_logins = settings.failed_logins
    c.NativeAuthenticator.seconds_before_next_try = settings.lock_minutes * 60
    c.JupyterHub.spawner_class = "thoracic.hub.ClassSpawner"
    c.ClassSpawner.homes_root = str(settings.homes)
    # The teacher's page, behind the hub's login: only those with access to the service
    # (admins) get through. It runs as root, the only user who can read learners' homes,
    # and reads nothing there but the progress files of those who share.
    services.append({
        "name": TEACHER_PAGE,
        "url": f"http://127.0.0.1:{_free_port()}",
        "command": [sys.executable, "-m", "thoracic", "teacher-page", "--home-root",
                    str(settings.homes), "--teacher", str(settings.teacher)],
        "oauth_no_confirm": True,
        "display": True,
    })
    told.update({
        "Teacher (the hub's admin)": f"{settings.teacher}; approves sign-ups at /hub/authorize",
        "Learners": f"sign up at /hub/signup; each runs as the system user "
                    f"{SYSTEM_USER_PREFIX}<name>, with a home only they can open",
        "Teacher's page": f"/services/{TEACHER_PAGE}/ (what learners share)",
    })


def _demonstration(c: Any, settings: HubSettings, repository: Path,
                   told: dict[str, str]) -> None:
    """One shared password and one system user: learners kept apart by folder only."""
    c.JupyterHub.template_vars = {"announcement": DEMONSTRATION,
                                  "announcement_login": DEMONSTRATION}
    c.JupyterHub.authenticator_class = "shared-password"
    password = settings.demo_password or secrets.token_urlsafe(9)
    c.SharedPasswordAuthenticator.user_password = password
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(settings.homes / "{username}")
    if os.geteuid() == 0:  # a container often runs as root; Jupyter refuses unless told
        c.Spawner.args.append("--ServerApp.allow_root=True")
    told.update({
        "Mode": DEMONSTRATION,
        "Shared password": f"{password} (any name: lowercase letters, digits, - and _)",
        "What learners share with you": f"{repository / '.venv' / 'bin' / 'thoracic'} "
                                        f"class-report --home-root {settings.homes}",
    })

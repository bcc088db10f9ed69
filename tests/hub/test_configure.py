"""What configure_hub tells JupyterHub, for a class and for the demonstration, read back
from a traitlets Config as JupyterHub would read it."""

from __future__ import annotations

import os
import stat
import sys
import types
from pathlib import Path

import pytest
from traitlets.config import Config

import thoracic.hub._configure as configure
from thoracic.hub import DEMONSTRATION, TEACHER_PAGE, HubSettings, configure_hub

CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]


def fake_repository(root: Path) -> Path:
    (root / "notebooks").mkdir(parents=True)
    (root / "notebooks" / "00-start-here.ipynb").write_text("{}", "utf-8")
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / ".venv" / "bin" / "jupyterhub-singleuser").write_text("", "utf-8")
    (root / "node_modules" / ".bin").mkdir(parents=True)
    return root


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def check_the_idle_culler(c: Config, minutes: int) -> None:
    """Only the rights it needs: no admin scope."""
    assert c.JupyterHub.load_roles == [{"name": "idle-culler", "scopes": CULLER_SCOPES,
                                        "services": ["idle-culler"]}]
    culler = c.JupyterHub.services[0]
    assert culler["name"] == "idle-culler"
    assert f"--timeout={minutes * 60}" in culler["command"]


# -- the demonstration --

def demonstration(state: Path, password: str | None = "secret-pass") -> HubSettings:
    return HubSettings(mode="demonstration", state=state, ip="127.0.0.1", port=8000,
                       demo_password=password)


def test_the_demonstration(tmp_path: Path) -> None:
    repository = fake_repository(tmp_path / "repository")
    settings = demonstration(tmp_path / "state")
    c = Config()
    told = configure_hub(c, settings, repository)
    assert c.JupyterHub.authenticator_class == "shared-password"
    assert c.SharedPasswordAuthenticator.user_password == "secret-pass"
    assert c.JupyterHub.spawner_class == "simple"
    assert c.SimpleLocalProcessSpawner.home_dir_template == str(settings.homes / "{username}")
    assert c.JupyterHub.template_vars == {"announcement": DEMONSTRATION,
                                          "announcement_login": DEMONSTRATION}
    assert c.JupyterHub.bind_url == "http://127.0.0.1:8000"
    assert c.Spawner.cmd == [str(repository / ".venv" / "bin" / "jupyterhub-singleuser")]
    assert c.Spawner.notebook_dir == str(settings.course)
    check_the_idle_culler(c, 60)
    assert [service["name"] for service in c.JupyterHub.services] == ["idle-culler"]
    assert "secret-pass" in told["Shared password"]
    assert told["Mode"] == DEMONSTRATION
    # Its state holds the hub's database: the user's alone.
    assert mode(settings.state) == 0o700
    assert (settings.course / "00-start-here.ipynb").is_file()
    assert settings.homes.is_dir()


def test_the_demonstration_makes_up_a_password(tmp_path: Path) -> None:
    c = Config()
    told = configure_hub(c, demonstration(tmp_path / "state", None),
                         fake_repository(tmp_path / "repository"))
    password = c.SharedPasswordAuthenticator.user_password
    assert len(password) >= 8 and password in told["Shared password"]


def test_the_demonstration_needs_the_courses_environment(tmp_path: Path) -> None:
    repository = fake_repository(tmp_path / "repository")
    (repository / ".venv" / "bin" / "jupyterhub-singleuser").unlink()
    with pytest.raises(SystemExit, match="make install"):
        configure_hub(Config(), demonstration(tmp_path / "state"), repository)


def test_the_timer_scale_reaches_every_learner(tmp_path: Path) -> None:
    settings = HubSettings(mode="demonstration", state=tmp_path / "state", ip="127.0.0.1",
                           port=8000, timer_scale="60")
    c = Config()
    configure_hub(c, settings, fake_repository(tmp_path / "repository"))
    assert c.Spawner.environment["THORACIC_TIMER_SCALE"] == "60"


# -- a class --

@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Path]]:
    """Stands in for the learners' environment, which pip would install."""
    calls: list[tuple[Path, Path]] = []
    monkeypatch.setattr(configure, "install_class_environment",
                        lambda target, repository: calls.append((target, repository)))
    return calls


def a_class(state: Path) -> HubSettings:
    return HubSettings(mode="class", state=state, ip="10.0.0.5", port=8443, teacher="ms-lee",
                       teacher_password="a-long-password", idle_minutes=30,
                       failed_logins=4, lock_minutes=7)


def test_a_class(tmp_path: Path, made: list[tuple[Path, Path]]) -> None:
    repository = fake_repository(tmp_path / "repository")
    settings = a_class(tmp_path / "srv" / "state")
    c = Config()
    told = configure_hub(c, settings, repository)
    assert made == [(settings.environment, repository)]
    # Own accounts: the teacher approves each sign-up; guessing is slowed down.
    assert c.JupyterHub.authenticator_class == "thoracic.hub.ClassAuthenticator"
    assert c.Authenticator.admin_users == {"ms-lee"}
    assert c.ClassAuthenticator.teacher_password == "a-long-password"
    assert c.NativeAuthenticator.open_signup is False
    assert c.NativeAuthenticator.minimum_password_length == 10
    assert c.NativeAuthenticator.check_common_password is True
    assert c.NativeAuthenticator.allowed_failed_logins == 4
    assert c.NativeAuthenticator.seconds_before_next_try == 7 * 60
    # A system user per learner, and the class's environment, not the repository's.
    assert c.JupyterHub.spawner_class == "thoracic.hub.ClassSpawner"
    assert c.ClassSpawner.homes_root == str(settings.homes)
    assert c.Spawner.cmd == [str(settings.state / "env" / "bin" / "jupyterhub-singleuser")]
    assert c.Spawner.environment["PATH"].startswith(f"{settings.state / 'env' / 'bin'}{os.pathsep}")
    assert c.JupyterHub.bind_url == "http://10.0.0.5:8443"
    check_the_idle_culler(c, 30)
    teacher_page = c.JupyterHub.services[1]
    assert teacher_page["name"] == TEACHER_PAGE
    assert teacher_page["command"] == [sys.executable, "-m", "thoracic", "teacher-page",
                                       "--home-root", str(settings.homes),
                                       "--teacher", "ms-lee"]
    assert len(c.JupyterHub.services) == 2
    assert "ms-lee" in told["Teacher (the hub's admin)"]


def test_a_class_folders(tmp_path: Path, made: list[tuple[Path, Path]]) -> None:
    """The hub's own files (password hashes) are root's alone; the rest every learner can
    reach, the course read-only."""
    settings = a_class(tmp_path / "state")
    c = Config()
    configure_hub(c, settings, fake_repository(tmp_path / "repository"))
    assert settings.private == settings.state / "hub"
    assert mode(settings.private) == 0o700
    assert mode(settings.state) == 0o755 and mode(settings.homes) == 0o711
    assert mode(settings.course) == 0o555
    assert mode(settings.course / "00-start-here.ipynb") == 0o444
    assert c.JupyterHub.db_url == f"sqlite:///{settings.private / 'jupyterhub.sqlite'}"
    assert Path(c.JupyterHub.cookie_secret_file).parent == settings.private


def test_each_learners_progress_is_in_their_own_home(tmp_path: Path,
                                                     made: list[tuple[Path, Path]]) -> None:
    """A callable, as JupyterHub does not fill in {username} in environment values."""
    c = Config()
    configure_hub(c, a_class(tmp_path / "state"), fake_repository(tmp_path / "repository"))
    progress = c.Spawner.environment["THORACIC_DATA_DIR"]
    spawner = types.SimpleNamespace(home_dir="/x/homes/sam")
    assert progress(spawner) == "/x/homes/sam/.local/share/upper-back-relief"

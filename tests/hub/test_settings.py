"""The hub's settings are read once and checked whole: each refusal names the variable
and says what to do instead."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from jupyterhub.auth import Authenticator

from thoracic.hub import (
    CLASS_NEEDS_ROOT,
    LEARNER_NAME,
    HubSettings,
    HubSettingsError,
    read_hub_settings,
)
from thoracic.hub._settings import CLASS_STATE

from .conftest import remove_tree


def a_class(state: Path, **more: str) -> dict[str, str]:
    return {"THORACIC_HUB_TEACHER": "ms-lee", "THORACIC_HUB_DIR": str(state), **more}


def refusal(env: dict[str, str], repository: Path, is_root: bool = True) -> str:
    with pytest.raises(HubSettingsError) as caught:
        read_hub_settings(env, repository, is_root=is_root)
    return str(caught.value)


# -- a class --

def test_a_class_needs_root(reachable: Path, tmp_path: Path) -> None:
    assert refusal(a_class(reachable / "state"), tmp_path, is_root=False) == CLASS_NEEDS_ROOT


@pytest.mark.parametrize("teacher", ["", "Ms Lee", "root/../x", "a" * 29, "-lee", "ms.lee",
                                     "ms-lee\n"])
def test_a_class_needs_a_plain_teacher_name(reachable: Path, tmp_path: Path,
                                            teacher: str) -> None:
    """The name is a folder's and part of a system user's: nothing else gets through."""
    env = a_class(reachable / "state", THORACIC_HUB_TEACHER=teacher)
    assert "THORACIC_HUB_TEACHER" in refusal(env, tmp_path)


def test_a_class_without_a_teacher_is_refused(reachable: Path, tmp_path: Path) -> None:
    assert "THORACIC_HUB_TEACHER" in refusal({"THORACIC_HUB_DIR": str(reachable)}, tmp_path)


def test_the_longest_name_fits_a_system_user() -> None:
    """ubr- and 28 characters: 32, the most useradd takes."""
    assert re.match(LEARNER_NAME, "a" * 28) and not re.match(LEARNER_NAME, "a" * 29)


@pytest.mark.parametrize(("name", "valid"), [("sam", True), ("sam-2_b", True),
                                             ("sam\n", False), ("Sam", False),
                                             ("sam/x", False), ("", False)])
def test_the_hub_checks_learners_names_the_same_way(name: str, valid: bool) -> None:
    """configure_hub gives JupyterHub LEARNER_NAME, which it uses with re.match."""
    assert Authenticator(username_pattern=LEARNER_NAME).validate_username(name) is valid


def test_a_class(reachable: Path, tmp_path: Path) -> None:
    env = a_class(reachable / "state", THORACIC_HUB_TEACHER_PASSWORD="a-long-password")
    settings = read_hub_settings(env, tmp_path, is_root=True)
    assert settings == HubSettings(
        mode="class", state=reachable / "state", ip="127.0.0.1", port=8000, teacher="ms-lee",
        teacher_password="a-long-password", idle_minutes=60, failed_logins=3,
        lock_minutes=10)
    assert settings.private == reachable / "state" / "hub"  # not the state, which all reach
    assert settings.homes == reachable / "state" / "homes"
    assert settings.environment == reachable / "state" / "env"
    assert not (reachable / "state").exists()  # reading creates nothing


def test_a_class_keeps_its_state_in_srv_by_default(tmp_path: Path) -> None:
    """(Only read: the folder is neither made nor changed.)"""
    settings = read_hub_settings({"THORACIC_HUB_TEACHER": "ms-lee"}, tmp_path, is_root=True)
    assert Path("/srv/upper-back-relief") == CLASS_STATE
    assert settings.state == CLASS_STATE.resolve()


def test_a_class_numbers(reachable: Path, tmp_path: Path) -> None:
    env = a_class(reachable, THORACIC_HUB_PORT="8443", THORACIC_HUB_IDLE_MINUTES="30",
                  THORACIC_HUB_FAILED_LOGINS="5", THORACIC_HUB_LOCK_MINUTES="2",
                  THORACIC_HUB_IP="10.0.0.5", THORACIC_TIMER_SCALE="60")
    settings = read_hub_settings(env, tmp_path, is_root=True)
    assert (settings.port, settings.idle_minutes, settings.failed_logins,
            settings.lock_minutes, settings.ip, settings.timer_scale) == (
        8443, 30, 5, 2, "10.0.0.5", "60")


@pytest.mark.parametrize(("name", "value"), [
    ("THORACIC_HUB_PORT", "x"), ("THORACIC_HUB_PORT", "0"),
    ("THORACIC_HUB_IDLE_MINUTES", "0"), ("THORACIC_HUB_IDLE_MINUTES", "1.5"),
    ("THORACIC_HUB_FAILED_LOGINS", "-1"), ("THORACIC_HUB_LOCK_MINUTES", "0")])
def test_bad_numbers_are_named(reachable: Path, tmp_path: Path, name: str, value: str) -> None:
    message = refusal(a_class(reachable, **{name: value}), tmp_path)
    assert message.startswith(f"{name} is {value!r}: give a whole number")


def test_a_state_no_learner_can_reach_is_refused(tmp_path: Path) -> None:
    closed = Path(tempfile.mkdtemp(prefix="thoracic-hub-test-", dir="/tmp"))
    closed.chmod(0o700)
    try:
        message = refusal(a_class(closed / "deeper" / "state"), tmp_path)
        assert f"inside {closed}, which other users cannot enter" in message
        assert "THORACIC_HUB_DIR" in message
    finally:
        remove_tree(closed)


# -- the demonstration --

def demo(**more: str) -> dict[str, str]:
    return {"THORACIC_HUB_DEMO": "1", **more}


def test_the_demonstration_needs_no_root_and_lives_in_the_repository(tmp_path: Path) -> None:
    settings = read_hub_settings(demo(), tmp_path, is_root=False)
    assert settings == HubSettings(mode="demonstration", state=tmp_path.resolve() / ".hub",
                                   ip="127.0.0.1", port=8000)
    assert settings.private == settings.state
    assert not settings.state.exists()


def test_the_demonstration_takes_a_password_of_eight(tmp_path: Path) -> None:
    settings = read_hub_settings(demo(THORACIC_HUB_PASSWORD="12345678"), tmp_path, is_root=False)
    assert settings.demo_password == "12345678"
    message = refusal(demo(THORACIC_HUB_PASSWORD="1234567"), tmp_path, is_root=False)
    assert message.startswith("THORACIC_HUB_PASSWORD is shorter than 8 characters")


@pytest.mark.parametrize("ip", ["127.0.0.1", "localhost", "::1"])
def test_the_demonstration_listens_on_this_computer(tmp_path: Path, ip: str) -> None:
    assert read_hub_settings(demo(THORACIC_HUB_IP=ip), tmp_path, is_root=False).ip == ip


@pytest.mark.parametrize("ip", ["0.0.0.0", "192.168.1.20", "::"])
def test_the_demonstration_listens_on_this_computer_only(tmp_path: Path, ip: str) -> None:
    message = refusal(demo(THORACIC_HUB_IP=ip), tmp_path, is_root=True)
    assert f"listens on this computer only (127.0.0.1), not on {ip}" in message


def test_only_demo_1_is_the_demonstration(tmp_path: Path) -> None:
    message = refusal(demo(THORACIC_HUB_DEMO="yes"), tmp_path, is_root=False)
    assert message == CLASS_NEEDS_ROOT

"""What a class server is asked to be, read from the environment once, checked whole.

``make hub`` starts the class (``class`` mode): it must run as root, because each learner
becomes a system user of their own, and it needs the teacher's name. ``make hub-demo``
starts the one-laptop demonstration, which keeps learners apart by folder only, under one
system user and one shared password, so it listens on this computer only.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["CLASS_NEEDS_ROOT", "DEMONSTRATION", "LEARNER_NAME", "HubSettings",
           "HubSettingsError", "closed_to_others", "read_hub_settings"]

# A learner's name is also a folder's name and part of a system user's name (ubr-<name>,
# at most 32 characters in all): plain characters only (ending in \Z: $ would also let
# a final newline through).
LEARNER_NAME = r"^[a-z0-9][a-z0-9_-]{0,27}\Z"
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# Where a class keeps its state when no THORACIC_HUB_DIR is given: outside any home, so
# that every learner can reach the course copy and the environment (read-only) in it.
CLASS_STATE = Path("/srv/upper-back-relief")
DEMONSTRATION = ("Demonstration mode: learners are not kept apart. Anyone with the shared "
                 "password can log in under any name and see that learner's progress. Use "
                 "it to try the course on this computer, never for a real class.")
CLASS_NEEDS_ROOT = ("A class keeps each learner apart as a system user of their own, so "
                    "make hub must start as root (sudo make hub TEACHER=yourname); to try "
                    "the course alone on this computer, run make hub-demo instead, which "
                    "does not keep learners apart.")


class HubSettingsError(ValueError):
    """The settings cannot make the hub asked for; the message says what to change."""


@dataclass(frozen=True)
class HubSettings:
    """One class server's settings (see jupyterhub_config.py for each one's variable)."""

    mode: Literal["class", "demonstration"]
    state: Path  # the hub's database, the course copy, the learners' environment and homes
    ip: str
    port: int
    teacher: str | None = None  # class mode: the hub's admin, who approves sign-ups
    teacher_password: str | None = None  # class mode: the teacher's first password
    demo_password: str | None = None  # demonstration: the shared password, if given
    idle_minutes: int = 60
    failed_logins: int = 3  # class mode: wrong passwords in a row before a name is locked
    lock_minutes: int = 10  # class mode: how long it stays locked
    timer_scale: str | None = None

    @property
    def homes(self) -> Path:
        return self.state / "homes"

    @property
    def course(self) -> Path:
        return self.state / "course"

    @property
    def environment(self) -> Path:
        """Class mode: the environment learners' servers run from (root's, read-only)."""
        return self.state / "env"

    @property
    def private(self) -> Path:
        """The hub's own files (its database holds password hashes): root's alone."""
        return self.state / "hub" if self.mode == "class" else self.state


def _whole(env: Mapping[str, str], name: str, default: int, least: int,
           most: int = 10**6) -> int:
    text = env.get(name) or str(default)
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if not least <= value <= most:
        raise HubSettingsError(f"{name} is {text!r}: give a whole number from {least} to "
                               f"{most}, or leave it out for {default}.")
    return value


def read_hub_settings(env: Mapping[str, str], repository: Path,
                      is_root: bool | None = None) -> HubSettings:
    """The settings in ``env`` (os.environ), checked; HubSettingsError naming the variable
    and what to do. ``is_root``: whether the hub runs as root (asked of the system if
    None)."""
    root = os.geteuid() == 0 if is_root is None else is_root
    mode: Literal["class", "demonstration"] = (
        "demonstration" if env.get("THORACIC_HUB_DEMO") == "1" else "class")
    ip = env.get("THORACIC_HUB_IP") or "127.0.0.1"
    port = _whole(env, "THORACIC_HUB_PORT", 8000, 1, 65535)
    scale = env.get("THORACIC_TIMER_SCALE") or None
    idle = _whole(env, "THORACIC_HUB_IDLE_MINUTES", 60, 1)
    given_state = env.get("THORACIC_HUB_DIR")
    if mode == "demonstration":
        if ip not in LOOPBACK:
            raise HubSettingsError(
                f"make hub-demo is a demonstration that does not keep learners apart, so it "
                f"listens on this computer only (127.0.0.1), not on {ip}: for a real class, "
                "run make hub as root.")
        password = env.get("THORACIC_HUB_PASSWORD") or None
        if password is not None and len(password) < 8:
            raise HubSettingsError("THORACIC_HUB_PASSWORD is shorter than 8 characters: give "
                                   "a longer one, or leave it out to have one made up.")
        state = Path(given_state or repository / ".hub").resolve()
        return HubSettings(mode=mode, state=state, ip=ip, port=port, demo_password=password,
                           idle_minutes=idle, timer_scale=scale)
    if not root:
        raise HubSettingsError(CLASS_NEEDS_ROOT)
    teacher = env.get("THORACIC_HUB_TEACHER") or ""
    if not re.match(LEARNER_NAME, teacher):
        raise HubSettingsError(
            f"THORACIC_HUB_TEACHER is {teacher!r}: name the teacher, who approves sign-ups "
            "and is the hub's admin, in lowercase letters, digits, - and _ (at most 28), for "
            "example: sudo make hub TEACHER=ms-lee")
    state = Path(given_state or CLASS_STATE).resolve()
    _check_reachable(state)
    return HubSettings(mode=mode, state=state, teacher=teacher,
                       teacher_password=env.get("THORACIC_HUB_TEACHER_PASSWORD") or None,
                       failed_logins=_whole(env, "THORACIC_HUB_FAILED_LOGINS", 3, 1),
                       lock_minutes=_whole(env, "THORACIC_HUB_LOCK_MINUTES", 10, 1), ip=ip,
                       port=port, idle_minutes=idle, timer_scale=scale)


def closed_to_others(path: Path) -> Path | None:
    """The first folder above ``path`` that other users cannot enter (no o+x), if any."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.stat().st_mode & 0o001:
            return folder
    return None


def _check_reachable(state: Path) -> None:
    """Every learner must be able to pass through the folders above the class's state to
    reach the course and the environment (as any user can reach /srv)."""
    folder = closed_to_others(state)
    if folder is not None:
        raise HubSettingsError(
            f"The class's folder {state} is inside {folder}, which other users cannot "
            "enter, so learners could not reach the course. Give THORACIC_HUB_DIR a "
            "folder they can reach, such as /srv/upper-back-relief (the default).")

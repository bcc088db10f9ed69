"""Each learner of a class runs as a system user of their own, with a home only they can
open. These tests make real system users, so they need root; every user they make is
removed again, whatever happens."""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from thoracic.hub import (
    SYSTEM_USER_PREFIX,
    learner_account,
    remove_learner_account,
    system_user_name,
)


@pytest.fixture
def as_root(missing_tool) -> None:
    """Making system users needs root and useradd: in CI (which runs as root) their lack
    fails the test; elsewhere it is skipped."""
    if os.geteuid() != 0 or shutil.which("useradd") is None:
        missing_tool("These tests make system users: they need root and useradd.")


needs_root = pytest.mark.usefixtures("as_root")

_NAMES = itertools.count()


def test_the_system_user_is_the_name_with_a_prefix() -> None:
    """A learner who signs up as root must never run as root."""
    assert SYSTEM_USER_PREFIX == "ubr-"
    assert system_user_name("sam") == "ubr-sam"
    assert system_user_name("root") == "ubr-root"


def test_removing_a_learner_who_has_no_account() -> None:
    assert remove_learner_account(f"t{os.getpid()}-none") is False


@pytest.fixture
def learner() -> Iterator[str]:
    """A learner's name no account has yet; their system user is removed afterwards."""
    name = f"t{os.getpid()}{next(_NAMES)}"
    assert remove_learner_account(name) is False
    try:
        yield name
    finally:
        remove_learner_account(name)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@needs_root
def test_a_learner_gets_a_system_user_and_a_home_of_their_own(learner: str,
                                                              reachable: Path) -> None:
    account = learner_account(learner, reachable)
    assert account.pw_name == f"ubr-{learner}"
    assert account.pw_uid != 0 and account.pw_shell == "/bin/bash"
    home = reachable / learner
    assert account.pw_dir == str(home)
    assert (home.lstat().st_uid, home.lstat().st_gid) == (account.pw_uid, account.pw_gid)
    assert mode(home) == 0o700
    assert pwd.getpwnam(f"ubr-{learner}") == account


@needs_root
def test_a_second_start_puts_the_home_right(learner: str, reachable: Path) -> None:
    first = learner_account(learner, reachable)
    home = reachable / learner
    home.chmod(0o755)
    os.chown(home, 0, 0)
    (home / "notes.md").write_text("mine", "utf-8")
    again = learner_account(learner, reachable)
    assert again == first
    assert mode(home) == 0o700 and home.lstat().st_uid == first.pw_uid
    assert (home / "notes.md").read_text("utf-8") == "mine"


@needs_root
@pytest.mark.parametrize("in_place", ["link", "file"])
def test_a_home_that_is_not_a_folder_is_refused(learner: str, reachable: Path,
                                                in_place: str) -> None:
    """A link there would hand the learner whatever it points to."""
    elsewhere = reachable / "someone-elses"
    elsewhere.mkdir(mode=0o755)
    home = reachable / learner
    if in_place == "link":
        home.symlink_to(elsewhere, target_is_directory=True)
    else:
        home.write_text("", "utf-8")
    with pytest.raises(RuntimeError, match="is not a folder"):
        learner_account(learner, reachable)
    assert (elsewhere.stat().st_uid, mode(elsewhere)) == (0, 0o755)
    assert home.lstat().st_uid == 0


@needs_root
def test_a_system_user_with_a_home_elsewhere_is_refused(learner: str, reachable: Path) -> None:
    name = system_user_name(learner)
    subprocess.run(["useradd", "--home-dir", "/nonexistent-thoracic", "--no-create-home",
                    "--user-group", name], check=True, capture_output=True)
    with pytest.raises(RuntimeError, match=f"userdel {name}"):
        learner_account(learner, reachable)
    assert not (reachable / learner).exists()


@needs_root
def test_a_removed_learner_can_come_back(learner: str, reachable: Path) -> None:
    """userdel takes the learner's group too, or useradd --user-group would fail."""
    first = learner_account(learner, reachable)
    assert remove_learner_account(learner) is True
    with pytest.raises(KeyError):
        pwd.getpwnam(first.pw_name)
    assert (reachable / learner).is_dir()  # their home and progress stay
    assert learner_account(learner, reachable).pw_name == first.pw_name

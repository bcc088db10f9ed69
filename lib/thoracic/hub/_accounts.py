"""Each learner of a class as a system user of their own, with a home only they can open.

A learner called ``sam`` runs as the system user ``ubr-sam``, whose home is
``<homes>/sam``: mode 0700 and theirs, so no other learner's process can list, read or
change anything in it (their progress file included). The prefix keeps a learner's name
from ever meaning an account the machine already has (a learner who signs up as
``root`` runs as ``ubr-root``).
"""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
from pathlib import Path

__all__ = ["SYSTEM_USER_PREFIX", "learner_account", "remove_learner_account",
           "system_user_name"]

SYSTEM_USER_PREFIX = "ubr-"
# The learner's shell in JupyterLab's terminal; they never log in to the machine itself
# (their account has no password).
SHELL = "/bin/bash"


def system_user_name(learner: str) -> str:
    return f"{SYSTEM_USER_PREFIX}{learner}"


def learner_account(learner: str, homes: Path) -> pwd.struct_passwd:
    """The learner's system user, made on first use, and their home, made or put right:
    a folder (never a link) of theirs, mode 0700. Needs root."""
    name = system_user_name(learner)
    try:
        account = pwd.getpwnam(name)
    except KeyError:
        made = subprocess.run(
            ["useradd", "--home-dir", str(homes / learner), "--no-create-home",
             "--user-group", "--shell", SHELL, "--comment", f"Upper Back Relief learner {learner}",
             name], capture_output=True, text=True, check=False)
        if made.returncode != 0:
            raise RuntimeError(f"Could not make the system user {name} for the learner "
                               f"{learner}: {made.stderr.strip()}") from None
        account = pwd.getpwnam(name)
    home = Path(account.pw_dir)
    if home != homes / learner:
        raise RuntimeError(f"The system user {name} already exists with its home at {home}, "
                           f"not {homes / learner}: remove it (userdel {name}) or give it "
                           "that home, then let the learner log in again.")
    try:
        home.mkdir(mode=0o700)
    except FileExistsError:
        if not stat.S_ISDIR(home.lstat().st_mode):
            raise RuntimeError(f"{home}, the home of the learner {learner}, is not a folder "
                               "(a link or a file is in its place): move it away and let the "
                               "learner log in again.") from None
    os.chown(home, account.pw_uid, account.pw_gid, follow_symlinks=False)
    home.chmod(0o700)
    return account


def remove_learner_account(learner: str) -> bool:
    """Remove the learner's system user (their home and progress stay); False if there was
    none. Their processes must have ended."""
    name = system_user_name(learner)
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    subprocess.run(["userdel", name], capture_output=True, text=True, check=True)
    return True

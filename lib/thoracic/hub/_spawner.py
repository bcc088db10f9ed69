"""Each learner's server as their own system user (JupyterHub's LocalProcessSpawner)."""

from __future__ import annotations

import asyncio
import os
import pwd
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Unicode

from ._accounts import learner_account, system_user_name

__all__ = ["ClassSpawner"]

# useradd locks the account files: learners who start at once are made one at a time.
_MAKING_ACCOUNTS = asyncio.Lock()


class ClassSpawner(LocalProcessSpawner):
    """Starts a learner's server as their system user (``ubr-<name>``, made on their first
    start), in their home, with a umask that keeps every file they make their own."""

    homes_root = Unicode(
        "", help="The folder that holds one home per learner (<homes_root>/<name>)."
    ).tag(config=True)

    @property
    def system_user(self) -> str:
        return system_user_name(self.user.name)

    @property
    def home_dir(self) -> str:
        return str(Path(self.homes_root) / self.user.name)

    async def start(self) -> Any:
        async with _MAKING_ACCOUNTS:
            await asyncio.to_thread(learner_account, self.user.name, Path(self.homes_root))
        return await super().start()

    def make_preexec_fn(self, name: str) -> Callable[[], None]:
        become = set_user_setuid(self.system_user)

        def preexec() -> None:
            os.umask(0o077)  # their progress file and notes: readable by them alone
            become()

        return preexec

    def user_env(self, env: dict[str, str]) -> dict[str, str]:
        account = pwd.getpwnam(self.system_user)
        env.update(USER=self.system_user, HOME=account.pw_dir, SHELL=account.pw_shell)
        return env

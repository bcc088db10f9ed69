"""A Jupyter contents manager that keeps the course folder exactly as it was installed.

Whatever the learner does (running cells, ticking, saving with Ctrl+S, autosave), a
course notebook on disk keeps its stored content: saving one is accepted and writes
nothing, because everything the learner did is already in their progress store. New
files, renames and deletions inside the course folder are refused with a message that
says so, whatever call would make them: a save, a copy of a file or a folder (which
jupyter_server does with ``shutil.copytree``, never through ``save``), a checkpoint of
any file, a rename or deletion of the course folder itself, or a write through a link
that points into it. Everywhere else the server behaves as usual.

Why a contents manager rather than a pre-save hook: a hook can change what is written,
or fail the save (an error dialog), but it cannot skip the write; a contents manager
can, and it also covers checkpoints, renames and read-only folders on a shared server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from tornado.web import HTTPError

from ..content import COURSE

__all__ = ["COPY_COURSE_MESSAGE", "COURSE_FOLDER_MESSAGE", "CourseContentsManager",
           "is_course_folder"]

COURSE_FOLDER_MESSAGE = (
    "The course folder is kept exactly as it was installed, so it cannot hold new or "
    "changed files. Your ticks, practice and results are kept in your own progress store.")
COPY_COURSE_MESSAGE = (
    "The whole course folder cannot be copied: the copy would be kept unchanged too. Copy "
    "single notebooks instead, and they are yours to change.")
_COURSE_FILES = frozenset(info.filename for info in COURSE)


def is_course_folder(folder: Path) -> bool:
    """True for a folder that holds the whole course (every numbered notebook)."""
    return all((folder / name).is_file() for name in _COURSE_FILES)


class CourseContentsManager(AsyncLargeFileManager):
    """Jupyter's usual file manager, except that nothing is written into a course folder."""

    def _protected(self, path: str) -> bool:
        """Whether ``path`` is a course folder, is in one (at any depth), or is a link that
        leads into one."""
        os_path = Path(self._get_os_path(path.strip("/")))
        places = {os_path, *os_path.parents}
        try:
            resolved = os_path.resolve()
        except (OSError, RuntimeError):  # a link loop: treat as the course's, refuse
            return True
        places |= {resolved, *resolved.parents}
        return any(is_course_folder(folder) for folder in places)

    def _course_notebook(self, path: str) -> bool:
        return Path(path).name in _COURSE_FILES and self._protected(path)

    async def get(self, path: str, content: bool = True, type: str | None = None,
                  format: str | None = None, require_hash: bool = False) -> dict[str, Any]:
        model: dict[str, Any] = await super().get(path, content=content, type=type,
                                                  format=format, require_hash=require_hash)
        if self._course_notebook(path):
            # Saving is accepted (and writes nothing) even where the folder is read-only,
            # so JupyterLab never shows a "read-only" or "save failed" dialog for it.
            model["writable"] = True
        return model

    async def save(self, model: dict[str, Any], path: str = "") -> dict[str, Any]:
        if not self._protected(path):
            saved: dict[str, Any] = await super().save(model, path)
            return saved
        if self._course_notebook(path) and model.get("type") == "notebook":
            self.log.info("Kept %s as installed; the learner's work is in their progress "
                          "store.", path)
            return await self.get(path, content=False)
        raise HTTPError(403, COURSE_FOLDER_MESSAGE)

    async def delete_file(self, path: str) -> None:
        if self._protected(path):
            raise HTTPError(403, COURSE_FOLDER_MESSAGE)
        await super().delete_file(path)

    async def rename_file(self, old_path: str, new_path: str) -> None:
        if self._protected(old_path) or self._protected(new_path):
            raise HTTPError(403, COURSE_FOLDER_MESSAGE)
        await super().rename_file(old_path, new_path)

    async def copy(self, from_path: str, to_path: str | None = None) -> dict[str, Any]:
        # Where the copy would land: the folder given (or the source's own folder), or
        # the file path given.
        source = from_path.strip("/")
        target = source.rpartition("/")[0] if to_path is None else to_path.strip("/")
        if self._protected(target):
            raise HTTPError(403, COURSE_FOLDER_MESSAGE)
        if is_course_folder(Path(self._get_os_path(source))):
            # A second whole course folder would be kept as installed too, so the learner
            # could never change or delete it.
            raise HTTPError(403, COPY_COURSE_MESSAGE)
        copied: dict[str, Any] = await super().copy(from_path, to_path)
        return copied

    async def _as_installed(self, path: str) -> dict[str, Any]:
        """The one checkpoint a course file has: the file itself, as installed."""
        model = await self.get(path, content=False)
        return {"id": "as-installed", "last_modified": model["last_modified"]}

    async def create_checkpoint(self, path: str) -> dict[str, Any]:
        if self._protected(path):
            # A checkpoint of a file that never changes would be a copy of it (and a
            # .ipynb_checkpoints folder) in the course folder; report the file instead.
            return await self._as_installed(path)
        checkpoint: dict[str, Any] = await super().create_checkpoint(path)
        return checkpoint

    async def list_checkpoints(self, path: str) -> list[dict[str, Any]]:
        if self._protected(path):
            # Listing would create .ipynb_checkpoints/ beside the file.
            return [await self._as_installed(path)]
        listed: list[dict[str, Any]] = await super().list_checkpoints(path)
        return listed

    async def delete_checkpoint(self, checkpoint_id: str, path: str) -> None:
        if self._protected(path):
            return  # there is nothing but the file itself
        await super().delete_checkpoint(checkpoint_id, path)

    async def restore_checkpoint(self, checkpoint_id: str, path: str) -> None:
        if self._protected(path):
            return  # the file is already as installed
        await super().restore_checkpoint(checkpoint_id, path)

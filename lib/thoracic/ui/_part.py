"""One front-end for each interactive part, in JupyterLab and on the offline site.

Every part (a checklist, the safety check and its banner, a knowledge check, a self-test
form, the next-day check, the rating of a practice, "fix a wrong entry") is drawn by one
anywidget module, ``static/parts.js``, from the part's ``kind``, its ``config`` (words and
data from the course's records) and ``kept`` (what the learner has kept that it shows).
What the learner does comes back as a message, ``{"do": ..., ...}``; in JupyterLab this
class is the host that keeps it in the progress store, refreshes ``kept`` and says in
``status`` whether it was kept. On the site the same module runs, and the site's own small
host does the same through the device store.

``handle`` is the one door those messages come through, so tests drive a part without a
browser, as ipywidgets' ``Button.click()`` does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any, ClassVar

import anywidget
from traitlets import Dict, Unicode

from ..base import Previewed
from ..progress import ImportFileError, Store, StoreError, store_or_own
from ._notices import saving_notice

__all__ = ["PARTS_STYLESHEET", "CoursePart"]

_STATIC = Path(__file__).parent / "static"
# The parts' own CSS: carried by each part, and put in the site's stylesheet too.
PARTS_STYLESHEET = _STATIC / "parts.css"
_log = logging.getLogger(__name__)



class CoursePart(Previewed, anywidget.AnyWidget):
    """A part drawn by ``parts.js`` whose actions are kept in the progress store.

    Subclasses name their ``kind``, say what is ``kept`` in ``read_kept`` and list the
    messages they take in ``ACTIONS`` (each a method taking the message and writing to
    the store).
    """

    _esm = _STATIC / "parts.js"
    _css = PARTS_STYLESHEET

    kind = Unicode(help="Which part the front-end draws (checklist, safety, banner, quiz, "
                        "self-test, next-day, rating, entries, dashboard, do-it-now, today, "
                        "plan).").tag(sync=True)
    config = Dict(help="The part's words and data from the course's records, as JSON; "
                       "fixed when the part is made.").tag(sync=True)
    kept = Dict(help="What the learner has kept that the part shows, as JSON; the host "
                     "refreshes it after every change to the store.").tag(sync=True)
    status = Dict(help="The outcome of the last action: {'n': how many so far, 'problem': "
                       "why it was not kept, or '', and what the action adds, such as an "
                       "import's 'report'}.").tag(sync=True)
    saving = Unicode("", help="Why nothing can be kept now, in a sentence; '' while saving "
                              "works.").tag(sync=True)

    ACTIONS: ClassVar[Mapping[str, str]] = {}  # message "do" -> method name

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.store = store_or_own(store)
        self._handled = 0
        super().__init__(**kwargs)
        self.refresh()
        # Another part or notebook that saves something shows here too.
        self.store.watch(self.refresh)
        self.on_msg(lambda _widget, content, buffers: self.handle(content, buffers))

    def read_kept(self) -> dict[str, Any]:
        """What the part shows of the store now (the store can be read)."""
        return {}

    def refresh(self) -> None:
        """Read ``kept`` and the saving notice again from the store."""
        with suppress(StoreError):  # the notice says why nothing could be read
            self.kept = self.read_kept()
        notice = saving_notice(self.store)
        self.saving = notice.text if notice else ""

    def keep(self, write: Callable[[], object]) -> bool:
        """Run a write that is not one of the part's own actions (a timer's log entry);
        whether it was kept. If not, the part's notice says why."""
        try:
            write()
        except StoreError:
            return False
        finally:
            self.refresh()
        return True

    def handle(self, message: Any, buffers: Sequence[bytes | memoryview] = ()) -> bool:
        """Act on one message from the front-end (with the bytes it sent, such as a file's,
        as ``message["buffers"]``); whether it was kept.

        A message the part does not take is logged and ignored, never raised into the
        kernel; a write the store refuses, or a file it cannot take, is reported in
        ``status``, with whatever the action adds to it (a dict it returns).
        """
        do = message.get("do") if isinstance(message, dict) else None
        name = self.ACTIONS.get(do) if isinstance(do, str) else None
        problem = ""
        added: dict[str, Any] = {}
        try:
            if name is None:
                raise ValueError("this part does not take that message")
            result = getattr(self, name)({**message, "buffers": list(buffers)} if buffers
                                         else message)
            added = result if isinstance(result, dict) else {}
        except (StoreError, ImportFileError) as error:
            problem = str(error)
        except (KeyError, TypeError, ValueError) as error:
            _log.warning("%s ignored a message that does not fit: %r (%s)", self.kind,
                         message, error)
            problem = f"The page sent something this part does not understand ({error})."
        self.refresh()
        self._handled += 1
        self.status = {**added, "n": self._handled, "problem": problem}
        return not problem

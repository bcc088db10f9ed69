"""After an exercise: how it felt, on the course's one discomfort scale, and a note; both
optional. The question, the numbers and each number's zone come from ``DISCOMFORT_SCALE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..base import Rendered
from ..content import DISCOMFORT_SCALE
from ..progress import MAX_NOTE_CHARS, Store
from ..ui import CoursePart, discomfort_config

__all__ = ["SessionRating"]


class SessionRating(CoursePart):
    """After an exercise: how much discomfort it brought (0 to 10) and a note, both
    optional. Picking a number shows its zone and what to do; Save waits for the end."""

    ACTIONS: ClassVar[Mapping[str, str]] = {"rate": "_rate"}

    def __init__(self, store: Store | None = None, **kwargs: Any) -> None:
        self.session_id: str | None = None
        super().__init__(store, kind="rating",
                         config={"scale": discomfort_config(), "max_note": MAX_NOTE_CHARS},
                         **kwargs)

    def read_kept(self) -> dict[str, Any]:
        return {"session": self.session_id}

    def preview(self) -> Rendered:
        return Rendered("", "")  # the timer's preview says what the cell does

    def ask_about(self, session_id: str) -> None:
        """Ask how the practice logged as ``session_id`` felt."""
        self.session_id = session_id
        self.refresh()

    def save(self, rating: int | None, note: str | None = None) -> bool:
        """Rate the practice asked about, as the numbers and Save do; whether it was kept."""
        return self.handle({"do": "rate", "session": self.session_id, "rating": rating,
                            "note": note})

    def _rate(self, message: Mapping[str, Any]) -> None:
        session, rating, note = message["session"], message["rating"], message["note"]
        if session is None or session != self.session_id:
            raise ValueError("there is no finished practice to rate yet")
        if rating is not None and rating not in DISCOMFORT_SCALE.ratings:
            raise ValueError(f"{rating!r} is not on the scale")
        self.store.rate_session(session, rating, (note or "").strip() or None)

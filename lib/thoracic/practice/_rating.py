"""After an exercise: how it felt, on the course's one discomfort scale, and a note; both
optional. The question, the numbers and each number's zone come from ``DISCOMFORT_SCALE``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from ..base import Rendered, today
from ..content import DISCOMFORT_SCALE
from ..progress import MAX_NOTE_CHARS, Store
from ..ui import CoursePart, discomfort_config

__all__ = ["SessionRating", "rate_earlier_practice"]


class SessionRating(CoursePart):
    """After an exercise: how much discomfort it brought (0 to 10) and a note, both
    optional. Picking a number shows its zone and what to do; Save waits for the end.

    With ``later=True`` it rates practice from earlier today that was not rated (a run
    cut short, a rating skipped): ``kept["today"]`` holds today's practice-log entries,
    and the front-end offers the ones still waiting for a rating.
    """

    ACTIONS: ClassVar[Mapping[str, str]] = {"rate": "_rate"}

    def __init__(self, store: Store | None = None, *, later: bool = False,
                 **kwargs: Any) -> None:
        self.session_id: str | None = None
        self.later = later
        super().__init__(store, kind="rating",
                         config={"scale": discomfort_config(), "max_note": MAX_NOTE_CHARS,
                                 "later": later},
                         **kwargs)

    def read_kept(self) -> dict[str, Any]:
        if not self.later:
            return {"session": self.session_id}
        day = today().isoformat()
        return {"session": self.session_id, "today": [
            {"id": s.id, "day": s.day, "kind": s.kind, "exercise": s.exercise, "sets": s.sets,
             "duration_seconds": s.duration_seconds, "rating": s.rating,
             "recorded_at": s.recorded_at} for s in self.store.sessions() if s.day == day]}

    def preview(self) -> Rendered:
        if self.later:
            text = "Practice from earlier today that you have not rated shows here."
            return Rendered(f"<p>{text}</p>", text)
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
        earlier = self.later and any(entry["id"] == session for entry in self.kept["today"])
        if session is None or (session != self.session_id and not earlier):
            raise ValueError("there is no finished practice to rate yet")
        if rating is not None and rating not in DISCOMFORT_SCALE.ratings:
            raise ValueError(f"{rating!r} is not on the scale")
        self.store.rate_session(session, rating, (note or "").strip() or None)


def rate_earlier_practice(*, store: Store | None = None) -> SessionRating:
    """How practice from earlier today felt, for what was not rated when it ended."""
    return SessionRating(store, later=True)

"""A made-up practice history, the same every time, for stored notebook outputs and tests.

The stored outputs of the progress notebooks are computed from this history, so they
show what a few weeks of practice look like; a learner's own run shows their own.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from ..content import get_routine
from ..progress import EXAMPLE_ID_PREFIX, EXPORT_FORMAT, SCHEMA_VERSION

__all__ = ["sample_history"]

_NOTES = ("Stiff after a long day at the desk", "Felt looser than last week",
          "Easier with a towel under my knees", "Short on time, did the roller only")


def sample_history(end: dt.date, weeks: int = 8, seed: int = 2026) -> dict[str, Any]:
    """Roughly ``weeks`` weeks of practice and weekly self-tests up to ``end``, in the
    progress export format."""
    rng = random.Random(seed)
    daily, strength_day = get_routine("daily").exercises, get_routine("strength-day").exercises
    sessions, tests, checks = [], [], []

    def ident() -> str:
        return f"{EXAMPLE_ID_PREFIX}{rng.getrandbits(128):032x}"

    start = end - dt.timedelta(weeks=weeks)
    days = (end - start).days
    for offset in range(days + 1):
        day = start + dt.timedelta(days=offset)
        progress = offset / days
        if rng.random() > 0.55 + 0.35 * progress:  # practice becomes a habit over time
            continue
        stamp = f"{day.isoformat()}T07:{rng.randrange(60):02d}:00+00:00"
        rating = max(0, min(10, round(3.5 - 2.5 * progress + rng.uniform(-1.0, 1.0))))
        # Strength work on Mondays, Wednesdays and Fridays, as the course suggests.
        exercises = strength_day if day.weekday() in (0, 2, 4) else daily
        for number, exercise in enumerate(exercises):
            sessions.append({
                "id": ident(), "day": day.isoformat(), "recorded_at": stamp,
                "kind": "exercise", "exercise": exercise.name, "sets": exercise.dose.sets,
                "duration_seconds": exercise.dose.total_seconds,
                "rating": max(0, min(10, rating + rng.choice((-1, 0, 0, 1)))),
                "note": rng.choice(_NOTES) if number == 0 and rng.random() < 0.12 else None})
        if offset < days and rng.random() < 0.7:  # the next morning's check, most days
            answer = rng.choices(("better", "same", "worse"),
                                 (2 + 3 * progress, 3, 0.4 * (1 - progress) ** 3))[0]
            checks.append({"id": ident(), "day": (day + dt.timedelta(days=1)).isoformat(),
                           "answer": answer,
                           "recorded_at": f"{(day + dt.timedelta(days=1)).isoformat()}"
                                          "T07:00:00+00:00"})
        if offset % 7 == 0:
            for side, bias in (("left", 0.0), ("right", 3.0)):
                rotation = round(37 + bias + 8 * progress + rng.uniform(-3, 3))
                # In the later weeks the phone measures it: three tries, the middle kept.
                measured: dict[str, Any] = {
                    "method": "phone", "tries": [rotation - 1, rotation, rotation + 2]
                } if progress > 0.5 else {"method": "typed", "tries": None}
                tests.append({"id": ident(), "day": day.isoformat(), "test": "seated-rotation",
                              "side": side, "recorded_at": stamp, "value": rotation,
                              **measured})
                tests.append({"id": ident(), "day": day.isoformat(), "test": "wall-angel",
                              "side": side, "recorded_at": stamp,
                              "value": min(3, 1 + round(1.4 * progress + rng.uniform(-.4, .4)))})
            tests.append({"id": ident(), "day": day.isoformat(), "test": "neck-to-wall",
                          "side": "", "recorded_at": stamp,
                          "value": round(9 - 2.5 * progress + rng.uniform(-0.8, 0.8), 1)})
    return {"format": EXPORT_FORMAT, "version": SCHEMA_VERSION, "sessions": sessions,
            "self_tests": tests, "checklist_ticks": [], "next_day_checks": checks}

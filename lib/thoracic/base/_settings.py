"""The environment variables the course reads, each named once, and what they mean.

- ``THORACIC_DATA_DIR``: where progress is kept (default: the platform's data folder).
- ``THORACIC_TODAY``: a fixed ISO date, so stored outputs and tests are reproducible.
- ``THORACIC_TIMER_SCALE``: speeds every timer up, for demonstrations and browser tests.
"""

from __future__ import annotations

import datetime as dt
import os

__all__ = [
    "DATA_DIR_VARIABLE",
    "TIMER_SCALE_VARIABLE",
    "TODAY_VARIABLE",
    "timer_scale",
    "today",
]

DATA_DIR_VARIABLE = "THORACIC_DATA_DIR"
TODAY_VARIABLE = "THORACIC_TODAY"
TIMER_SCALE_VARIABLE = "THORACIC_TIMER_SCALE"
# A hundred times faster is already too fast to follow; smaller makes phases vanish.
MIN_TIMER_SCALE = 0.01


def today() -> dt.date:
    """Today's local date, or the ISO date in ``THORACIC_TODAY`` when it is set.

    The override exists so that ``make notebooks`` and the tests see one fixed date.
    """
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(fixed)
    except ValueError:
        raise ValueError(
            f"{TODAY_VARIABLE} is set to {fixed!r}, which is not a date. "
            f"Use the form YYYY-MM-DD, or unset {TODAY_VARIABLE} to use today's date."
        ) from None


def timer_scale() -> float:
    """How much to speed every timer up: ``THORACIC_TIMER_SCALE=0.1`` makes each phase a
    tenth as long. For demonstrations and the browser tests; unset, timers run in real time.
    """
    raw = os.environ.get(TIMER_SCALE_VARIABLE, "").strip()
    if not raw:
        return 1.0
    try:
        scale = float(raw)
    except ValueError:
        scale = float("nan")
    if not MIN_TIMER_SCALE <= scale <= 1:
        raise ValueError(f"{TIMER_SCALE_VARIABLE} is {raw!r}; use a number from "
                         f"{MIN_TIMER_SCALE:g} to 1 (0.1 runs timers ten times faster), or "
                         "unset it.")
    return scale

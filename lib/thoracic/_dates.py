"""Today's date, overridable so that notebook outputs can be made reproducible."""

from __future__ import annotations

import datetime as dt
import os

__all__ = ["TODAY_VARIABLE", "today"]

TODAY_VARIABLE = "THORACIC_TODAY"


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

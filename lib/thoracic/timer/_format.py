"""Times as a learner reads them on a timer."""

from __future__ import annotations

import math

__all__ = ["format_seconds"]


def format_seconds(seconds: float) -> str:
    """Whole seconds left as ``m:ss``, rounded up so 0:00 only shows at the very end."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"

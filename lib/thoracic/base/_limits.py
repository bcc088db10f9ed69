"""Limits that several parts of the course enforce the same way."""

from __future__ import annotations

__all__ = ["MAX_SESSION_SECONDS"]

# One exercise's dose, and one timer plan, may last at most an hour: anything longer is
# a typing mistake (3600 reps), not a stretching session.
MAX_SESSION_SECONDS = 3600.0

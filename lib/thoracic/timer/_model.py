"""The timer's state machine: start, pause, resume, reset and skip over a plan.

Pure logic driven by an injectable clock (a function returning seconds, like
``time.monotonic``), so tests advance a fake clock instead of sleeping. Elapsed time is
always computed from the clock, never counted in ticks, so it cannot drift.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from ._plan import Phase, Position, TimerPlan

__all__ = ["Clock", "Status", "TimerModel", "TimerState"]

Clock = Callable[[], float]
Status = Literal["idle", "running", "paused", "done"]


@dataclass(frozen=True)
class TimerState:
    """A snapshot of the timer for display."""

    status: Status
    position: Position
    plan: TimerPlan

    @property
    def next_phase(self) -> Phase | None:
        index = self.position.index + 1
        return self.plan.phases[index] if index < len(self.plan.phases) else None


class TimerModel:
    """Where a learner is in a timer plan, given a clock."""

    def __init__(self, plan: TimerPlan, clock: Clock = time.monotonic) -> None:
        self.plan = plan
        self.clock = clock
        self._status: Status = "idle"
        self._banked = 0.0  # elapsed seconds up to the last start, pause or skip
        self._since: float | None = None  # clock reading when running began

    @property
    def status(self) -> Status:
        self._settle()
        return self._status

    def elapsed(self) -> float:
        """Seconds of the plan done so far (never more than the plan's total)."""
        running = self.clock() - self._since if self._since is not None else 0.0
        return min(self._banked + max(running, 0.0), self.plan.total_seconds)

    def _settle(self) -> None:
        if self._status == "running" and self.elapsed() >= self.plan.total_seconds:
            self._finish()

    def _finish(self) -> None:
        self._banked = self.plan.total_seconds
        self._since = None
        self._status = "done"

    def start(self) -> None:
        """Start from idle, or resume when paused. Does nothing while running or done."""
        self._settle()
        if self._status in ("idle", "paused"):
            self._since = self.clock()
            self._status = "running"

    resume = start

    def pause(self) -> None:
        """Stop the clock where it is. Does nothing unless running."""
        self._settle()
        if self._status == "running":
            self._banked = self.elapsed()
            self._since = None
            self._status = "paused"

    def reset(self) -> None:
        """Back to the start of the plan, idle."""
        self._status, self._banked, self._since = "idle", 0.0, None

    def skip(self) -> None:
        """Jump to the start of the next phase; skipping the last phase finishes the plan."""
        self._settle()
        if self._status == "done":
            return
        index = self.plan.locate(self.elapsed()).index
        target = self.plan.phase_start(index + 1)
        if target >= self.plan.total_seconds:
            self._finish()
            return
        self._banked = target
        if self._status == "running":
            self._since = self.clock()

    def state(self) -> TimerState:
        self._settle()
        return TimerState(self._status, self.plan.locate(self.elapsed()), self.plan)

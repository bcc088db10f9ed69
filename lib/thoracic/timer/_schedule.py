"""A plan as a table of what to do when: shown in previews and beside the web-page timer."""

from __future__ import annotations

from html import escape

from ..base import html_table
from ._format import format_seconds
from ._plan import TimerPlan

__all__ = ["schedule_table"]


def schedule_table(plan: TimerPlan) -> str:
    """Each phase with the time it starts, its name and what to do, as an HTML table."""
    return html_table("Timer schedule", ("From", "Phase", "What to do"), [
        (format_seconds(plan.phase_start(index)), escape(phase.title),
         escape(phase.instruction)) for index, phase in enumerate(plan.phases)], whole={0})

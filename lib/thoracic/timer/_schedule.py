"""A plan as a table of what to do when: shown in previews and beside the web-page timer."""

from __future__ import annotations

from html import escape

from ._format import format_seconds
from ._plan import TimerPlan

__all__ = ["schedule_table"]


def schedule_table(plan: TimerPlan) -> str:
    """Each phase with the time it starts, its name and what to do, as an HTML table."""
    rows = "".join(
        f"<tr><td>{format_seconds(plan.phase_start(index))}</td>"
        f"<td>{escape(phase.title)}</td><td>{escape(phase.instruction)}</td></tr>"
        for index, phase in enumerate(plan.phases))
    return ('<table aria-label="Timer schedule"><thead><tr><th>From</th><th>Phase</th>'
            f"<th>What to do</th></tr></thead><tbody>{rows}</tbody></table>")

"""The timer of the first exported pages: a browser-driven ``Play`` clock, no kernel.

A ``Play`` widget counts in the browser and is ``jslink``ed to a progress bar, a seconds
counter and a "Now" line saying what to do at each second, with the phase schedule beside
it and a note saying what needs JupyterLab.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as widgets

from ._format import format_seconds
from ._plan import TimerPlan
from ._schedule import schedule_table

__all__ = ["OfflineTimer"]


class OfflineTimer(widgets.VBox):
    """A timer that counts in a web page with no Python behind it."""

    def __init__(self, plan: TimerPlan, **kwargs: Any) -> None:
        total = round(plan.total_seconds)
        self.plan = plan
        self.clock = widgets.Play(value=0, min=0, max=total, step=1, interval=1000,
                                  description="Start the timer", show_repeat=False)
        self.bar = widgets.IntProgress(value=0, min=0, max=total, description="Progress",
                                       layout=widgets.Layout(width="100%", max_width="32em"))
        self.seconds = widgets.IntText(value=0, description="Seconds", disabled=True,
                                       layout=widgets.Layout(width="12em"))
        # One line per second saying what to do then; the browser picks the line.
        lines = _second_by_second(plan)
        self.now = widgets.Dropdown(options=[(line, n) for n, line in enumerate(lines)], value=0,
                                    description="Now", disabled=True,
                                    layout=widgets.Layout(width="100%", max_width="32em"))
        # jslink runs in the browser, so these count without a kernel.
        widgets.jslink((self.clock, "value"), (self.bar, "value"))
        widgets.jslink((self.clock, "value"), (self.seconds, "value"))
        widgets.jslink((self.clock, "value"), (self.now, "index"))
        schedule = widgets.HTML(
            f"<details><summary>What to do when ({format_seconds(total)} in all)</summary>"
            f"{schedule_table(plan)}</details>")
        note = widgets.HTML(
            "<p><em>This page has no Python running, so this is a simpler timer. Press play: "
            "it shows what to do each second. To pause at a phase, skip, count reps or hear "
            "sound cues, open the notebook in JupyterLab.</em></p>")
        title = widgets.HTML(f"<h3>Timer: {escape(plan.name)}</h3>")
        kwargs.setdefault("layout", widgets.Layout(max_width="40em", overflow="hidden"))
        super().__init__(children=[title, note, self.clock, self.now, self.bar, self.seconds,
                                   schedule],
                         **kwargs)


def _second_by_second(plan: TimerPlan) -> list[str]:
    """What the learner does at each whole second of the plan, and how long is left."""
    lines = []
    for second in range(round(plan.total_seconds) + 1):
        position = plan.locate(second)
        if position.phase is None:
            lines.append("Done. Well done!")
        else:
            lines.append(f"{position.phase.title}: {format_seconds(position.time_left)} left. "
                         f"{position.phase.instruction}")
    return lines

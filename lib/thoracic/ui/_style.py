"""A little CSS that the course's widgets carry with them.

ipywidgets cuts long checkbox labels to one line with "…"; a checklist item the learner
cannot read is no use, so labels wrap. The style travels inside an HTML widget, so it
also applies in exported web pages.
"""

from __future__ import annotations

import ipywidgets as widgets

__all__ = ["CHECKLIST_CLASS", "checklist_style"]

CHECKLIST_CLASS = "thoracic-checklist"

_CSS = f"""<style>
.{CHECKLIST_CLASS} .widget-checkbox {{ height: auto; width: auto; max-width: 100%; }}
.{CHECKLIST_CLASS} .widget-checkbox .widget-label-basic {{
  display: flex; align-items: flex-start; gap: 0.4em; height: auto; width: auto;
  white-space: normal; overflow: visible; text-overflow: clip; line-height: 1.4; }}
.{CHECKLIST_CLASS} .widget-checkbox .widget-label-basic span {{
  white-space: normal; overflow: visible; text-overflow: clip; }}
.{CHECKLIST_CLASS} .widget-checkbox input {{ margin-top: 0.3em; flex: none; }}
</style>"""


def checklist_style() -> widgets.HTML:
    """An invisible widget holding the checklist CSS."""
    return widgets.HTML(_CSS, layout=widgets.Layout(height="0px", overflow="hidden",
                                                    margin="0px"))

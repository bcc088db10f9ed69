"""The bottom layer: basic types, settings, limits and checks that every package shares.

Owns ``Rendered`` (what the course shows: HTML for Jupyter, plain text elsewhere), the
colour palette and alert style, the environment variables the course reads (data folder,
fixed date, timer speed), the length limits, and number checks.

May import: nothing from ``thoracic``. Everything else may import it.
"""

from ._dates import day_words, short_day, short_day_words, this_week_day, weekday
from ._limits import MAX_SESSION_SECONDS
from ._preview import Previewed, preview
from ._rendered import Rendered, html_list, html_table, minutes_text, text_list
from ._settings import (
    DATA_DIR_VARIABLE,
    TIMER_SCALE_VARIABLE,
    TODAY_VARIABLE,
    timer_scale,
    today,
)
from ._style import ACCENT, ALERT_STYLE, BOX_STYLE, PALETTE, WARNING, alert_html
from ._terminal import for_terminal
from ._validation import BadValue, non_negative_seconds, positive_count, positive_seconds

__all__ = [
    "ACCENT",
    "ALERT_STYLE",
    "BOX_STYLE",
    "DATA_DIR_VARIABLE",
    "MAX_SESSION_SECONDS",
    "PALETTE",
    "TIMER_SCALE_VARIABLE",
    "TODAY_VARIABLE",
    "WARNING",
    "BadValue",
    "Previewed",
    "Rendered",
    "alert_html",
    "day_words",
    "for_terminal",
    "html_list",
    "html_table",
    "minutes_text",
    "non_negative_seconds",
    "positive_count",
    "positive_seconds",
    "preview",
    "short_day",
    "short_day_words",
    "text_list",
    "this_week_day",
    "timer_scale",
    "today",
    "weekday",
]

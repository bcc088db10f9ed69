"""Tools that build the course, kept apart from what a learner imports.

Owns the generated previous / next / contents cells, the glossary links from each term's
first use, the fixed sample history, and the reproducible settings used to refresh the
outputs stored in the notebooks. Run through the ``thoracic`` command (``nav``,
``refresh``) and the tests; no notebook and no learner-facing package imports it.

May import: anything in ``thoracic``.
"""

from ._glossary_links import link_first_uses
from ._navigation import CONTENTS_MARKER, NAVIGATION_MARKER, NavigationError, update_navigation
from ._refresh import (
    FIXED_TODAY,
    WIDGET_VIEW,
    deterministic_environment,
    prepare_for_storage,
    reproducible_settings,
    seed_sample_history,
)
from ._sample import sample_history

__all__ = [
    "CONTENTS_MARKER",
    "FIXED_TODAY",
    "NAVIGATION_MARKER",
    "WIDGET_VIEW",
    "NavigationError",
    "deterministic_environment",
    "link_first_uses",
    "prepare_for_storage",
    "reproducible_settings",
    "sample_history",
    "seed_sample_history",
    "update_navigation",
]

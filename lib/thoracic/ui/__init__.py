"""What the learner sees and touches, apart from timers: exercise cards, the red-flag
list, the discomfort scale, the course map, the routine table, saved checklists (among
them the switch that shares two figures with a teacher), the safety screen, knowledge
checks, self-test forms, the glossary, and the notices about saving.

Owns every widget that reads or writes the store through the ``Store`` interface: the
interactive parts are ``CoursePart`` widgets whose one front-end, ``static/parts.js``
(with ``static/parts.css``), runs the same in JupyterLab and on the offline site.

May import: ``thoracic.base``, ``thoracic.content``, ``thoracic.figures``,
``thoracic.timer``, ``thoracic.progress``.
"""

from ._cards import (
    course_map,
    dose_story,
    routine_summary,
    show_exercise,
    show_red_flags,
    stop_rules,
)
from ._checklist import (
    SHARE_CHECKLIST_ID,
    SHARE_ITEM_ID,
    Checklist,
    ChecklistItem,
    daily_checklist,
    form_checklist,
    share_with_teacher,
)
from ._discomfort import (
    discomfort_config,
    discomfort_scale,
    next_day_option_html,
    zone_html,
    zone_text,
)
from ._glossary import show_glossary
from ._notices import saving_notice
from ._part import PARTS_STYLESHEET, CoursePart
from ._quiz import KnowledgeCheck, knowledge_check
from ._safety_screen import (
    CLEARED_CHECKLIST,
    NONE_FIT_CHECKLIST,
    SAFETY_ANSWERS,
    SAFETY_CHECKLIST,
    RedFlagBanner,
    SafetyScreen,
    SafetyState,
    red_flag_banner,
    red_flag_config,
    safety_answered,
    safety_screen,
    safety_state,
)
from ._self_test_form import MEASURE_CORE, SelfTestForm, self_test_form

__all__ = [
    "CLEARED_CHECKLIST",
    "MEASURE_CORE",
    "NONE_FIT_CHECKLIST",
    "PARTS_STYLESHEET",
    "SAFETY_ANSWERS",
    "SAFETY_CHECKLIST",
    "SHARE_CHECKLIST_ID",
    "SHARE_ITEM_ID",
    "Checklist",
    "ChecklistItem",
    "CoursePart",
    "KnowledgeCheck",
    "RedFlagBanner",
    "SafetyScreen",
    "SafetyState",
    "SelfTestForm",
    "course_map",
    "daily_checklist",
    "discomfort_config",
    "discomfort_scale",
    "dose_story",
    "form_checklist",
    "knowledge_check",
    "next_day_option_html",
    "red_flag_banner",
    "red_flag_config",
    "routine_summary",
    "safety_answered",
    "safety_screen",
    "safety_state",
    "saving_notice",
    "self_test_form",
    "share_with_teacher",
    "show_exercise",
    "show_glossary",
    "show_red_flags",
    "stop_rules",
    "zone_html",
    "zone_text",
]

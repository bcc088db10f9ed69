"""The six-week plan that adapts: this week's dose for each exercise, from the practice
history (sessions, sets, discomfort ratings, next-day answers), with the reason in plain
words.

Owns the plan model (pure: the same history always gives the same plan). The rules it
follows are data, with their sources, in ``thoracic.content`` (``data/progression.toml``).

May import: ``thoracic.base``, ``thoracic.content``, ``thoracic.progress``, ``thoracic.timer``
(for the length of a routine at the plan's doses).
"""

from ._browser import PLAN_SCRIPT, plan_rules
from ._model import (
    ExerciseWeek,
    LearnerHistory,
    WeekPlan,
    expected_sets,
    learner_history,
    plan_history,
    plan_week,
)

__all__ = ["PLAN_SCRIPT", "ExerciseWeek", "LearnerHistory", "WeekPlan", "expected_sets",
           "learner_history",
           "plan_history", "plan_rules", "plan_week"]

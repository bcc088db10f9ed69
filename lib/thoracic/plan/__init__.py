"""The six-week plan that adapts: this week's dose for each exercise, from the practice
history (sessions, sets, discomfort ratings, next-day answers), with the reason in plain
words.

Owns the plan model (pure: the same history always gives the same plan). The rules it
follows are data, with their sources, in ``thoracic.content`` (``data/progression.toml``).

May import: ``thoracic.base``, ``thoracic.content``, ``thoracic.progress``.
"""

from ._model import (
    ExerciseWeek,
    LearnerHistory,
    WeekPlan,
    learner_history,
    plan_history,
    plan_week,
)

__all__ = ["ExerciseWeek", "LearnerHistory", "WeekPlan", "learner_history", "plan_history",
           "plan_week"]

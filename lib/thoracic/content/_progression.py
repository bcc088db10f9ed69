"""The six-week plan's progression rules, as data: ``data/progression.toml``, checked on load."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ._exercises import VARIATIONS

__all__ = ["DoseLimits", "ProgressionRules", "RulesError", "load_progression", "parse_progression"]


class RulesError(ValueError):
    """The progression rules are missing a field or hold a value that makes no sense."""


@dataclass(frozen=True)
class DoseLimits:
    """The sources' upper dose for one kind of exercise; no ladder step may pass it."""

    source: str
    max_hold_seconds: float | None = None
    max_holds: int | None = None
    max_reps: int | None = None
    max_sets: int | None = None


@dataclass(frozen=True)
class ProgressionRules:
    ladder: tuple[str, ...]
    start: str
    step_up_sessions: int
    gap_days: int
    targets: dict[str, int]  # "mobility" / "strength" -> sessions a week
    say: dict[str, str]  # step_up, stay_amber, stay, at_top, step_down, red, worse, restart,
    #                      see_someone, effort
    sources: dict[str, str]  # rule -> where it comes from
    limits: dict[str, DoseLimits]  # "hold", "strength", "mobility"
    effort_cue: str  # the form cue a strength session's day needs ticked to count
    see_someone_sessions: int  # red sessions on the gentlest version before "get checked"
    story: tuple[str, ...]  # when and how the dose changes, numbers filled in


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name)
    if not isinstance(value, dict):
        raise RulesError(f"progression.toml needs a [{name}] table.")
    return value


def _text(table: dict[str, Any], name: str, where: str) -> str:
    value = table.get(name)
    if not isinstance(value, str) or not value.strip():
        raise RulesError(f"progression.toml: [{where}] needs '{name}' as text.")
    return value


def _count(table: dict[str, Any], name: str, where: str) -> int:
    value = table.get(name)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RulesError(f"progression.toml: [{where}] '{name}' must be a whole number of 1 "
                         f"or more, got {value!r}.")
    return value


def parse_progression(raw: dict[str, Any]) -> ProgressionRules:
    ladder = raw.get("ladder")
    if (not isinstance(ladder, list) or len(ladder) < 2
            or any(step not in VARIATIONS for step in ladder)):
        raise RulesError(f"progression.toml: 'ladder' must list versions the exercise records "
                         f"know ({', '.join(VARIATIONS)}), got {ladder!r}.")
    start = raw.get("start")
    if not isinstance(start, str) or start not in ladder:
        raise RulesError(f"progression.toml: 'start' must be on the ladder, got {start!r}.")
    up, down = _table(raw, "step_up"), _table(raw, "step_down")
    stay, amber, restart = _table(raw, "stay"), _table(raw, "stay_amber"), _table(raw, "restart")
    targets = _table(raw, "targets")
    say = {"step_up": _text(up, "say", "step_up"), "stay_amber": _text(amber, "say", "stay_amber"),
           "stay": _text(stay, "say", "stay"), "ready": _text(stay, "ready", "stay"),
           "at_top": _text(stay, "at_top", "stay"),
           "step_down": _text(down, "say", "step_down"), "red": _text(down, "red", "step_down"),
           "worse": _text(down, "worse", "step_down"),
           "restart": _text(restart, "say", "restart"),
           "see_someone": _text(down, "see_someone", "step_down"),
           "effort": _text(up, "effort_say", "step_up")}
    sources = {name: _text(_table(raw, name), "source", name)
               for name in ("step_up", "stay_amber", "stay", "step_down", "restart", "targets")}
    sources["effort"] = _text(up, "effort_source", "step_up")
    sessions, gap_days = _count(up, "sessions", "step_up"), _count(restart, "gap_days", "restart")
    story_lines = _table(raw, "story").get("say")
    if not isinstance(story_lines, list) or not all(
            isinstance(line, str) and line.strip() for line in story_lines):
        raise RulesError("progression.toml: [story] needs 'say' as a list of sentences.")
    story = tuple(line.format(sessions=sessions, gap_days=gap_days) for line in story_lines)
    limits = {}
    for kind, table in _table(raw, "limits").items():
        fields = {key: value for key, value in table.items() if key != "source"}
        limits[kind] = DoseLimits(source=_text(table, "source", f"limits.{kind}"), **fields)
    return ProgressionRules(tuple(ladder), start, sessions, gap_days,
                            {"mobility": _count(targets, "mobility", "targets"),
                             "strength": _count(targets, "strength", "targets")},
                            say, sources, limits, _text(up, "effort_cue", "step_up"),
                            _count(down, "see_someone_sessions", "step_down"), story)


@cache
def load_progression() -> ProgressionRules:
    """The course's progression rules, loaded and checked once."""
    text = resources.files("thoracic.content").joinpath("data/progression.toml").read_text(
        "utf-8")
    return parse_progression(tomllib.loads(text))

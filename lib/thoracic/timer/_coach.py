"""The exercise timer: one widget whose clock runs in the browser.

Python builds the plan (phases from the exercise's dose) and hands it over as a synced
trait; the browser module (``static/timer.js``, with the pure state machine in
``static/timer_core.js``) keeps time from ``performance.now()``, draws every frame,
sounds and speaks the cues, and reports what happened back as messages: a phase ended
(by time, skip or "done with set"), an exercise or the whole plan finished, the status
changed, and each practice-log entry those complete (the core's PracticeTally decides
them, once for JupyterLab and the exported pages; Python only saves them). A busy or
dead kernel cannot stall it, and in the exported pages, with no
kernel at all, it works the same.

``handle_event`` is the one door those messages come through, so tests drive the timer
without a browser, as ipywidgets' ``Button.click()`` does.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape
from pathlib import Path
from typing import Any, Literal

import anywidget
from ipywidgets import CallbackDispatcher
from traitlets import Bool, Dict, Float, List, TraitError, Unicode, observe, validate

from ..base import PALETTE, Previewed, Rendered, preview
from ._format import format_seconds
from ._plan import GET_READY_SECONDS, Phase, TimerPlan
from ._schedule import schedule_table

__all__ = ["PHASE_LOOKS", "TIMER_CORE", "CoachTimer", "LogEntry", "PhaseEnd", "with_get_ready"]

_STATIC = Path(__file__).parent / "static"
# The pure state machine the timer's module imports, handed over as a trait.
TIMER_CORE = _STATIC / "timer_core.js"
_log = logging.getLogger(__name__)

# Colour, symbol and word for each kind of phase. Colour-blind-safe colours; the symbol
# and the word change too, so colour is never the only signal. No symbol looks like a
# media control (▶ and ❚❚ read as Play and Pause beside the real buttons).
PHASE_LOOKS: dict[str, tuple[str, str, str]] = {
    "get-ready": (PALETTE[1], "●", "Get ready"),
    "warm-up": (PALETTE[1], "↕", "Warm up"),
    "hold": (PALETTE[0], "■", "Hold"),
    "reps": (PALETTE[0], "↻", "Move"),
    "rest": (PALETTE[2], "○", "Rest"),
    "switch": (PALETTE[3], "⇄", "Switch sides"),
    "done": (PALETTE[4], "✓", "Done"),
}
STATUSES = ("idle", "running", "paused", "done")


@dataclass(frozen=True)
class PhaseEnd:
    """A phase that just ended: by the clock (``"time"``), Skip, or Done with set."""

    index: int
    phase: Phase
    how: Literal["time", "skip", "done"]
    seconds: float  # time spent in the phase


@dataclass(frozen=True)
class LogEntry:
    """What the practice log keeps of a run, as the timer's core decided it: one set, one
    exercise with its sets, or a routine with its exercises (``sets``); ``rate``: the
    entry a learner is asked to rate."""

    kind: Literal["set", "exercise", "routine"]
    exercise: str
    seconds: float
    sets: int
    rate: bool


def with_get_ready(plan: TimerPlan, seconds: float) -> TimerPlan:
    """The plan with every get-ready countdown lasting ``seconds`` (the browser's control
    does the same to its copy; a test holds the two together)."""
    return replace(plan, phases=tuple(
        replace(phase, seconds=seconds) if phase.kind == "get-ready" else phase
        for phase in plan.phases))


class CoachTimer(Previewed, anywidget.AnyWidget):
    """A timer for one exercise or the whole routine, kept by the browser.

    Register what should happen with ``on_phase_end``, ``on_exercise_done`` and
    ``on_finished``; the practice log does. ``status`` follows the browser.
    """

    _esm = _STATIC / "timer.js"
    _css = _STATIC / "timer.css"

    plan = Dict(help="The phases, as TimerPlan.to_json() gives them.").tag(sync=True)
    looks = Dict(help="Colour, symbol and word for each kind of phase.").tag(sync=True)
    core = Unicode(help="Source of the pure timer state machine (timer_core.js), which the "
                        "browser module imports.").tag(sync=True)
    get_ready_seconds = Float(GET_READY_SECONDS,
                              help="How long each get-ready countdown lasts, in seconds: "
                                   "time to get onto the floor or the roller.").tag(sync=True)
    sound = Bool(True, help="Tones for each phase and a soft beat for each rep.").tag(sync=True)
    voice = Bool(True, help="Short spoken cues, where the device has a voice.").tag(sync=True)
    status = Unicode("idle", help="idle, running, paused or done, as the browser reports it.")
    versions = List(Dict(), help="The versions of the dose the learner can pick (standard, "
                                 "easier, harder, longer holds), each {key, label, plan, "
                                 "says}; "
                                 "empty when there is only one. The browser swaps plans "
                                 "itself, so the choice works with no kernel.").tag(sync=True)
    version = Unicode("standard", help="The key of the version the timer runs; the learner "
                                       "can change it while the timer is at rest.").tag(sync=True)

    @validate("get_ready_seconds")
    def _check_get_ready(self, proposal: dict[str, Any]) -> float:
        value: float = proposal["value"]
        if not math.isfinite(value) or not 0 < value <= 60:
            raise TraitError(f"get_ready_seconds must be more than 0 and at most 60 seconds, "
                             f"got {value!r}.")
        return value

    @validate("version")
    def _check_version(self, proposal: dict[str, Any]) -> str:
        value: str = proposal["value"]
        if value not in self._plans:
            raise TraitError(f"version must be one of {', '.join(self._plans)}, got {value!r}.")
        if self.status in ("running", "paused"):
            raise TraitError("The timer is running: reset it before you choose another "
                             "version.")
        return value

    @validate("status")
    def _check_status(self, proposal: dict[str, Any]) -> str:
        value: str = proposal["value"]
        if value not in STATUSES:
            raise TraitError(f"status must be one of {', '.join(STATUSES)}, got {value!r}.")
        return value

    def __init__(self, plan: TimerPlan, *,
                 versions: Mapping[str, tuple[str, TimerPlan]] | None = None,
                 version_notes: Mapping[str, str] | None = None,
                 **kwargs: Any) -> None:
        """``plan`` is the standard version; ``versions`` maps other keys to (label, plan);
        ``version_notes`` says in words what each version (standard too) asks of you."""
        self._base_plan = plan
        self._plans: dict[str, TimerPlan] = {"standard": plan}
        labels = {"standard": "Standard"}
        for key, (label, other) in (versions or {}).items():
            if key != "standard":
                self._plans[key] = other
            labels[key] = label
        self._phase_end_handlers = CallbackDispatcher()
        self._exercise_handlers = CallbackDispatcher()
        self._finished_handlers = CallbackDispatcher()
        self._log_handlers = CallbackDispatcher()
        # The plan's own countdown is the default, so a shortened plan stays short.
        kwargs.setdefault("get_ready_seconds", next(
            (p.seconds for p in plan.phases if p.kind == "get-ready"), GET_READY_SECONDS))
        kwargs.setdefault("versions", [
            {"key": key, "label": labels[key], "plan": other.to_json(),
             "says": (version_notes or {}).get(key, "")}
            for key, other in self._plans.items()] if len(self._plans) > 1 else [])
        super().__init__(looks={kind: list(look) for kind, look in PHASE_LOOKS.items()},
                         core=TIMER_CORE.read_text("utf-8"), **kwargs)
        self._replan()
        self.on_msg(lambda _widget, content, _buffers: self.handle_event(content))

    @property
    def timer_plan(self) -> TimerPlan:
        """The plan the browser runs: the chosen version with the chosen get-ready time."""
        return with_get_ready(self._plans.get(self.version, self._base_plan),
                              self.get_ready_seconds)

    @observe("get_ready_seconds", "version")
    def _replan(self, change: dict[str, Any] | None = None) -> None:
        self.plan = self.timer_plan.to_json()

    def preview(self) -> Rendered:
        plan = self.timer_plan
        body = (f"<p>{escape(format_seconds(plan.total_seconds))} in all. What to do when:</p>"
                f"{schedule_table(plan)}")
        if self.versions:
            choices = ", ".join(str(choice["label"]) for choice in self.versions)
            body += f"<p>Versions to choose from on the timer: {escape(choices)}.</p>"
        return preview(f"Timer: {plan.name}", "use the timer", body)

    # -- events -----------------------------------------------------------------------
    def on_phase_end(self, callback: Callable[[PhaseEnd], None], remove: bool = False) -> None:
        """Call ``callback(PhaseEnd)`` for every phase that ends, in order."""
        self._phase_end_handlers.register_callback(callback, remove=remove)

    def on_exercise_done(self, callback: Callable[[str], None], remove: bool = False) -> None:
        """Call ``callback(exercise_name)`` when the last phase of an exercise ends."""
        self._exercise_handlers.register_callback(callback, remove=remove)

    def on_finished(self, callback: Callable[[], None], remove: bool = False) -> None:
        """Call ``callback()`` when the whole plan is done."""
        self._finished_handlers.register_callback(callback, remove=remove)

    def on_log(self, callback: Callable[[LogEntry], None], remove: bool = False) -> None:
        """Call ``callback(entry)`` for each practice-log entry the run completes."""
        self._log_handlers.register_callback(callback, remove=remove)

    def handle_event(self, event: Any) -> bool:
        """Act on one message from the browser; returns whether it was understood.

        A message that does not fit the plan (a stale index after the plan changed, a
        made-up kind) is logged and ignored, never raised into the kernel.
        """
        kind = event.get("type") if isinstance(event, dict) else None
        if kind == "phase_end":
            end = self._phase_end(event)
            if end is None:
                return self._ignored(event)
            self._phase_end_handlers(end)
        elif kind == "exercise_done" and isinstance(event.get("exercise"), str):
            self._exercise_handlers(event["exercise"])
        elif kind == "finished":
            self._finished_handlers()
        elif kind == "status" and event.get("status") in STATUSES:
            self.status = event["status"]
        elif kind == "log":
            entry = self._log_entry(event)
            if entry is None:
                return self._ignored(event)
            self._log_handlers(entry)
        else:
            return self._ignored(event)
        return True

    def _log_entry(self, event: dict[str, Any]) -> LogEntry | None:
        kind, name, seconds, sets = (event.get("kind"), event.get("exercise"),
                                     event.get("seconds"), event.get("sets"))
        names = {phase.exercise for phase in self.timer_plan.phases} | {self.timer_plan.name}
        if (kind not in ("set", "exercise", "routine") or name not in names
                or isinstance(seconds, bool) or not isinstance(seconds, int | float)
                or not 0 <= seconds <= self.timer_plan.total_seconds + 0.1  # to a tenth
                or isinstance(sets, bool) or not isinstance(sets, int) or sets < 1
                or not isinstance(event.get("rate"), bool)):
            return None
        return LogEntry(kind, name, float(seconds), sets, event["rate"])

    def _phase_end(self, event: dict[str, Any]) -> PhaseEnd | None:
        phases = self.timer_plan.phases
        index, how, seconds = event.get("index"), event.get("how"), event.get("seconds")
        if (isinstance(index, bool) or not isinstance(index, int)
                or not 0 <= index < len(phases) or how not in ("time", "skip", "done")
                or isinstance(seconds, bool) or not isinstance(seconds, int | float)
                or not math.isfinite(seconds)):
            return None
        phase = phases[index]
        return PhaseEnd(index, phase, how, min(max(float(seconds), 0.0), phase.seconds))

    def _ignored(self, event: Any) -> bool:
        _log.warning("Timer %r ignored a message it does not understand: %r",
                     self._base_plan.name, event)
        return False

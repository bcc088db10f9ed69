"""The exercise timer widget: a big readout, phase, counters, progress and controls.

The display is driven by a small background thread that reads a monotonic clock, so it
keeps counting while the kernel runs another cell (a ``time.sleep`` in a cell would freeze
an asyncio-based timer). Every update is computed from the clock, never counted in ticks,
and the thread wakes right at each phase boundary, so phase changes come on schedule.
Tests pass a fake clock and ``background=False`` and call ``refresh()`` themselves.
"""

from __future__ import annotations

import math
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any, ClassVar, Literal

import ipywidgets as widgets
from ipywidgets import CallbackDispatcher
from traitlets import Bool, Float, TraitError, Unicode, validate

from ..base import PALETTE, Previewed, Rendered, preview
from ._format import format_seconds
from ._model import Clock, TimerModel, TimerState
from ._plan import Phase, TimerPlan
from ._schedule import schedule_table
from ._sound import silence_wav, tone_wav

__all__ = ["ExerciseTimer", "PhaseEnd", "format_seconds"]

# Colour-blind-safe colours; each phase also has its own word and symbol, so colour is
# never the only signal.
_PHASE_LOOK = {
    "get-ready": (PALETTE[1], "●", "Get ready"),
    "hold": (PALETTE[0], "▶", "Hold"),
    "reps": (PALETTE[0], "▶", "Move"),
    "rest": (PALETTE[2], "❚❚", "Rest"),
    "switch": (PALETTE[3], "⇄", "Switch sides"),
    "done": (PALETTE[4], "✓", "Done"),
}


@dataclass(frozen=True)
class PhaseEnd:
    """A phase that just ended: by the clock (``"time"``), Skip, or Done with set."""

    index: int
    phase: Phase
    how: Literal["time", "skip", "done"]
    seconds: float  # time spent in the phase


def _describe_phase(phase: Phase) -> str:
    return f"{phase.title} ({format_seconds(phase.seconds)})"


class ExerciseTimer(Previewed, widgets.VBox):
    """A timer for one exercise or the whole routine.

    Drive it with the buttons, or with ``start()``, ``pause()``, ``reset()``, ``skip()``
    (``done_with_set()`` for rep phases). ``on_phase_change`` and ``on_exercise_done``
    register callbacks. Creating a new timer with the same ``key`` (as re-running the cell
    does) stops the old one, so two timers never run for one exercise.
    """

    status = Unicode("idle", help="idle, running, paused or done; mirrors the model.")
    sound = Bool(True, help="Play a short tone at each phase change.")
    tick_seconds = Float(0.25, help="Longest wait between display refreshes, in seconds.")

    _live: ClassVar[dict[str, weakref.ref[ExerciseTimer]]] = {}

    @validate("tick_seconds")
    def _check_tick_seconds(self, proposal: dict[str, Any]) -> float:
        value: float = proposal["value"]
        if not 0 < value <= 1:
            raise TraitError(f"tick_seconds must be between 0 and 1 second, got {value!r}.")
        return value

    def __init__(self, plan: TimerPlan, *, clock: Clock = time.monotonic,
                 background: bool = True, key: str | None = None, show_steps: bool = False,
                 **kwargs: Any) -> None:
        self.model = TimerModel(plan, clock)
        self.key = key or plan.name
        self.background = background
        self.show_steps = show_steps
        self.phase_log: list[tuple[int, float]] = []  # (phase index, clock time) per change
        self._lock = threading.RLock()
        self._stop_event = threading.Event()
        self._ticker: threading.Thread | None = None
        self._phase_handlers = CallbackDispatcher()
        self._phase_end_handlers = CallbackDispatcher()
        self._exercise_handlers = CallbackDispatcher()
        self._cause: Literal["time", "skip", "done"] = "time"
        self._elapsed_before_action = 0.0
        self._last_index: int | None = None
        self._tone_flip = False

        self.title = widgets.HTML(f"<h3>Timer: {escape(plan.name)}</h3>")
        self.phase_box = widgets.HTML()
        self.readout = widgets.HTML()
        self.counters = widgets.HTML()
        self.progress = widgets.FloatProgress(
            value=0.0, min=0.0, max=1.0, description="Overall",
            layout=widgets.Layout(width="100%", max_width="32em"))
        self.total_left = widgets.HTML()
        self.next_up = widgets.HTML()
        self.steps = widgets.HTML()
        self.start_button = widgets.Button(description="Start", icon="play",
                                           tooltip="Start or resume the timer")
        self.pause_button = widgets.Button(description="Pause", icon="pause",
                                           tooltip="Pause the timer")
        self.reset_button = widgets.Button(description="Reset", icon="undo",
                                           tooltip="Back to the beginning")
        self.skip_button = widgets.Button(description="Skip", icon="forward",
                                          tooltip="Jump to the next phase")
        self.done_button = widgets.Button(description="Done with set", icon="check",
                                          tooltip="Finished this set early? Move on.")
        self.sound_toggle = widgets.Checkbox(value=True, description="Sound cue at each change",
                                             indent=False)
        self.audio = widgets.Audio(value=silence_wav(), format="wav", autoplay=True, loop=False,
                                   controls=False, layout=widgets.Layout(display="none"))
        widgets.link((self.sound_toggle, "value"), (self, "sound"))
        for button in (self.start_button, self.pause_button, self.reset_button,
                       self.skip_button, self.done_button):
            button.layout = widgets.Layout(width="auto", min_width="6em")
        self.start_button.on_click(lambda _: self.start())
        self.pause_button.on_click(lambda _: self.pause())
        self.reset_button.on_click(lambda _: self.reset())
        self.skip_button.on_click(lambda _: self.skip())
        self.done_button.on_click(lambda _: self.done_with_set())

        controls = widgets.HBox(
            [self.start_button, self.pause_button, self.reset_button, self.skip_button,
             self.done_button], layout=widgets.Layout(flex_flow="row wrap"))
        children = [self.title, self.phase_box, self.readout, self.counters, self.progress,
                    self.total_left, self.next_up, controls, self.sound_toggle, self.audio]
        if show_steps:
            children.insert(7, self.steps)
        kwargs.setdefault("layout", widgets.Layout(max_width="40em", overflow="hidden"))
        super().__init__(children=children, **kwargs)
        self._replace_previous()
        self.refresh()

    # -- registry: one live timer per key ---------------------------------------------
    def _replace_previous(self) -> None:
        previous = ExerciseTimer._live.get(self.key)
        old = previous() if previous else None
        if old is not None and old is not self:
            old.stop()
        ExerciseTimer._live[self.key] = weakref.ref(self)

    # -- events ---------------------------------------------------------------------
    def preview(self) -> Rendered:
        plan = self.model.plan
        body = (f"<p>{escape(format_seconds(plan.total_seconds))} in all. What to do when:</p>"
                f"{schedule_table(plan)}")
        return preview(f"Timer: {plan.name}", "use the timer", body)

    def on_phase_change(self, callback: Callable[[TimerState], None],
                        remove: bool = False) -> None:
        """Call ``callback(state)`` whenever the phase changes (and when the plan ends)."""
        self._phase_handlers.register_callback(callback, remove=remove)

    def on_phase_end(self, callback: Callable[[PhaseEnd], None], remove: bool = False) -> None:
        """Call ``callback(PhaseEnd)`` for every phase that ends, in order."""
        self._phase_end_handlers.register_callback(callback, remove=remove)

    def on_exercise_done(self, callback: Callable[[str], None], remove: bool = False) -> None:
        """Call ``callback(exercise_name)`` when the last phase of an exercise ends."""
        self._exercise_handlers.register_callback(callback, remove=remove)

    # -- actions ----------------------------------------------------------------------
    def start(self) -> None:
        with self._lock:
            self.model.start()
            self.refresh()
            self._ensure_ticker()

    def pause(self) -> None:
        with self._lock:
            self.model.pause()
            self.refresh()

    def reset(self) -> None:
        with self._lock:
            self.model.reset()
            self._last_index = None
            self.phase_log.clear()
            self.refresh()

    def skip(self) -> None:
        with self._lock:
            self._jump("skip")

    def done_with_set(self) -> None:
        """The learner finished the reps of this set: move on to what comes next."""
        with self._lock:
            phase = self.model.state().position.phase
            if phase is not None and phase.kind == "reps":
                self._jump("done")
            self.refresh()

    def _jump(self, cause: Literal["skip", "done"]) -> None:
        self.refresh()  # first report any phase that ended by the clock
        self._elapsed_before_action = self.model.elapsed()
        self._cause = cause
        try:
            self.model.skip()
            self.refresh()
        finally:
            self._cause = "time"

    def stop(self) -> None:
        """Pause and end the background thread (used when the timer is replaced or closed)."""
        self._stop_event.set()
        with self._lock:
            self.model.pause()
            self.refresh()

    def close(self) -> None:
        self.stop()
        super().close()

    # -- background ticking -----------------------------------------------------------
    def _ensure_ticker(self) -> None:
        if not self.background or self.model.status != "running":
            return
        if self._ticker is not None and self._ticker.is_alive():
            return  # Start pressed twice: one thread is enough.
        self._stop_event.clear()
        self._ticker = threading.Thread(target=self._tick_loop, name=f"timer:{self.key}",
                                        daemon=True)
        self._ticker.start()

    def _tick_loop(self) -> None:
        while not self._stop_event.is_set():
            with self._lock:
                state = self.refresh()
                if state.status != "running":
                    return
                # Wake at the next phase boundary or the next whole second shown,
                # whichever comes first, so changes land on schedule.
                to_boundary = state.position.time_left
                to_next_second = to_boundary - math.floor(to_boundary - 1e-9)
                wait = min(self.tick_seconds, to_next_second, to_boundary) + 0.0005
            self._stop_event.wait(wait)

    # -- display ----------------------------------------------------------------------
    def refresh(self) -> TimerState:
        """Bring the display up to date with the clock; returns the state shown."""
        with self._lock:
            state = self.model.state()
            self.status = state.status
            index = state.position.index
            if index != self._last_index:
                self._on_new_phase(state)
            self._render(state)
            return state

    def _on_new_phase(self, state: TimerState) -> None:
        previous = self._last_index
        self._last_index = state.position.index
        if previous is None:
            return  # first display, not a change
        self.phase_log.append((state.position.index, self.model.clock()))
        if self.sound and self.model.status != "idle":
            self._tone_flip = not self._tone_flip
            # A different tone each change also makes the audio element play again.
            self.audio.value = tone_wav(880.0 if self._tone_flip else 660.0)
        # Report every phase passed (more than one if the display was held up), and every
        # exercise whose last phase was among them.
        plan = self.model.plan
        for index in range(previous, min(state.position.index, len(plan.phases))):
            phase = plan.phases[index]
            if index == previous and self._cause != "time":
                spent = self._elapsed_before_action - plan.phase_start(index)
                self._phase_end_handlers(PhaseEnd(index, phase, self._cause, spent))
            else:
                self._phase_end_handlers(PhaseEnd(index, phase, "time", phase.seconds))
            last_of_exercise = index + 1 == len(plan.phases) or (
                plan.phases[index + 1].exercise != phase.exercise)
            if last_of_exercise:
                self._exercise_handlers(phase.exercise)
        self._phase_handlers(state)

    def _render(self, state: TimerState) -> None:
        position = state.position
        phase = position.phase
        kind = "done" if phase is None else phase.kind
        colour, symbol, word = _PHASE_LOOK[kind]
        instruction = ("Well done! You finished this timer." if phase is None
                       else phase.instruction)
        heading = word if phase is None else phase.title
        if state.status == "paused":
            heading += " (paused)"
        _set(self.phase_box, (
            f'<div role="status" aria-live="polite" style="border-left:8px solid {colour};'
            f'padding:0.3em 0.8em;background:rgba(0,0,0,0.03)">'
            f'<div style="font-size:1.4em;font-weight:bold">{symbol} {escape(heading)}</div>'
            f"<div>{escape(instruction)}</div></div>"))
        time_left = "0:00" if phase is None else format_seconds(position.time_left)
        _set(self.readout, (
            f'<div aria-label="Time left in this phase: {time_left}" '
            f'style="font-size:3em;font-weight:bold;font-variant-numeric:tabular-nums;'
            f'line-height:1.1">{time_left}</div>'))
        _set(self.counters, escape(_counter_text(phase, position.rep)))
        self.progress.value = round(position.progress, 3)
        _set(self.total_left, escape(f"Time left in all: {format_seconds(position.total_left)}"))
        upcoming = state.next_phase
        _set(self.next_up, escape(
            f"Next: {_describe_phase(upcoming)}" if upcoming is not None
            else ("Next: you are done!" if phase is not None else "")))
        if self.show_steps:
            _set(self.steps, self._steps_html(position.index))
        running = state.status == "running"
        self.start_button.disabled = running or state.status == "done"
        self.start_button.description = "Resume" if state.status == "paused" else "Start"
        self.pause_button.disabled = not running
        self.skip_button.disabled = state.status == "done"
        self.done_button.disabled = phase is None or phase.kind != "reps"

    def _steps_html(self, current: int) -> str:
        """The exercises of a routine, the current one marked with words, not colour only."""
        names: list[str] = []
        first_index: dict[str, int] = {}
        for index, phase in enumerate(self.model.plan.phases):
            if phase.exercise not in first_index:
                first_index[phase.exercise] = index
                names.append(phase.exercise)
        current_name = (self.model.plan.phases[current].exercise
                        if current < len(self.model.plan.phases) else None)
        done_names = set(names) if current_name is None else set(
            names[:names.index(current_name)])
        items = []
        for name in names:
            if name == current_name:
                items.append(f"<li><strong>{escape(name)} ← now</strong></li>")
            elif name in done_names:
                items.append(f"<li>{escape(name)} ✓ done</li>")
            else:
                items.append(f"<li>{escape(name)}</li>")
        return '<ol aria-label="Routine steps">' + "".join(items) + "</ol>"


def _counter_text(phase: Phase | None, rep: int | None) -> str:
    # Holds are counted in the phase title ("Hold 1 of 2"); reps are counted here.
    if phase is None:
        return ""
    parts = []
    if phase.set_count and phase.set_count > 1:
        parts.append(f"Set {phase.set_number} of {phase.set_count}")
    if phase.kind == "reps" and rep is not None:
        parts.append(f"Rep {rep} of {phase.rep_count}")
    if phase.side:
        parts.append(f"{phase.side.capitalize()} side")
    return " · ".join(parts)


def _set(widget: widgets.HTML, value: str) -> None:
    # Only send a message to the browser when something changed.
    if widget.value != value:
        widget.value = value

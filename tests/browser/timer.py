"""Helpers for driving the exercise timer in a real browser (JupyterLab or the site)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from thoracic.timer import build_plan

# A small plan with both sides: hold, rest, switch; at ten times speed it lasts seconds.
SIDES_CODE = """from thoracic.timer import CoachTimer, build_plan

CoachTimer(build_plan(name="Sides", style="hold", reps=1, sets=2, rest_seconds=2,
                      per_side=True, hold_seconds=2, get_ready_seconds=1, switch_seconds=2))"""
SIDES_PLAN = build_plan(name="Sides", style="hold", reps=1, sets=2, rest_seconds=2,
                        per_side=True, hold_seconds=2, get_ready_seconds=1, switch_seconds=2)


def write_sides_notebook(folder: Path, name: str = "timer-sides.ipynb") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(SIDES_CODE)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = folder / name
    nbformat.write(nb, path)
    return path


def frames(page, count: int = 3) -> None:
    """Let the page draw ``count`` animation frames (the timer redraws on each)."""
    page.evaluate("(n) => new Promise((done) => { const step = (k) => k ? "
                  "requestAnimationFrame(() => step(k - 1)) : done(); step(n); })", count)


def state(timer) -> dict[str, str]:
    return timer.evaluate("(t) => ({status: t.dataset.status, kind: t.dataset.kind, "
                          "elapsed: t.dataset.elapsed})")


def wait_for(timer, **wanted: str) -> None:
    checks = " && ".join(f"t.dataset.{key} === {json.dumps(value)}"
                         for key, value in wanted.items())
    timer.page.wait_for_function(f"(t) => {checks}", arg=timer.element_handle(),
                                 timeout=90_000)


def cues(page, plan_name: str) -> list[dict]:
    """Every cue the timer scheduled, from the front-end's test hook."""
    return page.evaluate("(name) => (globalThis.__thoracicTimerCues || [])"
                         ".filter((c) => c.plan === name)", plan_name)


def cue_times(plan) -> set[float]:
    """Where cues may fall: phase starts and ends, rep beats, the last three seconds."""
    times = set()
    for index, phase in enumerate(plan.phases):
        start, end = plan.phase_start(index), plan.phase_start(index + 1)
        times.update((round(start, 6), round(end, 6)))
        if phase.kind == "reps" and phase.rep_seconds and phase.rep_count:
            times.update(round(start + k * phase.rep_seconds, 6)
                         for k in range(1, phase.rep_count))
        if phase.kind in ("hold", "reps", "get-ready", "warm-up"):
            times.update(round(end - k, 6) for k in (1, 2, 3) if end - k > start)
    return times


def touch_targets_too_small(timer) -> list[str]:
    """Buttons and switches of the timer smaller than 44 by 44 CSS pixels."""
    return timer.evaluate(
        "(t) => [...t.querySelectorAll('button, select, label.ubr-switch')]"
        ".filter((e) => e.offsetParent !== null).map((e) => [e.textContent.trim(), "
        "e.getBoundingClientRect()]).filter(([, r]) => r.width < 44 || r.height < 44)"
        ".map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)")


def time_digits_height(timer) -> float:
    """The rendered height of the time-left digits, in CSS pixels."""
    return timer.evaluate("(t) => parseFloat(getComputedStyle(t.querySelector('.ubr-time'))"
                          ".fontSize)")


def time_digits_fit(timer) -> bool:
    """Whether the time-left digits fit across the screen (none cut off at either side)."""
    return timer.evaluate("(t) => { const r = t.querySelector('.ubr-time')"
                          ".getBoundingClientRect(); const range = document.createRange();"
                          " range.selectNodeContents(t.querySelector('.ubr-time'));"
                          " const text = range.getBoundingClientRect();"
                          " return text.left >= 0 && text.right <= window.innerWidth"
                          " && r.width > 0; }")


def check_mat_view(page, timer, screenshot: Path) -> None:
    """F fills the screen, readable from the mat: the digits at least a fifth of the
    screen's height and inside its width, every target 44 px; Escape leaves."""
    width, height = page.viewport_size["width"], page.viewport_size["height"]
    page.keyboard.press("f")
    page.wait_for_function("(t) => t.classList.contains('ubr-mat')",
                           arg=timer.element_handle())
    frames(page)
    box = timer.bounding_box()
    assert box is not None and box["width"] >= width - 1 and box["height"] >= height - 1
    assert time_digits_height(timer) >= 0.2 * height
    assert time_digits_fit(timer)
    # and nothing sideways to scroll (the digits' wide box overflowed by 37 px at 1280)
    assert timer.evaluate("(t) => (t.scrollWidth <= t.clientWidth || "
                          "getComputedStyle(t).overflowX === 'hidden') && "
                          "document.documentElement.scrollWidth <= window.innerWidth")
    assert touch_targets_too_small(timer) == []
    page.screenshot(path=str(screenshot))
    page.keyboard.press("Escape")
    page.wait_for_function("(t) => !t.classList.contains('ubr-mat')",
                           arg=timer.element_handle())


def start_and_see_it_count(page) -> None:
    """Start the first timer on the page and wait until its own clock has moved on."""
    timer = page.locator(".ubr-timer").first
    timer.get_by_role("button", name="Start").click()
    page.wait_for_function("(t) => Number(t.dataset.elapsed) > 0.5", arg=timer.element_handle())

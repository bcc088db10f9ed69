"""The phone's motion sensor, played by the test: orientations set through the DevTools
protocol's device-orientation override, which Chromium hands the page as
``deviceorientation`` events, and a learner who turns, holds and comes back.

Every wait is for what the page has received or says, never for a length of time; the
page itself counts the seconds a still phone is held (its own clock, its own readings)."""

from __future__ import annotations

from collections.abc import Callable

# Upright on the breastbone, screen facing forward: a turn of the trunk to the left adds
# to alpha (measured counterclockwise, seen from above), a turn to the right takes away.
UPRIGHT = (90.0, 0.0)
STEP_DEGREES = 6  # a slow turn, a few degrees a reading

Point = Callable[..., None]


def motion_sensor(page) -> Point:
    """A function that points the phone (alpha, then beta and gamma, in degrees) and
    returns once the page has had that reading."""
    cdp = page.context.new_cdp_session(page)
    page.evaluate("() => { window.__reading = null; addEventListener('deviceorientation', "
                  "(e) => { window.__reading = [e.alpha, e.beta, e.gamma]; }); }")

    def point(alpha: float, beta: float = UPRIGHT[0], gamma: float = UPRIGHT[1]) -> None:
        # Chromium rounds what it hands a page to a tenth of a degree (for privacy).
        want = [round(alpha % 360, 1), round(beta, 1), round(gamma, 1)]
        cdp.send("DeviceOrientation.setDeviceOrientationOverride",
                 {"alpha": want[0], "beta": want[1], "gamma": want[2]})
        # Polled on a timer, not on animation frames, which a test's clock may hold.
        page.wait_for_function("(want) => window.__reading && want.every((v, i) => "
                               "Math.abs(window.__reading[i] - v) < 1e-3)", arg=want,
                               polling=10)

    return point


def turn(point: Point, start: float, end: float) -> None:
    """A slow turn from ``start`` to ``end`` degrees of alpha."""
    step = STEP_DEGREES if end >= start else -STEP_DEGREES
    for alpha in range(int(start), int(end), step):
        point(float(alpha))
    point(float(end))


def measure_side(part, point: Point, side: str, angles: list[float]) -> None:
    """Three tries to one side: wait to be asked, turn, hold still until the try is kept,
    come back to the middle."""
    sign = 1 if side == "left" else -1
    now = part.locator(".thoracic-measure-now")
    kept = part.locator(".thoracic-measure-tries li", has_text=f"{side.capitalize()} side, try")
    for n, angle in enumerate(angles, start=1):
        now.filter(has_text=f"turn slowly to your {side}").wait_for(timeout=30_000)
        turn(point, 0, sign * angle)
        kept.filter(has_text=f"try {n}:").wait_for(timeout=30_000)
        turn(point, sign * angle, 0)


def start_measuring(part, point: Point) -> None:
    """Press the button, then move the phone a touch: Chromium sends a reading only when
    the orientation changes (a real phone sends them all the time)."""
    part.get_by_role("button", name="Measure with this phone").click()
    point(0.5)
    point(0.0)

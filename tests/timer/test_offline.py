from __future__ import annotations

from thoracic.timer import daily_routine_plan
from thoracic.timer._offline import _second_by_second


def test_offline_lines_follow_the_plan() -> None:
    plan = daily_routine_plan()
    lines = _second_by_second(plan)
    assert lines[0] == "Get ready: 0:10 left. Get into your start position."
    assert lines[11] == "Set 1 of 3: 0:23 left. Move slowly, one rep with each count."
    assert lines[-1] == "Done. Well done!"
    assert len(lines) == round(plan.total_seconds) + 1

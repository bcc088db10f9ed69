from __future__ import annotations

import datetime as dt

import pytest

from thoracic.base import MAX_SESSION_SECONDS, today
from thoracic.timer import TimerPlanError, build_plan


def test_fixed_date_is_used_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "2025-03-09")
    assert today() == dt.date(2025, 3, 9)


def test_real_date_is_used_when_unset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("THORACIC_TODAY", raising=False)
    assert today() == dt.date.today()


def test_bad_fixed_date_says_how_to_fix_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THORACIC_TODAY", "next tuesday")
    with pytest.raises(ValueError, match=r"'next tuesday', which is not a date\. Use the form"):
        today()


def test_one_limit_for_a_dose_and_for_a_timer_plan() -> None:
    with pytest.raises(TimerPlanError, match=f"more than one hour \\({MAX_SESSION_SECONDS:g} s\\)"):
        build_plan(name="Too long", style="hold", reps=1, sets=1, rest_seconds=0,
                   hold_seconds=MAX_SESSION_SECONDS + 1)

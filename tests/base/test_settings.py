from __future__ import annotations

import datetime as dt

import pytest

from thoracic.base import today


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

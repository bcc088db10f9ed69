from __future__ import annotations

from thoracic.base import ACCENT, ALERT_STYLE, PALETTE, WARNING, alert_html


def test_palette_is_okabe_ito_and_names_its_roles() -> None:
    assert len(PALETTE) == len(set(PALETTE)) == 8
    assert (ACCENT, WARNING) == ("#0072B2", "#D55E00")


def test_alert_is_announced_and_styled_once() -> None:
    html = alert_html("<strong>Careful</strong>")
    assert html.startswith('<div role="alert"') and ALERT_STYLE in html
    assert WARNING in ALERT_STYLE

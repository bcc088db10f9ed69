"""The teacher's page shows what `thoracic class-report` shows, names as text only."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from thoracic._cli import build_parser
from thoracic.hub import class_report_page
from thoracic.lab import LearnerShare, report_summary, report_week

ON = dt.date(2026, 3, 4)  # a Wednesday
ALICE = LearnerShare("alice", shared=True, days_this_week=2, latest_rating=1,
                     latest_rating_day="2026-03-03")


def test_shared_figures_and_not_shared() -> None:
    lines = [ALICE, LearnerShare("bob")]
    page = class_report_page(ON, lines)
    assert f'<th scope="row">alice</th><td>{html.escape(ALICE.describe())}</td>' in page
    assert '<th scope="row">bob</th><td>not shared</td>' in page
    assert html.escape(report_summary(lines)) in page
    assert "1 of 2 learners share" in page


def test_the_week_it_covers() -> None:
    page = class_report_page(ON, [ALICE])
    assert f"For {report_week(ON)}." in page
    assert "the week from Monday 2 March 2026 to Wednesday 4 March 2026" in page


def test_a_name_is_never_markup() -> None:
    """A learner's name is a folder's name: whatever it holds is shown, never run."""
    name = "<script>alert('x')</script>&"
    page = class_report_page(ON, [LearnerShare(name),
                                  LearnerShare("dan", problem="it is <b>odd</b>")])
    assert "<script>" not in page and "<b>" not in page
    assert html.escape(name) in page


def test_no_learner_yet() -> None:
    page = class_report_page(ON, [])
    assert "<p>No learner has logged in yet.</p>" in page
    assert "<table>" not in page


def test_the_command_line() -> None:
    parser = build_parser()
    args = parser.parse_args(["teacher-page", "--home-root", "/x/homes",
                              "--teacher", "ms-lee", "--teacher", "mr-k"])
    assert (args.home_root, args.teacher) == (Path("/x/homes"), ["ms-lee", "mr-k"])
    assert args.handler.__name__ == "_teacher_page"
    assert parser.parse_args(["teacher-page", "--home-root", "/x"]).teacher == []


def test_the_command_line_needs_the_homes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["teacher-page", "--teacher", "ms-lee"])
    assert "--home-root" in capsys.readouterr().err

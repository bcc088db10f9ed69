"""The class report shows a teacher only what each learner chose to share, and never
changes a learner's progress file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from thoracic import ProgressStore, share_with_teacher
from thoracic._cli import main
from thoracic.content import DISCOMFORT_SCALE
from thoracic.lab import (
    LEARNER_STORE,
    MAX_COPY_BYTES,
    NOT_PLAIN,
    class_report,
    format_class_report,
)

ON = dt.date(2026, 3, 4)  # a Wednesday: the week runs from Monday 2 March
MONDAY, TUESDAY, LAST_WEEK = "2026-03-02", "2026-03-03", "2026-02-26"


def learner(root: Path, name: str) -> ProgressStore:
    """A learner's home with a progress file where the class server keeps it."""
    return ProgressStore(root / name / LEARNER_STORE)


def practise(store: ProgressStore, day: str, rating: int | None, note: str | None = None) -> None:
    session = store.record_session("exercise", "foam-roller-extension", 150, sets=3, day=day)
    if rating is not None:
        store.rate_session(session, rating, note)


def opt_in(store: ProgressStore) -> None:
    switch = share_with_teacher(store)
    switch.toggle("share", True)  # as a click on its box does


def files(home: Path) -> dict[str, str]:
    return {str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(home.rglob("*")) if p.is_file()}


@pytest.fixture
def homes(tmp_path: Path) -> Path:
    root = tmp_path / "homes"
    alice = learner(root, "alice")
    practise(alice, LAST_WEEK, 7)
    practise(alice, MONDAY, 4, note="stiff after the train")
    practise(alice, TUESDAY, None)
    practise(alice, TUESDAY, 1)
    opt_in(alice)
    bob = learner(root, "bob")  # practises, rates and writes notes, but shares nothing
    practise(bob, MONDAY, 8, note="bob's private note")
    bob.set_tick("safety-screen", "fever", True)
    (root / "carol").mkdir()  # logged in, never ticked anything: no progress file
    damaged = root / "dan" / LEARNER_STORE
    damaged.parent.mkdir(parents=True)
    damaged.write_bytes(b"not a database at all, just some text" * 10)
    return root


def test_only_learners_who_opted_in_show_figures(homes: Path) -> None:
    lines = {line.learner: line for line in class_report(homes, ON)}
    assert list(lines) == ["alice", "bob", "carol", "dan"]
    alice = lines["alice"]
    assert (alice.shared, alice.days_this_week, alice.latest_rating) == (True, 2, 1)
    assert alice.latest_rating_day == TUESDAY
    zone = DISCOMFORT_SCALE.zone(1).word
    assert alice.describe() == (f"2 days practised this week; latest rating "
                                f"1/{DISCOMFORT_SCALE.highest}, {zone} zone ({TUESDAY})")
    assert lines["bob"].describe() == "not shared"
    assert lines["carol"].describe() == "not shared"  # no file: nothing to tell either
    assert lines["dan"].problem is not None and "damaged" in lines["dan"].describe()


def test_the_printed_report_holds_nothing_else(homes: Path) -> None:
    text = format_class_report(homes, ON, class_report(homes, ON))
    assert "week from Monday 2 March 2026 to Wednesday 4 March 2026" in text
    assert "  bob    not shared\n" in text and "  carol  not shared\n" in text
    assert "1 of 4 learners share" in text
    # (ratings as the report writes them, "8/10": the folder's own path may hold "8/")
    for private in ("stiff after the train", "bob's private note",
                    f"8/{DISCOMFORT_SCALE.highest}", "fever", f"7/{DISCOMFORT_SCALE.highest}"):
        assert private not in text


def test_a_learner_can_stop_sharing(homes: Path) -> None:
    alice = ProgressStore(homes / "alice" / LEARNER_STORE)
    share_with_teacher(alice).toggle("share", False)
    assert class_report(homes, ON)[0].describe() == "not shared"


def test_no_rating_yet_and_a_foreign_file(tmp_path: Path) -> None:
    eve = learner(tmp_path, "eve")
    practise(eve, MONDAY, None)
    opt_in(eve)
    foreign = tmp_path / "fay" / LEARNER_STORE
    foreign.parent.mkdir(parents=True)
    with closing(sqlite3.connect(foreign)) as db:
        db.execute("CREATE TABLE recipes (name TEXT)")
        db.commit()
    lines = class_report(tmp_path, ON)
    assert lines[0].describe() == "1 day practised this week; no rating yet"
    assert lines[1].describe() == ("progress file not read: it belongs to another program, "
                                   "not to this course")


def test_learners_files_are_never_touched(homes: Path) -> None:
    before = {home.name: files(home) for home in homes.iterdir()}
    class_report(homes, ON)
    assert {home.name: files(home) for home in homes.iterdir()} == before


def test_a_save_under_way_is_seen_and_left_alone(tmp_path: Path) -> None:
    """While a learner's kernel holds the file open, the latest save is still in its
    journal (-wal): the report reads it from a copy, and the learner's files stay as
    they are."""
    gus = learner(tmp_path, "gus")
    opt_in(gus)
    with closing(sqlite3.connect(gus.path)) as held:  # another connection stays open
        held.execute("PRAGMA wal_autocheckpoint = 0")
        held.execute("SELECT count(*) FROM sessions").fetchall()
        practise(gus, TUESDAY, 2)
        journal = gus.path.with_name(f"{gus.path.name}-wal")
        assert journal.stat().st_size > 0
        before = files(tmp_path / "gus")
        line = class_report(tmp_path, ON)[0]
        assert files(tmp_path / "gus") == before
    assert (line.days_this_week, line.latest_rating) == (1, 2)


def test_a_link_instead_of_a_file_is_not_followed(tmp_path: Path, homes: Path) -> None:
    sneaky = tmp_path / "sneaky" / LEARNER_STORE
    sneaky.parent.mkdir(parents=True)
    sneaky.symlink_to(homes / "bob" / LEARNER_STORE)
    assert class_report(tmp_path, ON)[-1].describe() == f"progress file not read: {NOT_PLAIN}"


@pytest.mark.parametrize("linked", [Path(".local", "share", "upper-back-relief"),
                                    Path(".local", "share"), Path(".local"), Path()])
def test_a_link_at_any_depth_shows_no_one_elses_figures(homes: Path, linked: Path) -> None:
    """Mallory links a folder on the way to her progress file (or her whole home) to
    Alice's, who shares: the report must not show Alice's figures under Mallory's name."""
    mallory = homes / "mallory"
    if linked == Path():
        mallory.symlink_to(homes / "alice", target_is_directory=True)
    else:
        (mallory / linked).parent.mkdir(parents=True, exist_ok=True)
        (mallory / linked).symlink_to(homes / "alice" / linked, target_is_directory=True)
    line = {line.learner: line for line in class_report(homes, ON)}["mallory"]
    assert (line.shared, line.problem) == (False, NOT_PLAIN)
    assert "practised" not in line.describe()


def test_a_journal_linked_to_a_device_or_a_fifo_is_not_read(tmp_path: Path) -> None:
    """A -wal linked to /dev/zero would be copied forever; a FIFO would make the copy wait
    for a writer that never comes. Both are refused at once, the learner's files untouched."""
    for name, make in (("zed", lambda wal: wal.symlink_to("/dev/zero")),
                       ("fifo", lambda wal: os.mkfifo(wal))):
        store = learner(tmp_path, name)
        opt_in(store)
        wal = store.path.with_name(f"{store.path.name}-wal")
        wal.unlink(missing_ok=True)  # a reader may have left an empty one
        make(wal)
    lines = class_report(tmp_path, ON)
    assert [(line.learner, line.problem) for line in lines] == [("fifo", NOT_PLAIN),
                                                               ("zed", NOT_PLAIN)]


def test_a_file_too_large_to_be_progress_is_not_copied(tmp_path: Path) -> None:
    store = learner(tmp_path, "hal")
    opt_in(store)
    with store.path.open("r+b") as handle:  # sparse: no disk space is used
        handle.truncate(MAX_COPY_BYTES + 1)
    (line,) = class_report(tmp_path, ON)
    assert line.problem == "it cannot be read (it is larger than any progress file)"


def test_names_print_as_plain_text(tmp_path: Path) -> None:
    """A folder name that holds terminal controls cannot clear the teacher's screen or set
    the window's title: they print as escapes."""
    (tmp_path / "eve\x1b]0;pwned\x07\u202e").mkdir()
    text = format_class_report(tmp_path, ON, class_report(tmp_path, ON))
    assert "  eve\\x1b]0;pwned\\x07\\u202e  not shared" in text
    assert not any(ch in text for ch in "\x1b\x07\u202e")


def test_the_command(homes: Path, monkeypatch: pytest.MonkeyPatch,
                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("THORACIC_TODAY", ON.isoformat())
    assert main(["class-report", "--home-root", str(homes)]) == 0
    out = capsys.readouterr().out
    assert "  alice  2 days practised this week; latest rating 1/" in out
    assert main(["class-report", "--home-root", str(homes / "nobody")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("thoracic class-report: ") and "is not a folder" in err
    empty = homes.parent / "empty"
    empty.mkdir()
    assert main(["class-report", "--home-root", str(empty)]) == 0
    assert "No learner has logged in yet." in capsys.readouterr().out

"""Many processes opening one progress file at once: raw exceptions and lock refusals.

Two loads, each in processes of their own (spawned, so each imports the course afresh, as
a new kernel or command would):

- fresh-store race: in each round a new folder, and ``--processes`` processes (default 8)
  released by one barrier to open the same not-yet-existing progress file, every one as a
  notebook does (``LearnerStore``) or as the command does (``ProgressStore``), half each,
  and read it. Each round is as many opens as processes; ``--rounds`` (default 1,250)
  gives 10,000 opens.
- reader load: one store with 50 entries, ``--readers`` processes (default 6) opening it
  and reading the history ``--reads`` times each (default 300), while one more process
  records a session after every few reads (the course's own writes).

An open is counted as a raw exception when anything but a StoreError comes out (a
traceback a learner would see), and as an immediate lock refusal when StoreLockedError
comes within a second (the course waits up to five seconds for a lock). Every lock
message must name what held the file; ``lock_messages_naming_no_holder`` counts those
that do not. The baseline is the same opens made one after the other by a single
process in the same run: ``open_ms_race`` / ``open_ms_alone`` is what the contention
costs.

Last line: one JSON object. Targets: raw_exceptions 0, immediate_lock_refusals 0,
reader_lock_refusals 0 (or every one naming its holder).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

NAME = "progress.sqlite3"
IMMEDIATE_S = 1.0


def _open_once(path: Path, as_notebook: bool) -> tuple[str, float, str]:
    """Open and read the store at ``path``: (outcome, seconds, message)."""
    from thoracic.progress import LearnerStore, ProgressStore, StoreError, StoreLockedError

    started = time.perf_counter()
    store: ProgressStore
    try:
        if as_notebook:
            store = LearnerStore(path)
            if store.problem is not None:
                raise store.problem
        else:
            store = ProgressStore(path)
        store.sessions()
        store.ticks("daily-routine")
    except StoreLockedError as locked:
        took = time.perf_counter() - started
        return ("lock_immediate" if took < IMMEDIATE_S else "lock_waited"), took, str(locked)
    except StoreError as problem:
        return "store_error", time.perf_counter() - started, str(problem)
    except Exception as raw:  # what this bench is here to find
        return "raw", time.perf_counter() - started, f"{type(raw).__name__}: {raw}"
    return "ok", time.perf_counter() - started, ""


def _racer(index: int, base: str, rounds: int, barrier: Any, results: Any) -> None:
    found: list[tuple[str, float, str]] = []
    for round_ in range(rounds):
        barrier.wait()
        found.append(_open_once(Path(base, str(round_), NAME), as_notebook=index % 2 == 0))
    results.put(found)


def _reader(path: str, reads: int, writes_every: int, results: Any) -> None:
    found: list[tuple[str, float, str]] = []
    for read in range(reads):
        found.append(_open_once(Path(path), as_notebook=read % 2 == 0))
        if writes_every and read % writes_every == 0:
            from thoracic.progress import ProgressStore, StoreError

            try:
                ProgressStore(Path(path)).record_session("exercise", "Child's pose", 75.0,
                                                         sets=1)
            except StoreError as problem:
                found.append(("write_" + type(problem).__name__, 0.0, str(problem)))
    results.put(found)


def _gather(context: Any, processes: list[Any], results: Any) -> list[tuple[str, float, str]]:
    for process in processes:
        process.start()
    found = [outcome for _ in processes for outcome in results.get()]
    for process in processes:
        process.join()
    return found


def race(rounds: int, count: int, work: Path) -> list[tuple[str, float, str]]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(count), context.Queue()
    for round_ in range(rounds):
        (work / str(round_)).mkdir()
    processes = [context.Process(target=_racer, args=(i, str(work), rounds, barrier, results))
                 for i in range(count)]
    return _gather(context, processes, results)


def readers(count: int, reads: int, work: Path) -> list[tuple[str, float, str]]:
    from thoracic.progress import ProgressStore

    path = work / NAME
    store = ProgressStore(path)
    for n in range(50):
        store.record_session("exercise", "Child's pose", 75.0, sets=1, note=f"entry {n}")
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    processes = [context.Process(target=_reader, args=(str(path), reads, 0, results))
                 for _ in range(count)]
    processes.append(context.Process(target=_reader, args=(str(path), reads, 5, results)))
    return _gather(context, processes, results)


def alone(opens: int, work: Path) -> list[float]:
    took = []
    for n in range(opens):
        folder = work / f"alone-{n}"
        folder.mkdir()
        took.append(_open_once(folder / NAME, as_notebook=n % 2 == 0)[1])
    return took


def _names_holder(message: str) -> bool:
    return "process" in message and any(character.isdigit() for character in message)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1250)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--reads", type=int, default=300)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="thoracic-race-") as scratch:
        work = Path(scratch)
        (work / "race").mkdir()
        (work / "readers").mkdir()
        (work / "alone").mkdir()
        raced = race(args.rounds, args.processes, work / "race")
        read = readers(args.readers, args.reads, work / "readers")
        solo = alone(min(200, args.rounds), work / "alone")
    outcomes = Counter(kind for kind, _, _ in raced)
    read_outcomes = Counter(kind for kind, _, _ in read)
    locks = [message for kind, _, message in raced + read if kind.startswith("lock")]
    raw = sorted({message for kind, _, message in raced + read if kind == "raw"})
    other = sorted({message for kind, _, message in raced if kind == "store_error"})
    figures: dict[str, Any] = {
        "race_opens": len(raced),
        "race_processes": args.processes,
        "raw_exceptions": outcomes["raw"] + read_outcomes["raw"],
        "immediate_lock_refusals": outcomes["lock_immediate"],
        "waited_lock_refusals": outcomes["lock_waited"],
        "other_store_errors": outcomes["store_error"],
        "reader_opens": sum(1 for kind, _, _ in read if not kind.startswith("write_")),
        "reader_lock_refusals": read_outcomes["lock_immediate"] + read_outcomes["lock_waited"],
        "reader_write_refusals": sum(n for kind, n in read_outcomes.items()
                                     if kind.startswith("write_")),
        "lock_messages_naming_no_holder": sum(not _names_holder(m) for m in locks),
        "open_ms_race": round(statistics.median(t for _, t, _ in raced) * 1000, 2),
        "open_ms_alone": round(statistics.median(solo) * 1000, 2),
        "raw_examples": raw[:3],
        "store_error_examples": other[:3],
    }
    figures["race_to_alone"] = round(figures["open_ms_race"] / figures["open_ms_alone"], 2)
    return figures


if __name__ == "__main__":
    result = main(sys.argv[1:])
    print(json.dumps(result))

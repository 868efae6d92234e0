"""Running a market scan: postings analysed in worker processes, folded in order in this one.

A shell module. Analysing a posting is pure Python and CPU-bound, so the GIL keeps threads
from helping; with more than one core the postings go to a ``multiprocessing`` pool in chunks
(``imap``, ordered, so the report is the same whatever the number of workers). Reading stays
in this process and is throttled: at most ``IN_FLIGHT`` chunks per worker are out at once,
because ``Pool.imap`` would otherwise read the whole input ahead into its queue, and a scan's
memory must not grow with its size. Small inputs (fewer than ``PARALLEL_MIN`` postings) are
analysed here: starting workers would cost more than it saves.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from careerfit.domain import Bank
from careerfit.lexicon import Lexicon
from careerfit.market import PostingSummary, Problem, Record, read_record
from careerfit.scoring import SkillScore

#: Postings per task sent to a worker: large enough that pickling and queueing are noise.
CHUNK = 32
#: Chunks per worker in flight: enough to keep every worker busy while this process folds results.
IN_FLIGHT = 3
#: Below this many postings, one process is faster than starting a pool.
PARALLEL_MIN = 64

Item = Record | Problem
Result = PostingSummary | Problem

_STATE: tuple[Bank, Lexicon, Mapping[str, SkillScore] | None] | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init(bank_dir: str | None, skills: Mapping[str, SkillScore] | None) -> None:
    """Worker start: a forked worker inherits the loaded bank; a spawned one loads it."""
    global _STATE
    if _STATE is None:
        from careerfit.bank import load_bank
        from careerfit.lexicon import lexicon_for

        folder = Path(bank_dir) if bank_dir else None
        bank = load_bank(folder)
        _STATE = (bank, lexicon_for(folder, bank), skills)


def _work(chunk: list[Item]) -> list[Result]:
    assert _STATE is not None
    bank, lexicon, skills = _STATE
    return [read_record(x, bank, lexicon, skills) if isinstance(x, Record) else x for x in chunk]


def scan(items: Iterable[Item], *, bank: Bank, lexicon: Lexicon, skills: Mapping[str, SkillScore] | None,
         on_result: Callable[[Result], None], jobs: int | None = None, bank_dir: str | None = None) -> int:
    """Analyse every item in order, calling ``on_result`` for each; returns the workers used (1 = here)."""
    global _STATE
    jobs = default_jobs() if jobs is None else max(1, jobs)
    stream = iter(items)
    head = list(itertools.islice(stream, PARALLEL_MIN))
    if jobs == 1 or len(head) < PARALLEL_MIN:
        for x in itertools.chain(head, stream):
            on_result(read_record(x, bank, lexicon, skills) if isinstance(x, Record) else x)
        return 1
    _STATE = (bank, lexicon, skills)
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    slots = threading.Semaphore(jobs * IN_FLIGHT)
    stop = threading.Event()

    def chunks() -> Iterator[list[Item]]:
        source = itertools.chain(head, stream)
        while chunk := list(itertools.islice(source, CHUNK)):
            slots.acquire()
            if stop.is_set():
                return
            yield chunk

    try:
        with ctx.Pool(jobs, initializer=_init, initargs=(bank_dir, skills)) as pool:
            try:
                for results in pool.imap(_work, chunks()):
                    slots.release()
                    for r in results:
                        on_result(r)
            finally:
                # An interrupted scan: unblock the feeding thread so the pool can shut down.
                stop.set()
                slots.release(jobs * IN_FLIGHT + 1)
    finally:
        _STATE = None
    return jobs

"""Running a market scan: postings analysed in worker processes, folded in order in this one.

A shell module. Analysing a posting is pure Python and CPU-bound, so the GIL keeps threads
from helping; with more than one core the postings go to a ``multiprocessing`` pool in chunks
(``imap``, ordered, so the report is the same whatever the number of workers). Reading stays
in this process and is throttled: at most ``IN_FLIGHT`` chunks per worker are out at once,
because ``Pool.imap`` would otherwise read the whole input ahead into its queue, and a scan's
memory must not grow with its size. Small inputs (fewer than ``PARALLEL_MIN`` postings) are
analysed here: starting workers would cost more than it saves. Each process remembers its
last ``CACHE_SIZE`` results by a hash of title and text (``Reader``), so reposts, which
job-board exports are full of, are analysed once; the bound keeps memory flat.

May import: the core, the standard library's processes and threads, and ``lexicon_file`` (lazily, in workers).
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import multiprocessing
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path

from careerfit.core.domain import Bank
from careerfit.core.scoring import SkillScore
from careerfit.postings.lexicon import Lexicon
from careerfit.postings.market import PostingSummary, Problem, Record, one_line, read_record

#: Postings per task sent to a worker: the first tasks are small, so that a short scan is shared
#: evenly, and each is twice the one before up to ``CHUNK``. Each task costs this process about
#: 0.7 ms (queues, threads, pipes): tasks of 8 postings made it 1.7 s of CPU per 10,000 postings,
#: of 32 1.0 s, of 128 0.65 s, on two cores that the workers need.
FIRST_CHUNK = 16
CHUNK = 128
#: Chunks per worker in flight: enough to keep every worker busy while this process folds results.
IN_FLIGHT = 3
#: Below this many postings, one process is faster than starting a pool.
PARALLEL_MIN = 64

Item = Record | Problem
Result = PostingSummary | Problem

#: Recent postings each process remembers, so a repost is analysed once (a few MB at most).
CACHE_SIZE = 2048


class Reader:
    """``read_record`` that remembers the last ``CACHE_SIZE`` postings by a hash of title and text.

    Job-board exports hold many reposts: the same posting for several cities, or posted again
    each month. The analysis is a pure function of the text and title (and of the bank, lexicon
    and profile, fixed for a scan), so a repeat gets the earlier result under its own name.
    """

    def __init__(self, bank: Bank, lexicon: Lexicon, skills: Mapping[str, SkillScore] | None,
                 size: int = CACHE_SIZE) -> None:
        self.bank, self.lexicon, self.skills, self.size = bank, lexicon, skills, size
        self.cache: OrderedDict[bytes, Result] = OrderedDict()
        self.hits = 0

    def __call__(self, item: Item) -> Result:
        if isinstance(item, Problem):
            return item
        key = hashlib.blake2b(f"{item.title or ''}\0{item.text}".encode("utf-8", "surrogatepass"),
                              digest_size=16).digest()
        hit = self.cache.get(key)
        if hit is not None:
            self.hits += 1
            self.cache.move_to_end(key)
            if isinstance(hit, Problem):
                return dataclasses.replace(hit, where=item.where, row=item.row)
            return dataclasses.replace(hit, where=one_line(item.where), row=item.row)
        result = read_record(item, self.bank, self.lexicon, self.skills)
        self.cache[key] = result
        if len(self.cache) > self.size:
            self.cache.popitem(last=False)
        return result


_STATE: Reader | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _init(bank_dir: str | None, skills: Mapping[str, SkillScore] | None) -> None:
    """Worker start: a forked worker inherits the loaded bank; a spawned one loads it."""
    global _STATE
    import signal

    # Ctrl+C is the main process's to handle (it stops the pool); a worker would print a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _STATE is None:
        from careerfit.formats.bank import load_bank
        from careerfit.formats.lexicon_file import lexicon_for

        folder = Path(bank_dir) if bank_dir else None
        bank = load_bank(folder)
        _STATE = Reader(bank, lexicon_for(folder, bank), skills)


def _work(chunk: list[Item]) -> list[Result]:
    assert _STATE is not None
    return [_STATE(x) for x in chunk]


def scan(items: Iterable[Item], *, bank: Bank, lexicon: Lexicon, skills: Mapping[str, SkillScore] | None,
         on_result: Callable[[Result], None], jobs: int | None = None, bank_dir: str | None = None) -> int:
    """Analyse every item in order, calling ``on_result`` for each; returns the workers used (1 = here)."""
    global _STATE
    jobs = default_jobs() if jobs is None else max(1, jobs)
    stream = iter(items)
    head = list(itertools.islice(stream, PARALLEL_MIN))
    if jobs == 1 or len(head) < PARALLEL_MIN:
        reader = Reader(bank, lexicon, skills)
        for x in itertools.chain(head, stream):
            on_result(reader(x))
        return 1
    _STATE = Reader(bank, lexicon, skills)
    # Forking shares the loaded bank with no start-up cost; it is safe on Linux only (macOS
    # frameworks break in forked children), elsewhere workers are spawned and load it.
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    slots = threading.Semaphore(jobs * IN_FLIGHT)
    stop = threading.Event()

    def chunks() -> Iterator[list[Item]]:
        source = itertools.chain(head, stream)
        size = FIRST_CHUNK
        while chunk := list(itertools.islice(source, size)):
            slots.acquire()
            if stop.is_set():
                return
            yield chunk
            size = min(size * 2, CHUNK)

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

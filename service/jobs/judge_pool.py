"""Align's slot reading and pair judging on every core of this machine, in worker processes.

Reading a sentence's figures, dates, roles and cues is pure Python, about a
millisecond a sentence, and one process runs on one core. ``submit_slots``
(the slots stage) cuts a batch of sentences into slices, one per worker, and
returns at once: the driver saves one batch while the workers read the next.
``judge`` does the same with the slot steps of a chunk of pairs
(``bulk.slot_steps``) when some of its sentences have no stored slots (a
store upgraded from before them), and finishes in the driver with
``bulk.finish_candidates`` (the classifier, whose vectors come from the
store, and the verdicts); with every slot stored, judging is comparisons
only and stays in the driver, where shipping the records costs nothing. The
findings are those of judging the chunk in one process, in the same order;
the driver writes them as before, so a killed run resumes as before.

Workers are started by ``forkserver`` (the driver holds the encoder's
threads and database connections, which a plain fork would copy) on the
first chunk large enough to be worth it, once per align run, and compile the
word lists as they start. As with any process pool, a script that runs
align must start from an ``if __name__ == "__main__":`` block.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from service.claims.slot_codec import read_payloads
from service.jobs.engines import Ready
from service.judge.bulk import Finding, Pair, Step, finish_candidates, judge_candidates, slot_steps
from service.models import SentenceRecord
from service.store.slots import SlotInput

# Below this many pairs a chunk is judged in the driver: shipping the records
# to workers (and, the first time, starting them) would cost more than it saves.
MIN_PARALLEL_PAIRS = 4_000
MIN_PARALLEL_SLOTS = 500                # sentences whose slots are read (about 1 ms each)
# How often a worker looks whether the driver still runs: a driver killed with
# SIGKILL cannot stop its workers, so they stop themselves.
DRIVER_POLL_SECONDS = 1.0


class JudgePool:
    """``workers`` processes that take the slot steps of large chunks."""

    def __init__(self, workers: int):
        if workers < 2:
            raise ValueError(f"a pool needs at least 2 workers, got {workers}")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def judge(self, pairs: Sequence[Pair], records: Mapping[int, SentenceRecord], vectors, encoder: str,
              nli=None) -> list[Finding]:
        """What ``judge_candidates`` returns for the same arguments."""
        if len(pairs) < MIN_PARALLEL_PAIRS or all(record.slots for record in records.values()):
            # With every slot stored, judging is comparisons only: cheaper in the driver
            # than shipping each record to a worker (measured: 12 s here, 23 s on two workers).
            return judge_candidates(pairs, records, vectors, encoder, nli=nli)
        size = -(-len(pairs) // self.workers)
        starts = range(0, len(pairs), size)
        futures = [self._pool().submit(_slot_steps, tuple(pairs[start:start + size]),
                                       _records_of(pairs[start:start + size], records), nli is not None)
                   for start in starts]
        steps = [(start + position, event, reasons)
                 for start, future in zip(starts, futures) for position, event, reasons in future.result()]
        return finish_candidates(pairs, records, steps, vectors, encoder, nli=nli)

    def submit_slots(self, rows: Sequence[SlotInput]) -> Ready | Joined:
        """What ``slot_codec.read_payloads`` returns for ``rows``, being read in the workers."""
        if len(rows) < MIN_PARALLEL_SLOTS:
            return Ready(read_payloads(rows))
        size = -(-len(rows) // self.workers)
        return Joined([self._pool().submit(read_payloads, tuple(rows[start:start + size]))
                       for start in range(0, len(rows), size)])

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                                 initializer=_start_worker, initargs=(os.getpid(),))
        return self._executor

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None


class Joined:
    """The workers' slices of one batch, joined in order when all are done."""

    def __init__(self, futures: list[Future]):
        self._futures = futures

    def result(self) -> list:
        return [item for future in self._futures for item in future.result()]


def _records_of(pairs: Sequence[Pair], records: Mapping[int, SentenceRecord]) -> dict[int, SentenceRecord]:
    return {i: records[i] for a, b, _ in pairs for i in (a, b)}


def _start_worker(driver: int) -> None:
    """Compile the word lists; leave when the driver is gone (a killed align leaves no workers behind)."""
    from service.claims.lexicons import compile_all

    threading.Thread(target=_exit_with, args=(driver,), daemon=True).start()
    compile_all()


def _exit_with(driver: int) -> None:
    while True:
        time.sleep(DRIVER_POLL_SECONDS)
        try:
            os.kill(driver, 0)
        except ProcessLookupError:
            os._exit(1)


def _slot_steps(pairs: tuple[Pair, ...], records: dict[int, SentenceRecord], full: bool) -> list[Step]:
    return slot_steps(pairs, records, full=full)

"""Align's encoding, slot reading and pair judging on every core of this machine, in worker processes.

Encoding (``encode``) runs one encoder per worker with one BLAS thread each,
batches handed out in turn and given back in order: the default encoder
spends a third of its time in NumPy steps that hold the GIL, so on 2 cores
two one-thread processes encode 1.6 times as many sentences a second as one
process with two threads (883/s against 561/s on 6,000 sentences of one SaudiNewsNet day).

Reading a sentence's figures, dates, roles and cues is pure Python, about a
millisecond a sentence, and so is judging a sentence's pairs; one process
runs on one core. ``submit_slots`` (the slots stage) and ``submit_judging``
(the pair stage) cut a batch into slices, one per worker, and return at
once: the driver saves one batch while the workers work on the next. A
judging worker reads its pairs' records, slots and vectors from the store
with its own connection (``stored_pairs.judge_in_store``): shipping
records to the workers cost more than judging them in the driver
(measured on a one-day increment: 23 s against 12 s). The findings are
those of judging the chunk in one process, in the same order; the driver
writes them as before, so a killed run resumes as before.

Workers are started by ``forkserver`` (the driver holds the encoder's
threads and database connections, which a plain fork would copy) on the
first batch large enough to be worth it, once per align run, and compile
the word lists as they start. As with any process pool, a script that runs
align must start from an ``if __name__ == "__main__":`` block.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import numpy as np

from service.claims.slot_codec import read_payloads
from service.jobs.engines import Ready, in_order
from service.jobs.stored_pairs import Judged, judge_in_store
from service.judge.bulk import Pair
from service.store.database import Database
from service.store.slots import SlotInput

# Below this many pairs a chunk is judged in the driver: handing it over (and,
# the first time, starting the workers) would cost more than it saves.
MIN_PARALLEL_PAIRS = 4_000
MIN_PARALLEL_SLOTS = 500                # sentences whose slots are read (about 1 ms each)
# Every worker loads the encoder on its first batch, about 8 s on 2 cores
# (most of it importing sentence-transformers): worth it from about this many
# texts, which take the driver's one thread (~280/s) as long.
MIN_PARALLEL_TEXTS = 4_000
# One BLAS thread per encoding process, in the workers and in the driver
# alike, so that a text gets the same vector wherever it is encoded.
ENCODE_THREADS = 1
# How often a worker looks whether the driver still runs: a driver killed with
# SIGKILL cannot stop its workers, so they stop themselves.
DRIVER_POLL_SECONDS = 1.0


class WorkerPool:
    """``workers`` processes that encode, read slots and judge pairs for large batches."""

    def __init__(self, workers: int):
        if workers < 2:
            raise ValueError(f"a pool needs at least 2 workers, got {workers}")
        self.workers = workers
        self._executor: ProcessPoolExecutor | None = None

    def submit_judging(self, pairs: Sequence[Pair], db: Database, encoder: str, nli=None,
                       nli_model: str | None = None) -> Ready | Joined:
        """What ``judge_in_store`` returns for ``pairs``, being judged in the workers
        (which load ``nli_model`` themselves, as ``nli`` was loaded in the driver)."""
        if len(pairs) < MIN_PARALLEL_PAIRS:
            return Ready(judge_in_store(db, pairs, encoder, nli=nli))
        size = -(-len(pairs) // self.workers)
        return Joined([self._pool().submit(_judge_slice, db.url, tuple(pairs[start:start + size]), encoder, nli_model)
                       for start in range(0, len(pairs), size)], Judged.joined)

    def encode(self, model: str, texts_batches: Sequence[Sequence[str]]) -> Iterator[np.ndarray]:
        """Each batch's vectors from ``model`` (loaded once per worker), in order, two batches a worker out at once."""
        return in_order(lambda texts: self._pool().submit(_encode_batch, model, tuple(texts)), texts_batches,
                        2 * self.workers, Future.result)

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

    def __init__(self, futures: list[Future], join: Callable[[list], object] | None = None):
        self._futures, self._join = futures, join

    def result(self):
        parts = [future.result() for future in self._futures]
        return self._join(parts) if self._join else [item for part in parts for item in part]


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


def _encode_batch(model: str, texts: tuple[str, ...]) -> np.ndarray:
    from service.retrieval.encoder import encoder_for

    return encoder_for(model, ENCODE_THREADS).encode(list(texts))


# A worker's store, opened on its first chunk and kept for the life of the worker.
_stores: dict[str, Database] = {}


def _judge_slice(url: str, pairs: tuple[Pair, ...], encoder: str, nli_model: str | None) -> Judged:
    from service.judge.nli import load_nli

    db = _stores.get(url) or _stores.setdefault(url, Database(url))
    return judge_in_store(db, pairs, encoder, nli=load_nli(nli_model) if nli_model else None)

"""Where align's two heavy stages run: in this process, or on Ray.

An engine does three things for ``factalign align``:

- ``encode(texts_batches)``: one float32 array of unit rows per batch of
  texts, yielded in the order the batches were given (the embedding stage):
  the local engine encodes large calls in its worker processes;
- ``submit_slots(rows)``: each sentence's stored-slot payload (the slots
  stage), in the order of the rows, as a ``Pending`` result: the local
  engine reads them in its worker processes while the driver goes on;
- ``submit_judging(pairs, db, encoder)``: the rows (contradictions and
  agree links) of one chunk of candidate pairs, in the order of the pairs,
  as a ``Pending`` ``Judged`` (the pair-judging stage,
  ``stored_pairs.py``): the local engine's workers read the records from
  the store themselves while the driver goes on.

Workers return plain data (vectors, payloads, findings); the local
engine's read the store, Ray's are sent what they need (texts, vectors,
sentence records). Only the driver writes, the results in the same order
and the same transactions with either engine, so a killed run resumes
exactly as it does without Ray.

``LocalEngine`` is this machine (``worker_pool.py``). ``RayEngine``
(``ray_engine.py``) loads the encoder once per Ray actor and judges slices
of a chunk as Ray tasks, on a local Ray it starts or on the cluster named by
``FACTALIGN_RAY_ADDRESS`` (``auto``, ``ray://host:10001``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from service.claims.slot_codec import read_payloads
from service.config import Settings
from service.errors import ConfigError
from service.jobs.stored_pairs import judge_in_store
from service.judge.bulk import Pair
from service.retrieval.encoder import get_encoder
from service.store.database import Database
from service.store.slots import SlotInput

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EncoderInfo:
    """What the driver needs of the encoder without holding the model itself."""

    name: str
    dimension: int


class Pending(Protocol):
    """A result being computed elsewhere (a worker process): ``result()`` waits for it."""

    def result(self): ...


@dataclass(frozen=True)
class Ready:
    """A result computed already."""

    value: object

    def result(self):
        return self.value


class Engine(Protocol):
    """The stages align hands to an engine (see the module docstring)."""

    name: str
    encode_width: int       # batches worth handing to encode() at once
    judge_width: int        # slices a chunk of pairs is cut into

    def encoder_info(self) -> EncoderInfo: ...

    def encode(self, texts_batches: Iterable[Sequence[str]]) -> Iterator[np.ndarray]: ...

    def submit_judging(self, pairs: Sequence[Pair], db: Database, encoder: str, nli=None) -> Pending: ...

    def submit_slots(self, rows: Sequence[SlotInput]) -> Pending: ...

    def close(self) -> None: ...


class LocalEngine:
    """This machine: encoding, slot reading and pair judging on ``settings.threads``
    worker processes (``worker_pool.py``), or in this process with one thread:
    what align does without Ray."""

    name = "local"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.judge_width = settings.threads
        # Batches worth handing to encode() at once: enough to keep every
        # worker busy between the driver's look-ups of the next texts, and
        # for a call to be worth the workers.
        from service.jobs.worker_pool import MIN_PARALLEL_TEXTS

        self.encode_width = 1 if settings.threads < 2 else max(
            8 * settings.threads, -(-MIN_PARALLEL_TEXTS // settings.batch_size))
        self._pool = None
        self._encoding_on_workers = False

    def encoder_info(self) -> EncoderInfo:
        """A bundled model's name and dimension without loading it: the driver
        loads the model only if it encodes a small call itself (see ``encode``)."""
        from embeddings.encoders.registry import describe

        known = describe(self.settings.model)
        if known is not None:
            return EncoderInfo(*known)
        encoder = self._encoder()
        return EncoderInfo(encoder.name, encoder.dimension)

    def encode(self, texts_batches: Iterable[Sequence[str]]) -> Iterator[np.ndarray]:
        """On the workers from the first large call on; before it, here, with the workers' one thread (the same vectors)."""
        from service.jobs import worker_pool

        batches = [list(texts) for texts in texts_batches]
        large = sum(map(len, batches)) >= worker_pool.MIN_PARALLEL_TEXTS
        if self.judge_width >= 2 and (large or self._encoding_on_workers):
            self._encoding_on_workers = True        # loaded there now: the job's last small call too
            yield from self._workers().encode(self.settings.model, batches)
            return
        encoder = self._encoder()
        for texts in batches:
            yield encoder.encode(texts)

    def _encoder(self):
        from service.jobs.worker_pool import ENCODE_THREADS

        return get_encoder(self.settings, threads=ENCODE_THREADS)

    def _free_encoders(self) -> None:
        """Slots and judging follow embedding: workers holding an encoder (about
        half a GB each) make way for fresh ones without it."""
        if self._encoding_on_workers:
            self._pool.close()
            self._encoding_on_workers = False

    def submit_judging(self, pairs: Sequence[Pair], db: Database, encoder: str, nli=None) -> Pending:
        """The rows of ``pairs`` (``stored_pairs.judge_in_store``), judged in the workers."""
        self._free_encoders()
        if self.judge_width < 2:
            return Ready(judge_in_store(db, pairs, encoder, nli=nli))
        return self._workers().submit_judging(pairs, db, encoder, nli=nli, nli_model=self.settings.nli_model)

    def submit_slots(self, rows: Sequence[SlotInput]) -> Pending:
        """Stored-slot payloads of the sentences ``rows`` names (``slot_codec.read_payloads``)."""
        self._free_encoders()
        if self.judge_width < 2:
            return Ready(read_payloads(rows))
        return self._workers().submit_slots(rows)

    def _workers(self):
        if self._pool is None:
            from service.jobs.worker_pool import WorkerPool

            self._pool = WorkerPool(self.judge_width)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


def in_order(submit: Callable, items: Iterable, window: int, get: Callable) -> Iterator:
    """``get(submit(item))`` for every item, in order, with up to ``window`` submitted ahead."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield get(pending.popleft())
    while pending:
        yield get(pending.popleft())


@contextmanager
def open_engine(name: str, settings: Settings) -> Iterator[Engine]:
    """The engine called ``name``, closed (Ray actors released) when the block ends."""
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    if name == "ray":
        from service.jobs.ray_engine import RayEngine

        engine = RayEngine(settings)
    else:
        engine = LocalEngine(settings)
    try:
        yield engine
    finally:
        engine.close()

"""Where align's two heavy stages run: in this process, or on Ray.

An engine does two things for ``factalign align``:

- ``encode(texts_batches)``: one float32 array of unit rows per batch of
  texts, yielded in the order the batches were given (the embedding stage);
- ``submit_slots(rows)``: each sentence's stored-slot payload (the slots
  stage), in the order of the rows, as a ``Pending`` result: the local
  engine reads them in its worker processes while the driver goes on;
- ``judge(chunk, judge_candidates)``: the findings (contradictions and agree
  links) of one chunk of candidate pairs, in the order of the pairs (the
  pair-judging stage; ``judge_candidates`` is the pure function of
  ``service.judge.bulk``, passed in so that the caller's module decides it).

Workers only ever see plain data (texts, vectors, sentence records) and
return plain data (vectors, findings). The database stays in the driver,
which writes the results in the same order and the same transactions as the
local engine, so a killed run resumes exactly as it does without Ray.

``LocalEngine`` is what align always did. ``RayEngine`` (``ray_engine.py``)
loads the encoder once per Ray actor and judges slices of a chunk as Ray
tasks, on a local Ray it starts or on the cluster named by
``FACTALIGN_RAY_ADDRESS`` (``auto``, ``ray://host:10001``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from service.claims.slot_codec import read_payloads
from service.config import Settings
from service.errors import ConfigError
from service.judge import bulk
from service.judge.bulk import Finding, VectorSource, judge_candidates
from service.models import SentenceRecord
from service.retrieval.encoder import get_encoder
from service.store.slots import SlotInput

ENGINES = ("local", "ray")


@dataclass(frozen=True)
class EncoderInfo:
    """What the driver needs of the encoder without holding the model itself."""

    name: str
    dimension: int


@dataclass(frozen=True)
class PairChunk:
    """Candidate pairs with what judging them needs, in the order they are to be written."""

    pairs: tuple[tuple[int, int, float], ...]        # (a_id, b_id, cosine)
    records: Mapping[int, SentenceRecord]
    vectors: VectorSource       # a mapping, or a lookup called with the ids the classifier needs
    encoder: str

    def resolved(self) -> PairChunk:
        """The same chunk with every vector in hand: a worker cannot call back into the store."""
        if not callable(self.vectors):
            return self
        return replace(self, vectors=self.vectors(sorted({i for a, b, _ in self.pairs for i in (a, b)})))

    def split(self, parts: int) -> list[PairChunk]:
        """Consecutive slices (order kept), each carrying only its own sentences."""
        whole, size = self.resolved(), -(-len(self.pairs) // max(1, parts)) or 1
        return [whole._with_pairs(self.pairs[start:start + size]) for start in range(0, len(self.pairs), size)]

    def _with_pairs(self, pairs: tuple[tuple[int, int, float], ...]) -> PairChunk:
        ids = {i for a, b, _ in pairs for i in (a, b)}
        return PairChunk(pairs, {i: self.records[i] for i in ids},
                         {i: self.vectors[i] for i in ids if i in self.vectors}, self.encoder)


class Pending(Protocol):
    """A result being computed elsewhere (a worker process): ``result()`` waits for it."""

    def result(self) -> list: ...


@dataclass(frozen=True)
class Ready:
    """A result computed already."""

    value: list

    def result(self) -> list:
        return self.value


class Engine(Protocol):
    """The two stages align hands to an engine (see the module docstring)."""

    name: str
    encode_width: int       # batches worth handing to encode() at once
    judge_width: int        # slices a chunk of pairs is cut into

    def encoder_info(self) -> EncoderInfo: ...

    def encode(self, texts_batches: Iterable[Sequence[str]]) -> Iterator[np.ndarray]: ...

    def judge(self, chunk: PairChunk, judge_candidates: Callable = judge_candidates,
              nli=None) -> list[Finding]: ...

    def submit_slots(self, rows: Sequence[SlotInput]) -> Pending: ...

    def close(self) -> None: ...


class LocalEngine:
    """This machine: the encoder in this process, pair judging on ``settings.threads`` cores
    (``judge_pool.py``): what align does without Ray."""

    name = "local"
    # How many encode batches (encode_width) and how many slices of a chunk
    # of pairs (judge_width) are worth handing over at once.
    encode_width = 1

    def __init__(self, settings: Settings):
        self.settings = settings
        self.judge_width = settings.threads
        self._pool = None

    def encoder_info(self) -> EncoderInfo:
        encoder = get_encoder(self.settings)
        return EncoderInfo(encoder.name, encoder.dimension)

    def encode(self, texts_batches: Iterable[Sequence[str]]) -> Iterator[np.ndarray]:
        encoder = get_encoder(self.settings)
        for texts in texts_batches:
            yield encoder.encode(list(texts))

    def judge(self, chunk: PairChunk, judge_candidates: Callable = judge_candidates,
              nli=None) -> list[Finding]:
        # The lazy vector lookup stays lazy here: most chunks need few vectors.
        if self.judge_width < 2 or judge_candidates is not bulk.judge_candidates:
            return judge_candidates(chunk.pairs, chunk.records, chunk.vectors, chunk.encoder, nli=nli)
        return self._workers().judge(chunk.pairs, chunk.records, chunk.vectors, chunk.encoder, nli=nli)

    def submit_slots(self, rows: Sequence[SlotInput]) -> Pending:
        """Stored-slot payloads of the sentences ``rows`` names (``slot_codec.read_payloads``)."""
        if self.judge_width < 2:
            return Ready(read_payloads(rows))
        return self._workers().submit_slots(rows)

    def _workers(self):
        if self._pool is None:
            from service.jobs.judge_pool import JudgePool

            self._pool = JudgePool(self.judge_width)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


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

"""The Ray engine: encoder actors and judging tasks (``factalign align --engine ray``).

Each encoder actor loads the configured model once (about 20 s for the
default one) and encodes the batches sent to it; batches go round-robin to
the actors and come back in the order they were sent. A chunk of pairs is
cut into one slice per CPU, judged by stateless Ray tasks, and put back
together in order; the driver reads its records and vectors from the store
and sends them along, since a worker cannot reach the store. ``ray`` is
imported only here, and only when this engine is chosen
(``pip install 'factalign[ray]'``).
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from service.claims.slot_codec import read_payloads
from service.config import Settings
from service.errors import ConfigError, FactalignError, MissingDependencyError
from service.jobs.engines import EncoderInfo, Ready, in_order
from service.jobs.stored_pairs import Judged, read_pairs
from service.judge.bulk import Finding, Pair, judge_candidates
from service.models import SentenceRecord
from service.retrieval.encoder import get_encoder
from service.store.database import Database
from service.store.slots import SlotInput
from service.store.vectors import vectors_for

# A local Ray's object store holds a few batches of vectors at a time; Ray's
# default (30% of RAM) would claim memory that other processes need.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024**2
# Ray's start-up banner and worker output would bury align's own progress.
QUIET_RAY = {"logging_level": logging.ERROR, "log_to_driver": False}


def import_ray():
    try:
        import ray
    except ImportError:
        raise MissingDependencyError("ray", extra="ray", purpose="align --engine ray") from None
    return ray


@dataclass(frozen=True)
class PairChunk:
    """Candidate pairs with everything judging them needs, in the order they are to be written."""

    pairs: tuple[Pair, ...]
    records: Mapping[int, SentenceRecord]
    vectors: Mapping[int, np.ndarray]
    encoder: str

    def split(self, parts: int) -> list[PairChunk]:
        """Consecutive slices (order kept), each carrying only its own sentences."""
        size = -(-len(self.pairs) // max(1, parts)) or 1
        return [self._with_pairs(self.pairs[start:start + size]) for start in range(0, len(self.pairs), size)]

    def _with_pairs(self, pairs: tuple[Pair, ...]) -> PairChunk:
        ids = {i for a, b, _ in pairs for i in (a, b)}
        return PairChunk(pairs, {i: self.records[i] for i in ids},
                         {i: self.vectors[i] for i in ids if i in self.vectors}, self.encoder)


class EncoderActor:
    """Holds one loaded encoder for the life of the actor."""

    def __init__(self, settings: Settings):
        # An error raised here would kill the actor, and Ray's ActorDiedError
        # drops the cause: keep it, and raise it from every call instead, so
        # that the user sees the ConfigError (bad FACTALIGN_MODEL, say).
        self.encoder, self.error = None, None
        try:
            self.encoder = get_encoder(settings)
        except FactalignError as exc:
            self.error = exc

    def info(self) -> EncoderInfo:
        return EncoderInfo(self._loaded().name, self._loaded().dimension)

    def encode(self, texts: list[str]) -> np.ndarray:
        return self._loaded().encode(texts)

    def _loaded(self):
        if self.error is not None:
            raise self.error
        return self.encoder


def judge_slice(chunk: PairChunk, nli_model: str | None) -> list[Finding]:
    """One Ray task: a slice of a chunk, judged with the worker's own NLI model (loaded once per worker)."""
    from service.judge.nli import load_nli

    nli = load_nli(nli_model) if nli_model else None
    return judge_candidates(chunk.pairs, chunk.records, chunk.vectors, chunk.encoder, nli=nli)


class RayEngine:
    name = "ray"

    def __init__(self, settings: Settings):
        self.settings = settings
        self.ray = import_ray()
        self._owns_ray = connect(self.ray, settings.ray_address)
        self.cpus = max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        # An actor reserves as many CPUs as its encoder uses threads, but never
        # more than the cluster has (such an actor would wait forever).
        self._actor_cpus = min(self.settings.threads, self.cpus)
        self.encode_width = max(1, self.cpus // self._actor_cpus)
        self.judge_width = self.cpus
        self._actors: list = []
        self._info: EncoderInfo | None = None
        self._judge_task = self.ray.remote(num_cpus=1)(judge_slice)
        self._slots_task = self.ray.remote(num_cpus=1)(read_payloads)

    def encoder_info(self) -> EncoderInfo:
        if self._info is None:
            self._info = self._get(self._encoders()[0].info.remote())
        return self._info

    def encode(self, texts_batches: Iterable[Sequence[str]]) -> Iterator[np.ndarray]:
        actors = self._encoders()
        turn = itertools.cycle(actors)
        # Two batches per actor in flight: one encoding, the next already queued.
        return in_order(lambda texts: next(turn).encode.remote(list(texts)), texts_batches,
                        2 * len(actors), self._get)

    def submit_judging(self, pairs: Sequence[Pair], db: Database, encoder: str, nli=None) -> Ready:
        """Slices of ``pairs`` as tasks, with their records and vectors from ``db``, waited for here;
        ``nli`` is not sent: workers load FACTALIGN_NLI_MODEL themselves."""
        with db.session() as session:
            todo, records = read_pairs(session, pairs)
            vectors = vectors_for(session, encoder, sorted({i for a, b, _ in todo for i in (a, b)}))
        if not todo:
            return Ready(Judged(0, []))
        # Judging follows embedding: the encoder actors' CPUs go to the judging tasks.
        self._release_encoders()
        refs = [self._judge_task.remote(part, self.settings.nli_model)
                for part in PairChunk(tuple(todo), records, vectors, encoder).split(self.judge_width)]
        return Ready(Judged(len(todo), [finding for found in self._get(refs) for finding in found]))

    def submit_slots(self, rows: Sequence[SlotInput]) -> Ready:
        """Slices of ``rows`` as tasks (the encoders' CPUs freed first, as for judging), waited for here."""
        if not rows:
            return Ready([])
        self._release_encoders()
        size = -(-len(rows) // self.judge_width)
        refs = [self._slots_task.remote(tuple(rows[start:start + size])) for start in range(0, len(rows), size)]
        return Ready([payload for found in self._get(refs) for payload in found])

    def close(self) -> None:
        self._release_encoders()
        if self._owns_ray:
            self.ray.shutdown()
            self._owns_ray = False

    def _encoders(self) -> list:
        if not self._actors:
            actor = self.ray.remote(num_cpus=self._actor_cpus)(EncoderActor)
            self._actors = [actor.remote(self.settings) for _ in range(self.encode_width)]
        return self._actors

    def _release_encoders(self) -> None:
        for actor in self._actors:
            self.ray.kill(actor)
        self._actors = []

    def _get(self, refs):
        return ray_errors_unwrapped(self.ray, lambda: self.ray.get(refs))


def connect(ray, address: str | None) -> bool:
    """Join the Ray this process already runs, the cluster at ``address``, or a new local one.

    True when this call initialised Ray, so that closing the engine shuts it
    down (for a cluster: disconnects), and a Ray the caller started is left alone.
    """
    if ray.is_initialized():
        return False
    options = {"address": address} if address else local_ray_options()
    try:
        ray.init(**options, **QUIET_RAY)
    except ConnectionError as exc:
        raise ConfigError(f"FACTALIGN_RAY_ADDRESS={address!r}: no Ray cluster answered ({exc})") from None
    return True


def local_ray_options() -> dict:
    """``ray.init`` options for a Ray started here: this machine's cores, no dashboard."""
    return {"num_cpus": os.cpu_count() or 1, "include_dashboard": False,
            "object_store_memory": LOCAL_OBJECT_STORE_BYTES}


def ray_errors_unwrapped(ray, call: Callable):
    """``call()``, with a factalign error raised in a worker re-raised as itself.

    Ray wraps a worker's exception in RayTaskError; the CLI and the job
    record should see the ConfigError or MissingDependencyError inside it.
    """
    try:
        return call()
    except ray.exceptions.RayTaskError as exc:
        cause = getattr(exc, "cause", None)
        if isinstance(cause, FactalignError):
            raise cause from None
        raise

"""Align's judging stage: neighbours of new sentences, judged a chunk at a time.

For every sentence added since the last run, its nearest stored sentences
are judged; conflicts become contradictions and agreements become links
that the clustering stage groups into claims. Progress is committed per
chunk together with the watermark, so a killed run resumes without
duplicates (pairs are unique in the store as well).

The driver searches the index and drops the pairs stored already; the
engine judges the rest (``stored_pairs.py``: the records and slots read
from the store, then ``service.judge.bulk.judge_candidates``, a pure
function of them) on its workers, a few chunks at a time (``PairJudging``),
while the driver searches for the next chunk and writes the rows of the last.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sqlalchemy import insert, select

from service.jobs.counterparts import demote_against_articles
from service.jobs.engines import Engine, Pending, Ready
from service.jobs.furniture_stage import furniture_set
from service.jobs.stored_pairs import judge_in_store
from service.judge.bulk import LINK_MIN_COSINE as LINK_MIN_COSINE  # re-exported: align's thresholds live here
from service.judge.bulk import Finding, Pair
from service.store.database import Database, id_chunks
from service.store.schema import ClaimLink, Contradiction
from service.store.vectors import vectors_after

WATERMARK = "paired_max_id"
NEIGHBOURS = 10
PAIR_MIN_COSINE = 0.35
# Sentences judged per transaction: what a crash can cost, and what it redoes.
CHUNK = 2000
# Chunks out on the engine at once, the one the driver waits for included.
IN_FLIGHT = 3


@dataclass
class PairingReport:
    judged: int = 0
    contradictions: int = 0
    links: int = 0


def candidate_pairs(ids: np.ndarray, scores: np.ndarray, neighbours: np.ndarray) -> dict[tuple[int, int], float]:
    pairs: dict[tuple[int, int], float] = {}
    for row, own in enumerate(ids):
        for score, other in zip(scores[row], neighbours[row]):
            if other < 0 or other == own or score < PAIR_MIN_COSINE:
                continue
            key = (int(min(own, other)), int(max(own, other)))
            pairs[key] = max(pairs.get(key, -1.0), float(score))
    return pairs


def _existing(session, pairs) -> set[tuple[int, int]]:
    """The stored contradictions and links among ``pairs`` (and maybe a few others).

    The range on ``b_id`` lets the database, not Python, drop the other rows
    of a sentence with hundreds of links (a wire story every outlet printed):
    align's pairs all end in a sentence of the chunk or after it, so their
    ``b_id`` lie above the old rows. Measured on full SaudiNewsNet, this
    look-up was 15 % of judging when it fetched every row of ``a_id``.
    """
    a_ids, b_ids = {a for a, _ in pairs}, [b for _, b in pairs]
    if not a_ids:
        return set()
    found: set[tuple[int, int]] = set()
    chunks, low, high = list(id_chunks(sorted(a_ids))), min(b_ids), max(b_ids)
    for table in (Contradiction, ClaimLink):
        for chunk in chunks:
            rows = session.execute(select(table.a_id, table.b_id).where(
                table.a_id.in_(chunk), table.b_id.between(low, high)))
            found.update((a, b) for a, b in rows)
    return found


def _insert_rows(session, found: list[Finding]) -> None:
    """Bulk INSERTs (executemany), in the order found: ORM objects cost a unit of work per row."""
    contradictions = [dict(a_id=f.a_id, b_id=f.b_id, type=f.type, score=f.score, tier=f.tier or "possible",
                           probability=f.probability, reasons=[r.to_json() for r in f.reasons])
                      for f in found if f.kind == "contradiction"]
    links = [dict(a_id=f.a_id, b_id=f.b_id, score=f.score) for f in found if f.kind == "link"]
    if contradictions:
        session.execute(insert(Contradiction), contradictions)
    if links:
        session.execute(insert(ClaimLink), links)


@dataclass
class _Chunk:
    """A chunk being judged: what its transaction writes besides its rows, and what it could not see."""

    pairs: list[Pair]
    checkpoint: tuple[str, str]                     # (meta key, value) committed with the rows
    sentences: int
    pending: Pending
    # The chunks in flight when this one was submitted: their rows were not in the store
    # yet, so this chunk's pairs may include some of them.
    unseen: list[_Chunk]
    written: set[tuple[int, int]] = field(default_factory=set)


class PairJudging:
    """Chunks of candidate pairs on the engine, IN_FLIGHT at a time, saved in order, each with its checkpoint.

    The rows are those of judging the chunks one after the other. A chunk is
    submitted before the ones ahead of it are written, so its pairs may
    include pairs they store; judging is pair by pair, so dropping those
    pairs' rows (and not counting them as judged) gives exactly the
    one-after-the-other result, in the same order and the same transactions.
    """

    def __init__(self, db: Database, engine: Engine | None, encoder: str, nli=None,
                 progress: Callable[[int], None] | None = None):
        self.db, self.engine, self.encoder, self.nli, self.progress = db, engine, encoder, nli, progress
        self.furniture = furniture_set(db)          # never judged (furniture_stage.py)
        self.report = PairingReport()
        self._in_flight: deque[_Chunk] = deque()

    def submit(self, pairs: dict[tuple[int, int], float], checkpoint: tuple[str, str], sentences: int) -> None:
        """Hand a chunk's pairs not stored yet to the engine; then save chunks until fewer than IN_FLIGHT are out."""
        with self.db.session() as session:
            done = _existing(session, pairs)
        todo = [(a_id, b_id, cosine) for (a_id, b_id), cosine in pairs.items()
                if (a_id, b_id) not in done and a_id not in self.furniture and b_id not in self.furniture]
        self._in_flight.append(_Chunk(todo, checkpoint, sentences, self._judge(todo), list(self._in_flight)))
        while len(self._in_flight) >= IN_FLIGHT:
            self._save_oldest()

    def finish(self) -> PairingReport:
        """Save every chunk still out."""
        while self._in_flight:
            self._save_oldest()
        return self.report

    def _judge(self, pairs: list[Pair]) -> Pending:
        if self.engine is None:
            return Ready(judge_in_store(self.db, pairs, self.encoder, nli=self.nli))
        return self.engine.submit_judging(pairs, self.db, self.encoder, nli=self.nli)

    def _save_oldest(self) -> None:
        chunk = self._in_flight.popleft()
        judged = chunk.pending.result()
        unseen = set().union(*(earlier.written for earlier in chunk.unseen))
        found = [f for f in judged.findings if (f.a_id, f.b_id) not in unseen]
        with self.db.session() as session:
            found = demote_against_articles(session, found, self.encoder)
            _insert_rows(session, found)
            self.db.set_meta_in(session, *chunk.checkpoint)
        chunk.written = {(f.a_id, f.b_id) for f in found}
        self.report.judged += judged.judged - sum((a_id, b_id) in unseen for a_id, b_id, _ in chunk.pairs)
        self.report.contradictions += sum(f.kind == "contradiction" for f in found)
        self.report.links += sum(f.kind == "link" for f in found)
        chunk.pairs, chunk.unseen = [], []          # only ``written`` is needed from now on
        if self.progress:
            self.progress(chunk.sentences)


def pair_new_sentences(db: Database, index, encoder: str, *, nli=None, engine: Engine | None = None,
                       progress: Callable[[int], None] | None = None) -> PairingReport:
    judging = PairJudging(db, engine, encoder, nli, progress)
    after = int(db.get_meta(WATERMARK) or 0)
    while True:
        with db.session() as session:
            ids, vectors = vectors_after(session, encoder, after, CHUNK)
        if len(ids) == 0:
            return judging.finish()
        scores, neighbours = index.search(vectors, NEIGHBOURS + 1)
        after = int(ids[-1])
        judging.submit(candidate_pairs(ids, scores, neighbours), (WATERMARK, str(after)), len(ids))

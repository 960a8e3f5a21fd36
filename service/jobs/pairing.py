"""Align's judging stage: neighbours of new sentences, judged a chunk at a time.

For every sentence added since the last run, its nearest stored sentences
are judged; conflicts become contradictions and agreements become links
that the clustering stage groups into claims. Progress is committed per
chunk together with the watermark, so a killed run resumes without
duplicates (pairs are unique in the store as well).

The judging itself is ``service.judge.bulk.judge_candidates``, a pure
function of the chunk's pairs, records and vectors; this module does the
store's part: which pairs are new, the records, the vectors, the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Callable

import numpy as np
from sqlalchemy import insert, select

from service.jobs.engines import PairChunk
from service.judge.bulk import LINK_MIN_COSINE as LINK_MIN_COSINE  # re-exported: align's thresholds live here
from service.judge.bulk import Finding, judge_candidates
from service.store.articles import sentence_records
from service.store.database import Database
from service.store.schema import ClaimLink, Contradiction
from service.store.vectors import vectors_after, vectors_for

WATERMARK = "paired_max_id"
NEIGHBOURS = 10
PAIR_MIN_COSINE = 0.35
# Sentences judged per transaction: what a crash can cost, and what it redoes.
CHUNK = 2000


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
    for table in (Contradiction, ClaimLink):
        rows = session.execute(select(table.a_id, table.b_id).where(
            table.a_id.in_(a_ids), table.b_id.between(min(b_ids), max(b_ids))))
        found.update((a, b) for a, b in rows)
    return found


def _to_judge(session, pairs, records) -> list[tuple[tuple[int, int], float]]:
    done = _existing(session, pairs)
    return [(key, cosine) for key, cosine in pairs.items()
            if key[0] in records and key[1] in records and key not in done]


def judge_pairs(session, pairs: dict[tuple[int, int], float], report: PairingReport, encoder: str,
                nli=None, engine=None) -> None:
    """Judge the pairs not judged before and add their rows to the session (on ``engine``, if given)."""
    records = sentence_records(session, sorted({i for pair in pairs for i in pair}), with_slots=True)
    todo = [(a_id, b_id, cosine) for (a_id, b_id), cosine in _to_judge(session, pairs, records)]
    report.judged += len(todo)
    vectors = partial(vectors_for, session, encoder)            # looked up only if the classifier needs them
    if engine is None:
        found = judge_candidates(todo, records, vectors, encoder, nli=nli)
    else:
        found = engine.judge(PairChunk(tuple(todo), records, vectors, encoder), judge_candidates, nli=nli)
    _insert_rows(session, found)
    report.contradictions += sum(f.kind == "contradiction" for f in found)
    report.links += sum(f.kind == "link" for f in found)


def _insert_rows(session, found: list[Finding]) -> None:
    """Bulk INSERTs (executemany), in the order found: ORM objects cost a unit of work per row."""
    contradictions = [dict(a_id=f.a_id, b_id=f.b_id, type=f.type, score=f.score,
                           reasons=[r.to_json() for r in f.reasons]) for f in found if f.kind == "contradiction"]
    links = [dict(a_id=f.a_id, b_id=f.b_id, score=f.score) for f in found if f.kind == "link"]
    if contradictions:
        session.execute(insert(Contradiction), contradictions)
    if links:
        session.execute(insert(ClaimLink), links)


def pair_new_sentences(db: Database, index, encoder: str, *, nli=None, engine=None,
                       progress: Callable[[int], None] | None = None) -> PairingReport:
    report, chunk = PairingReport(), CHUNK
    after = int(db.get_meta(WATERMARK) or 0)
    while True:
        with db.session() as session:
            ids, vectors = vectors_after(session, encoder, after, chunk)
            if len(ids) == 0:
                return report
            scores, neighbours = index.search(vectors, NEIGHBOURS + 1)
            judge_pairs(session, candidate_pairs(ids, scores, neighbours), report, encoder, nli, engine)
            after = int(ids[-1])
            db.set_meta_in(session, WATERMARK, str(after))
        if progress:
            progress(len(ids))

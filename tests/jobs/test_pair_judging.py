"""The pair stage's chunks, judged a few at a time on the workers, give exactly the rows of judging
them one after the other in the job's own process: the same rows, in the same order, the same counts."""

from __future__ import annotations

from sqlalchemy import select

from service.jobs import worker_pool, pairing
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.store.schema import ClaimLink, Contradiction
from tests.conftest import SEEDS


def _aligned(make_context, monkeypatch, *, in_flight: int, on_workers: bool):
    ctx = make_context()
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    # Chunks of 10 sentences: the seeds' neighbours reach across chunks, so a chunk often
    # holds pairs that one still in flight is about to store.
    monkeypatch.setattr(pairing, "CHUNK", 10)
    monkeypatch.setattr(pairing, "IN_FLIGHT", in_flight)
    monkeypatch.setattr(worker_pool, "MIN_PARALLEL_PAIRS", 1 if on_workers else 10**9)
    report = run_align(ctx.db, s)
    with ctx.db.session() as session:
        rows = (
            session.execute(select(Contradiction.id, Contradiction.a_id, Contradiction.b_id, Contradiction.type,
                                   Contradiction.score, Contradiction.reasons).order_by(Contradiction.id)).all(),
            session.execute(select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.score)     # keyed by the pair
                            .order_by(ClaimLink.a_id, ClaimLink.b_id)).all(),
        )
    return (report.judged_pairs, report.contradictions, report.links), rows


def test_chunks_in_flight_on_the_workers_store_what_one_chunk_at_a_time_stores(make_context, monkeypatch):
    counts, rows = _aligned(make_context, monkeypatch, in_flight=1, on_workers=False)
    assert counts[1] >= 1 and counts[2] >= 1
    assert _aligned(make_context, monkeypatch, in_flight=3, on_workers=True) == (counts, rows)
    assert _aligned(make_context, monkeypatch, in_flight=3, on_workers=False) == (counts, rows)

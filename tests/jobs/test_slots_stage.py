"""Align's slots stage: every sentence's slots stored once, read again only when the extraction code changes;
judging and check give the same answers from stored slots as from the text."""

from __future__ import annotations

from sqlalchemy import select, update

from service.claims import slot_codec
from service.claims.slots import extract_slots
from service.jobs import slots_stage
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.retrieval.check import check_claim
from service.store.schema import Sentence
from tests.conftest import SEEDS, load_jsonl, shared_path


def _aligned(make_context, **overrides):
    ctx = make_context(**overrides)
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    report = run_align(ctx.db, s)
    return ctx, report


def _payloads(ctx) -> dict[int, str | None]:
    with ctx.db.session() as session:
        return dict(session.execute(select(Sentence.id, Sentence.slots)).all())


def test_every_sentence_gets_its_slots_once(make_context):
    ctx, report = _aligned(make_context, model="hashing")
    payloads = _payloads(ctx)
    assert report.slots_read == len(payloads) > 50
    assert all(p and f'"v":"{slot_codec.FINGERPRINT}"' in p for p in payloads.values())
    assert run_align(ctx.db, ctx.settings).slots_read == 0
    assert _payloads(ctx) == payloads


def test_other_extraction_code_reads_every_sentence_again(make_context, monkeypatch):
    ctx, _ = _aligned(make_context, model="hashing")
    before = _payloads(ctx)
    monkeypatch.setattr(slot_codec, "FINGERPRINT", "0123456789abcdef")
    monkeypatch.setattr(slots_stage, "FINGERPRINT", "0123456789abcdef")
    report = run_align(ctx.db, ctx.settings)
    after = _payloads(ctx)
    assert report.slots_read == len(before)
    assert ctx.db.get_meta(slots_stage.FINGERPRINT_KEY) == "0123456789abcdef"
    assert all('"v":"0123456789abcdef"' in p for p in after.values())


def test_check_answers_the_same_from_stored_slots_as_from_the_text(make_context):
    claims = [c["claim"] for c in load_jsonl(shared_path("eval", "dev_claims.jsonl"))]
    ctx, _ = _aligned(make_context)
    extract_slots.cache_clear()
    stored = [check_claim(ctx, claim) for claim in claims]
    with ctx.db.session() as session:
        session.execute(update(Sentence).values(slots=None))
    extract_slots.cache_clear()
    from_text = [check_claim(ctx, claim) for claim in claims]
    assert stored == from_text
    assert any(result["conflicting"] for result in stored) and any(result["supporting"] for result in stored)


def test_batches_read_ahead_on_the_workers_are_saved_in_id_order_each_with_the_watermark(make_context, monkeypatch):
    from service.jobs import worker_pool
    from service.jobs.engines import LocalEngine
    from service.store.slots import sentences_after

    monkeypatch.setattr(worker_pool, "MIN_PARALLEL_SLOTS", 1)       # batches this small go to the workers too
    monkeypatch.setattr(slots_stage, "BATCH", 8)
    ctx = make_context(model="hashing", threads=2)
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    with ctx.db.session() as session:
        rows = sentences_after(session, 0, 10**6)
    seen = []

    def saved(count: int) -> None:
        watermark, stored = int(ctx.db.get_meta(slots_stage.WATERMARK)), _payloads(ctx)
        assert all(bool(stored[i]) == (i <= watermark) for i in stored)
        seen.append(count)

    engine = LocalEngine(s)
    try:
        reading = slots_stage.SlotReading(ctx.db, engine)
        reading.submit()
        assert not any(_payloads(ctx).values()) and ctx.db.get_meta(slots_stage.WATERMARK) == "0"
        assert reading.run(saved) == len(rows) > 5 * 8
    finally:
        engine.close()
    assert seen[:-1] == [8] * (len(seen) - 1)
    assert _payloads(ctx) == dict(slot_codec.read_payloads(rows))

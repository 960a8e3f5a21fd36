"""The alignment job on the seeds: contradictions, clusters, idempotence, resume after a crash."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from service.evaluation.claims import evaluate_pairs
from service.jobs import pairing, stored_pairs
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.models import SentenceRecord
from service.store.findings import independent_sources, list_clusters, list_contradictions
from service.store.schema import ClaimLink, ClusterMember, Contradiction, Embedding
from tests.conftest import SEEDS, shared_path



def _ingest(ctx):
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)


def _rows(ctx):
    with ctx.db.session() as session:
        return (
            sorted((c.a_id, c.b_id, c.type) for c in session.scalars(select(Contradiction))),
            sorted((l.a_id, l.b_id) for l in session.scalars(select(ClaimLink))),
            sorted((m.sentence_id, m.cluster_id) for m in session.scalars(select(ClusterMember))),
            session.query(Embedding).count(),
        )


def test_dev_pairs_flagged_and_not_flagged(seeded):
    result = evaluate_pairs(seeded, shared_path("eval", "dev_pairs.json"))
    assert result["passed"], result
    assert result["flagged_total"] <= 10, "the seeds' report must stay readable for an editor"


def test_every_contradiction_has_typed_reasons_and_sentences(seeded):
    with seeded.db.session() as session:
        items = list_contradictions(session, tier="all")
    assert items
    for item in items:
        assert item["reasons"] and all({"type", "claim", "evidence"} <= set(r) for r in item["reasons"])
        assert {"sentence", "article_id", "outlet", "published_at"} <= set(item["a"]) and item["type"]


def test_clusters_group_sentences_from_several_outlets(seeded):
    with seeded.db.session() as session:
        clusters = list_clusters(session)
    for cluster in clusters:
        assert len(cluster["members"]) >= 2
        assert 1 <= cluster["independent_sources"] <= len(cluster["outlets"])


def test_wire_copy_counts_once():
    def record(i, outlet, text):
        return SentenceRecord(i, text, f"a{i}", outlet, None, "ar", 0, len(text))

    group = [record(1, "Reuters", "نص الخبر نفسه"), record(2, "Tajik", "نص الخبر نفسه"), record(3, "AFP", "نص آخر")]
    assert independent_sources(group) == 2


def test_align_twice_changes_nothing(make_context):
    ctx = make_context()
    _ingest(ctx)
    run_align(ctx.db, ctx.settings)
    before = _rows(ctx)
    again = run_align(ctx.db, ctx.settings)
    assert (again.encoded, again.indexed, again.judged_pairs) == (0, 0, 0)
    assert _rows(ctx) == before


def test_crash_while_judging_then_rerun_equals_a_clean_run(make_context, monkeypatch):
    clean = make_context()
    _ingest(clean)
    run_align(clean.db, clean.settings)

    crashed = make_context()
    _ingest(crashed)
    real_judge, calls = stored_pairs.judge_candidates, {"n": 0}

    def flaky_judge(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 5:                      # a chunk of 10 sentences at a time: the fifth chunk
            raise KeyboardInterrupt("killed mid-run")
        return real_judge(*args, **kwargs)

    monkeypatch.setattr(stored_pairs, "judge_candidates", flaky_judge)
    monkeypatch.setattr(pairing, "CHUNK", 10)
    with pytest.raises(KeyboardInterrupt):
        run_align(crashed.db, crashed.settings)
    # Up to IN_FLIGHT chunks are judged before the oldest is written: the first ones were.
    assert int(crashed.db.get_meta(pairing.WATERMARK)) > 0
    monkeypatch.setattr(stored_pairs, "judge_candidates", real_judge)
    run_align(crashed.db, crashed.settings)
    assert _rows(crashed) == _rows(clean)


def test_index_settings_reach_align_and_check(make_context):
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths
    from tests.conftest import SEEDS

    ctx = make_context(index_kind="hnsw")
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    run_align(ctx.db, s)
    assert ctx.index().kind == "hnsw"


def test_pair_stage_searches_as_many_ivf_lists_as_index_ivf_pair_nprobe(make_context):
    ivf = {"index_kind": "ivf", "index_ivf_nlist": 16, "index_ivf_quantizer": "flat"}
    flat = make_context(index_kind="flat")
    _ingest(flat)
    exact = run_align(flat.db, flat.settings).judged_pairs
    every_list = make_context(**ivf, index_ivf_pair_nprobe=16, index_ivf_nprobe=1)
    _ingest(every_list)
    one_list = make_context(**ivf, index_ivf_pair_nprobe=1, index_ivf_nprobe=16)
    _ingest(one_list)
    # Every list searched is exact search (check's nprobe plays no part in align) ...
    assert run_align(every_list.db, every_list.settings).judged_pairs == exact
    # ... and one list of sixteen misses neighbours that live in the others.
    assert run_align(one_list.db, one_list.settings).judged_pairs < exact


def test_align_on_fast_scan_codes_finds_the_pairs_exact_search_finds(make_context):
    """pq4fs: 4-bit codes pick candidates, exact floats rank them; every list searched, exact's pairs."""
    flat = make_context(index_kind="flat")
    _ingest(flat)
    exact = run_align(flat.db, flat.settings)
    fast = make_context(index_kind="ivf", index_ivf_nlist=16, index_ivf_quantizer="pq4fs", index_ivf_pair_nprobe=16)
    _ingest(fast)
    found = run_align(fast.db, fast.settings)
    assert fast.index().params["quantizer"] == "pq4fs"
    assert (found.judged_pairs, found.contradictions, found.links) == (exact.judged_pairs, exact.contradictions,
                                                                       exact.links)

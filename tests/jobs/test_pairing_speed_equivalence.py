"""The fast judging path gives exactly the rows of the plain one, pair by pair.

``judge_candidates`` skips work (lazy slots, no event check or classifier
where neither can change a stored row); the reference here is the judge as
it was written before: every slot reason of every pair, filtered by cosine,
the classifier's P(disagree) for every pair, then the verdict.
"""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from service.claims.slot_codec import SLOT_NAMES, prime_records
from service.claims.slots import extract_slots
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.jobs.worker_pool import WorkerPool
from service.jobs.pairing import candidate_pairs
from service.judge.bulk import LINK_MIN_COSINE, judge_candidates, same_voice
from service.judge.event import same_event
from service.judge.learned import disagree_probabilities
from service.judge.reasons import slot_reasons
from service.judge.verdict import DISAGREE_MIN, MODES, RESTATED_TYPES, WEAK_TYPES, _dedupe, same_fact
from service.store.articles import sentence_records
from service.store.vectors import vectors_for
from tests.conftest import shared_path

SAUDI_DAY = ("data", "saudinewsnet", "2015-07-23.zip")


def plain_verdict(a, b, cosine: float, p_disagree):
    """The pair judge as it was: everything extracted and checked, then filtered."""
    limits = MODES["pair"]
    if same_voice(a, b):
        return "unrelated", ()
    slots_a = extract_slots(a.sentence, a.published_at, a.language)
    slots_b = extract_slots(b.sentence, b.published_at, b.language)
    event = same_event(slots_a, slots_b, cosine=cosine, a_date=a.published_at, b_date=b.published_at,
                       min_cosine=limits["event_min"])
    if not event.same:
        return "unrelated", ()
    reasons = tuple(r for r in slot_reasons(slots_a, slots_b)
                    if cosine >= max(limits["reason_min"].get(r.type, 0.4), limits["event_min"])
                    and (r.type not in RESTATED_TYPES or same_fact(slots_a, slots_b, r.type)))
    if p_disagree is not None and p_disagree < DISAGREE_MIN:
        reasons = tuple(r for r in reasons if r.type not in WEAK_TYPES)
    if reasons:
        return "conflict", _dedupe(reasons)
    return ("agree" if cosine >= limits["agree_min"] else "unrelated"), ()


def plain_rows(pairs, records, vectors, encoder):
    probabilities = disagree_probabilities(
        [records[a].sentence for a, _, _ in pairs], [records[b].sentence for _, b, _ in pairs],
        np.stack([vectors[a] for a, _, _ in pairs]), np.stack([vectors[b] for _, b, _ in pairs]), encoder)
    rows = []
    for (a, b, cosine), p in zip(pairs, probabilities):
        verdict, reasons = plain_verdict(records[a], records[b], cosine, p)
        if verdict == "conflict":
            rows.append((a, b, "contradiction", cosine, reasons))
        elif verdict == "agree" and cosine >= LINK_MIN_COSINE:
            rows.append((a, b, "link", cosine, ()))
    return rows


def both_paths(ctx):
    """(plain rows, fast rows) for every stored sentence against its 20 nearest neighbours."""
    encoder, index = ctx.encoder.name, ctx.index()
    ids = np.asarray(sorted(int(i) for i in index.ids), dtype=np.int64)
    with ctx.db.session() as session:
        vectors = vectors_for(session, encoder, [int(i) for i in ids])
        scores, neighbours = index.search(np.stack([vectors[int(i)] for i in ids]), 20)
        pairs = [(a, b, c) for (a, b), c in candidate_pairs(ids, scores, neighbours).items()]
        records = sentence_records(session, sorted({i for a, b, _ in pairs for i in (a, b)}))
    fast = judge_candidates(pairs, records, vectors, encoder)
    fetched: list[list[int]] = []
    lazily = judge_candidates(pairs, records, lambda wanted: fetched.append(wanted) or vectors, encoder)
    assert lazily == fast and len(fetched) <= 1       # vectors asked for once per chunk, at most
    assert _on_workers(ctx, pairs, encoder) == fast
    assert _from_stored_slots(ctx, pairs, records, vectors, encoder) == fast
    return plain_rows(pairs, records, vectors, encoder), [
        (f.a_id, f.b_id, f.kind, f.score, f.reasons) for f in fast]


def _from_stored_slots(ctx, pairs, records, vectors, encoder):
    """The rows of the same pairs judged with every slot taken from the store, none read from text."""
    with ctx.db.session() as session:
        stored = sentence_records(session, sorted(records), with_slots=True)
    assert stored.keys() == records.keys() and all(r.slots for r in stored.values())
    extract_slots.cache_clear()
    prime_records(stored.values())
    for record in stored.values():
        cached = extract_slots(record.sentence, record.published_at, record.language).__dict__
        assert all(name in cached for name in SLOT_NAMES)
    return judge_candidates(pairs, stored, vectors, encoder)


def _on_workers(ctx, pairs, encoder):
    """The rows of the same pairs judged by a pool of two worker processes (align's local engine),
    each reading the records, slots and vectors from the store itself."""
    import service.jobs.worker_pool as worker_pool

    pool, lowest = WorkerPool(2), worker_pool.MIN_PARALLEL_PAIRS
    worker_pool.MIN_PARALLEL_PAIRS = 1                 # the seeds' few hundred pairs go to the workers too
    try:
        judged = pool.submit_judging(pairs, ctx.db, encoder).result()
    finally:
        worker_pool.MIN_PARALLEL_PAIRS = lowest
        pool.close()
    assert judged.judged == len(pairs)
    return judged.findings


def test_fast_path_gives_the_plain_rows_on_the_seeds(seeded):
    plain, fast = both_paths(seeded)
    assert fast == plain
    assert {kind for *_, kind, _, _ in fast} == {"contradiction", "link"}


@pytest.mark.slow
def test_fast_path_gives_the_plain_rows_on_saudinewsnet(make_context, tmp_path):
    day = shared_path(*SAUDI_DAY)
    records = json.loads(zipfile.ZipFile(day).read(f"{day.stem}.json"))[:60]
    path = tmp_path / "day.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    ctx = make_context()
    s = ctx.settings
    ingest_paths(ctx.db, [path], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    run_align(ctx.db, s)
    plain, fast = both_paths(ctx)
    assert fast == plain and any(kind == "contradiction" for *_, kind, _, _ in fast)

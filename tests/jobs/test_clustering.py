"""Claim clusters and stories: no chaining, stable ids, and the nightly runs equal one full re-run."""

from __future__ import annotations

import datetime as dt
import json
import random

import numpy as np
from sqlalchemy import insert, select, update

from service.jobs import pairing
from service.jobs.claim_clusters import ClaimClusters
from service.jobs.clustering import WATERMARK, recluster
from service.jobs.ingest import ingest_paths
from service.jobs.stories import ArticleVector, Stories
from service.pipeline.segment import text_hash
from service.store.schema import ArticleStory, ClaimLink, ClusterMember, Embedding, Sentence
from tests.conftest import SEEDS
from tests.jobs.test_cross_script import SURUC_AR, SURUC_EN

ENCODER = "test-encoder"
DAY = dt.date(2016, 12, 29)


def _unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_a_chain_of_neighbours_does_not_make_one_cluster():
    # a, b, c, d on an arc: each is 0.87 from the next, but c and d are far from the cluster a+b.
    angles = [0.0, 0.52, 1.04, 1.56]
    vectors = [_unit(np.array([np.cos(t), np.sin(t), 0.0])) for t in angles]
    claims = ClaimClusters(min_cosine=0.8)
    placed = [claims.place(i, v, DAY, [i - 1] if i else []) for i, v in enumerate(vectors)]
    assert placed[:2] == [0, 0]              # b joins a
    assert placed[2] == 2                     # c: 0.87 from b, 0.74 from the centroid of a+b
    assert placed[3] == 2                     # d joins c, not the first cluster


def test_a_claim_weeks_later_is_another_cluster():
    claims = ClaimClusters()
    v = _unit(np.ones(4))
    assert claims.place(1, v, DAY, []) == 1
    assert claims.place(2, v, DAY + dt.timedelta(days=2), [1]) == 1
    assert claims.place(3, v, DAY + dt.timedelta(days=30), [1, 2]) == 3


def _store(make_context):
    """The seeds' sentences with synthetic vectors: groups of near copies (claims), and edges
    inside groups, plus edges between groups that connected components would chain through."""
    ctx = make_context()
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    rng = np.random.default_rng(3)
    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.id, Sentence.text_hash).order_by(Sentence.id)).all()
        last_of_article = [max(i for i, in session.execute(select(Sentence.id).where(Sentence.article_id == a)))
                           for a in session.scalars(select(Sentence.article_id).distinct())]
        centres = [_unit(rng.normal(size=16)) for _ in range(12)]
        group = {i: int(rng.integers(len(centres))) for i, _ in rows}
        vectors = {}
        for i, hash_ in rows:
            vectors[hash_] = _unit(centres[group[i]] + rng.normal(scale=0.12, size=16))
        session.execute(insert(Embedding), [dict(text_hash=h, encoder=ENCODER, dimension=16, vector=v.tobytes())
                                            for h, v in vectors.items()])
        ids = [i for i, _ in rows]
        picker = random.Random(5)
        edges = set()
        for b in ids:
            same = [a for a in ids if a < b and group[a] == group[b]]
            edges.update((a, b) for a in picker.sample(same, min(2, len(same))))
            if picker.random() < 0.2 and ids[0] < b:
                edges.add((picker.choice([a for a in ids if a < b]), b))
        session.execute(insert(ClaimLink), [dict(a_id=a, b_id=b, score=0.9, same_claim=True) for a, b in edges])
    return ctx, ids, sorted(last_of_article)


def _rows(ctx) -> tuple[list, list]:
    with ctx.db.session() as session:
        return (sorted(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)).all()),
                sorted(session.execute(select(ArticleStory.article_id, ArticleStory.story_id)).all()))


def test_nightly_runs_give_the_rows_of_one_full_run_and_ids_stay(make_context):
    ctx, ids, ends = _store(make_context)
    seen: dict[int, int] = {}
    for upper in ends:                                      # a "night" per article
        ctx.db.set_meta(pairing.WATERMARK, str(upper))
        recluster(ctx.db, ENCODER)
        members, _ = _rows(ctx)
        current = dict(members)
        assert all(current[s] == c for s, c in seen.items()), "a stored member never changes cluster"
        seen = current
    nightly = _rows(ctx)
    report = recluster(ctx.db, ENCODER, full=True)
    assert _rows(ctx) == nightly
    assert report.clusters == len({c for _, c in nightly[0]}) > 1
    assert int(ctx.db.get_meta(WATERMARK)) == ids[-1]


def test_every_member_is_close_to_its_cluster(make_context):
    ctx, _, _ = _store(make_context)
    ctx.db.set_meta(pairing.WATERMARK, str(10 ** 9))
    recluster(ctx.db, ENCODER)
    with ctx.db.session() as session:
        rows = session.execute(select(ClusterMember.cluster_id, Embedding.vector)
                               .join(Sentence, Sentence.id == ClusterMember.sentence_id)
                               .join(Embedding, Embedding.text_hash == Sentence.text_hash)).all()
    groups: dict[int, list] = {}
    for cluster_id, blob in rows:
        groups.setdefault(cluster_id, []).append(np.frombuffer(blob, dtype=np.float32))
    for members in groups.values():
        centroid = _unit(np.sum(members, axis=0))
        assert min(float(v @ centroid) for v in members) > 0.7


def test_furniture_leaves_its_cluster_and_is_never_linked(make_context):
    ctx, ids, _ = _store(make_context)
    ctx.db.set_meta(pairing.WATERMARK, str(ids[-1]))
    recluster(ctx.db, ENCODER)
    members, _ = _rows(ctx)
    gone = members[0][0]
    with ctx.db.session() as session:
        session.execute(update(Sentence).where(Sentence.id == gone).values(furniture=True))
    recluster(ctx.db, ENCODER)
    assert gone not in dict(_rows(ctx)[0])


def test_the_link_bar_reads_each_new_edge_once(make_context):
    ctx = make_context()
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.id, Sentence.article_id, Sentence.text).order_by(Sentence.id)).all()
    by_text: dict[str, list] = {}
    for row in rows:
        by_text.setdefault(text_hash(row.text), []).append(row)
    first, other = rows[0], next(r for r in rows if r.article_id != rows[0].article_id)
    same_article = next(r for r in rows[1:] if r.article_id == rows[0].article_id)
    with ctx.db.session() as session:
        session.execute(insert(ClaimLink), [dict(a_id=first.id, b_id=other.id, score=0.5),
                                            dict(a_id=first.id, b_id=same_article.id, score=0.99)])
    report = recluster(ctx.db, ENCODER)
    with ctx.db.session() as session:
        read = dict(((a, b), same) for a, b, same in session.execute(
            select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.same_claim)))
    assert read == {(first.id, other.id): False, (first.id, same_article.id): False}
    assert report.links == 0


def _at(cosine: float) -> np.ndarray:
    """A unit vector at ``cosine`` from (1, 0, 0)."""
    return _unit(np.array([cosine, np.sqrt(1 - cosine ** 2), 0.0]))


def test_a_cluster_linked_across_scripts_takes_a_telling_at_the_cross_script_floor():
    claims = ClaimClusters()
    claims.place(1, _at(1.0), DAY, [])
    assert claims.place(2, _at(0.66), DAY, [1]) == 2                 # same script: 0.66 is below the floor
    assert claims.place(3, _at(0.66), DAY, [1], across=[1]) == 1     # the English telling of sentence 1
    far = _unit(np.array([0.5, -0.87, 0.0]))                          # 0.5 from 1, further from 1 + 3
    assert claims.place(4, far, DAY, [1], across=[1]) == 4            # too far even across scripts


def test_a_story_shared_across_scripts_takes_the_article_at_the_cross_script_floor():
    stories = Stories()
    stories.place(ArticleVector("ar", 1, DAY, _at(1.0)), [])
    english = ArticleVector("en", 10, DAY, _at(0.5))
    assert stories.place(english, ["ar"]) == 10
    stories = Stories()
    stories.place(ArticleVector("ar", 1, DAY, _at(1.0)), [])
    assert stories.place(english, ["ar"], across=["ar"]) == 1


def test_an_english_telling_joins_the_arabic_cluster_and_story(make_context, tmp_path):
    ctx = make_context()
    s = ctx.settings
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in (
        {"id": "ar1", "text": SURUC_AR, "outlet": "alriyadh", "language": "ar", "published_at": "2015-07-22"},
        {"id": "en1", "text": SURUC_EN, "outlet": "wire-en", "language": "en", "published_at": "2015-07-22"})),
        encoding="utf-8")
    ingest_paths(ctx.db, [path], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    with ctx.db.session() as session:
        rows = session.execute(select(Sentence.id, Sentence.text_hash).order_by(Sentence.id)).all()
        (a, hash_a), (b, hash_b) = rows
        session.execute(insert(Embedding), [dict(text_hash=h, encoder=ENCODER, dimension=3, vector=v.tobytes())
                                            for h, v in ((hash_a, _at(1.0)), (hash_b, _at(0.68)))])
        session.execute(insert(ClaimLink), [dict(a_id=a, b_id=b, score=0.68)])
    ctx.db.set_meta(pairing.WATERMARK, str(b))
    recluster(ctx.db, ENCODER)
    members, stories = _rows(ctx)
    assert members == [(a, a), (b, a)]
    assert stories == [("ar1", a), ("en1", a)]

"""Claim clusters: connected agree links, kept up to date row by row."""

from __future__ import annotations

import random

from sqlalchemy import delete, insert, select

from service.jobs.clustering import recluster
from service.jobs.ingest import ingest_paths
from service.store.schema import ClaimLink, ClusterMember, Sentence
from tests.conftest import SEEDS


def _components(links: set[tuple[int, int]]) -> dict[int, int]:
    """Sentence id -> smallest id of its connected group, by breadth-first search (independent of the code)."""
    neighbours: dict[int, set[int]] = {}
    for a, b in links:
        neighbours.setdefault(a, set()).add(b)
        neighbours.setdefault(b, set()).add(a)
    groups: dict[int, int] = {}
    for start in sorted(neighbours):
        if start in groups:
            continue
        seen, frontier = {start}, [start]
        while frontier:
            frontier = [n for item in frontier for n in neighbours[item] if n not in seen]
            seen.update(frontier)
        groups.update({item: min(seen) for item in seen})
    return groups


def _stored(ctx) -> dict[int, int]:
    with ctx.db.session() as session:
        return dict(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)).all())


def test_clusters_follow_links_added_and_removed_over_several_runs(make_context):
    ctx = make_context()
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    with ctx.db.session() as session:
        ids = list(session.scalars(select(Sentence.id).order_by(Sentence.id)))
    rng = random.Random(7)
    links: set[tuple[int, int]] = set()
    for round_ in range(6):
        with ctx.db.session() as session:
            if round_ % 3 == 2 and links:           # some runs re-judge a window and drop links
                for a, b in rng.sample(sorted(links), k=max(1, len(links) // 4)):
                    session.execute(delete(ClaimLink).where(ClaimLink.a_id == a, ClaimLink.b_id == b))
                    links.discard((a, b))
            new = {tuple(sorted(rng.sample(ids, 2))) for _ in range(8)} - links
            session.execute(insert(ClaimLink), [{"a_id": a, "b_id": b, "score": 0.9} for a, b in new])
            links |= new
        expected = _components(links)
        assert recluster(ctx.db) == len(set(expected.values()))
        assert _stored(ctx) == expected

"""Align's grouping stage: claim clusters and stories, placed incrementally.

After judging, three things are brought up to date in one transaction
(readers see the old grouping or the new one):

1. every agree edge not read yet gets its ``same_claim`` reading
   (``link_bar.py``): what counts as a link;
2. every sentence paired since the last run (``pairing.WATERMARK``) is
   placed in a claim cluster (``claim_clusters.py``), in id order, against
   the clusters of the earlier sentences it has an edge to (a link to a
   sentence in another script lowers the cluster's floor: ``cross_script.py``);
3. every article of those sentences is placed in a story (``stories.py``).

Ids are those of a cluster's first sentence and of a story's first
article's first sentence, so they stay put as clusters and stories grow.

**Incremental against a full re-run.** A night places its sentences in the
same order, against the same centroids, as ``recluster(db, encoder,
full=True)`` would, so the two give the same rows (``test_clustering.py``
checks it), except where the store changed under earlier placements:

- an edge between two sentences placed already (``align --since`` re-judges
  old articles) is used by a full re-run only;
- a sentence that became furniture after it was placed leaves its cluster
  (its row is deleted), but the centroid it moved stays where the full
  re-run, which never saw it, would not have put it; an article's vector
  likewise keeps the line;
- an article stored while align ran may have only some of its sentences
  paired: it is placed with those.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, func, insert, select

from service.jobs import pairing
from service.jobs.claim_clusters import ClaimClusters
from service.jobs.cross_script import script_of, two_scripts
from service.jobs.link_bar import read_new_edges
from service.jobs.stories import ArticleSums, ArticleVector, Stories
from service.store.database import Database, id_chunks
from service.store.schema import Article, ArticleStory, ClaimLink, ClusterMember, Embedding, Meta, Sentence

WATERMARK = "clustered_max_id"
# Which edges a sentence may join a cluster through: the same-claim links only. Agree
# edges below the link bar gave clusters that mixed two facts of one story.
CANDIDATES = "same_claim"


@dataclass(frozen=True)
class ClusterReport:
    clusters: int                     # claim clusters of two or more sentences
    stories: int                      # stories of two or more articles
    links: int                        # agree edges that are same-claim links


def recluster(db: Database, encoder: str, *, full: bool = False) -> ClusterReport:
    """Place what was paired since the last run (``full``: everything, from scratch)."""
    with db.session() as session:
        if full:
            session.execute(delete(ClusterMember))
            session.execute(delete(ArticleStory))
        read_new_edges(session)
        after = 0 if full else int(_meta(session, WATERMARK) or 0)
        upper = int(_meta(session, pairing.WATERMARK) or 0)
        if upper > after:
            claims, articles = _place_claims(session, encoder, after, upper)
            _write_claims(session, claims, after)
            _place_stories(session, encoder, articles, claims)
            db.set_meta_in(session, WATERMARK, str(upper))
        _drop_furniture(session)
        return _counts(session)


def _meta(session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def _rows_between(session, encoder: str, after: int, upper: int) -> Iterator[tuple]:
    """(id, article id, day, vector or None for furniture) of the sentences in (after, upper], in id order."""
    query = (select(Sentence.id, Sentence.article_id, Article.published_at, Sentence.furniture, Embedding.vector)
             .join(Article, Sentence.article_id == Article.id)
             .outerjoin(Embedding, (Embedding.text_hash == Sentence.text_hash) & (Embedding.encoder == encoder))
             .where(Sentence.id > after, Sentence.id <= upper).order_by(Sentence.id))
    for i, article, day, furniture, blob in session.execute(query.execution_options(yield_per=2000)):
        yield i, article, day, None if furniture or blob is None else np.frombuffer(blob, dtype=np.float32)


def _edges(session, after: int, upper: int) -> dict[int, list[int]]:
    """Later sentence -> the earlier sentences it has a candidate edge to, for later ones in (after, upper]."""
    query = select(ClaimLink.a_id, ClaimLink.b_id).where(ClaimLink.b_id > after, ClaimLink.b_id <= upper)
    if CANDIDATES == "same_claim":
        query = query.where(ClaimLink.same_claim.is_(True))
    earlier: dict[int, list[int]] = {}
    for a_id, b_id in session.execute(query):
        earlier.setdefault(b_id, []).append(a_id)
    return earlier


def _place_claims(session, encoder: str, after: int, upper: int) -> tuple[ClaimClusters, list[ArticleVector]]:
    """The claim clusters with this run's sentences placed, and this run's articles with their vectors."""
    earlier = _edges(session, after, upper)
    needed = {a for ids in earlier.values() for a in ids} | set(earlier)   # only these can share a cluster
    claims = ClaimClusters()
    _load_clusters(session, encoder, claims, {a for a in needed if a <= after})
    placed = _placed_sentences(session, sorted(needed))
    sums = ArticleSums()
    for sentence_id, article_id, day, vector in _rows_between(session, encoder, after, upper):
        sums.add(article_id, sentence_id, day, vector)
        if vector is not None and sentence_id in needed:
            linked = earlier.get(sentence_id, ())
            across = [other for other in linked if two_scripts(placed[other][1], placed[sentence_id][1])]
            claims.place(sentence_id, vector, day, linked, across)
    return claims, sums.articles()


def _load_clusters(session, encoder: str, claims: ClaimClusters, old: set[int]) -> None:
    """The stored clusters of the old sentences ``old`` (a sentence in none is a cluster of its own)."""
    stored: dict[int, int] = {}
    for chunk in id_chunks(sorted(old)):
        stored.update(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)
                                      .where(ClusterMember.sentence_id.in_(chunk))).all())
    members: dict[int, list[int]] = {s: [s] for s in old if s not in stored}
    for chunk in id_chunks(sorted(set(stored.values()))):
        for sentence_id, cluster_id in session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)
                                                       .where(ClusterMember.cluster_id.in_(chunk))):
            members.setdefault(cluster_id, []).append(sentence_id)
    facts = _facts(session, encoder, sorted({i for ids in members.values() for i in ids}))
    for cluster_id, ids in sorted(members.items()):
        found = [(i, *facts[i]) for i in sorted(ids) if i in facts]
        if found:
            claims.load(cluster_id, found)


def _facts(session, encoder: str, ids: list[int]) -> dict[int, tuple[np.ndarray, dt.date | None]]:
    """(vector, publication day) of each sentence among ``ids`` that has a vector and is not furniture."""
    found = {}
    for chunk in id_chunks(ids):
        # An outer join keeps sentences the driving table (see store.vectors.vectors_for): joined
        # the other way SQLite walked every embedding, 20 s for one day's increment on three days.
        query = (select(Sentence.id, Embedding.vector, Article.published_at)
                 .join(Article, Sentence.article_id == Article.id)
                 .outerjoin(Embedding, (Embedding.text_hash == Sentence.text_hash) & (Embedding.encoder == encoder))
                 .where(Sentence.id.in_(chunk), Sentence.furniture.is_not(True)))
        found.update((i, (np.frombuffer(blob, dtype=np.float32), day)) for i, blob, day in session.execute(query)
                     if blob is not None)
    return found


def _write_claims(session, claims: ClaimClusters, after: int) -> None:
    """New rows for the sentences of grown clusters not stored yet; a stored member never moves."""
    grown = claims.grown()
    stored: set[int] = set()
    old = sorted(s for s in grown if s <= after)
    for chunk in id_chunks(old):
        stored.update(session.scalars(select(ClusterMember.sentence_id).where(ClusterMember.sentence_id.in_(chunk))))
    rows = [{"sentence_id": s, "cluster_id": c} for s, c in sorted(grown.items()) if s not in stored]
    if rows:
        session.execute(insert(ClusterMember), rows)


def _place_stories(session, encoder: str, articles: list[ArticleVector], claims: ClaimClusters) -> None:
    placed_before: set[str] = set()                # an article paired in part by an earlier run keeps its story
    for chunk in _string_chunks([a.article_id for a in articles]):
        placed_before.update(session.scalars(select(ArticleStory.article_id).where(ArticleStory.article_id.in_(chunk))))
    articles = [a for a in articles if a.article_id not in placed_before]
    sharing, across = _sharing(session, claims)
    stories = Stories()
    _load_stories(session, encoder, stories, {a for ids in sharing.values() for a in ids})
    placed = [{"article_id": a.article_id,
               "story_id": stories.place(a, sharing.get(a.article_id, ()), across.get(a.article_id, ()))}
              for a in articles]
    if placed:
        session.execute(insert(ArticleStory), placed)


def _sharing(session, claims: ClaimClusters) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Article -> the other articles holding an earlier member of one of its claim clusters
    (an article's sentences are stored together, so those articles came before it); and
    article -> those of them whose member is in another script than its own."""
    grown = claims.grown()
    members: dict[int, list[int]] = {}
    for sentence_id, cluster_id in sorted(grown.items()):
        members.setdefault(cluster_id, []).append(sentence_id)
    placed = _placed_sentences(session, sorted(grown))
    sharing: dict[str, set[str]] = {}
    across: dict[str, set[str]] = {}
    for ids in members.values():
        for position, sentence_id in enumerate(ids):
            own, own_script = placed[sentence_id]
            for other in ids[:position]:
                article, other_script = placed[other]
                if article != own:
                    sharing.setdefault(own, set()).add(article)
                    if two_scripts(other_script, own_script):
                        across.setdefault(own, set()).add(article)
    return sharing, across


def _placed_sentences(session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Sentence id -> (article id, script of its text) (``cross_script.script_of``)."""
    found: dict[int, tuple[str, str]] = {}
    for chunk in id_chunks(ids):
        found.update((i, (article, script_of(text))) for i, article, text in session.execute(
            select(Sentence.id, Sentence.article_id, Sentence.text).where(Sentence.id.in_(chunk))))
    return found


def _load_stories(session, encoder: str, stories: Stories, articles: set[str]) -> None:
    """The stored stories of ``articles`` with all their articles' vectors."""
    story_ids: set[int] = set()
    for chunk in _string_chunks(sorted(articles)):
        story_ids.update(session.scalars(select(ArticleStory.story_id).where(ArticleStory.article_id.in_(chunk))))
    for story_id in sorted(story_ids):
        rows = session.execute(
            select(ArticleStory.article_id, Sentence.id, Article.published_at, Embedding.vector)
            .join(Article, Article.id == ArticleStory.article_id)
            .join(Sentence, Sentence.article_id == ArticleStory.article_id)
            .outerjoin(Embedding, (Embedding.text_hash == Sentence.text_hash) & (Embedding.encoder == encoder))
            .where(ArticleStory.story_id == story_id, Sentence.furniture.is_not(True)).order_by(Sentence.id))
        sums = ArticleSums()
        for article_id, sentence_id, day, blob in rows:
            if blob is not None:
                sums.add(article_id, sentence_id, day, np.frombuffer(blob, dtype=np.float32))
        found = sums.articles()
        if found:
            stories.load(story_id, sorted(found, key=lambda a: a.first_sentence))


def _string_chunks(items: list[str], size: int = 500):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _drop_furniture(session) -> None:
    """Sentences that became furniture after they were placed leave their clusters."""
    furniture = select(Sentence.id).where(Sentence.furniture.is_(True))
    session.execute(delete(ClusterMember).where(ClusterMember.sentence_id.in_(furniture)))


def _counts(session) -> ClusterReport:
    clusters = session.scalar(select(func.count(func.distinct(ClusterMember.cluster_id))))
    stories = session.scalar(select(func.count()).select_from(
        select(ArticleStory.story_id).group_by(ArticleStory.story_id).having(func.count() >= 2).subquery()))
    links = session.scalar(select(func.count()).select_from(ClaimLink).where(ClaimLink.same_claim.is_(True)))
    return ClusterReport(int(clusters or 0), int(stories or 0), int(links or 0))

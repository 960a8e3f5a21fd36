"""The store reads the report needs, on the existing tables.

They live here rather than in ``service/store`` because only the report
asks them: contradictions with both sides' article title and URL, how many
independent outlets stand behind each side, and how many claims each day
brought.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from service.models import SentenceRecord
from service.store.articles import sentence_records, to_record
from service.store.database import id_chunks
from service.store.findings import independent_sources
from service.store.schema import Article, ArticleStory, ClusterMember, Sentence

def stories_of(session: Session, article_ids: list[str]) -> dict[str, int]:
    """The stored story of each article that has one."""
    found: dict[str, int] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start:start + 500]
        found.update(session.execute(select(ArticleStory.article_id, ArticleStory.story_id)
                                     .where(ArticleStory.article_id.in_(chunk))).all())
    return found


def clusters_of(session: Session, sentence_ids: list[int]) -> dict[int, int]:
    """The claim cluster of each sentence that has one."""
    found: dict[int, int] = {}
    for chunk in id_chunks(sentence_ids):
        found.update(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)
                                     .where(ClusterMember.sentence_id.in_(chunk))).all())
    return found


def support_for(session: Session, sentence_ids: list[int], cluster_of: dict[int, int]) -> dict[int, dict]:
    """For each sentence: the outlets whose reports say the same (its claim cluster).

    ``independent_outlets`` counts wire copy (the same text in several
    outlets) once; a sentence in no cluster is supported by its own outlet.
    """
    members: dict[int, list[int]] = {}
    for chunk in id_chunks(sorted(set(cluster_of.values()))):
        for sentence_id, cluster_id in session.execute(
                select(ClusterMember.sentence_id, ClusterMember.cluster_id)
                .where(ClusterMember.cluster_id.in_(chunk))):
            members.setdefault(cluster_id, []).append(sentence_id)
    wanted = set(sentence_ids) | {i for ids in members.values() for i in ids}
    records = sentence_records(session, sorted(wanted))
    support = {}
    for sentence_id in sentence_ids:
        group_ids = members.get(cluster_of.get(sentence_id), [sentence_id])
        group = [records[i] for i in group_ids if i in records]
        support[sentence_id] = {
            "independent_outlets": independent_sources(group),
            "outlets": sorted({r.outlet for r in group}),
            "reports": len(group),
        }
    return support


def claims_per_day(session: Session, since: dt.date | None = None,
                   until: dt.date | None = None) -> dict[dt.date, int]:
    """Stored sentences (boilerplate is never stored) by their article's publication day."""
    query = (select(Article.published_at, func.count(Sentence.id))
             .join(Sentence, Sentence.article_id == Article.id)
             .where(Article.published_at.is_not(None))
             .group_by(Article.published_at))
    if since:
        query = query.where(Article.published_at >= since)
    if until:
        query = query.where(Article.published_at <= until)
    return {day: count for day, count in session.execute(query).all()}


def sentences_between(session: Session, since: dt.date | None = None, until: dt.date | None = None,
                      batch: int = 2000) -> Iterator[SentenceRecord]:
    """Every stored sentence in the window, in batches (a big store does not fit in memory)."""
    query = select(Sentence, Article).join(Article, Sentence.article_id == Article.id).order_by(Sentence.id)
    if since:
        query = query.where(Article.published_at >= since)
    if until:
        query = query.where(Article.published_at <= until)
    for sentence, article in session.execute(query.execution_options(yield_per=batch)):
        yield to_record(sentence, article)

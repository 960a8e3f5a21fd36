"""Reading what align found: contradictions and claim clusters, in the contract's JSON."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import InputError
from service.models import SentenceRecord
from service.pipeline.segment import text_hash
from service.store.articles import sentence_records
from service.store.schema import Article, ArticleStory, ClusterMember, Contradiction, Sentence


TIERS = ("confirmed", "possible", "all")
Tier = Literal[TIERS]          # the same three, for the API's query parameters


def contradiction_rows(session: Session, *, type_: str | None = None, outlet: str | None = None,
                       since: dt.date | None = None, until: dt.date | None = None, tier: str = "confirmed",
                       story: int | None = None) -> list[tuple[Contradiction, SentenceRecord, SentenceRecord]]:
    """Stored contradictions with both sides, oldest first, filtered.

    A pair concerns an outlet when the outlet is on either side, is in
    the window when one of its sides was published in it, and is in a story
    when one of its sides' articles is. ``tier``: confirmed (the default
    everywhere), possible, or all.
    """
    if tier not in TIERS:
        raise InputError(f"tier must be one of {', '.join(TIERS)}, not {tier!r}")
    query = select(Contradiction).order_by(Contradiction.id)
    if type_:
        query = query.where(Contradiction.type == type_)
    if tier != "all":
        query = query.where(Contradiction.tier == tier)
    rows = session.scalars(query).all()
    records = sentence_records(session, sorted({i for r in rows for i in (r.a_id, r.b_id)}))
    in_story = None if story is None else set(
        session.scalars(select(ArticleStory.article_id).where(ArticleStory.story_id == story)))
    found = []
    for row in rows:
        a, b = records.get(row.a_id), records.get(row.b_id)
        if a is None or b is None or not in_window(a, b, outlet, since, until):
            continue
        if in_story is None or a.article_id in in_story or b.article_id in in_story:
            found.append((row, a, b))
    return found


def in_window(a: SentenceRecord, b: SentenceRecord, outlet: str | None,
              since: dt.date | None, until: dt.date | None) -> bool:
    if outlet and outlet not in (a.outlet, b.outlet):
        return False
    dates = [d for d in (a.published_at, b.published_at) if d]
    if since and dates and max(dates) < since:
        return False
    return not (until and dates and min(dates) > until)


def list_contradictions(session: Session, *, type_: str | None = None, outlet: str | None = None,
                        since: dt.date | None = None, until: dt.date | None = None, tier: str = "confirmed",
                        story: int | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    """One item per flagged fact: wire copies of one pair (the same two texts in other
    outlets) are one item, the first stored, with every pair that carried it in ``sources``."""
    rows = contradiction_rows(session, type_=type_, outlet=outlet, since=since, until=until, tier=tier, story=story)
    items: dict[frozenset[str], dict] = {}
    for row, a, b in rows:
        key = frozenset((text_hash(a.sentence), text_hash(b.sentence)))
        item = items.get(key)
        if item is None:
            item = items[key] = {"id": row.id, "type": row.type, "score": round(row.score, 4), "tier": row.tier,
                                 "probability": None if row.probability is None else round(row.probability, 4),
                                 "a": a.to_json(), "b": b.to_json(), "reasons": row.reasons, "sources": []}
        item["sources"].append({"id": row.id, "a": a.source_json(), "b": b.source_json()})
    for item in items.values():
        item["source_count"] = len(item["sources"])
    return list(items.values())[offset:offset + limit]


@dataclass
class _ClusterFacts:
    """What the filters need of a cluster, read without the sentences' texts."""

    members: list[int] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    languages: set[str] = field(default_factory=set)
    days: list[dt.date] = field(default_factory=list)
    story_id: int | None = None


def cluster_facts(session: Session) -> dict[int, _ClusterFacts]:
    """Every stored claim cluster: members in id order, outlets, languages, days, story.

    A cluster's story is that of its first sentence's article (``clustering.py``),
    or of its first remaining member's if that sentence became furniture and left.
    """
    facts: dict[int, _ClusterFacts] = {}
    rows = session.execute(
        select(ClusterMember.cluster_id, ClusterMember.sentence_id, Article.outlet, Article.language,
               Article.published_at, ArticleStory.story_id)
        .join(Sentence, Sentence.id == ClusterMember.sentence_id).join(Article, Article.id == Sentence.article_id)
        .outerjoin(ArticleStory, ArticleStory.article_id == Article.id).order_by(ClusterMember.sentence_id))
    for cluster_id, sentence_id, outlet, language, day, story_id in rows:
        item = facts.setdefault(cluster_id, _ClusterFacts())
        if not item.members or sentence_id == cluster_id:
            item.story_id = story_id
        item.members.append(sentence_id)
        item.outlets.add(outlet)
        item.languages.add(language)
        if day:
            item.days.append(day)
    return facts


def _wanted(item: _ClusterFacts, min_size: int, story: int | None, outlet: str | None,
            since: dt.date | None, until: dt.date | None) -> bool:
    if len(item.members) < min_size or (story is not None and item.story_id != story):
        return False
    if outlet and outlet not in item.outlets:
        return False
    if since and item.days and max(item.days) < since:
        return False
    return not (until and item.days and min(item.days) > until)


def list_clusters(session: Session, *, min_size: int = 2, story: int | None = None, outlet: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None,
                  limit: int = 100, offset: int = 0) -> list[dict]:
    """Claim clusters, largest first, filtered: by story, by an outlet among the members, by a
    member published in [since, until]; each with its members and what they have in common."""
    facts = cluster_facts(session)
    chosen = sorted((c for c, item in facts.items() if _wanted(item, min_size, story, outlet, since, until)),
                    key=lambda c: (-len(facts[c].members), c))[offset:offset + limit]
    records = sentence_records(session, [i for c in chosen for i in facts[c].members])
    clusters = []
    for cluster_id in chosen:
        item = facts[cluster_id]
        group = [records[i] for i in item.members if i in records]
        clusters.append({
            "id": cluster_id, "size": len(group), "story_id": item.story_id,
            "outlets": sorted(item.outlets), "languages": sorted(item.languages),
            "first": min(item.days).isoformat() if item.days else None,
            "last": max(item.days).isoformat() if item.days else None,
            "independent_sources": independent_sources(group),
            "members": [r.to_json() for r in group],
        })
    return clusters


def independent_sources(group) -> int:
    """Outlets agreeing, with wire copy (the same sentence text in several outlets) counted once."""
    seen_texts: set[str] = set()
    sources = 0
    for outlet in sorted({r.outlet for r in group}):
        texts = {text_hash(r.sentence) for r in group if r.outlet == outlet}
        if not texts <= seen_texts:
            sources += 1
        seen_texts |= texts
    return sources



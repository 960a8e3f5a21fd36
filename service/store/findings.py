"""Reading what align found: contradictions and claim clusters, in the contract's JSON."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import InputError
from service.models import SentenceRecord
from service.pipeline.segment import text_hash
from service.store.articles import sentence_records
from service.store.schema import ClusterMember, Contradiction


TIERS = ("confirmed", "possible", "all")
Tier = Literal[TIERS]          # the same three, for the API's query parameters


def contradiction_rows(session: Session, *, type_: str | None = None, outlet: str | None = None,
                       since: dt.date | None = None, until: dt.date | None = None, tier: str = "confirmed",
                       ) -> list[tuple[Contradiction, SentenceRecord, SentenceRecord]]:
    """Stored contradictions with both sides, oldest first, filtered.

    A pair concerns an outlet when the outlet is on either side, and is in
    the window when one of its sides was published in it. ``tier``:
    confirmed (the default everywhere), possible, or all.
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
    found = []
    for row in rows:
        a, b = records.get(row.a_id), records.get(row.b_id)
        if a is not None and b is not None and in_window(a, b, outlet, since, until):
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
                        limit: int = 100, offset: int = 0) -> list[dict]:
    """One item per flagged fact: wire copies of one pair (the same two texts in other
    outlets) are one item, the first stored, with every pair that carried it in ``sources``."""
    rows = contradiction_rows(session, type_=type_, outlet=outlet, since=since, until=until, tier=tier)
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


def list_clusters(session: Session, *, min_size: int = 2, limit: int = 100, offset: int = 0) -> list[dict]:
    members: dict[int, list[int]] = {}
    for sentence_id, cluster_id in session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)):
        members.setdefault(cluster_id, []).append(sentence_id)
    chosen = sorted((c for c, ids in members.items() if len(ids) >= min_size), key=lambda c: (-len(members[c]), c))
    records = sentence_records(session, [i for c in chosen for i in members[c]])
    clusters = []
    for cluster_id in chosen[offset:offset + limit]:
        group = [records[i] for i in sorted(members[cluster_id]) if i in records]
        clusters.append({
            "id": cluster_id,
            "members": [r.to_json() for r in group],
            "outlets": sorted({r.outlet for r in group}),
            "independent_sources": independent_sources(group),
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



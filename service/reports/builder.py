"""The editors' report as one JSON-able dict: the single source of the HTML, Markdown and JSON.

``build_report`` reads what align stored (contradictions, claim clusters,
sentences) and adds what an editor needs to read a conflict at a glance:
both original sentences with outlet, date and link, the character spans
of the conflicting values in each (``highlight.py``), the reasons in words,
how many independent outlets stand behind each side (wire copy counted
once), stories (``stories.py``), counts per type and outlet, a per-day
timeline and the actors' stance maps (``stances.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from service.errors import InputError
from service.models import SentenceRecord
from service.reports.bidi import direction
from service.reports.highlight import shared_actor_spans, side_highlights
from service.reports.queries import claims_per_day, clusters_of, stories_of, support_for
from service.reports.reason_words import describe, label
from service.reports.stances import actor_stance_maps
from service.reports.stories import group_stories
from service.store.database import Database
from service.store.findings import contradiction_rows
from service.store.schema import Contradiction

REPORT_VERSION = 1
# Reason types whose cue does not say what is disputed: the actors both sides name are marked too.
SHOW_SHARED_ACTORS = frozenset({"scope", "stance", "antonym", "negation"})


def side_json(record: SentenceRecord, reasons: list[dict], side: str, support: dict,
              shared: list[dict]) -> dict:
    """One side: the contract's ``Sentence`` plus title, direction, highlights and support."""
    return {
        **record.to_json(),
        "title": record.title,
        "direction": direction(record.language),
        "highlights": side_highlights(record.sentence, reasons, side, published_at=record.published_at,
                                      language=record.language, extra=shared),
        "support": support,
    }


def contradiction_item(row: Contradiction, a: SentenceRecord, b: SentenceRecord, support: dict) -> dict:
    reasons = list(row.reasons or [])
    shared_a, shared_b = [], []
    if SHOW_SHARED_ACTORS & {reason["type"] for reason in reasons}:
        shared_a, shared_b = shared_actor_spans(a.sentence, b.sentence)
    return {
        "id": row.id, "type": row.type, "label": label(row.type), "score": round(row.score, 4), "tier": row.tier,
        "a": side_json(a, reasons, "a", support[a.sentence_id], shared_a),
        "b": side_json(b, reasons, "b", support[b.sentence_id], shared_b),
        "reasons": [describe(reason) for reason in reasons],
    }


def counts(items: list[dict]) -> dict:
    """Contradictions per type, and per outlet (an outlet on both sides counts once)."""
    by_type = Counter(item["type"] for item in items)
    by_outlet = Counter(outlet for item in items for outlet in {item["a"]["outlet"], item["b"]["outlet"]})
    return {"by_type": _most_first(by_type), "by_outlet": _most_first(by_outlet)}


def _most_first(counter: Counter) -> dict:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def timeline(claims: dict[dt.date, int], items: list[dict]) -> list[dict]:
    """Claims and contradictions per day; a contradiction counts on the day its later side appeared."""
    found = Counter(max(d for d in (i["a"]["published_at"], i["b"]["published_at"]) if d) for i in items
                    if i["a"]["published_at"] or i["b"]["published_at"])
    days = sorted({day.isoformat() for day in claims} | set(found))
    by_iso = {day.isoformat(): n for day, n in claims.items()}
    return [{"date": day, "claims": by_iso.get(day, 0), "contradictions": found.get(day, 0)} for day in days]


def build_report(db: Database, *, since: dt.date | None = None, until: dt.date | None = None,
                 type_: str | None = None, outlet: str | None = None, actors: bool = True,
                 tier: str = "confirmed") -> dict:
    """The report over contradictions with a side published in [since, until] (both optional).

    ``type_`` and ``outlet`` narrow the contradictions (as ``factalign
    contradictions`` does); the actors' stance maps cover the same days but
    every outlet and type, since comparing outlets is their point. ``tier``:
    the confirmed conflicts (the default), the possible ones, or all.
    """
    if since and until and since > until:
        raise InputError(f"the start date {since} is after the end date {until}")
    with db.session() as session:
        rows = contradiction_rows(session, type_=type_, outlet=outlet, since=since, until=until, tier=tier)
        sentence_ids = sorted({record.sentence_id for _, a, b in rows for record in (a, b)})
        cluster_of = clusters_of(session, sentence_ids)
        support = support_for(session, sentence_ids, cluster_of)
        story_of = stories_of(session, sorted({record.article_id for _, a, b in rows for record in (a, b)}))
        claims = claims_per_day(session, since, until)
        actor_maps = actor_stance_maps(session, since, until) if actors else []
    items = [contradiction_item(row, a, b, support) for row, a, b in rows]
    stories = group_stories(items, story_of)
    return {
        "report_version": REPORT_VERSION,
        "generated_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "filters": {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
                    "type": type_, "outlet": outlet},
        "totals": {"contradictions": len(items), "stories": len(stories), "claims": sum(claims.values()),
                   "outlets": len({i[s]["outlet"] for i in items for s in ("a", "b")}), "actors": len(actor_maps)},
        "counts": counts(items),
        "timeline": timeline(claims, items),
        "stories": stories,
        "actors": actor_maps,
    }

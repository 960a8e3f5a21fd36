"""Confirmed conflicts only between counterparts, checked against whole articles.

Each sentence of a confirmed pair must be the other's nearest sentence in
its article: a list article's other rows are not its counterpart. On fresh
days one list article's tiers ("ranked 1 to 5 ... 40 million", "ranked 11
to 14 ... 15 million") were set against another outlet's copy of a
*different* row, while the copy's own counterpart, the same row, agreed
with it. A chunk's candidates (a sentence's ten nearest neighbours) cannot
decide this: a table row that every outlet printed ("- ten years at
2.65 %", "- seven years at 2.34 %") has more identical copies than ten, so
the row's true counterpart can be missing from them (the blind audit of
2015-08-06..11, two flags). Confirmed flags are few (about one a day), so
the driver checks each one against every sentence of both articles before
it is written; a pair beaten so stays stored, as possible.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.judge.bulk import Finding
from service.store.articles import sentence_records
from service.store.schema import Sentence
from service.store.vectors import vectors_for

# Cosines this close are one sentence told twice, not a nearer counterpart.
MARGIN = 1e-3


def demote_against_articles(session: Session, found: list[Finding], encoder: str) -> list[Finding]:
    """``found`` with each confirmed conflict whose sentences are not each other's nearest in
    the other's article made possible."""
    confirmed = [f for f in found if f.kind == "contradiction" and f.tier == "confirmed"]
    if not confirmed:
        return found
    own = sorted({i for f in confirmed for i in (f.a_id, f.b_id)})
    records = sentence_records(session, own)
    articles = {records[i].article_id for i in own if i in records}
    siblings = dict(session.execute(select(Sentence.id, Sentence.article_id)
                                    .where(Sentence.article_id.in_(sorted(articles)))).all())
    vectors = vectors_for(session, encoder, sorted(set(siblings) | set(own)))
    records.update(sentence_records(session, sorted(set(siblings) - set(records))))
    demoted = {(f.a_id, f.b_id) for f in confirmed if _beaten(f, siblings, vectors, records)}
    return [replace(f, tier="possible") if (f.a_id, f.b_id) in demoted else f for f in found]


def _beaten(f: Finding, siblings: dict[int, str], vectors, records) -> bool:
    """Whether a sentence of one side's article is nearer the other side than the pair itself
    (exact cosines on both sides of the comparison: the index's may be approximate)."""
    if f.a_id not in vectors or f.b_id not in vectors:
        return False
    pair = float(vectors[f.a_id] @ vectors[f.b_id])
    for mine, theirs in ((f.a_id, f.b_id), (f.b_id, f.a_id)):
        article = records[theirs].article_id
        text = records[theirs].sentence
        for s, of in siblings.items():
            if of == article and s != theirs and s in vectors and records[s].sentence != text \
                    and float(vectors[mine] @ vectors[s]) > pair + MARGIN:
                return True
    return False

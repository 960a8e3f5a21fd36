"""``factalign audit sample``: a stratified random sample of what align output, to label by reading.

Three kinds of item, each a pair of stored sentences with what a reader
needs to judge it (both sentences with the sentence before and after,
titles, outlets, dates, URLs):

- ``flag``: a stored contradiction, stratified by type so that rare types
  are read too (every type gets at least ``MIN_PER_TYPE`` or all it has);
- ``link``: a stored same-claim link (an agree edge that passed the link bar,
  ``service/jobs/link_bar.py``);
- ``pair``: an unflagged same-story pair: a sentence's nearest neighbour
  from another article, above ``PAIR_MIN_COSINE``, with no row stored. Real
  conflicts the judge missed are found among these (recall).

The draw is seeded: the same store and seed give the same sample.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from service.audit.references import reference
from service.models import SentenceRecord
from service.store.articles import sentence_records
from service.store.schema import ClaimLink, Contradiction, Sentence
from service.store.vectors import vectors_for

MIN_PER_TYPE = 5
PAIR_MIN_COSINE = 0.5
PAIR_NEIGHBOURS = 5


def stratified(rows_by_type: dict[str, list], size: int, rng: random.Random) -> list:
    """``size`` rows, each type in proportion to its count but never fewer than MIN_PER_TYPE (or all it has)."""
    total = sum(len(rows) for rows in rows_by_type.values())
    chosen = []
    for kind in sorted(rows_by_type):
        rows = rows_by_type[kind]
        share = max(MIN_PER_TYPE, round(size * len(rows) / total)) if total else 0
        chosen += rng.sample(rows, min(len(rows), share))
    return chosen


def flag_items(session: Session, size: int, rng: random.Random, tier: str = "all") -> list[tuple[str, int, int, dict]]:
    by_type: dict[str, list] = {}
    query = select(Contradiction.id, Contradiction.a_id, Contradiction.b_id, Contradiction.type,
                   Contradiction.score, Contradiction.reasons, Contradiction.tier)
    if tier != "all":
        query = query.where(Contradiction.tier == tier)
    for row in session.execute(query):
        by_type.setdefault(row.type, []).append(row)
    return [(f"flag-{r.id}", r.a_id, r.b_id, {"type": r.type, "tier": r.tier, "score": round(r.score, 4),
                                              "reasons": r.reasons})
            for r in stratified(by_type, size, rng)]


def link_items(session: Session, size: int, rng: random.Random) -> list[tuple[str, int, int, dict]]:
    rows = session.execute(select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.score)
                           .where(ClaimLink.same_claim.is_(True)).order_by(ClaimLink.a_id, ClaimLink.b_id)).all()
    return [(f"link-{a}-{b}", a, b, {"score": round(score, 4)}) for a, b, score in rng.sample(rows, min(size, len(rows)))]


def pair_items(session: Session, size: int, rng: random.Random, encoder: str,
               search: Callable[[np.ndarray, int], tuple[np.ndarray, np.ndarray]]) -> list[tuple[str, int, int, dict]]:
    """Unflagged same-story pairs: random sentences and their nearest neighbour from another article."""
    ids = list(session.scalars(select(Sentence.id)))
    stored = {tuple(r) for t in (Contradiction, ClaimLink) for r in session.execute(select(t.a_id, t.b_id))}
    found, seen = [], set()
    for start in range(0, len(ids), 500):
        if len(found) >= size:
            break
        probe = rng.sample(ids, min(500, len(ids)))
        vectors = vectors_for(session, encoder, probe)
        probe = [i for i in probe if i in vectors]
        if not probe:
            continue
        scores, neighbours = search(np.stack([vectors[i] for i in probe]), PAIR_NEIGHBOURS + 1)
        records = sentence_records(session, sorted(set(probe) | {int(n) for n in neighbours.ravel() if n >= 0}))
        for own, row_scores, row_ids in zip(probe, scores, neighbours):
            pair = _first_other(records, own, row_scores, row_ids)
            if pair and pair[:2] not in stored and pair[:2] not in seen:
                seen.add(pair[:2])
                found.append((f"pair-{pair[0]}-{pair[1]}", pair[0], pair[1], {"score": round(pair[2], 4)}))
    return found[:size]


def _first_other(records: dict[int, SentenceRecord], own: int, scores, ids) -> tuple[int, int, float] | None:
    mine = records.get(own)
    for score, other in zip(scores, ids):
        other = int(other)
        theirs = records.get(other)
        if mine is None or theirs is None or other == own or score < PAIR_MIN_COSINE:
            continue
        if theirs.article_id != mine.article_id and theirs.sentence != mine.sentence:
            return (min(own, other), max(own, other), float(score))
    return None


def labelling_rows(session: Session, items: list[tuple[str, int, int, dict]], kind_of: Callable[[str], str]) -> list[dict]:
    """The labelling file's rows: both sides with their context, an empty label and why."""
    records = sentence_records(session, sorted({i for _, a, b, _ in items for i in (a, b)}))
    context = _neighbour_texts(session, records)
    rows = []
    for item, a_id, b_id, extra in items:
        a, b = records.get(a_id), records.get(b_id)
        if a is None or b is None:
            continue
        days = [d for d in (a.published_at, b.published_at) if d]
        rows.append({"item": item, "kind": kind_of(item), "day": max(days).isoformat() if days else None, **extra,
                     "a": _side(a, context), "b": _side(b, context), "label": "", "why": ""})
    return rows


def _side(record: SentenceRecord, context: dict[int, tuple[str, str]]) -> dict:
    before, after = context.get(record.sentence_id, ("", ""))
    return {**reference(record).to_json(), "outlet": record.outlet, "published_at":
            record.published_at.isoformat() if record.published_at else None, "title": record.title,
            "sentence": record.sentence, "before": before, "after": after}


def _neighbour_texts(session: Session, records: dict[int, SentenceRecord]) -> dict[int, tuple[str, str]]:
    """The sentence before and after each record in its article."""
    wanted = {}
    for sentence_id in records:
        row = session.get(Sentence, sentence_id)
        wanted[sentence_id] = (row.article_id, row.position)
    texts = {}
    for sentence_id, (article_id, position) in wanted.items():
        rows = dict(session.execute(select(Sentence.position, Sentence.text).where(
            Sentence.article_id == article_id, Sentence.position.in_([position - 1, position + 1]))).all())
        texts[sentence_id] = (rows.get(position - 1, ""), rows.get(position + 1, ""))
    return texts


def draw(session: Session, *, flags: int, links: int, pairs: int, seed: int, encoder: str | None = None,
         search=None, tier: str = "all") -> list[dict]:
    rng = random.Random(seed)
    items = flag_items(session, flags, rng, tier) + link_items(session, links, rng)
    if pairs and search is not None:
        items += pair_items(session, pairs, rng, encoder, search)
    rng.shuffle(items)
    return labelling_rows(session, items, lambda item: item.split("-", 1)[0])

"""The link bar: when an agree edge says two reports state the same claim.

The judge's "agree" means "same event, nothing that conflicts"; at its
cosine floor (``bulk.LINK_MIN_COSINE``) that takes in two facts of one
story (the pensions of 60 euros and the deal of 60,000 dollars). A link is
a stricter judgement, read from both sentences:

- the two are the same text (wire copy), spelling folded; or
- the cosine is at least ``MIN_COSINE``, most of their words are shared
  (``MIN_WORD_OVERLAP``, a near-spelled form counting), and every figure
  one side states is on the other side too (a figure only one side states
  is a fact the other does not report); or
- the cosine is at least ``STRONG_COSINE`` (another construction of the
  same words: other tense, parties in another order), and the figures agree
  as above.

Two sentences of one article are never a link (a repetition is not a second
report), and furniture never reaches here (it has no edges). Thresholds
were chosen on the development days' labelled pairs
(``benchmarks/labels``, days in ``benchmarks/audit_judge.py``); the
held-out days' precision is in ``benchmarks/results/clusters.json``.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from service.claims.slot_codec import record_slots
from service.judge.features import word_overlap
from service.models import SentenceRecord
from service.pipeline.normalize import normalize_for_match
from service.store.articles import sentence_records
from service.store.schema import ClaimLink

MIN_COSINE = 0.7
MIN_WORD_OVERLAP = 0.5
STRONG_COSINE = 0.85
# Edges read per round: their two sentences' records and slots are held at once.
BATCH = 5_000


def same_claim(a: SentenceRecord, b: SentenceRecord, cosine: float) -> bool:
    if a.article_id == b.article_id:
        return False
    if normalize_for_match(a.sentence) == normalize_for_match(b.sentence):
        return True
    if cosine < MIN_COSINE or not figures_agree(a, b):
        return False
    return cosine >= STRONG_COSINE or word_overlap(a.sentence, b.sentence) >= MIN_WORD_OVERLAP


def figures_agree(a: SentenceRecord, b: SentenceRecord) -> bool:
    """Every figure either side states is stated by the other (percentages apart from counts)."""
    values_a, values_b = _figures(a), _figures(b)
    return values_a == values_b


def _figures(record: SentenceRecord) -> frozenset[tuple[float, bool]]:
    return frozenset((round(q.value, 6), q.is_percent) for q in record_slots(record).quantities)


def read_new_edges(session: Session) -> int:
    """Give every agree edge not read yet its ``same_claim``; returns how many were read."""
    read = 0
    while True:
        edges = session.execute(select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.score)
                                .where(ClaimLink.same_claim.is_(None)).limit(BATCH)).all()
        if not edges:
            return read
        records = sentence_records(session, sorted({i for a, b, _ in edges for i in (a, b)}), with_slots=True)
        rows = [{"a_id": a, "b_id": b, "same_claim": a in records and b in records
                 and same_claim(records[a], records[b], score)} for a, b, score in edges]
        session.execute(update(ClaimLink), rows)            # bulk UPDATE by primary key
        read += len(rows)

"""The link bar: when an agree edge says two reports state the same claim.

The judge's "agree" means "same event, nothing that conflicts"; at its
cosine floor (``bulk.LINK_MIN_COSINE``) that takes in two facts of one
story (the pensions of 60 euros and the deal of 60,000 dollars). A link is
a stricter judgement, read from both sentences:

- the two are the same text (wire copy), spelling folded; or
- the cosine is at least ``MIN_COSINE``, the figures of one side are all
  figures of the other (a longer report may add a figure; two different
  figures are two facts: gold up 0.4 % against gold down 0.3 %), and
  either many of their words are shared (``MIN_WORD_OVERLAP``, a
  near-spelled form counting), or ``MIN_SHARED_ACTORS`` named actors and
  places are, or the cosine is at least ``STRONG_COSINE`` (another
  construction of the same words: other tense, parties in another order);
  or, when the two are written in two scripts (an English, French or
  Russian telling of an Arabic report: no word can be shared, and a name
  shared by three actors is as often a royal title as a claim),
  ``cross_script.same_claim_across`` instead: the facts that meet across
  scripts (figures, written dates, rare names), at its own cosine floor.

Two sentences of one article are never a link (a repetition is not a second
report); neither is a line of fewer than ``MIN_WORDS`` words (a greeting, a
"watch the video" line the furniture detector has not caught yet), and
furniture never reaches here (it has no edges). The thresholds were chosen
on the development days' labelled agree edges (``benchmarks/labels``, days
as in ``benchmarks/audit_judge.py``): 33 of 34 linked are the same claim,
33 of the 39 such edges linked; held-out figures are in
``benchmarks/results/clusters.json``.
"""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from service.claims.slot_codec import record_slots
from service.jobs.cross_script import MIN_COSINE as CROSS_SCRIPT_MIN_COSINE
from service.jobs.cross_script import across_scripts, same_claim_across, script_of, two_scripts
from service.judge.features import word_overlap
from service.models import SentenceRecord
from service.pipeline.segment import text_hash
from service.store.articles import sentence_records
from service.store.database import id_chunks
from service.store.schema import ClaimLink, Sentence

MIN_COSINE = 0.7
MIN_WORD_OVERLAP = 0.4
MIN_SHARED_ACTORS = 3
STRONG_COSINE = 0.85
MIN_WORDS = 6
# Edges read per round: their two sentences' records and slots are held at once.
BATCH = 5_000


def same_claim(a: SentenceRecord, b: SentenceRecord, cosine: float, *, same_text: bool | None = None) -> bool:
    """``same_text``: whether the two have one spelling-folded text (their ``text_hash``), if known."""
    if a.article_id == b.article_id or min(len(a.sentence.split()), len(b.sentence.split())) < MIN_WORDS:
        return False
    if same_text is None:
        same_text = text_hash(a.sentence) == text_hash(b.sentence)
    if same_text:
        return True
    if across_scripts(a.sentence, b.sentence):
        return same_claim_across(a, b, cosine)
    if cosine < MIN_COSINE or not figures_agree(a, b):
        return False
    if cosine >= STRONG_COSINE or word_overlap(a.sentence, b.sentence) >= MIN_WORD_OVERLAP:
        return True
    return len(_actors(a) & _actors(b)) >= MIN_SHARED_ACTORS


def figures_agree(a: SentenceRecord, b: SentenceRecord) -> bool:
    """The figures of one side are all figures of the other (percentages apart from counts)."""
    values_a, values_b = _figures(a), _figures(b)
    return values_a <= values_b or values_b <= values_a


@lru_cache(maxsize=65_536)       # a sentence sits in many edges: its payload is decoded once
def _figures(record: SentenceRecord) -> frozenset[tuple[float, bool]]:
    return frozenset((round(q.value, 6), q.is_percent) for q in record_slots(record).quantities)


@lru_cache(maxsize=65_536)
def _actors(record: SentenceRecord) -> frozenset[str]:
    return frozenset(record_slots(record).entity_keys())


def read_new_edges(session: Session) -> int:
    """Give every agree edge not read yet its ``same_claim``; returns how many were read.

    Edges are read in key order, a batch at a time; the links of a batch are
    written by key, and its other edges with one UPDATE over the batch's key
    range (every unread edge up to the batch's last key is in the batch):
    most edges are not links, and a row-by-row UPDATE of them was a fifth of
    the stage.
    """
    read = 0
    while True:
        edges = session.execute(select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.score)
                                .where(ClaimLink.same_claim.is_(None))
                                .order_by(ClaimLink.a_id, ClaimLink.b_id).limit(BATCH)).all()
        if not edges:
            return read
        links = _links_among(session, edges)
        if links:
            session.execute(update(ClaimLink), [{"a_id": a, "b_id": b, "same_claim": True} for a, b in links])
        last_a, last_b = edges[-1][0], edges[-1][1]
        session.execute(update(ClaimLink).where(
            ClaimLink.same_claim.is_(None),
            or_(ClaimLink.a_id < last_a, and_(ClaimLink.a_id == last_a, ClaimLink.b_id <= last_b)))
            .values(same_claim=False).execution_options(synchronize_session=False))
        read += len(edges)


def _links_among(session: Session, edges) -> list[tuple[int, int]]:
    ids = sorted({i for a, b, _ in edges for i in (a, b)})
    hashes: dict[int, str] = {}
    scripts: dict[int, str] = {}
    for chunk in id_chunks(ids):
        for i, hash_, text in session.execute(select(Sentence.id, Sentence.text_hash, Sentence.text)
                                              .where(Sentence.id.in_(chunk))):
            hashes[i], scripts[i] = hash_, script_of(text)
    # Below the cosine floor only one text printed twice, or two scripts at the cross-script
    # floor, can be a link: no record (slots) needed for the others, most of the edges.
    wanted = sorted({i for a, b, score in edges if score >= MIN_COSINE or hashes.get(a) == hashes.get(b)
                     or (score >= CROSS_SCRIPT_MIN_COSINE and two_scripts(scripts[a], scripts[b]))
                     for i in (a, b)})
    records = sentence_records(session, wanted, with_slots=True)
    return [(a, b) for a, b, score in edges if a in records and b in records
            and same_claim(records[a], records[b], score, same_text=hashes[a] == hashes[b])]

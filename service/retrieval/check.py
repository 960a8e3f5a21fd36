"""``check``: the reports in the store that talk about a claim.

Retrieve by embedding (above the cosine floor ``FACTALIGN_RELEVANCE_THRESHOLD``),
then keep the reports likely to be about the claim (``relevance.py``: a
calibrated probability from the cosine, the gap to the best match and the
names and figures shared), and tier each item: *confident* when that
probability is over one half and the claim is long enough to be specific,
otherwise a *suggestion*. Each item says why it is listed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import numpy as np

from service.context import Context
from service.claims.numbers import counted_nouns_matched_by
from service.claims.slot_codec import prime_records
from service.claims.slots import extract_slots
from service.errors import InputError
from service.judge.learned import disagree_probabilities
from service.judge.verdict import MODES, Side, assess, believable_reasons, decide, needs_classifier
from service.models import Evidence, SentenceRecord
from service.pipeline.normalize import is_arabic, standard_letters
from service.retrieval.counted_nouns import written_nouns
from service.retrieval.relevance import CONFIDENT_MIN, SHOW_MIN, relevance, same_fact
from service.retrieval.wire_copies import copy_key, group_copies, grouped_json
from service.store.articles import furniture_among, sentence_records
from service.store.vectors import vectors_for

MAX_CLAIM_CHARS = 2000
# Short claims ("Putin spoke") match many sentences loosely: never confident.
MIN_CONFIDENT_WORDS = 5
CANDIDATES = 50
# A report this close to the claim's best match, repeating its names and figures, is taken to be
# about the claim's own fact (verdict.ANCHORED_REASON_MIN_COSINE): other sentences of the story
# sit farther down and keep the usual bars.
ANCHORED_GAP = 0.05
# With filters, most nearest neighbours may be filtered out: look further.
FILTERED_CANDIDATES = 200


@dataclass(frozen=True)
class CheckFilters:
    """Which stored reports a check may return (None: no restriction)."""

    since: dt.date | None = None
    until: dt.date | None = None
    outlets: frozenset[str] | None = None
    languages: frozenset[str] | None = None

    @property
    def active(self) -> bool:
        return any(value is not None for value in (self.since, self.until, self.outlets, self.languages))

    def keep(self, record: SentenceRecord) -> bool:
        if self.outlets is not None and record.outlet not in self.outlets:
            return False
        if self.languages is not None and record.language not in self.languages:
            return False
        date = record.published_at
        if self.since is not None and (date is None or date < self.since):
            return False
        return not (self.until is not None and (date is None or date > self.until))


def validate_claim(claim: str, max_chars: int = MAX_CLAIM_CHARS) -> str:
    if not isinstance(claim, str) or not claim.strip():
        raise InputError("claim is empty: give the sentence to check")
    if len(claim) > max_chars:
        raise InputError(f"claim is {len(claim):,} characters, over the {max_chars:,}-character limit "
                         f"(FACTALIGN_MAX_CLAIM_CHARS raises it)")
    return standard_letters(claim.strip())


def retrieve(ctx: Context, claim: str, k: int) -> tuple[np.ndarray | None, list[tuple[int, float]]]:
    """The claim's vector and (sentence id, cosine) of the k nearest stored sentences."""
    index = ctx.index()
    if index is None or len(index) == 0:
        return None, []
    query = np.asarray(ctx.encode([claim]), dtype=np.float32)
    found = ctx.search(query, k)
    if found is None:
        return None, []
    scores, ids = found
    return query[0], [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def relevant_evidence(ctx: Context, claim: str, k: int = CANDIDATES, filters: CheckFilters = CheckFilters(),
                      ) -> tuple[np.ndarray | None, list[Evidence]]:
    """The claim's vector, and the reports above the relevance threshold that pass the filters, best first."""
    settings = ctx.settings
    query, hits = retrieve(ctx, claim, k)
    hits = [(i, s) for i, s in hits if s >= settings.relevance_threshold]
    if not hits:
        return query, []
    with ctx.db.session() as session:
        records = sentence_records(session, [i for i, _ in hits], with_slots=True)
        for furniture in furniture_among(session, list(records)):
            del records[furniture]
    prime_records(records.values())
    kept = [(records[i], s) for i, s in hits if i in records and filters.keep(records[i])]
    _prepare_counted_nouns(ctx, claim, [record for record, _ in kept])
    return query, calibrated(claim, kept)


def _prepare_counted_nouns(ctx: Context, claim: str, records: list[SentenceRecord]) -> None:
    """Encode, in one batch, the counted nouns outside the lexicon the claim and the reports give
    (``counted_nouns.py``), when the claim has one: the judge will ask whether they meet."""
    nouns = ctx.counted_nouns
    mine = [q for q in extract_slots(claim).quantities if nouns.asks_about(q.unit)]
    if not mine:
        return
    scripts = {is_arabic(q.unit) for q in mine}
    theirs = [q for r in records for q in extract_slots(r.sentence, r.published_at, r.language).quantities
              if nouns.asks_about(q.unit) and (not is_arabic(q.unit)) in scripts]
    if theirs:                  # only nouns of two scripts are ever compared (CountedNouns.same)
        nouns.prepare([q.unit for q in mine + theirs], written_nouns(mine + theirs))


def calibrated(claim: str, hits: list[tuple[SentenceRecord, float]]) -> list[Evidence]:
    """The reports likely enough to be about the claim (``relevance.SHOW_MIN``), each with its
    probability, tier and why it is listed; best first, as retrieved."""
    claim_slots, best = extract_slots(claim), max((s for _, s in hits), default=0.0)
    words = len(re.findall(r"\w+", claim))
    evidence = []
    for record, score in hits:
        found = relevance(score, best, claim_slots, extract_slots(record.sentence, record.published_at, record.language))
        if found.probability < SHOW_MIN and not same_fact(found):
            continue                    # another story: improbable, and nothing of the claim's in it
        kind = "confident" if found.probability >= CONFIDENT_MIN and words >= MIN_CONFIDENT_WORDS else "suggestion"
        evidence.append(Evidence(record=record, score=score, tier=kind, probability=found.probability,
                                 why=found.why(score), relevance=found))
    return evidence


def split_by_verdict(ctx: Context, claim: str, query: np.ndarray | None, evidence: list[Evidence],
                     nli=None, top_k: int | None = None) -> tuple[list[Evidence], list[Evidence]]:
    """(supporting, conflicting), best first: each report lands in one list at most.

    The verdicts are ``judge``'s; the work is less, for the same lists:

    - The learned classifier only ever drops reasons of the weak kinds, so it
      runs, in one batch, for the reports whose reasons include one; for the
      others it could change nothing, and its features (every slot of both
      sentences) were most of a check's time.
    - With ``top_k``, once ``top_k`` distinct reports (best first; wire
      copies are one report, see wire_copies.py) are sure to support the
      claim, a later report can only still be shown as a conflict, which
      needs a reason: its reasons are looked for first, and whether it is
      about the same event (the actors of both sentences, the costliest slot)
      only when it has some. An NLI model can find a conflict without slot
      reasons, so with one every report is judged in full.
    """
    claim_side, assessed, sure_support = Side(claim), [], set()
    best = max((item.score for item in evidence), default=0.0)
    for item in evidence:
        record = item.record
        side = Side(record.sentence, record.published_at, record.language)
        anchored = item.score >= best - ANCHORED_GAP and item.relevance is not None and same_fact(item.relevance)
        if nli is None and top_k is not None and len(sure_support) >= top_k \
                and not believable_reasons(extract_slots(claim), extract_slots(side.text, side.published_at, side.language),
                                           cosine=item.score, mode="check", anchored=anchored):
            continue
        event, reasons = assess(claim_side, side, cosine=item.score, mode="check", list_shared=False,
                                anchored=anchored)
        if not event.same:
            continue
        assessed.append((item, event, reasons))
        if not reasons and item.score >= MODES["check"]["agree_min"]:
            sure_support.add(copy_key(item))
    waiting = [item for item, _, reasons in assessed if needs_classifier(reasons)]
    disagree = dict(zip((id(item) for item in waiting), _disagree(ctx, claim, query, waiting)))
    supporting, conflicting = [], []
    for item, event, reasons in assessed:
        verdict = decide(claim, item.record.sentence, event, reasons, cosine=item.score, mode="check", nli=nli,
                         disagree=disagree.get(id(item)))
        if verdict.verdict == "conflict" and item.relevance is not None and not same_fact(item.relevance, verdict.reasons):
            # Too little of the claim's names and figures in it to believe the reasons are about the
            # claim's fact (another fact of the story, or names the slots could not match across
            # scripts): the report is judged without them, and stays listed rather than vanishing.
            verdict = decide(claim, item.record.sentence, event, (), cosine=item.score, mode="check")
        if verdict.verdict == "conflict":
            conflicting.append(replace(item, reasons=verdict.reasons))
        elif verdict.verdict == "agree":
            supporting.append(item)
    return supporting, conflicting


def _disagree(ctx: Context, claim: str, query: np.ndarray | None, evidence: list[Evidence]) -> list[float | None]:
    """The classifier's P(disagree) of the claim against each report."""
    if not evidence or query is None:
        return [None] * len(evidence)
    with ctx.db.session() as session:
        vectors = vectors_for(session, ctx.encoder.name, [e.record.sentence_id for e in evidence])
    if any(e.record.sentence_id not in vectors for e in evidence):
        return [None] * len(evidence)            # re-embedding under way: no signal rather than a wrong one
    others = np.stack([vectors[e.record.sentence_id] for e in evidence])
    return disagree_probabilities([claim] * len(evidence), [e.record.sentence for e in evidence],
                                  np.tile(query, (len(evidence), 1)), others, ctx.encoder.name)


def with_warnings(item: Evidence) -> Evidence:
    """The report with the problems inside its own sentence (read only for what is returned)."""
    record = item.record
    return replace(item, warnings=extract_slots(record.sentence, record.published_at, record.language).warnings())


def check_claim(ctx: Context, claim: str, *, top_k: int = 5, filters: CheckFilters = CheckFilters(),
                by_article: bool = False) -> dict:
    """The supporting and conflicting reports; ``by_article``: also the top_k articles with their stance."""
    claim = validate_claim(claim, ctx.settings.max_claim_chars)
    if not 1 <= top_k <= 100:
        raise InputError("top_k must be between 1 and 100")
    candidates = FILTERED_CANDIDATES if filters.active else CANDIDATES
    with counted_nouns_matched_by(ctx.counted_nouns.same):
        query, evidence = relevant_evidence(ctx, claim, max(candidates, top_k), filters)
        # An article's stance needs every report judged, not only until top_k supports are sure.
        supporting, conflicting = split_by_verdict(ctx, claim, query, evidence, ctx.nli(),
                                                   None if by_article else top_k)
    result = {"claim": claim, "supporting": listed(supporting, top_k), "conflicting": listed(conflicting, top_k)}
    if by_article:
        from service.retrieval.article_stance import article_stances

        result["articles"] = article_stances(evidence, supporting, conflicting, top_k)
    return result


def listed(evidence: list[Evidence], top_k: int) -> list[dict]:
    """The top_k distinct reports: copies of one text are one item naming every outlet that carried it."""
    return [grouped_json(copies, with_warnings(copies[0]).to_json()) for copies in group_copies(evidence)[:top_k]]

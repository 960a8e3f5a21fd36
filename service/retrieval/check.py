"""``check``: the reports in the store that talk about a claim.

Retrieve by embedding, keep what clears the calibrated relevance threshold,
and tier each item: a *confident* match needs a high score and a claim long
enough to be specific; everything else above the threshold is a *suggestion*.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

import numpy as np

from service.context import Context
from service.claims.slots import extract_slots
from service.errors import InputError
from service.judge.learned import disagree_probabilities
from service.judge.verdict import Side, judge
from service.models import Evidence, SentenceRecord
from service.store.articles import sentence_records
from service.store.vectors import vectors_for

MAX_CLAIM_CHARS = 2000
# Short claims ("Putin spoke") match many sentences loosely: never confident.
MIN_CONFIDENT_WORDS = 5
CANDIDATES = 50
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
        raise InputError(f"claim is {len(claim):,} characters, over the {max_chars:,}-character limit")
    return claim.strip()


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


def tier(score: float, claim: str, confident_threshold: float) -> str:
    words = len(re.findall(r"\w+", claim))
    if score >= confident_threshold and words >= MIN_CONFIDENT_WORDS:
        return "confident"
    return "suggestion"


def relevant_evidence(ctx: Context, claim: str, k: int = CANDIDATES, filters: CheckFilters = CheckFilters(),
                      ) -> tuple[list[Evidence], list[float | None]]:
    """Reports above the relevance threshold that pass the filters, and the classifier's P(disagree) for each."""
    settings = ctx.settings
    query, hits = retrieve(ctx, claim, k)
    hits = [(i, s) for i, s in hits if s >= settings.relevance_threshold]
    if not hits:
        return [], []
    with ctx.db.session() as session:
        records = sentence_records(session, [i for i, _ in hits])
        vectors = vectors_for(session, ctx.encoder.name, [i for i, _ in hits])
    evidence = [Evidence(record=records[i], score=s, tier=tier(s, claim, settings.confident_threshold))
                for i, s in hits if i in records and i in vectors and filters.keep(records[i])]
    others = np.stack([vectors[e.record.sentence_id] for e in evidence]) if evidence else None
    disagree = disagree_probabilities([claim] * len(evidence), [e.record.sentence for e in evidence],
                                      np.tile(query, (len(evidence), 1)), others, ctx.encoder.name)
    return evidence, disagree


def split_by_verdict(claim: str, evidence: list[Evidence], disagree: list[float | None],
                     nli=None) -> tuple[list[Evidence], list[Evidence]]:
    """(supporting, conflicting): each report lands in one list at most."""
    supporting, conflicting = [], []
    for item, p_disagree in zip(evidence, disagree):
        record = item.record
        verdict = judge(Side(claim), Side(record.sentence, record.published_at, record.language),
                        cosine=item.score, mode="check", nli=nli, disagree=p_disagree)
        item = replace(item, warnings=extract_slots(record.sentence, record.published_at, record.language).warnings())
        if verdict.verdict == "conflict":
            conflicting.append(replace(item, reasons=verdict.reasons))
        elif verdict.verdict == "agree":
            supporting.append(item)
    return supporting, conflicting


def check_claim(ctx: Context, claim: str, *, top_k: int = 5, filters: CheckFilters = CheckFilters()) -> dict:
    claim = validate_claim(claim, ctx.settings.max_claim_chars)
    if not 1 <= top_k <= 100:
        raise InputError("top_k must be between 1 and 100")
    candidates = FILTERED_CANDIDATES if filters.active else CANDIDATES
    evidence, disagree = relevant_evidence(ctx, claim, max(candidates, top_k), filters)
    supporting, conflicting = split_by_verdict(claim, evidence, disagree, ctx.nli())
    return {
        "claim": claim,
        "supporting": [e.to_json() for e in supporting[:top_k]],
        "conflicting": [e.to_json() for e in conflicting[:top_k]],
    }

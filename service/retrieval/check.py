"""``check``: the reports in the store that talk about a claim.

Retrieve by embedding, keep what clears the calibrated relevance threshold,
and tier each item: a *confident* match needs a high score and a claim long
enough to be specific; everything else above the threshold is a *suggestion*.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from service.context import Context
from service.errors import InputError
from service.judge.verdict import Side, judge
from service.models import Evidence
from service.store.articles import sentence_records

MAX_CLAIM_CHARS = 2000
# Short claims ("Putin spoke") match many sentences loosely: never confident.
MIN_CONFIDENT_WORDS = 5
CANDIDATES = 50


def validate_claim(claim: str, max_chars: int = MAX_CLAIM_CHARS) -> str:
    if not isinstance(claim, str) or not claim.strip():
        raise InputError("claim is empty: give the sentence to check")
    if len(claim) > max_chars:
        raise InputError(f"claim is {len(claim):,} characters, over the {max_chars:,}-character limit")
    return claim.strip()


def retrieve(ctx: Context, claim: str, k: int) -> list[tuple[int, float]]:
    """(sentence id, cosine) of the k nearest stored sentences."""
    index = ctx.index()
    if index is None or len(index) == 0:
        return []
    query = ctx.encoder.encode([claim])
    scores, ids = index.search(np.asarray(query, dtype=np.float32), k)
    return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def tier(score: float, claim: str, confident_threshold: float) -> str:
    words = len(re.findall(r"\w+", claim))
    if score >= confident_threshold and words >= MIN_CONFIDENT_WORDS:
        return "confident"
    return "suggestion"


def relevant_evidence(ctx: Context, claim: str, k: int = CANDIDATES) -> list[Evidence]:
    settings = ctx.settings
    hits = [(i, s) for i, s in retrieve(ctx, claim, k) if s >= settings.relevance_threshold]
    if not hits:
        return []
    with ctx.db.session() as session:
        records = sentence_records(session, [i for i, _ in hits])
    return [
        Evidence(record=records[i], score=s, tier=tier(s, claim, settings.confident_threshold))
        for i, s in hits if i in records
    ]


def split_by_verdict(claim: str, evidence: list[Evidence], nli=None) -> tuple[list[Evidence], list[Evidence]]:
    """(supporting, conflicting): each report lands in one list at most."""
    supporting, conflicting = [], []
    for item in evidence:
        record = item.record
        verdict = judge(Side(claim), Side(record.sentence, record.published_at, record.language),
                        cosine=item.score, mode="check", nli=nli)
        if verdict.verdict == "conflict":
            conflicting.append(replace(item, reasons=verdict.reasons))
        elif verdict.verdict == "agree":
            supporting.append(item)
    return supporting, conflicting


def check_claim(ctx: Context, claim: str, *, top_k: int = 5) -> dict:
    claim = validate_claim(claim)
    if not 1 <= top_k <= 100:
        raise InputError("top_k must be between 1 and 100")
    evidence = relevant_evidence(ctx, claim, max(CANDIDATES, top_k))
    supporting, conflicting = split_by_verdict(claim, evidence, ctx.nli())
    return {
        "claim": claim,
        "supporting": [e.to_json() for e in supporting[:top_k]],
        "conflicting": [e.to_json() for e in conflicting[:top_k]],
    }

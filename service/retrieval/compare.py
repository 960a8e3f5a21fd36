"""``compare``: judge one pair of sentences directly."""

from __future__ import annotations

import numpy as np

from service.context import Context
from service.judge.learned import disagree_probabilities
from service.judge.verdict import Side, judge
from service.retrieval.check import validate_claim


def compare_pair(ctx: Context, a: str, b: str) -> dict:
    limit = ctx.settings.max_claim_chars
    a, b = validate_claim(a, limit), validate_claim(b, limit)
    va, vb = ctx.encode([a, b])
    cosine = float(np.dot(va, vb))
    [disagree] = disagree_probabilities([a], [b], va, vb, ctx.encoder.name)
    result = judge(Side(a), Side(b), cosine=cosine, mode="pair", nli=ctx.nli(), disagree=disagree)
    return {"a": a, "b": b, **result.to_json(), "similarity": round(cosine, 4)}

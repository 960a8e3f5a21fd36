"""``compare``: judge one pair of sentences directly.

The one judge of align and check, with the learned classifier deciding a
pair that no confirmed slot reason settles (``verdict.decide_by_classifier``):
a pair the classifier leans to conflict on is never "agree".
"""

from __future__ import annotations

import numpy as np

from service.context import Context
from service.judge.learned import class_probabilities
from service.judge.verdict import Side, judge
from service.retrieval.check import validate_claim


def compare_pair(ctx: Context, a: str, b: str) -> dict:
    limit = ctx.settings.max_claim_chars
    a, b = validate_claim(a, limit), validate_claim(b, limit)
    va, vb = ctx.encode([a, b])
    cosine = float(np.dot(va, vb))
    [probabilities] = class_probabilities([a], [b], va, vb, ctx.encoder.name, ctx.encoder)
    disagree = probabilities["disagree"] if probabilities else None
    result = judge(Side(a), Side(b), cosine=cosine, mode="pair", nli=ctx.nli(), disagree=disagree,
                   probabilities=probabilities)
    return {"a": a, "b": b, **result.to_json(), "similarity": round(cosine, 4)}

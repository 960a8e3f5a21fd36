"""Refit check's relevance probability (``service/retrieval/relevance.py``) on the cross-lingual dev half.

    python benchmarks/crosslingual_fit.py [--home DIR]

HOME is the store ``benchmarks/crosslingual.py`` built. For every dev claim
the 50 nearest reports above the cosine floor are taken; a report is
"about" the claim when its text is the target's (the target or a wire copy).
Prints the raw weights to copy into ``WEIGHTS`` and, per probability
threshold, the share of targets kept and of reports listed. The held-out
half is never read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LABELS = REPO / "benchmarks" / "labels" / "crosslingual-claims.jsonl"


def rows(ctx, cases: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    from service.claims.slots import extract_slots
    from service.evaluation.crosslingual import resolve_cases
    from service.pipeline.segment import text_hash
    from service.retrieval.check import retrieve
    from service.retrieval.relevance import features
    from service.store.articles import sentence_records

    targets = resolve_cases(ctx, cases)["targets"]
    features_of, labels = [], []
    for case in cases:
        _, hits = retrieve(ctx, case["claim"], 50)
        hits = [(i, s) for i, s in hits if s >= ctx.settings.relevance_threshold]
        with ctx.db.session() as session:
            records = sentence_records(session, [i for i, _ in hits] + [targets[case["id"]]])
        wanted = text_hash(records[targets[case["id"]]].sentence)
        claim = extract_slots(case["claim"])
        for i, score in hits:
            r = records[i]
            values, _, _ = features(score, hits[0][1], claim, extract_slots(r.sentence, r.published_at, r.language))
            features_of.append(values)
            labels.append(text_hash(r.sentence) == wanted)
    return np.array(features_of), np.array(labels)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, default=Path("/tmp/factalign-crosslingual"))
    args = parser.parse_args()
    from service.config import load_settings
    from service.context import Context
    from service.evaluation.crosslingual import read_cases
    from service.judge.logistic import fit_logistic

    ctx = Context(load_settings(home=args.home))
    x, y = rows(ctx, [c for c in read_cases(LABELS) if c["half"] == "dev"])
    model = fit_logistic(x, ["about" if v else "other" for v in y], ["about", "other"], l2=1e-3, balanced=False)
    diff = model.weights[:, 0] - model.weights[:, 1]
    weights = diff / model.scale
    bias = (model.bias[0] - model.bias[1]) - (model.mean / model.scale) @ diff
    names = ("cosine", "share", "shared_any", "gap")
    print({"bias": round(float(bias), 3), **{n: round(float(w), 3) for n, w in zip(names, weights)}})
    p = 1 / (1 + np.exp(-(x @ weights + bias)))
    for threshold in (0.05, 0.1, 0.2, 0.5):
        kept = p >= threshold
        print(f"p >= {threshold}: targets kept {(kept & y).sum() / y.sum():.3f}, listed {kept.sum()} of {len(y)}")
    ctx.close()


if __name__ == "__main__":
    main()

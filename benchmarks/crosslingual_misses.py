"""Why check misses an edited claim (or flags a faithful one): one block per claim, for reading.

    python benchmarks/crosslingual_misses.py --home DIR [--labels FILE] [--half dev] [--false] [--ids ID ...]

Run ``benchmarks/crosslingual.py`` first (it builds the store in DIR). For
every edited claim whose target is not listed as conflicting (``--false``:
every faithful claim whose target is), prints the claim, the target, their
cosine and rank, the relevance the target got, the raw slot reasons (no
cosine bar), the believable ones, the event match and the final verdict: the
stage where the conflict was lost. Tune on ``dev`` only.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def explain(ctx, case: dict, target: int) -> list[str]:
    import numpy as np

    from service.claims.slots import extract_slots
    from service.judge.reasons import slot_reasons
    from service.judge.verdict import Side, assess, decide
    from service.retrieval.check import CANDIDATES, retrieve, validate_claim
    from service.retrieval.relevance import relevance, same_fact
    from service.store.articles import sentence_records

    claim = validate_claim(case["claim"])
    query, hits = retrieve(ctx, claim, CANDIDATES)
    ranks = {i: n for n, (i, _) in enumerate(hits)}
    with ctx.db.session() as session:
        record = sentence_records(session, [target], with_slots=True)[target]
    vector = np.asarray(ctx.encode([record.sentence]), dtype=np.float32)[0]
    cosine = float(vector @ query)
    claim_slots = extract_slots(claim)
    report_slots = extract_slots(record.sentence, record.published_at, record.language)
    best = max((s for _, s in hits), default=cosine)
    found = relevance(cosine, best, claim_slots, report_slots)
    claim_side, side = Side(claim), Side(record.sentence, record.published_at, record.language)
    event, reasons = assess(claim_side, side, cosine=cosine, mode="check", anchored=same_fact(found))
    from service.models import Evidence
    from service.retrieval.check import _disagree

    disagree = _disagree(ctx, claim, query, [Evidence(record=record, score=cosine)])[0] if reasons else None
    verdict = decide(claim, record.sentence, event, reasons, cosine=cosine, mode="check", disagree=disagree)
    lines = [f"== {case['id']} [{case['relation']}/{case.get('edit')}] {case.get('why', '')[:160]}",
             f"claim : {claim}", f"target: {record.sentence}",
             f"cosine {cosine:.3f} rank {ranks.get(target, '-')} best {best:.3f}; relevance p={found.probability:.2f} "
             f"shared={list(found.shared)} missing={list(found.missing)} contested={found.contested} "
             f"roles={found.roles} report_anchors={found.report_anchors}",
             f"raw reasons: {[(r.type, r.claim, r.evidence) for r in slot_reasons(claim_slots, report_slots)]}",
             f"event: same={event.same} ({event.why}); believable: {[(r.type, r.claim, r.evidence) for r in reasons]}",
             f"verdict {verdict.verdict} (P(disagree) {disagree}); same_fact={same_fact(found, verdict.reasons)}",
             f"claim negations {[c.text for c in claim_slots.negations]} report {[c.text for c in report_slots.negations]}; "
             f"poles {[p for p in claim_slots.poles]} / {[p for p in report_slots.poles]}",
             f"claim entities {[(e.kind, e.text) for e in claim_slots.entities]}",
             f"report entities {[(e.kind, e.text) for e in report_slots.entities]}",
             f"quantities {[(q.text, q.unit) for q in claim_slots.quantities]} / "
             f"{[(q.text, q.unit) for q in report_slots.quantities]}; durations {[d for d in claim_slots.durations]} / "
             f"{[d for d in report_slots.durations]}"]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--labels", type=Path, default=REPO / "benchmarks" / "labels" / "crosslingual-claims-dev2.jsonl")
    parser.add_argument("--half", default="dev", choices=["dev", "held_out"])
    parser.add_argument("--false", action="store_true", help="faithful claims whose target is flagged instead")
    parser.add_argument("--ids", nargs="*", help="only these claim ids")
    args = parser.parse_args()

    from service.claims.numbers import counted_nouns_matched_by
    from service.config import load_settings
    from service.context import Context
    from service.evaluation.crosslingual import ARTICLES_TOP, read_cases, resolve_cases, score_case
    from service.retrieval.check import check_claim

    ctx = Context(load_settings(home=args.home))
    cases = [c for c in read_cases(args.labels) if c["half"] == args.half and (not args.ids or c["id"] in args.ids)]
    resolved = resolve_cases(ctx, cases)
    shown = 0
    for case in cases:
        target = resolved["targets"][case["id"]]
        if target is None:
            continue
        with counted_nouns_matched_by(ctx.counted_nouns.same):
            lines = explain(ctx, case, target)
        row = score_case(case, check_claim(ctx, case["claim"], top_k=ARTICLES_TOP, by_article=True), target,
                         resolved["articles"])
        wanted = (case["relation"] == "agree" and row["target_conflicting"]) if args.false else \
            (case["relation"] == "conflict" and not row["target_conflicting"])
        if wanted or args.ids:
            shown += 1
            print("\n".join(lines) + f"\ntop5={row['target_top5']}\n")
    print(f"{shown} claims shown")
    ctx.close()


if __name__ == "__main__":
    main()

"""The judge of today's code on the audited pairs: precision per tier on the tuning and held-out days.

    python benchmarks/audit_judge.py --home HOME [--labels FILE ...]

HOME is a store that ingested and embedded the labelled days of
``../shared/data/saudinewsnet`` (``factalign ingest`` + ``factalign align``):
the labels point at its sentences by reference. Every labelled pair is
judged again, as align judges it (``service.judge.bulk.judge_candidates``, then
``service.jobs.counterparts``),
so a change to the judge is measured without re-running align; the figures
that are reported come from ``factalign audit score`` on a real align run.

Days are split into a development half (tune on it) and a held-out half
(report it): ``DEV_DAYS`` and ``HELD_OUT_DAYS`` below, chosen by day before
any tuning. ``--show dev`` prints the development half's wrong confirmed
flags and missed conflicts, with the labeller's why.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

# 2015-08-02..04 were a blind audit once (all 29 confirmed flags wrong); their shapes were
# then tuned on, so they are development days now. 2015-08-06..11 were labelled blind after
# the code was frozen at commit d109579, and are reported as their own half.
DEV_DAYS = frozenset({"2015-07-22", "2015-07-24", "2015-07-26", "2015-07-31", "2015-08-02", "2015-08-03", "2015-08-04"})
HELD_OUT_DAYS = frozenset({"2015-07-23", "2015-07-25", "2015-07-27", "2015-08-01"})
BLIND_DAYS = frozenset({"2015-08-06", "2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10", "2015-08-11"})
# 2015-07-21, the corpus's last unread day, was first aligned and read after this session's rules.
FRESH_DAYS = frozenset({"2015-07-21"})
RESULTS = REPO / "benchmarks" / "results"


def judged_pairs(ctx, labelled: list[dict]) -> list[dict]:
    """Each labelled pair with what the judge says of it now."""
    from service.audit.references import resolve
    from service.jobs.counterparts import demote_against_articles
    from service.judge.bulk import judge_candidates
    from service.store.articles import furniture_among, sentence_records
    from service.store.vectors import vectors_for

    encoder = ctx.encoder.name
    with ctx.db.session() as session:
        ids = resolve(session, [ref for row in labelled for ref in row["refs"]])
        wanted = sorted(set(ids.values()))
        records = sentence_records(session, wanted, with_slots=True)
        vectors = vectors_for(session, encoder, wanted)
        furniture = furniture_among(session, wanted)
    rows, pairs = [], []
    for row in labelled:
        a, b = (ids.get(ref) for ref in row["refs"])
        if a is None or b is None or a == b or a not in vectors or b not in vectors:
            continue
        a, b = min(a, b), max(a, b)
        pairs.append((a, b, float(np.dot(vectors[a], vectors[b]))))
        rows.append({**row, "pair": (a, b), "furniture": bool({a, b} & furniture)})
    judged = judge_candidates(pairs, records, vectors, encoder)
    with ctx.db.session() as session:               # as align's driver does before it writes the rows
        judged = demote_against_articles(session, judged, encoder)
    found = {(f.a_id, f.b_id): f for f in judged}
    for row in rows:
        finding = None if row["furniture"] else found.get(row["pair"])
        row["verdict"] = (finding.tier if finding and finding.kind == "contradiction" else
                          "link" if finding else "none")
        row["now_type"] = finding.type if finding else None
    return rows


def summary(rows: list[dict]) -> dict:
    from service.audit.score import proportion

    result = {}
    for tier in ("confirmed", "possible"):
        flagged = [r for r in rows if r["verdict"] == tier]
        by_type = {}
        for kind in sorted({r["now_type"] for r in flagged}):
            of_kind = [r for r in flagged if r["now_type"] == kind]
            by_type[kind] = proportion(sum(r["label"] == "conflict" for r in of_kind), len(of_kind))
        result[tier] = {**proportion(sum(r["label"] == "conflict" for r in flagged), len(flagged)), "by_type": by_type}
    linked = [r for r in rows if r["verdict"] == "link"]
    result["links"] = proportion(sum(r["label"] == "same_claim" for r in linked), len(linked))
    conflicts = [r for r in rows if r["label"] == "conflict"]
    result["recall_confirmed"] = proportion(sum(r["verdict"] == "confirmed" for r in conflicts), len(conflicts))
    result["recall_any"] = proportion(sum(r["verdict"] in ("confirmed", "possible") for r in conflicts), len(conflicts))
    result["labels"] = dict(Counter(r["label"] for r in rows))
    return result


def table(name: str, result: dict) -> str:
    def cell(p: dict) -> str:
        return f"{p['hits']}/{p['n']} = {p['precision']} (Wilson {p['wilson_low']:.2f}-{p['wilson_high']:.2f})"

    lines = [f"## {name}", f"labels: {result['labels']}", "| what | figure |", "|---|---|"]
    for tier in ("confirmed", "possible"):
        lines.append(f"| {tier} flags: precision | {cell(result[tier])} |")
        lines += [f"| {tier} {kind} | {cell(p)} |" for kind, p in result[tier]["by_type"].items()]
    lines += [f"| links: same claim | {cell(result['links'])} |",
              f"| recall of labelled conflicts, confirmed | {cell(result['recall_confirmed'])} |",
              f"| recall of labelled conflicts, either tier | {cell(result['recall_any'])} |"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--labels", type=Path, nargs="+", default=sorted((REPO / "benchmarks" / "labels").glob("*.jsonl")),
                        help="label files (default: every file in benchmarks/labels)")
    parser.add_argument("--show", choices=("dev", "held_out", "blind", "fresh"), help="print that half's errors with the whys")
    args = parser.parse_args()
    from service.audit.score import read_labels
    from service.config import load_settings
    from service.context import Context

    ctx = Context(load_settings(home=args.home))
    labelled = read_labels(json.loads(line) for path in args.labels
                           for line in path.read_text(encoding="utf-8").splitlines() if line)
    rows = judged_pairs(ctx, labelled)
    halves = {name: [r for r in rows if r["day"] in days]
              for name, days in (("dev", DEV_DAYS), ("held_out", HELD_OUT_DAYS), ("blind", BLIND_DAYS), ("fresh", FRESH_DAYS))}
    results = {name: summary(half) for name, half in halves.items()}
    for name, result in results.items():
        print(table(name, result) + "\n")
    if args.show:
        for r in halves[args.show]:
            wrong = (r["verdict"] == "confirmed") != (r["label"] == "conflict")
            if wrong:
                print(f"{r['item']}: now {r['verdict']} {r['now_type']}, labelled {r['label']}: {r['why']}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "audit_judge.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

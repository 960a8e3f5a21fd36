"""Label claim clusters and links by reading, and score the labels: held-out days by default.

    python benchmarks/label_clusters.py sample --home HOME --out /tmp/to_label.jsonl [--clusters 40 --links 40]
    (read each row, fill "label" and "why")
    python benchmarks/label_clusters.py keep /tmp/to_label.jsonl --out benchmarks/labels/clusters-heldout.jsonl
    python benchmarks/label_clusters.py score --home HOME benchmarks/labels/clusters-heldout.jsonl

``sample`` draws, with a fixed seed, claim clusters whose first day and links
whose later side's day is one of ``--days`` (default: the held-out days of
``audit_judge.py``), and writes every member's text with its reference.
Labels: a cluster is ``one_claim`` when every member states the one claim,
else ``mixed``; a link is ``same_claim``, ``related`` or ``unrelated`` (as
``factalign audit``). ``keep`` writes the labelled rows by reference only
(article id, URL, offsets, text hash: the news stays in the shared data).
``score`` resolves the references in a store and gives the precision with
a Wilson 95 % interval: of clusters, the share ``one_claim``; of links, the
share ``same_claim``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HELD_OUT_DAYS = ("2015-07-23", "2015-07-25", "2015-07-27", "2015-08-01")
SEED = 21
KEPT_SIDE = ("article_id", "url", "offsets", "sha")


def _side(record) -> dict:
    from service.audit.references import reference

    return {**reference(record).to_json(), "outlet": record.outlet, "sentence": record.sentence,
            "published_at": record.published_at.isoformat() if record.published_at else None}


def sample(session, days: set[str], clusters: int, links: int) -> list[dict]:
    from sqlalchemy import select

    from service.store.articles import sentence_records
    from service.store.findings import cluster_facts
    from service.store.schema import ClaimLink

    rng = random.Random(SEED)
    facts = cluster_facts(session)
    chosen = sorted(c for c, item in facts.items() if item.days and min(item.days).isoformat() in days)
    chosen = rng.sample(chosen, min(clusters, len(chosen)))
    edges = session.execute(select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.score)
                            .where(ClaimLink.same_claim.is_(True)).order_by(ClaimLink.a_id, ClaimLink.b_id)).all()
    records = sentence_records(session, sorted({i for a, b, _ in edges for i in (a, b)}
                                               | {i for c in chosen for i in facts[c].members}))
    dated = [e for e in edges if max(records[e[0]].published_at, records[e[1]].published_at).isoformat() in days]
    rows = [{"item": f"cluster-{c}", "kind": "cluster", "day": min(facts[c].days).isoformat(), "label": "",
             "why": "", "members": [_side(records[i]) for i in facts[c].members]} for c in chosen]
    for a, b, score in rng.sample(dated, min(links, len(dated))):
        day = max(records[a].published_at, records[b].published_at).isoformat()
        rows.append({"item": f"link-{a}-{b}", "kind": "link", "day": day, "score": round(score, 4), "label": "",
                     "why": "", "a": _side(records[a]), "b": _side(records[b])})
    return rows


def keep(row: dict) -> dict:
    """A labelled row by reference only."""
    kept = {key: row[key] for key in ("item", "kind", "day", "label", "why") if key in row}
    if row["kind"] == "cluster":
        return {**kept, "members": [{k: m[k] for k in KEPT_SIDE} for m in row["members"]]}
    return {**kept, "a": {k: row["a"][k] for k in KEPT_SIDE}, "b": {k: row["b"][k] for k in KEPT_SIDE}}


def score(session, rows: list[dict]) -> dict:
    """Precision of the labelled clusters and links; a row whose sentences this store lacks is left out."""
    from service.audit.references import SentenceRef, resolve
    from service.audit.score import proportion

    refs = [SentenceRef.from_json(m) for row in rows for m in row.get("members", [row.get("a"), row.get("b")]) if m]
    found = resolve(session, refs)
    result = {}
    for kind, good in (("cluster", "one_claim"), ("link", "same_claim")):
        labelled = [row for row in rows if row["kind"] == kind and all(
            SentenceRef.from_json(m) in found for m in row.get("members", [row.get("a"), row.get("b")]))]
        result[kind] = {**proportion(sum(row["label"] == good for row in labelled), len(labelled)),
                        "days": sorted({row["day"] for row in labelled})}
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    drawing = sub.add_parser("sample")
    drawing.add_argument("--home", type=Path, required=True)
    drawing.add_argument("--out", type=Path, required=True)
    drawing.add_argument("--days", default=",".join(HELD_OUT_DAYS))
    drawing.add_argument("--clusters", type=int, default=40)
    drawing.add_argument("--links", type=int, default=40)
    keeping = sub.add_parser("keep")
    keeping.add_argument("labelled", type=Path)
    keeping.add_argument("--out", type=Path, required=True)
    scoring = sub.add_parser("score")
    scoring.add_argument("--home", type=Path, required=True)
    scoring.add_argument("labels", type=Path, nargs="+")
    args = parser.parse_args()
    if args.command == "keep":
        rows = [json.loads(line) for line in args.labelled.read_text(encoding="utf-8").splitlines() if line]
        kept = [keep(row) for row in rows if row.get("label")]
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
        print(f"{len(kept)} labels by reference in {args.out}")
        return
    from service.config import load_settings
    from service.context import Context

    ctx = Context(load_settings(home=args.home))
    with ctx.db.session() as session:
        if args.command == "sample":
            rows = sample(session, set(args.days.split(",")), args.clusters, args.links)
            args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
            print(f"{len(rows)} rows to label in {args.out}")
        else:
            rows = [json.loads(line) for path in args.labels
                    for line in path.read_text(encoding="utf-8").splitlines() if line]
            print(json.dumps(score(session, rows), indent=2))


if __name__ == "__main__":
    main()

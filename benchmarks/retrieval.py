"""Retrieval on the dev claims: factalign check vs a plain BM25 over the same sentences.

For every dev claim with expected sentences (supporting or conflicting
groups), a group is found when one of the top five results contains one of
its substrings. `none` claims must return nothing from check; BM25 has no
threshold, so for it they are not scored.

    python benchmarks/retrieval.py [--eval ../shared/eval/dev_claims.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bm25 import BM25  # noqa: E402

from sqlalchemy import select  # noqa: E402

from service.config import load_settings  # noqa: E402
from service.context import Context  # noqa: E402
from service.jobs.align import run_align  # noqa: E402
from service.jobs.ingest import ingest_paths  # noqa: E402
from service.retrieval.check import check_claim  # noqa: E402
from service.store.schema import Sentence  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def found(groups: list[list[str]], sentences: list[str]) -> list[bool]:
    return [any(any(s in text for s in group) for text in sentences) for group in groups]


def run(eval_path: Path, home: Path) -> dict:
    ctx = Context(load_settings(home=home))
    s = ctx.settings
    ingest_paths(ctx.db, [REPO / "seeds"], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    run_align(ctx.db, s)
    with ctx.db.session() as session:
        texts = list(session.scalars(select(Sentence.text).order_by(Sentence.id)))
    bm25 = BM25(texts)
    rows, started = [], time.perf_counter()
    for claim in map(json.loads, eval_path.read_text(encoding="utf-8").splitlines()):
        groups = claim["supporting"] + claim["conflicting"]
        result = check_claim(ctx, claim["claim"], top_k=5)
        ours = [e["sentence"] for e in result["supporting"] + result["conflicting"]]
        lexical = [texts[i] for i in bm25.top(claim["claim"], 5)]
        rows.append({"id": claim["id"], "lang": claim["lang"], "none": claim["none"],
                     "ours": all(found(groups, ours)) if groups else not ours,
                     "bm25": all(found(groups, lexical)) if groups else None})
    seconds = time.perf_counter() - started
    ctx.close()
    scored = [r for r in rows if not r["none"]]
    return {
        "claims_with_groups": len(scored),
        "factalign_top5": sum(r["ours"] for r in scored) / len(scored),
        "bm25_top5": sum(r["bm25"] for r in scored) / len(scored),
        "none_claims_empty": sum(r["ours"] for r in rows if r["none"]),
        "none_claims": sum(r["none"] for r in rows),
        "check_ms_per_claim": 1000 * seconds / len(rows),
        "rows": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval" / "dev_claims.jsonl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        result = run(args.eval, Path(home))
    print(f"{'id':5} {'lang':4} {'factalign':9} {'bm25':5}")
    for r in result["rows"]:
        print(f"{r['id']:5} {r['lang']:4} {str(r['ours']):9} {str(r['bm25']):5}")
    print(f"\ntop-5 retrieval on {result['claims_with_groups']} claims: factalign {result['factalign_top5']:.1%}, "
          f"BM25 {result['bm25_top5']:.1%} (ratio {result['factalign_top5'] / max(result['bm25_top5'], 1e-9):.2f}x); "
          f"none claims empty: {result['none_claims_empty']}/{result['none_claims']}; "
          f"check {result['check_ms_per_claim']:.1f} ms/claim")
    out = REPO / "benchmarks" / "results" / "retrieval.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Cross-lingual check: English, French and Russian claims against Arabic SaudiNewsNet reports.

    python benchmarks/crosslingual.py --run NAME [--home DIR] [--distractors N] [--halves dev]

Builds (once; re-runs reuse it) a store of every article the labels in
``benchmarks/labels/crosslingual-claims.jsonl`` reference plus N same-day
distractors per claim day from ``../shared/data/saudinewsnet``, then scores
``check`` as it is now under the name NAME, and a bare cosine search over
the same encoder (``cosine``), side by side. Results go to
``benchmarks/results/crosslingual.json``, one entry per NAME, so that a
baseline stays beside later runs. Tune on ``dev`` only: ``--halves dev``
leaves the held-out half unscored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LABELS = REPO / "benchmarks" / "labels" / "crosslingual-claims.jsonl"
RESULTS = REPO / "benchmarks" / "results" / "crosslingual.json"
def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--run", required=True, help="name of this run in the results file (e.g. baseline, new)")
    parser.add_argument("--home", type=Path, default=Path("/tmp/factalign-crosslingual"))
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data" / "saudinewsnet")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--distractors", type=int, default=400, help="other articles per claim day")
    parser.add_argument("--halves", nargs="+", default=["dev", "held_out"], choices=["dev", "held_out"])
    parser.add_argument("--no-cosine", action="store_true", help="skip the bare cosine baseline")
    args = parser.parse_args()

    import tempfile

    from service.config import load_settings
    from service.context import Context
    from service.evaluation.crosslingual import bare_cosine, evaluate_crosslingual, figures_table, read_cases
    from service.evaluation.crosslingual_corpus import build_store

    ctx = Context(load_settings(home=args.home))
    cases = [c for c in read_cases(args.labels) if c["half"] in args.halves]
    store = build_store(ctx, args.data, read_cases(args.labels), args.distractors)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        tmp.write("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases))
    runs = {args.run: evaluate_crosslingual(ctx, Path(tmp.name))}
    if not args.no_cosine:
        # One baseline entry per labels file and halves: a dev-only run never overwrites the two-half one.
        both = sorted(args.halves) == ["dev", "held_out"] and args.labels == LABELS
        runs["cosine" if both else f"cosine-{args.labels.stem}-{'-'.join(args.halves)}"] = \
            evaluate_crosslingual(ctx, Path(tmp.name), bare_cosine(ctx))
    Path(tmp.name).unlink()
    print(f"store: {store}")
    print(figures_table(runs))
    for name, run in runs.items():
        print(f"{name}: check p50 {run['ms_p50']} ms, p95 {run['ms_p95']} ms; unresolved {run['unresolved']}")
    saved = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    for name, run in runs.items():
        saved[name] = {**{k: v for k, v in run.items() if k != "rows"}, "store": store, "halves": args.halves,
                       "misses": [r for r in run["rows"] if not r["target_top5"]
                                  or (r["relation"] == "conflict") != r["target_conflicting"]]}
    RESULTS.write_text(json.dumps(saved, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    ctx.close()


if __name__ == "__main__":
    main()

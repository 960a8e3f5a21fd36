"""Align's judging, this code against a baseline checkout, on the same candidate pairs in one run.

    python benchmarks/judge_speed.py --home HOME --baseline /path/to/old/checkout [--sentences 20000]

HOME is a store that align embedded and indexed (e.g. some SaudiNewsNet
days). The first ``--sentences`` stored sentences are searched against the
index as align's judging stage does (``NEIGHBOURS``, ``PAIR_MIN_COSINE``),
in ``CHUNK``-sized chunks, and the candidate pairs are judged with
``service.judge.bulk.judge_candidates``: once by this checkout and once by
the baseline's (each in its own process, alternately, ``--rounds`` times),
so the figure is judging time only, on identical input. Judging is the stage
the judge's rules change; align's other stages do not run the judge.
Prints a table and writes ``benchmarks/results/judge_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"


def measure(home: Path, sentences: int) -> dict:
    """Judge the candidates of the first ``sentences`` stored sentences with the code on sys.path."""
    import numpy as np

    from service.config import load_settings
    from service.context import Context
    from service.jobs.pairing import CHUNK, NEIGHBOURS, candidate_pairs
    from service.judge.bulk import judge_candidates
    from service.store.articles import sentence_records
    from service.store.vectors import vectors_after, vectors_for

    ctx = Context(load_settings(home=home))
    encoder, index = ctx.encoder.name, ctx.index()
    after, done, seconds, findings, judged = 0, 0, 0.0, {}, 0
    while done < sentences:
        with ctx.db.session() as session:
            ids, vectors = vectors_after(session, encoder, after, min(CHUNK, sentences - done))
            if len(ids) == 0:
                break
            scores, neighbours = index.search(vectors, NEIGHBOURS + 1)
            pairs = [(a, b, c) for (a, b), c in candidate_pairs(ids, scores, neighbours).items()]
            wanted = sorted({i for a, b, _ in pairs for i in (a, b)})
            records = sentence_records(session, wanted, with_slots=True)
            table = vectors_for(session, encoder, wanted)
        start = time.perf_counter()
        for f in judge_candidates(pairs, records, table, encoder):
            key = f"{f.kind}:{getattr(f, 'tier', None)}"
            findings[key] = findings.get(key, 0) + 1
        seconds += time.perf_counter() - start
        after, done, judged = int(ids[-1]), done + len(ids), judged + len(pairs)
    return {"sentences": done, "pairs": judged, "seconds": round(seconds, 2), "rows": findings,
            "pairs_per_second": round(judged / seconds, 1) if seconds else None}


def _run(checkout: Path, home: Path, sentences: int) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    code = (f"import json, sys; sys.path.insert(0, {str(checkout)!r}); sys.path.insert(1, {str(REPO / 'benchmarks')!r}); "
            f"from judge_speed import measure; print(json.dumps(measure(__import__('pathlib').Path({str(home)!r}), {sentences})))")
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--baseline", type=Path, required=True, help="a checkout of the code to compare against")
    parser.add_argument("--sentences", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    runs = {"this": [], "baseline": []}
    for _ in range(args.rounds):
        runs["baseline"].append(_run(args.baseline, args.home, args.sentences))
        runs["this"].append(_run(REPO, args.home, args.sentences))
    best = {name: min(r["seconds"] for r in rs) for name, rs in runs.items()}
    ratio = round(best["this"] / best["baseline"], 3) if best["baseline"] else None
    print("| code | sentences | pairs | best seconds | rows |\n|---|---|---|---|---|")
    for name, rs in runs.items():
        r = rs[0]
        print(f"| {name} | {r['sentences']} | {r['pairs']} | {best[name]} | {r['rows']} |")
    print(f"\njudging time, this / baseline: {ratio}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "judge_speed.json").write_text(json.dumps({"runs": runs, "best_seconds": best, "ratio": ratio,
                                                          "baseline": str(args.baseline)}, indent=2) + "\n")


if __name__ == "__main__":
    main()

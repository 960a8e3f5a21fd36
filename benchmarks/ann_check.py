"""``check`` end to end on a million-vector index: exact vs approximate.

The store (built by ann_data.py) holds the real SaudiNewsNet sentences; the
index holds a million vectors whose ids encode (copy, sentence id). Hits
are mapped back to the real sentence, so fetching from the store, the
disagreement classifier and the judge run on real text, on as many
candidates (50) as a real million-sentence store would give. What this
does not measure is a store of a million rows: the fetch is by primary
key, one B-tree level deeper at 1M rows.

Each claim is timed whole (encode + search + fetch + judge), and its
encoding alone, so the table can show where the time goes.

    python benchmarks/ann_check.py [--claims 200] [--indexes flat ivf-sq8:nlist=1024 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import numpy as np

import ann_data
from ann import RESULTS, queries
from embeddings.index.base import VectorIndex
from service.config import load_settings
from service.context import Context
from service.retrieval.check import check_claim


class CopiesIndex:
    """A million-vector index whose hits are reported as the real sentence they copy."""

    def __init__(self, index: VectorIndex):
        self.index = index

    def __len__(self) -> int:
        return len(self.index)

    def search(self, queries: np.ndarray, k: int):
        scores, ids = self.index.search(queries, k)
        return scores, np.where(ids >= 0, ids % ann_data.ID_STRIDE, ids)


class BenchContext(Context):
    """The benchmark store, searched through a given index instead of its own file."""

    def use(self, index: VectorIndex) -> None:
        self._index = CopiesIndex(index)

    def index(self):
        return self._index


def percentiles(times: list[float]) -> dict:
    p50, p95, p99 = np.percentile(times, [50, 95, 99])
    return {"p50": round(float(p50), 1), "p95": round(float(p95), 1), "p99": round(float(p99), 1)}


def time_checks(ctx: BenchContext, claims: list[str]) -> dict:
    check_claim(ctx, claims[0])  # warm: model graph, classifier, first queries
    totals, encodes, found = [], [], []
    for claim in claims:
        started = time.perf_counter()
        result = check_claim(ctx, claim, top_k=5)
        totals.append(1000 * (time.perf_counter() - started))
        started = time.perf_counter()
        ctx.encoder.encode([claim])
        encodes.append(1000 * (time.perf_counter() - started))
        found.append(len(result["supporting"]) + len(result["conflicting"]))
    return {"check_ms": percentiles(totals), "encode_ms": percentiles(encodes),
            "mean_reports_returned": round(float(np.mean(found)), 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/factalign-ann"))
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--indexes", nargs="+", default=["flat"])
    args = parser.parse_args()
    data = ann_data.load(args.cache)
    claims = [data["texts"][i] for i in queries(data)["report"][: args.claims]]
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    ctx = BenchContext(load_settings(home=args.cache / "home"))
    for name in args.indexes:
        row = results["rows"][name]
        ctx.use(VectorIndex.load(row["saved_as"]))
        row["check_end_to_end"] = {**time_checks(ctx, claims), "claims": len(claims),
                                   "load_average": os.getloadavg()}
        ctx._index = None  # let the 2 GB flat index go before the next one loads
        print(name, json.dumps(row["check_end_to_end"]), flush=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    ctx.close()


if __name__ == "__main__":
    main()

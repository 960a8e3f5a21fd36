"""``check`` end to end on a million-vector index: exact vs approximate.

The store (built by ann_data.py) holds the real SaudiNewsNet sentences; the
index holds a million vectors whose ids encode (copy, sentence id). Hits
are mapped back to the real sentence, so fetching from the store, the
disagreement classifier and the judge run on real text, on as many
candidates (50) as a real million-sentence store would give. What this
does not measure is a store of a million rows: the fetch is by primary
key, one B-tree level deeper at 1M rows.

Each claim is timed whole (encode + search + fetch + judge), and its
encoding and its search alone, so the table can show where the time goes;
the indexes take turns claim by claim so they share the machine's load.

    python benchmarks/ann_check.py [--claims 200] [--indexes flat ivf-sq8:nlist=1024 ...]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import ann_data
import numpy as np
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


def time_checks(ctx: BenchContext, indexes: dict[str, VectorIndex], claims: list[str]) -> dict:
    """Per index: whole-check and search-only latency, interleaved claim by claim.

    Taking turns on every claim puts all indexes under the same machine load,
    which on a shared machine moves more than any index does. Each index's
    reports are also compared with the first index's (list in exact first).
    """
    times = {name: {"check": [], "search_k50": [], "returned": [], "same": []} for name in indexes}
    encodes = []
    for number, claim in enumerate([claims[0], *claims]):  # the first round warms up
        started = time.perf_counter()
        vector = np.asarray(ctx.encoder.encode([claim]), dtype=np.float32)
        encode_ms = 1000 * (time.perf_counter() - started)
        reference = None
        for name, index in indexes.items():
            ctx.use(index)
            started = time.perf_counter()
            index.search(vector, 50)
            search_ms = 1000 * (time.perf_counter() - started)
            started = time.perf_counter()
            result = check_claim(ctx, claim, top_k=5)
            if number:
                times[name]["check"].append(1000 * (time.perf_counter() - started))
                times[name]["search_k50"].append(search_ms)
                reports = reported(result)
                reference = reports if reference is None else reference
                times[name]["returned"].append(len(reports))
                times[name]["same"].append(len(reports & reference) / len(reference) if reference else 1.0)
        if number:
            encodes.append(encode_ms)
    return {name: {"check_ms": percentiles(t["check"]), "search_k50_ms": percentiles(t["search_k50"]),
                   "encode_ms": percentiles(encodes), "mean_reports_returned": round(float(np.mean(t["returned"])), 2),
                   "share_of_first_index_reports": round(float(np.mean(t["same"])), 4)}
            for name, t in times.items()}


def reported(result: dict) -> set[tuple[str, str, str]]:
    """The reports a check returned, as (list, article, sentence)."""
    return {(side, item["article_id"], item["sentence"])
            for side in ("supporting", "conflicting") for item in result[side]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=Path("/tmp/factalign-ann"))
    parser.add_argument("--claims", type=int, default=200)
    parser.add_argument("--indexes", nargs="+", default=["flat"])
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args()
    data = ann_data.load(args.cache)
    claims = [data["texts"][i] for i in queries(data)["report"][: args.claims]]
    results = json.loads(args.results.read_text(encoding="utf-8"))
    indexes = {name: VectorIndex.load(results["rows"][name]["saved_as"]) for name in args.indexes}
    for name, index in indexes.items():  # the tuned search parameter, as measured
        index.set_search_params(**{k: v for k, v in results["rows"][name]["params"].items()
                                   if k in ("nprobe", "efSearch")})
    ctx = BenchContext(load_settings(home=args.cache / "home"))
    measured = time_checks(ctx, indexes, claims)
    for name, figures in measured.items():
        results["rows"][name]["check_end_to_end"] = {**figures, "claims": len(claims),
                                                     "load_average_at_end": os.getloadavg()}
        print(name, json.dumps(figures), flush=True)
    args.results.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    ctx.close()


if __name__ == "__main__":
    main()

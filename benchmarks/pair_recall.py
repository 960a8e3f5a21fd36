"""Align's neighbour search: which nprobe finds the pairs exact search finds, at what cost.

Align judges each new sentence against its ``NEIGHBOURS`` nearest stored
sentences with a cosine of at least ``PAIR_MIN_COSINE``. Recall@10 on claim
queries (``benchmarks/ann.py``) is not the figure that matters there: what
matters is whether the *pairs* come out the same, above all the close ones
that can become agree links (``LINK_MIN_COSINE``) or contradictions. This
script takes a sample of the store's own sentences as queries, finds their
pairs by exact search over every stored vector (the reference), then
by the store's IVF index at each nprobe, and reports pair recall and the
search time of one align chunk, next to exact (FAISS flat) search's.

    python benchmarks/pair_recall.py --home /tmp/fa-100k [--queries 4000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from service.config import load_settings
from service.context import Context
from service.jobs.pairing import CHUNK, NEIGHBOURS, PAIR_MIN_COSINE, candidate_pairs
from service.judge.bulk import LINK_MIN_COSINE
from service.retrieval.index_file import index_config, sync_index
from service.store.vectors import vectors_after

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results" / "pair_recall.json"
NPROBES = (8, 16, 24, 32, 48, 64, 96, 128, 192)


def exact_search(matrix: np.ndarray, ids: np.ndarray, queries: np.ndarray, k: int, threads: int):
    """FAISS flat inner product over every stored vector: the reference."""
    import faiss

    faiss.omp_set_num_threads(threads)
    flat = faiss.IndexFlatIP(matrix.shape[1])
    flat.add(matrix)
    scores, rows = flat.search(queries, k)
    return scores, ids[rows]


def recall(found: dict, truth: dict, minimum: float) -> float:
    wanted = {pair for pair, cosine in truth.items() if cosine >= minimum}
    return len(wanted & set(found)) / max(1, len(wanted))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="an aligned store (FACTALIGN_HOME)")
    parser.add_argument("--queries", type=int, default=4000)
    args = parser.parse_args()
    ctx = Context(load_settings(home=args.home))
    encoder = ctx.encoder.name
    index, _ = sync_index(ctx.db, ctx.settings.index_path, encoder, ctx.encoder.dimension,
                          config=index_config(ctx.settings))
    with ctx.db.session() as session:                      # every stored vector, as ann_data.py reads them
        ids, matrix = vectors_after(session, encoder, 0, 10**9)
    rng = np.random.default_rng(0)
    chosen = np.sort(rng.choice(len(ids), size=min(args.queries, len(ids)), replace=False))
    query_ids, queries = ids[chosen], matrix[chosen]
    k = NEIGHBOURS + 1

    started = time.perf_counter()
    scores, neighbours = exact_search(matrix, ids, queries, k, ctx.settings.threads)
    exact_chunk_s = (time.perf_counter() - started) * CHUNK / len(queries)
    truth = candidate_pairs(query_ids, scores, neighbours)
    rows = [{"nprobe": "exact", "chunk_search_s": round(exact_chunk_s, 3), "pair_recall": 1.0,
             "link_pair_recall": 1.0, "close_pair_recall": 1.0}]
    for nprobe in NPROBES if index.kind == "ivf" else ():
        index.set_search_params(nprobe=nprobe)
        started = time.perf_counter()
        found_scores, found_ids = index.search(queries, k)
        chunk_s = (time.perf_counter() - started) * CHUNK / len(queries)
        found = candidate_pairs(query_ids, found_scores, found_ids)
        rows.append({"nprobe": nprobe, "chunk_search_s": round(chunk_s, 3),
                     "pair_recall": round(recall(found, truth, PAIR_MIN_COSINE), 4),
                     "link_pair_recall": round(recall(found, truth, LINK_MIN_COSINE), 4),
                     "close_pair_recall": round(recall(found, truth, 0.8), 4)})
    result = {"store_sentences": int(len(ids)), "index": index.kind, "index_params": index.params,
              "queries": int(len(queries)), "pairs": len(truth),
              "link_pairs": sum(c >= LINK_MIN_COSINE for c in truth.values()), "rows": rows}
    print(f"{len(ids):,} stored vectors, {index.kind} {index.params}, {len(queries)} queries, "
          f"{len(truth)} exact pairs")
    print(f"{'nprobe':>7} {'chunk s':>8} {'vs exact':>9} {'pairs':>7} {'>=link':>7} {'>=0.8':>7}")
    for row in rows:
        print(f"{row['nprobe']:>7} {row['chunk_search_s']:>8.3f} {exact_chunk_s / row['chunk_search_s']:>8.1f}x "
              f"{row['pair_recall']:>7.4f} {row['link_pair_recall']:>7.4f} {row['close_pair_recall']:>7.4f}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    ctx.close()


if __name__ == "__main__":
    main()

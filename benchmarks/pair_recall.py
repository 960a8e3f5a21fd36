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

``--candidate`` also builds a FAISS index of another kind from the same
vectors (a ``faiss.index_factory`` string; ``{nlist}`` becomes the store
index's list count) and measures it the same way at each nprobe: how an
index kind is tried before it is offered in settings. ``--refine K`` sets a
re-ranking index's ``k_factor``.

    python benchmarks/pair_recall.py --home /tmp/fa-100k [--queries 4000]
    python benchmarks/pair_recall.py --home HOME --candidate 'IVF{nlist},PQ128x4fs,RFlat' --refine 8
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from embeddings.index.faiss_index import TRAIN_POINTS_PER_LIST
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


def candidate_index(spec: str, nlist: int, matrix: np.ndarray, threads: int, refine: int):
    """``spec`` built from ``matrix`` (trained on an even sample, as many points a list as the store's
    index), rows numbered as in ``matrix``."""
    import faiss

    faiss.omp_set_num_threads(threads)
    index = faiss.index_factory(matrix.shape[1], spec.format(nlist=nlist), faiss.METRIC_INNER_PRODUCT)
    index.train(matrix[:: max(1, len(matrix) // (TRAIN_POINTS_PER_LIST * nlist))])
    index.add(matrix)
    if hasattr(faiss.downcast_index(index), "k_factor"):
        faiss.downcast_index(index).k_factor = refine
    return index


def measure(search, nprobes, queries, query_ids, truth, k) -> list[dict]:
    """Pair recall and one chunk's search time at each nprobe; ``search(queries, k, nprobe)``."""
    rows = []
    for nprobe in nprobes:
        started = time.perf_counter()
        found_scores, found_ids = search(queries, k, nprobe)
        chunk_s = (time.perf_counter() - started) * CHUNK / len(queries)
        found = candidate_pairs(query_ids, found_scores, found_ids)
        rows.append({"nprobe": nprobe, "chunk_search_s": round(chunk_s, 3),
                     "pair_recall": round(recall(found, truth, PAIR_MIN_COSINE), 4),
                     "link_pair_recall": round(recall(found, truth, LINK_MIN_COSINE), 4),
                     "close_pair_recall": round(recall(found, truth, 0.8), 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="an aligned store (FACTALIGN_HOME)")
    parser.add_argument("--queries", type=int, default=4000)
    parser.add_argument("--candidate", help="a faiss.index_factory string to measure too, e.g. 'IVF{nlist},PQ128x4fs,RFlat'")
    parser.add_argument("--refine", type=int, default=8, help="k_factor of the candidate's re-ranking, if it has one")
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

    def store_search(queries, k, nprobe):
        index.set_search_params(nprobe=nprobe)
        return index.search(queries, k)

    rows += measure(store_search, NPROBES if index.kind == "ivf" else (), queries, query_ids, truth, k)
    if args.candidate:
        import faiss

        built = time.perf_counter()
        other = candidate_index(args.candidate, index.params["nlist"], matrix, ctx.settings.threads, args.refine)
        build_s, ivf = time.perf_counter() - built, faiss.extract_index_ivf(other)

        def other_search(queries, k, nprobe):
            ivf.nprobe = nprobe
            scores, positions = other.search(queries, k)
            return scores, ids[positions]

        candidate_rows = measure(other_search, NPROBES, queries, query_ids, truth, k)
        rows += [{"index": args.candidate, "build_s": round(build_s, 1), "refine": args.refine, **row}
                 for row in candidate_rows]
    result = {"store_sentences": int(len(ids)), "index": index.kind, "index_params": index.params,
              "queries": int(len(queries)), "pairs": len(truth),
              "link_pairs": sum(c >= LINK_MIN_COSINE for c in truth.values()), "rows": rows}
    print(f"{len(ids):,} stored vectors, {index.kind} {index.params}, {len(queries)} queries, "
          f"{len(truth)} exact pairs")
    print(f"{'index':<28} {'nprobe':>7} {'chunk s':>8} {'vs exact':>9} {'pairs':>7} {'>=link':>7} {'>=0.8':>7}")
    for row in rows:
        print(f"{row.get('index', 'store'):<28} {row['nprobe']:>7} {row['chunk_search_s']:>8.3f} {exact_chunk_s / row['chunk_search_s']:>8.1f}x "
              f"{row['pair_recall']:>7.4f} {row['link_pair_recall']:>7.4f} {row['close_pair_recall']:>7.4f}")
    out = RESULTS.with_name("pair_recall-candidate.json") if args.candidate else RESULTS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    ctx.close()


if __name__ == "__main__":
    main()

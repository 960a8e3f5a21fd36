"""recall@k against exact search: the measure, and that it can fail.

Synthetic clustered data shaped like sentence embeddings; the approximate
kinds at sensible settings reach a good recall, a deliberately bad setting
(one probe among many lists) a clearly lower one.
"""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.index import NumpyIndex, build_index, overlap_at_k, recall_at_k

DIM = 48


def clustered(n: int, seed: int, centres: int = 64) -> np.ndarray:
    rng = np.random.default_rng(seed)
    middle = rng.normal(size=(centres, DIM))
    points = middle[rng.integers(0, centres, n)] / np.sqrt(DIM) + 0.08 * rng.normal(size=(n, DIM))
    return (points / np.linalg.norm(points, axis=1, keepdims=True)).astype(np.float32)


@pytest.fixture(scope="module")
def collection():
    vectors = clustered(6000, seed=0)
    ids = np.arange(len(vectors), dtype=np.int64) * 3 + 1
    exact = NumpyIndex(DIM)
    exact.add(ids, vectors)
    return ids, vectors, exact, clustered(200, seed=1)


def test_overlap_counts_shared_ids_and_ignores_padding():
    truth = np.array([[1, 2, 3], [4, 5, -1], [-1, -1, -1]])
    found = np.array([[3, 2, 9], [5, 4, -1], [-1, -1, -1]])
    np.testing.assert_allclose(overlap_at_k(found, truth, 3), [2 / 3, 1.0, 1.0])
    np.testing.assert_allclose(overlap_at_k(found, truth, 1), [0.0, 0.0, 1.0])
    with pytest.raises(ValueError, match="k must be"):
        overlap_at_k(found, truth, 0)
    with pytest.raises(ValueError, match="result rows"):
        overlap_at_k(found[:2], truth, 3)


def test_exact_against_exact_is_one(collection):
    ids, vectors, exact, queries = collection
    flat = build_index("flat", DIM, threads=1)
    flat.add(ids, vectors)
    assert recall_at_k(flat, exact, queries, k=10) == 1.0


@pytest.mark.parametrize("kind, params", [
    ("hnsw", {"M": 16, "efConstruction": 80, "efSearch": 64}),
    ("ivf", {"nlist": 64, "nprobe": 16, "quantizer": "flat"}),
    ("ivf", {"nlist": 64, "nprobe": 16, "quantizer": "sq8"}),
])  # PQ is held to its floor by the contract suite: training its codebooks here is slow. So is
# pq4fs: 4-bit codes of this isotropic noise are PQ's worst case (0.63 here, where it finds
# the pairs IVF-SQ8 finds on real sentence vectors: benchmarks/pair_recall.py --candidate)
def test_approximate_kinds_reach_good_recall(collection, kind, params):
    ids, vectors, exact, queries = collection
    index = build_index(kind, DIM, threads=1, **params)
    index.add(ids, vectors)
    assert recall_at_k(index, exact, queries, k=10) >= 0.9


def test_a_bad_setting_gets_lower_recall(collection):
    """One probe among 64 lists misses neighbours in the lists next door."""
    ids, vectors, exact, queries = collection
    index = build_index("ivf", DIM, threads=1, nlist=64, nprobe=16, quantizer="flat")
    index.add(ids, vectors)
    good = recall_at_k(index, exact, queries, k=10)
    index.set_search_params(nprobe=1)
    bad = recall_at_k(index, exact, queries, k=10)
    assert bad < 0.8 and bad < good - 0.1


def test_different_collections_are_refused(collection):
    ids, vectors, exact, queries = collection
    other = NumpyIndex(DIM)
    other.add(ids[:10], vectors[:10])
    with pytest.raises(ValueError, match="different collections"):
        recall_at_k(other, exact, queries)

"""FAISS ivf specifics: parameter checks, training for the planned size, PQ's training floor."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.errors import IndexMismatchError
from embeddings.index import build_index

DIM = 32


def clustered(n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    middle = rng.normal(size=(20, DIM))
    x = middle[rng.integers(0, 20, n)] + 0.4 * rng.normal(size=(n, DIM))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


@pytest.mark.parametrize("params, message", [
    ({"quantizer": "sq4"}, "quantizer must be one of"),
    ({"quantizer": "pq", "pq_m": 5}, "must divide the dimension"),
    ({"nlist": 0}, "positive integers"),
    ({"nprobe": -1}, "positive integers"),
])
def test_bad_ivf_parameters_raise(params, message):
    with pytest.raises(ValueError, match=message):
        build_index("ivf", DIM, **params)


def test_ivf_trains_for_the_planned_size():
    """Trained on a sample, the lists are sized for the whole collection."""
    index = build_index("ivf", DIM, threads=1)
    index.train(clustered(2000), planned_size=40_000)
    assert index.params["nlist"] == int(4 * np.sqrt(40_000)) and index.state == {"trained_for": 40_000}
    index.add(np.arange(10), clustered(10))  # already trained: a small batch is fine
    with pytest.raises(IndexMismatchError, match="cannot be retrained"):
        index.train(clustered(2000))


def test_pq_needs_enough_training_vectors():
    index = build_index("ivf", DIM, threads=1, nlist=4, quantizer="pq", pq_m=8)
    with pytest.raises(ValueError, match="at least 256 training vectors"):
        index.add(np.arange(100), clustered(100))


def test_fast_scan_codes_need_a_dimension_they_can_cut():
    """pq4fs cuts a vector into 4-dimension pieces, an even number of them."""
    with pytest.raises(ValueError, match="divisible by 8"):
        build_index("ivf", 36, quantizer="pq4fs")
    assert build_index("ivf", 40, quantizer="pq4fs").params["quantizer"] == "pq4fs"


def test_fast_scan_codes_keep_their_training_when_vectors_are_removed():
    """Removal empties the index and puts the kept vectors back: the lists stay those it was trained on."""
    index = build_index("ivf", DIM, threads=1, nlist=8, nprobe=8, quantizer="pq4fs")
    vectors = clustered(400)
    index.add(np.arange(400), vectors)
    trained = index.state
    assert index.remove(np.arange(0, 400, 2)) == 200
    assert len(index) == 200 and index.state == trained
    scores, found = index.search(vectors[1:2], k=1)
    assert found[0, 0] == 1 and scores[0, 0] == pytest.approx(1.0, abs=1e-5)   # exact floats re-rank
    assert index.remove(np.arange(400)) == 200 and len(index) == 0
    index.add(np.arange(3), vectors[:3])                                        # still trained: no error
    assert index.search(vectors[2:3], k=1)[1][0, 0] == 2

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

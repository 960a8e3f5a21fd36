"""A fast, exact, model-free encoder: the test twin of the real encoders.

Character n-gram feature hashing. Deterministic across processes (a fixed
hash, not Python's salted ``hash``), so tests of indexing, clustering and
the service can run in milliseconds. Sentences that share words get high
cosine; there is no cross-lingual meaning at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from embeddings.encoders.base import Encoder, check_texts, empty_vectors, normalize_rows

HASHING_NAME = "hashing"


class HashingEncoder(Encoder):
    """Signed hashing of character 3-grams of each word, ``dimension`` buckets."""

    name = HASHING_NAME

    def __init__(self, dimension: int = 256, ngram: int = 3):
        if dimension < 1 or ngram < 1:
            raise ValueError("dimension and ngram must be at least 1")
        self.dimension = dimension
        self.ngram = ngram

    def encode(self, texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
        items = check_texts(texts)
        if not items:
            return empty_vectors(self.dimension)
        out = np.zeros((len(items), self.dimension), dtype=np.float32)
        for row, text in enumerate(items):
            for gram in self._grams(text):
                bucket, sign = self._bucket(gram)
                out[row, bucket] += sign
        return normalize_rows(out)

    def _grams(self, text: str):
        for word in text.casefold().split():
            padded = f"<{word}>"
            if len(padded) <= self.ngram:
                yield padded
                continue
            for start in range(len(padded) - self.ngram + 1):
                yield padded[start : start + self.ngram]

    def _bucket(self, gram: str) -> tuple[int, float]:
        digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return (value >> 1) % self.dimension, (1.0 if value & 1 else -1.0)

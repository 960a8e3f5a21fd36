"""Recall@k of an approximate index against exact search (faiss contrib's rule).

Exact search is the reference: an approximate index is trusted only with
a measured recall@k on queries like the ones it will serve. Recall@k is
the share of the exact top-k ids that the approximate top-k also returns,
averaged over queries; exact slots padded with -1 (fewer than k vectors)
are not counted. Ties at the k-th exact score can make two exact indexes
disagree, so measure on data without duplicate vectors.
"""

from __future__ import annotations

import numpy as np

from embeddings.index.base import PAD_ID, VectorIndex


def overlap_at_k(found: np.ndarray, truth: np.ndarray, k: int) -> np.ndarray:
    """Per query, the share of the exact top-k ids (``truth``) present in ``found[:, :k]``."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    found, truth = np.asarray(found)[:, :k], np.asarray(truth)[:, :k]
    if found.shape[0] != truth.shape[0]:
        raise ValueError(f"{found.shape[0]} result rows for {truth.shape[0]} reference rows")
    shares = np.ones(len(truth))
    for row, (got, want) in enumerate(zip(found, truth)):
        want = want[want != PAD_ID]
        if len(want):
            shares[row] = np.isin(want, got).sum() / len(want)
    return shares


def recall_at_k(approx: VectorIndex, exact: VectorIndex, queries: np.ndarray, k: int = 10) -> float:
    """Mean recall@k of ``approx`` against ``exact`` (same vectors, same ids) on ``queries``."""
    if len(approx) != len(exact):
        raise ValueError(f"the indexes hold different collections ({len(approx)} vs {len(exact)} vectors)")
    _, truth = exact.search(queries, k)
    _, found = approx.search(queries, k)
    return float(overlap_at_k(found, truth, k).mean())

"""Classification and correlation metrics, in plain NumPy (no scipy, no scikit-learn).

Definitions follow the usual conventions so the numbers compare with
published ones: precision, recall and F1 are 0 when their denominator is 0;
Spearman is Pearson on ranks, tied values sharing the mean of their ranks.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def confusion_matrix(truth: Sequence[str], predicted: Sequence[str],
                     labels: Sequence[str]) -> list[list[int]]:
    """Rows are the true labels, columns the predicted ones, both in ``labels`` order."""
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} true labels but {len(predicted)} predictions")
    index = {label: i for i, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for t, p in zip(truth, predicted):
        if t not in index or p not in index:
            raise ValueError(f"label {t if t not in index else p!r} is not among {list(labels)}")
        matrix[index[t]][index[p]] += 1
    return matrix


def per_class_scores(truth: Sequence[str], predicted: Sequence[str],
                     labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """``{label: {"precision", "recall", "f1", "support"}}``."""
    matrix = np.array(confusion_matrix(truth, predicted, labels), dtype=np.int64)
    scores = {}
    for i, label in enumerate(labels):
        hits, said, there = matrix[i, i], matrix[:, i].sum(), matrix[i, :].sum()
        precision = hits / said if said else 0.0
        recall = hits / there if there else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = {"precision": float(precision), "recall": float(recall), "f1": float(f1),
                         "support": int(there)}
    return scores


def macro_f1(scores: dict[str, dict[str, float]], labels: Sequence[str]) -> float:
    """Unweighted mean F1 over ``labels`` (a subset of the scored classes)."""
    return float(np.mean([scores[label]["f1"] for label in labels]))


def rankdata(values: Sequence[float]) -> np.ndarray:
    """Ranks from 1, ties given the mean of the ranks they span ([10, 20, 20] -> [1, 2.5, 2.5])."""
    x = np.asarray(values, dtype=np.float64)
    if x.size == 0:
        return np.zeros(0)
    order = np.argsort(x, kind="mergesort")
    sorted_x = x[order]
    # Start of each run of equal values, and the run each sorted item belongs to.
    starts = np.flatnonzero(np.r_[True, sorted_x[1:] != sorted_x[:-1]])
    run = np.cumsum(np.r_[True, sorted_x[1:] != sorted_x[:-1]]) - 1
    ends = np.r_[starts[1:], len(x)]
    mean_rank = (starts + 1 + ends) / 2.0  # mean of ranks starts+1 .. ends
    ranks = np.empty(len(x))
    ranks[order] = mean_rank[run]
    return ranks


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    """Pearson correlation; NaN when either side is constant (it is undefined then)."""
    a, b = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"need two equal-length 1-D sequences, got {a.shape} and {b.shape}")
    if len(a) < 2:
        raise ValueError("correlation needs at least two pairs")
    a, b = a - a.mean(), b - b.mean()
    denominator = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / denominator) if denominator else float("nan")


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rho: Pearson on tie-averaged ranks."""
    if len(x) != len(y):
        raise ValueError(f"need two equal-length sequences, got {len(x)} and {len(y)}")
    return pearson(rankdata(x), rankdata(y))


def wilson_interval(successes: int, total: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval of a binomial proportion (95 % by default).

    Unlike the normal approximation it stays inside [0, 1] and is honest for
    the small per-type counts an audit has (3 of 4 is not "75 % ± 42 %").
    """
    if total <= 0:
        return (0.0, 1.0)
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * ((p * (1 - p) / total + z * z / (4 * total * total)) ** 0.5) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))

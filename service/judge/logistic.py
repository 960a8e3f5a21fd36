"""Multinomial logistic regression in NumPy: L2, class weights, standardisation.

A few thousand labelled pairs and about a thousand features do not need a
machine-learning framework: the loss is smooth and convex, so a small
L-BFGS finds the optimum in well under a second and gives the same weights
on every run (no random initialisation, no mini-batches).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, eq=False)
class LogisticModel:
    """Softmax over ``classes`` of ``((x - mean) / scale) @ weights + bias``."""

    classes: tuple[str, ...]
    mean: np.ndarray      # (d,) training mean of each feature
    scale: np.ndarray     # (d,) training standard deviation (1 where constant)
    weights: np.ndarray   # (d, k)
    bias: np.ndarray      # (k,)

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        x = np.asarray(features, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.mean.shape[0]:
            raise ValueError(f"expected (n, {self.mean.shape[0]}) features, got {x.shape}")
        logits = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return _softmax(logits)

    def rounded(self, digits: int = 7) -> LogisticModel:
        """The same model with parameters rounded to ``digits`` significant digits.

        Applied before saving, so that the model in memory and the one read
        back from JSON are the same numbers and give identical probabilities.
        """
        r = np.vectorize(lambda v: float(f"{v:.{digits}g}"), otypes=[np.float64])
        return LogisticModel(self.classes, r(self.mean), r(self.scale), r(self.weights), r(self.bias))


def fit_logistic(
    features: np.ndarray,
    labels: Sequence[str],
    classes: Sequence[str],
    *,
    l2: float = 1.0,
    balanced: bool = True,
    penalty: np.ndarray | None = None,
    max_iter: int = 1000,
) -> LogisticModel:
    """Fit on rows ``features`` with string ``labels`` drawn from ``classes``.

    ``l2`` is the penalty on the (standardised) weights relative to the
    weighted mean loss, i.e. ``1 / (C * n)`` in scikit-learn terms. With
    ``balanced`` every class carries the same total weight, so a rare class
    such as "other" is not simply ignored. ``penalty`` (one factor per
    feature, default all ones) lets a large block of weak features, such as
    a thousand embedding dimensions, be held back more than a few strong
    hand-made ones.
    """
    x = np.asarray(features, dtype=np.float64)
    y = _class_indices(labels, classes)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-12] = 1.0  # constant columns: keep them at zero, no 0/0
    z = (x - mean) / scale
    sample_weight = _sample_weights(y, len(classes), balanced)
    d, k = z.shape[1], len(classes)
    ridge = l2 * (np.ones(d) if penalty is None else np.asarray(penalty, dtype=np.float64))[:, None]
    loss_and_grad = _objective(z, np.eye(k)[y], sample_weight, ridge)
    theta = minimise_lbfgs(loss_and_grad, np.zeros(d * k + k), max_iter=max_iter)
    return LogisticModel(tuple(classes), mean, scale, theta[: d * k].reshape(d, k), theta[d * k:])


def _objective(z: np.ndarray, onehot: np.ndarray, sample_weight: np.ndarray, ridge: np.ndarray):
    """Weighted cross-entropy plus the ridge term, and its gradient, over flat parameters."""
    d, k = ridge.shape[0], onehot.shape[1]

    def loss_and_grad(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k:]
        p = _softmax(z @ w + b)
        logp = np.log(np.clip(p, 1e-300, None))
        loss = -(sample_weight * (onehot * logp).sum(axis=1)).sum() + 0.5 * (ridge * w * w).sum()
        residual = (p - onehot) * sample_weight[:, None]
        grad_w = z.T @ residual + ridge * w
        return float(loss), np.concatenate([grad_w.ravel(), residual.sum(axis=0)])

    return loss_and_grad


def minimise_lbfgs(fun, x0: np.ndarray, *, max_iter: int = 1000, memory: int = 10,
                   tol: float = 1e-6) -> np.ndarray:
    """Minimise a smooth function given ``fun(x) -> (value, gradient)``.

    Limited-memory BFGS with a backtracking (Armijo) line search; enough for
    a convex objective, and deterministic.
    """
    x = x0.astype(np.float64)
    f, g = fun(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for _ in range(max_iter):
        if np.abs(g).max() <= tol * max(1.0, abs(f)):
            break
        direction = -_two_loop(g, s_hist, y_hist)
        if direction @ g >= 0:  # not a descent direction: restart from the gradient
            s_hist.clear(), y_hist.clear()
            direction = -g
        step, f_new, g_new = _backtrack(fun, x, f, g, direction)
        if step == 0.0:
            break
        s, y = step * direction, g_new - g
        if s @ y > 1e-10:  # keep the curvature pair only when it is positive
            s_hist.append(s), y_hist.append(y)
            if len(s_hist) > memory:
                s_hist.pop(0), y_hist.pop(0)
        x, f, g = x + s, f_new, g_new
    return x


def _two_loop(g: np.ndarray, s_hist: list, y_hist: list) -> np.ndarray:
    """The L-BFGS approximation of (inverse Hessian) @ g."""
    q = g.copy()
    alphas = []
    for s, y in zip(reversed(s_hist), reversed(y_hist)):
        a = (s @ q) / (y @ s)
        alphas.append(a)
        q -= a * y
    if s_hist:
        q *= (s_hist[-1] @ y_hist[-1]) / (y_hist[-1] @ y_hist[-1])
    for (s, y), a in zip(zip(s_hist, y_hist), reversed(alphas)):
        q += (a - (y @ q) / (y @ s)) * s
    return q


def _backtrack(fun, x, f, g, direction, shrink: float = 0.5, c1: float = 1e-4):
    slope = float(direction @ g)
    step = 1.0
    for _ in range(40):
        f_new, g_new = fun(x + step * direction)
        if f_new <= f + c1 * step * slope:
            return step, f_new, g_new
        step *= shrink
    return 0.0, f, g


def _softmax(logits: np.ndarray) -> np.ndarray:
    shifted = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def _class_indices(labels: Sequence[str], classes: Sequence[str]) -> np.ndarray:
    index = {c: i for i, c in enumerate(classes)}
    unknown = sorted({lab for lab in labels if lab not in index})
    if unknown:
        raise ValueError(f"labels {unknown} are not among classes {list(classes)}")
    return np.array([index[lab] for lab in labels], dtype=np.int64)


def _sample_weights(y: np.ndarray, k: int, balanced: bool) -> np.ndarray:
    """Weights summing to one: per row, or per class when ``balanced``."""
    if not balanced:
        return np.full(len(y), 1.0 / len(y))
    counts = np.bincount(y, minlength=k).astype(np.float64)
    present = counts > 0
    per_class = np.where(present, 1.0 / (present.sum() * np.maximum(counts, 1)), 0.0)
    return per_class[y]

"""The NumPy logistic regression learns what it should."""

from __future__ import annotations

import numpy as np
import pytest

from service.judge.logistic import fit_logistic, minimise_lbfgs

CLASSES = ("agree", "disagree", "other")


def separable(n_per_class: tuple[int, int, int], seed: int = 0):
    """Three well-apart blobs in 5-D with some pure-noise columns."""
    rng = np.random.default_rng(seed)
    centres = np.array([[4.0, 0, 0, 0, 0], [0, 4.0, 0, 0, 0], [0, 0, 4.0, 0, 0]])
    rows, labels = [], []
    for centre, label, n in zip(centres, CLASSES, n_per_class):
        rows.append(centre + rng.normal(scale=0.5, size=(n, 5)))
        labels += [label] * n
    return np.vstack(rows), labels


def test_a_separable_set_is_learned_perfectly():
    x, y = separable((40, 60, 8))
    model = fit_logistic(x, y, CLASSES, l2=1e-3)
    predicted = [CLASSES[i] for i in model.predict_proba(x).argmax(axis=1)]
    assert predicted == y
    x_new, y_new = separable((20, 20, 20), seed=1)
    assert [CLASSES[i] for i in model.predict_proba(x_new).argmax(axis=1)] == y_new


def test_probabilities_are_a_distribution_over_the_classes():
    x, y = separable((10, 10, 10))
    p = fit_logistic(x, y, CLASSES, l2=0.1).predict_proba(x)
    assert p.shape == (30, 3)
    assert np.allclose(p.sum(axis=1), 1.0) and (p >= 0).all()


def test_class_weights_keep_a_rare_class_alive():
    # One noisy feature; the rare class sits at one end. Unweighted, its few rows are outvoted.
    rng = np.random.default_rng(2)
    x = np.r_[rng.normal(0, 1, 300), rng.normal(1.5, 1, 10)][:, None]
    y = ["agree"] * 300 + ["other"] * 10
    balanced = fit_logistic(x, y, ("agree", "other"), l2=1e-3, balanced=True).predict_proba(x)
    plain = fit_logistic(x, y, ("agree", "other"), l2=1e-3, balanced=False).predict_proba(x)
    assert (plain.argmax(axis=1) == 1).sum() < (balanced.argmax(axis=1) == 1).sum()


def test_a_stronger_penalty_shrinks_the_weights():
    x, y = separable((20, 20, 20))
    small = fit_logistic(x, y, CLASSES, l2=0.01).weights
    large = fit_logistic(x, y, CLASSES, l2=1.0).weights
    held = fit_logistic(x, y, CLASSES, l2=0.01, penalty=np.array([100.0, 1, 1, 1, 1])).weights
    assert np.abs(large).sum() < np.abs(small).sum()
    assert np.abs(held[0]).sum() < np.abs(small[0]).sum()


def test_constant_columns_do_not_break_standardisation():
    x, y = separable((10, 10, 10))
    x = np.hstack([x, np.ones((30, 1))])
    model = fit_logistic(x, y, CLASSES, l2=0.1)
    assert np.isfinite(model.predict_proba(x)).all()


def test_rounding_keeps_predictions_and_rounds_parameters():
    x, y = separable((10, 10, 10))
    model = fit_logistic(x, y, CLASSES, l2=0.1)
    rounded = model.rounded(7)
    assert all(float(f"{v:.7g}") == v for v in rounded.weights.ravel())
    assert np.allclose(model.predict_proba(x), rounded.predict_proba(x), atol=1e-5)


def test_unknown_labels_and_wrong_widths_are_refused():
    x, y = separable((5, 5, 5))
    with pytest.raises(ValueError, match="maybe"):
        fit_logistic(x, y[:-1] + ["maybe"], CLASSES)
    model = fit_logistic(x, y, CLASSES)
    with pytest.raises(ValueError):
        model.predict_proba(x[:, :3])


def test_lbfgs_finds_the_minimum_of_a_quadratic():
    a = np.array([[3.0, 1.0], [1.0, 2.0]])
    b = np.array([1.0, -1.0])

    def fun(v):
        return float(0.5 * v @ a @ v - b @ v), a @ v - b

    assert np.allclose(minimise_lbfgs(fun, np.zeros(2), tol=1e-10), np.linalg.solve(a, b), atol=1e-6)

"""Metrics against values worked out by hand (and scipy's documented examples)."""

from __future__ import annotations

import math

import pytest

from service.evaluation.metrics import (
    confusion_matrix,
    macro_f1,
    pearson,
    per_class_scores,
    rankdata,
    spearman,
)

LABELS = ("agree", "disagree", "other")
TRUTH = ["agree", "agree", "disagree", "disagree", "disagree", "other"]
PREDICTED = ["agree", "disagree", "disagree", "disagree", "agree", "other"]


def test_confusion_matrix_rows_are_truth_columns_are_predictions():
    assert confusion_matrix(TRUTH, PREDICTED, LABELS) == [[1, 1, 0], [1, 2, 0], [0, 0, 1]]


def test_per_class_precision_recall_f1_by_hand():
    scores = per_class_scores(TRUTH, PREDICTED, LABELS)
    # agree: 1 right of 2 predicted, 1 found of 2 true.
    assert scores["agree"] == pytest.approx({"precision": 0.5, "recall": 0.5, "f1": 0.5, "support": 2})
    # disagree: 2 right of 3 predicted, 2 found of 3 true.
    assert scores["disagree"]["precision"] == pytest.approx(2 / 3)
    assert scores["disagree"]["recall"] == pytest.approx(2 / 3)
    assert scores["disagree"]["f1"] == pytest.approx(2 / 3)
    assert scores["other"]["f1"] == 1.0
    assert macro_f1(scores, ("agree", "disagree")) == pytest.approx((0.5 + 2 / 3) / 2)


def test_a_class_never_predicted_scores_zero_instead_of_dividing_by_zero():
    scores = per_class_scores(["agree", "other"], ["agree", "agree"], LABELS)
    assert scores["other"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert scores["disagree"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    assert scores["agree"]["precision"] == 0.5 and scores["agree"]["recall"] == 1.0


def test_unknown_labels_and_length_mismatch_are_refused():
    with pytest.raises(ValueError):
        confusion_matrix(["agree"], ["maybe"], LABELS)
    with pytest.raises(ValueError):
        confusion_matrix(["agree"], [], LABELS)


@pytest.mark.parametrize("values, ranks", [
    ([10, 20, 30], [1, 2, 3]),
    ([10, 20, 20, 30], [1, 2.5, 2.5, 4]),
    ([2, 1, 2], [2.5, 1, 2.5]),
    ([3, 3, 3], [2, 2, 2]),
    ([0.5, -1.0, 0.5, 0.5, 7.0], [3, 1, 3, 3, 5]),
    ([], []),
])
def test_rankdata_averages_ties(values, ranks):
    assert rankdata(values).tolist() == ranks


def test_pearson_by_hand():
    # x - mean = (-1, 0, 1); y - mean = (-7/3, -1/3, 8/3): r = 5 / sqrt(2 * 114/9) = 15 / sqrt(228)
    assert pearson([1, 2, 3], [2, 4, 7]) == pytest.approx(15 / math.sqrt(228))
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)


def test_spearman_with_a_tie_matches_the_worked_example():
    # Ranks of y: 1, 2, 3.5, 5, 3.5 -> r = 8 / sqrt(10 * 9.5) (scipy.stats.spearmanr's doc example)
    assert spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) == pytest.approx(8 / math.sqrt(95))


def test_spearman_only_sees_order():
    assert spearman([1, 2, 3, 4], [1, 10, 100, 1000]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)


def test_correlation_of_a_constant_is_undefined():
    assert math.isnan(pearson([1, 1, 1], [1, 2, 3]))
    assert math.isnan(spearman([1, 2, 3], [5, 5, 5]))


def test_correlation_needs_two_equal_length_sequences():
    with pytest.raises(ValueError):
        pearson([1.0], [2.0])
    with pytest.raises(ValueError):
        spearman([1, 2, 3], [1, 2])

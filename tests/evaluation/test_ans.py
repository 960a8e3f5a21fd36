"""ANS scoring: reading the CSV, the report, and the shipped classifier on dev."""

from __future__ import annotations

import pytest

from service.errors import InputError
from service.evaluation.ans import (
    evaluate_ans,
    format_report,
    read_stance_pairs,
    stance_report,
)
from tests.conftest import shared_path



def test_reading_checks_columns_and_labels(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text('s1,s2,stance\n"a, with comma",b,Agree\nc,d,disagree\n', encoding="utf-8")
    pairs = read_stance_pairs(good)
    assert [(p.s1, p.s2, p.stance) for p in pairs] == [("a, with comma", "b", "agree"), ("c", "d", "disagree")]
    bad = tmp_path / "bad.csv"
    bad.write_text("s1,s2,stance\na,b,maybe\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2"):
        read_stance_pairs(bad)
    with pytest.raises(InputError):
        read_stance_pairs(tmp_path / "absent.csv")


def test_report_has_per_class_scores_headline_macro_and_confusion():
    report = stance_report(["agree", "disagree", "disagree", "other"], ["agree", "disagree", "agree", "disagree"])
    # agree: P 1/2, R 1/1, F1 2/3; disagree: P 1/2, R 1/2, F1 1/2
    assert report["per_class"]["agree"]["precision"] == 0.5
    assert report["macro_f1_agree_disagree"] == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert report["confusion"] == [[1, 0, 0], [1, 1, 0], [0, 1, 0]]
    assert report["accuracy"] == 0.5
    assert "macro-F1 (agree, disagree): 0.5833" in format_report(report)


@pytest.mark.slow
def test_the_shipped_classifier_still_scores_its_dev_result():
    dev = shared_path("data", "ans", "dev.csv")
    from service.judge.classifier import PairClassifier

    classifier = PairClassifier.load()
    shipped = classifier.metadata["dev_scores"]["macro_f1_agree_disagree"]
    report = evaluate_ans(dev, classifier)
    assert report["n"] == 755
    assert report["macro_f1_agree_disagree"] >= shipped - 0.01


def test_the_product_path_judges_ans_pairs_as_the_classifier_does(seeded, tmp_path):
    """compare on ANS dev pairs: the judge decides with the classifier, so a contradicting
    rewrite is no longer "agree" for want of a slot reason (macro-F1 was 0.34 that way)."""
    from service.evaluation.ans import evaluate_compare

    dev = ANS / "dev.csv"
    if not dev.exists():
        pytest.skip(f"needs {dev} (the shared ANS data)")
    head = tmp_path / "dev-head.csv"
    head.write_text("\n".join(dev.read_text(encoding="utf-8").splitlines()[:121]) + "\n", encoding="utf-8")
    report = evaluate_compare(seeded, head)
    assert report["n"] == 120 and report["path"] == "compare"
    assert report["macro_f1_agree_disagree"] >= 0.65, report

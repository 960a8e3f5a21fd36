"""Scoring the pair classifier on ANS (Arabic News Stance) headline pairs.

ANS files are CSV with a header ``s1,s2,stance`` and labels agree, disagree,
other. ``other`` (unrelated headlines) is rare, so the headline number is
the macro-F1 over agree and disagree, the figure the ANS paper reports;
every class still gets its own precision, recall and F1.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from pathlib import Path

from service.errors import InputError
from service.evaluation.metrics import confusion_matrix, macro_f1, per_class_scores

LABELS = ("agree", "disagree", "other")
HEADLINE_LABELS = ("agree", "disagree")


@dataclass(frozen=True)
class StancePair:
    s1: str
    s2: str
    stance: str


def read_stance_pairs(path: str | Path) -> list[StancePair]:
    """The rows of an ANS split; labels lower-cased and checked."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read ANS pairs: {exc}", source=str(path)) from None
    pairs = []
    for line, row in enumerate(rows, start=2):
        stance = (row.get("stance") or "").strip().lower()
        if stance not in LABELS or row.get("s1") is None or row.get("s2") is None:
            raise InputError(f"expected columns s1,s2,stance with stance in {LABELS}", source=str(path), line=line)
        pairs.append(StancePair(row["s1"], row["s2"], stance))
    return pairs


def file_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def stance_report(truth: list[str], predicted: list[str]) -> dict:
    """Per-class scores, macro-F1 over agree/disagree and over all, confusion matrix."""
    scores = per_class_scores(truth, predicted, LABELS)
    return {
        "n": len(truth),
        "per_class": scores,
        "macro_f1_agree_disagree": macro_f1(scores, HEADLINE_LABELS),
        "macro_f1_all": macro_f1(scores, LABELS),
        "accuracy": sum(t == p for t, p in zip(truth, predicted)) / len(truth) if truth else 0.0,
        "labels": list(LABELS),
        "confusion": confusion_matrix(truth, predicted, LABELS),
    }


def evaluate_ans(split_path: str | Path, classifier=None, encoder=None) -> dict:
    """Score ``classifier`` (default: the shipped one) on one ANS split.

    ``encoder`` defaults to the one the classifier was trained with; passing
    the service's already-loaded encoder saves loading a second copy. The
    default classifier is the artefact's best model this install can run.
    """
    from service.judge.classifier import ClassifierSet
    from service.judge.pair_vectors import load_e5

    if classifier is None:
        models = ClassifierSet.load()
        classifier = models.best(frozenset({"changed_vectors"} | ({"e5"} if load_e5() else set())))
    pairs = read_stance_pairs(split_path)
    probabilities = classifier.predict_pairs([p.s1 for p in pairs], [p.s2 for p in pairs], encoder)
    report = stance_report([p.stance for p in pairs], classifier.labels(probabilities))
    report["split"] = str(split_path)
    report["encoder"] = classifier.encoder_name
    report["blocks"] = list(classifier.blocks)
    return report


def format_report(report: dict) -> str:
    """A small plain-text table of the per-class scores."""
    lines = [f"{'class':<10}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>9}"]
    for label, s in report["per_class"].items():
        lines.append(f"{label:<10}{s['precision']:>10.4f}{s['recall']:>10.4f}{s['f1']:>10.4f}{s['support']:>9}")
    lines.append(f"macro-F1 (agree, disagree): {report['macro_f1_agree_disagree']:.4f}   "
                 f"macro-F1 (all): {report['macro_f1_all']:.4f}   accuracy: {report['accuracy']:.4f}")
    lines.append(f"confusion (rows true, columns predicted, {', '.join(report['labels'])}): {report['confusion']}")
    return "\n".join(lines)


VERDICT_STANCE = {"conflict": "disagree", "agree": "agree", "unrelated": "other"}


def evaluate_compare(ctx, split_path: str | Path) -> dict:
    """Score the product path on one ANS split: ``compare`` on each pair (the judge, the
    slots and the classifier together), its verdicts read as ANS stances."""
    from service.retrieval.compare import compare_pair

    pairs = read_stance_pairs(split_path)
    predicted = [VERDICT_STANCE[compare_pair(ctx, p.s1, p.s2)["verdict"]] for p in pairs]
    report = stance_report([p.stance for p in pairs], predicted)
    report["split"] = str(split_path)
    report["path"] = "compare"
    return report

"""The ANS-trained classifier as a judge signal: how likely a pair disagrees.

Slot reasons of the weak kinds (a negation, an antonym, a stance word, a
duration) are kept only when the classifier also leans to "disagree"; the
classifier never creates a reason by itself. It is trained on vectors of one
encoder and on Arabic–Arabic pairs (ANS), so with another encoder configured,
or for a pair with a non-Arabic side (where its word features mean nothing),
the signal is simply absent.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from service.judge.classifier import PairClassifier
from service.pipeline.normalize import is_arabic


# A sentence meets many neighbours: its script is looked at once.
_arabic = lru_cache(maxsize=50_000)(is_arabic)


def disagree_probabilities(a_texts: Sequence[str], b_texts: Sequence[str], va: np.ndarray, vb: np.ndarray,
                           encoder_name: str) -> list[float | None]:
    """The classifier's P(disagree) of each pair, None where it cannot say."""
    return [None if p is None else p["disagree"] for p in class_probabilities(a_texts, b_texts, va, vb, encoder_name)]


def class_probabilities(a_texts: Sequence[str], b_texts: Sequence[str], va: np.ndarray, vb: np.ndarray,
                        encoder_name: str) -> list[dict[str, float] | None]:
    """{agree, disagree, other} probabilities of each pair, None where the classifier cannot say."""
    if not len(a_texts):
        return []
    classifier = PairClassifier.load()
    if encoder_name != classifier.encoder_name:
        return [None] * len(a_texts)
    arabic = [i for i, (a, b) in enumerate(zip(a_texts, b_texts)) if _arabic(a) and _arabic(b)]
    found: list[dict[str, float] | None] = [None] * len(a_texts)
    if not arabic:
        return found
    va, vb = np.atleast_2d(va)[arabic], np.atleast_2d(vb)[arabic]
    features = classifier.featurize([a_texts[i] for i in arabic], [b_texts[i] for i in arabic], va, vb)
    for i, row in zip(arabic, classifier.predict_proba(features)):
        found[i] = {name: float(p) for name, p in zip(classifier.classes, row)}
    return found

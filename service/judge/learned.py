"""The ANS-trained classifier as a judge signal: how likely a pair disagrees.

Slot reasons of the weak kinds (a negation, an antonym, a stance word, a
duration) are kept only when the classifier also leans to "disagree"; the
classifier never creates a reason by itself. It is trained on vectors of one
encoder and on Arabic–Arabic pairs (ANS), so with another encoder configured,
or for a pair with a non-Arabic side (where its word features mean nothing),
the signal is simply absent.

A caller that can encode on the spot (``compare``) passes its encoder: the
artefact's best model then also reads the vectors of the changed words and
of the second encoder (``pair_vectors``). Without it (align's workers, which
have the stored vectors only) the model that needs neither answers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

import numpy as np

from service.judge.classifier import ClassifierSet
from service.judge.pair_vectors import available_blocks, load_e5
from service.pipeline.normalize import is_arabic


# A sentence meets many neighbours: its script is looked at once.
_arabic = lru_cache(maxsize=50_000)(is_arabic)


def disagree_probabilities(a_texts: Sequence[str], b_texts: Sequence[str], va: np.ndarray, vb: np.ndarray,
                           encoder_name: str) -> list[float | None]:
    """The classifier's P(disagree) of each pair, None where it cannot say."""
    return [None if p is None else p["disagree"] for p in class_probabilities(a_texts, b_texts, va, vb, encoder_name)]


def class_probabilities(a_texts: Sequence[str], b_texts: Sequence[str], va: np.ndarray, vb: np.ndarray,
                        encoder_name: str, encoder=None) -> list[dict[str, float] | None]:
    """{agree, disagree, other} probabilities of each pair, None where the classifier cannot say.

    ``encoder`` (the one that made ``va`` and ``vb``) lets the best model run.
    """
    if not len(a_texts):
        return []
    classifier = ClassifierSet.load().best(available_blocks(encoder, encoder_name))
    if encoder_name != classifier.encoder_name:
        return [None] * len(a_texts)
    arabic = [i for i, (a, b) in enumerate(zip(a_texts, b_texts)) if _arabic(a) and _arabic(b)]
    found: list[dict[str, float] | None] = [None] * len(a_texts)
    if not arabic:
        return found
    va, vb = np.atleast_2d(va)[arabic], np.atleast_2d(vb)[arabic]
    e5 = load_e5() if "e5" in classifier.blocks else None
    features = classifier.featurize([a_texts[i] for i in arabic], [b_texts[i] for i in arabic], va, vb, encoder, e5)
    for i, row in zip(arabic, classifier.predict_proba(features)):
        found[i] = {name: float(p) for name, p in zip(classifier.classes, row)}
    return found

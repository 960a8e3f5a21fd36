"""Changed words: which words one sentence has and the other lacks.

A rewritten headline that disagrees usually keeps most words and swaps a
few telling ones ("يباشر" for "يؤجل", "يظهر" for "يختفي"); a paraphrase
swaps many neutral ones, or the same word in another form ("يرتفع" for
"ارتفاع"), which is why a word with a near-spelled partner on the other
side does not count as changed. The classifier learns a weight for each frequent
changed word: the vocabulary is learned from the training pairs and stored
in the classifier's artefact, so it always travels with the weights that
use it. Symmetric by construction: the symmetric difference of the two
token sets (less near matches) does not depend on the order of the sentences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import numpy as np

from service.judge.features import sentence_slots, unmatched_words

CUE_PREFIX = "changed_word:"


def changed_words(a: str, b: str) -> frozenset[str]:
    """Folded tokens of either sentence with no equal or near-spelled token in the other."""
    left_a, left_b = unmatched_words(sentence_slots(a).tokens, sentence_slots(b).tokens)
    return left_a | left_b


def learn_vocabulary(pairs: Iterable[tuple[str, str]], min_count: int = 5) -> tuple[str, ...]:
    """Changed words seen in at least ``min_count`` pairs, most frequent first.

    Rarer words would each get a weight fitted on a handful of examples:
    noise that the penalty has to fight rather than signal.
    """
    counts = Counter(word for a, b in pairs for word in changed_words(a, b))
    kept = [(word, n) for word, n in counts.items() if n >= min_count]
    return tuple(word for word, _ in sorted(kept, key=lambda item: (-item[1], item[0])))


def cue_word_matrix(a_texts: Sequence[str], b_texts: Sequence[str],
                    vocabulary: Sequence[str]) -> np.ndarray:
    """One 0/1 column per vocabulary word: changed in this pair or not."""
    index = {word: i for i, word in enumerate(vocabulary)}
    out = np.zeros((len(a_texts), len(vocabulary)))
    for row, (a, b) in enumerate(zip(a_texts, b_texts, strict=True)):
        for word in changed_words(a, b):
            column = index.get(word)
            if column is not None:
                out[row, column] = 1.0
    return out


def cue_names(vocabulary: Sequence[str]) -> tuple[str, ...]:
    return tuple(CUE_PREFIX + word for word in vocabulary)

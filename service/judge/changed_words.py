"""The reason shown when the learned classifier, not a slot, finds a conflict.

A verdict of "conflict" always carries a reason a reader can check. When no
slot differs (no figure, date, negation, antonym ...), the classifier leans
to conflict on the wording that changed: the words of each side that the
other has in no form (``features.unmatched_words``), in their own spelling.
"""

from __future__ import annotations

import re

from service.judge.features import match_tokens, unmatched_words, word_set
from service.models import Reason

_WORD = re.compile(r"\w+")
MAX_WORDS = 6


def changed_words_reason(a: str, b: str) -> Reason:
    only_a, only_b = unmatched_words(word_set(a), word_set(b))
    return Reason("contradiction", _own_words(a, only_a) or "(same words)", _own_words(b, only_b) or "(same words)")


def _own_words(text: str, folded: frozenset[str]) -> str:
    words = [w for w in _WORD.findall(text) if (match_tokens(w) or [""])[0] in folded]
    return " ".join(dict.fromkeys(words[:MAX_WORDS]))

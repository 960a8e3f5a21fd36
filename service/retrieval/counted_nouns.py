"""Counted nouns across scripts, by the encoder: "30 homes" and «300 منزل» count one thing.

The unit lexicon (``claims/lexicon_units.py``) knows the nouns news counts
most; a figure of any other noun keeps the noun as written, and an English
"homes" never meets an Arabic «منزل». Within a check, two such nouns in
different scripts count the same thing when the encoder puts the two words
close: the multilingual encoder was trained on translations, and single
nouns and their translations sit at a cosine of 0.67–0.89 where other nouns
sit below 0.5 (houses, sessions, resolutions, operations, fighters in
English, French and Russian against their Arabic nouns). Word vectors are
kept per process; a check encodes the nouns it has not met in one batch.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from service.claims import number_words as nw
from service.pipeline.normalize import is_arabic

# Cosine of two nouns' vectors at or above which they count the same thing.
SAME_NOUN_MIN = 0.65
MAX_KEPT = 50_000


def _spelled(unit: str) -> str:
    """The noun as news writes it: units are folded («جلسه»), and the encoder knows «جلسة»
    (sessions: 0.65 folded, 0.75 spelled)."""
    return unit[:-1] + "ة" if is_arabic(unit) and unit.endswith("ه") and len(unit) > 2 else unit


def written_nouns(quantities) -> dict[str, str]:
    """Each figure's unit and its noun as the text writes it (the figure's last word)."""
    found = {}
    for q in quantities:
        words = re.findall(r"[^\W\d_]+", q.text)
        if q.unit and words:
            found.setdefault(q.unit, words[-1])
    return found


class CountedNouns:
    """``same(a, b)`` for two units found as written; ``prepare`` encodes the nouns a check will ask about."""

    def __init__(self, encode):
        self._encode = encode
        self._vectors: dict[str, np.ndarray] = {}

    @staticmethod
    def asks_about(unit: str | None) -> bool:
        return bool(unit) and not nw.is_unit_class(unit)

    def prepare(self, units: Iterable[str | None], written: dict[str, str] | None = None) -> None:
        """Encode the units not met yet, each as ``written`` gives it (the noun as the text spells
        it: "séances", where the unit is folded to "seances"), else as spelled from the unit."""
        new = sorted({u for u in units if self.asks_about(u) and u not in self._vectors})
        if not new:
            return
        if len(self._vectors) + len(new) > MAX_KEPT:
            self._vectors.clear()
        written = written or {}
        vectors = np.asarray(self._encode([written.get(u) or _spelled(u) for u in new]), dtype=np.float32)
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        self._vectors.update(zip(new, vectors))

    def same(self, a: str, b: str) -> bool:
        if not (self.asks_about(a) and self.asks_about(b)) or is_arabic(a) == is_arabic(b):
            return False        # one script: the words themselves are compared (``numbers.comparable``)
        if a not in self._vectors or b not in self._vectors:
            self.prepare((a, b))
        return float(self._vectors[a] @ self._vectors[b]) >= SAME_NOUN_MIN

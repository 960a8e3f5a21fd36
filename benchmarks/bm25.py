"""A plain Okapi BM25 over folded tokens: the lexical baseline the benchmarks compare against."""

from __future__ import annotations

import math
import re
from collections import Counter

from service.pipeline.normalize import normalize_for_match

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize_for_match(text))


class BM25:
    def __init__(self, documents: list[str], k1: float = 1.5, b: float = 0.75):
        self.docs = [Counter(tokens(d)) for d in documents]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(len(self.docs), 1)
        df = Counter(t for d in self.docs for t in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def score(self, query: str) -> list[float]:
        terms = tokens(query)
        out = []
        for doc, length in zip(self.docs, self.lengths):
            norm = self.k1 * (1 - self.b + self.b * length / self.avg)
            out.append(sum(self.idf.get(t, 0.0) * doc[t] * (self.k1 + 1) / (doc[t] + norm)
                           for t in terms if t in doc))
        return out

    def top(self, query: str, k: int) -> list[int]:
        scores = self.score(query)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
        return [i for i in ranked[:k] if scores[i] > 0]

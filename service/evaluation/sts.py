"""Semantic textual similarity: encoder cosine against human 0-5 scores.

Files are JSON lines ``{"s1", "s2", "score"}`` (STS 2017 tracks as stored in
shared/data/sts17). Spearman is the headline (cosine is not on the gold
scale, only its order matters); Pearson is reported too because the
SemEval task ranked systems by it.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from service.errors import InputError
from service.evaluation.metrics import pearson, spearman


def read_sts_pairs(path: str | Path) -> list[tuple[str, str, float]]:
    path = Path(path)
    pairs = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read STS pairs: {exc}", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            pairs.append((str(row["s1"]), str(row["s2"]), float(row["score"])))
        except (ValueError, KeyError, TypeError):
            raise InputError('expected {"s1": str, "s2": str, "score": number}', source=str(path),
                             line=number) from None
    return pairs


def evaluate_sts(path: str | Path, encoder) -> dict:
    """``{"spearman", "pearson", "n", "encoder"}`` for cosine(encode(s1), encode(s2)) vs gold."""
    pairs = read_sts_pairs(path)
    if len(pairs) < 2:
        raise InputError("an STS file needs at least two pairs", source=str(path))
    a = encoder.encode([p[0] for p in pairs])
    b = encoder.encode([p[1] for p in pairs])
    cosines = _row_cosines(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64))
    gold = [p[2] for p in pairs]
    return {"spearman": spearman(cosines, gold), "pearson": pearson(cosines, gold), "n": len(pairs),
            "encoder": getattr(encoder, "name", type(encoder).__name__)}


def _row_cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    # Encoders promise unit rows, but a custom one may not: divide anyway.
    norms = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    return np.where(norms > 0, (a * b).sum(axis=1) / np.where(norms > 0, norms, 1.0), 0.0)

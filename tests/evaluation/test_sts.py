"""STS scoring: cosine order against gold order."""

from __future__ import annotations

import json

import numpy as np
import pytest

from service.errors import InputError
from service.evaluation.sts import evaluate_sts, read_sts_pairs
from tests.conftest import shared_path



class AngleEncoder:
    """Text "k" becomes the unit vector at angle k degrees: cosine falls as the gap grows."""

    name = "angle"

    def encode(self, texts):
        angles = np.radians([float(t) for t in texts])
        return np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)


def write(path, rows):
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


def test_spearman_is_one_when_cosine_orders_pairs_like_the_gold(tmp_path):
    rows = [{"s1": "0", "s2": str(gap), "score": 5 - gap / 20} for gap in (0, 10, 30, 60, 90)]
    result = evaluate_sts(write(tmp_path / "sts.jsonl", rows), AngleEncoder())
    assert result["n"] == 5 and result["encoder"] == "angle"
    assert result["spearman"] == pytest.approx(1.0)
    assert 0.9 < result["pearson"] <= 1.0


def test_reversed_gold_gives_minus_one(tmp_path):
    rows = [{"s1": "0", "s2": str(gap), "score": gap} for gap in (0, 10, 30, 60)]
    assert evaluate_sts(write(tmp_path / "sts.jsonl", rows), AngleEncoder())["spearman"] == pytest.approx(-1.0)


def test_malformed_lines_are_reported_with_their_number(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"s1": "a", "s2": "b", "score": 1}\n{"s1": "a"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=":2"):
        read_sts_pairs(path)
    with pytest.raises(InputError):
        evaluate_sts(write(tmp_path / "one.jsonl", [{"s1": "0", "s2": "1", "score": 1}]), AngleEncoder())


@pytest.mark.slow
# Measured 0.711 (ar-ar) and 0.738 (en-ar) Spearman; the floors leave 0.02 of slack.
@pytest.mark.parametrize("track, floor", [("ar-ar", 0.69), ("en-ar", 0.71)])
def test_use_multilingual_on_sts2017(track, floor):
    path = shared_path("data", "sts17", f"{track}.jsonl")
    from embeddings.encoders.registry import load_encoder

    result = evaluate_sts(path, load_encoder(None))
    assert result["n"] == 250 and result["spearman"] > floor

"""The learned pair-stance classifier: agree, disagree or other (unrelated).

The shipped artefact ``service/data/pair_classifier.json`` holds plain JSON
lists (no pickle: it is data, not code, and stays reviewable in a diff):
the logistic weights with the standardisation they expect, the names of
the input columns, the learned changed-word vocabulary, the encoder the
embedding columns came from, the sha256 of the training and selection
data, the dev scores and the date. ``python -m service.judge.train`` writes
it.

Embedding columns only mean something for the encoder that made them, so
``predict_pairs`` refuses vectors from another encoder instead of
returning confident nonsense.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np

from service.errors import ConfigError, ModelMismatchError
from service.judge.cue_words import cue_names, cue_word_matrix
from service.judge.features import FEATURE_NAMES, pair_feature_matrix
from service.judge.logistic import LogisticModel

CLASSES = ("agree", "disagree", "other")
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "pair_classifier.json"
FORMAT = "factalign.pair_classifier/1"


@dataclass(frozen=True, eq=False)
class PairClassifier:
    model: LogisticModel
    encoder_name: str
    feature_names: tuple[str, ...]          # columns of pair_features used, in this order
    cue_words: tuple[str, ...] = ()          # learned changed-word vocabulary
    metadata: Mapping = field(default_factory=dict)

    def __post_init__(self):
        unknown = [n for n in self.feature_names if n not in _FEATURE_INDEX]
        if unknown:
            raise ConfigError(f"pair classifier uses features this version does not compute: {unknown[:5]}")
        if len(self.input_names) != self.model.mean.shape[0]:
            raise ConfigError("pair classifier weights do not match its list of input columns")

    @property
    def classes(self) -> tuple[str, ...]:
        return self.model.classes

    @property
    def input_names(self) -> tuple[str, ...]:
        """The columns ``featurize`` returns and ``predict_proba`` expects."""
        return self.feature_names + cue_names(self.cue_words)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> PairClassifier:
        """The artefact at ``path`` (default: the shipped one), read once per process."""
        return _load_cached(str(Path(path or DEFAULT_PATH).resolve()))

    def featurize(self, a_texts: Sequence[str], b_texts: Sequence[str],
                  va: np.ndarray, vb: np.ndarray) -> np.ndarray:
        """The input rows for aligned sentences and their vectors (from ``encoder_name``)."""
        base = pair_feature_matrix(a_texts, b_texts, va, vb)
        columns = [_FEATURE_INDEX[n] for n in self.feature_names]
        cues = cue_word_matrix(a_texts, b_texts, self.cue_words)
        return np.hstack([base[:, columns], cues])

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """``(n, 3)`` probabilities over ``classes`` for rows made by ``featurize``."""
        return self.model.predict_proba(features)

    def predict_pairs(self, a_texts: Sequence[str], b_texts: Sequence[str], encoder=None) -> np.ndarray:
        """Encode both sides with the training encoder, then ``predict_proba``."""
        encoder = encoder or _encoder(self.encoder_name)
        if encoder.name != self.encoder_name:
            raise ModelMismatchError(
                f"the pair classifier was trained on {self.encoder_name!r} vectors, not {encoder.name!r}: "
                f"retrain it with `python -m service.judge.train --encoder {encoder.name}`")
        if not len(a_texts):
            return np.zeros((0, len(self.classes)))
        vectors = encoder.encode(list(a_texts) + list(b_texts))
        va, vb = vectors[: len(a_texts)], vectors[len(a_texts):]
        return self.predict_proba(self.featurize(a_texts, b_texts, va, vb))

    def labels(self, probabilities: np.ndarray) -> list[str]:
        return [self.classes[i] for i in np.asarray(probabilities).argmax(axis=1)]

    def to_json(self) -> dict:
        m = self.model
        return {
            "format": FORMAT, "encoder": self.encoder_name, "classes": list(m.classes),
            "feature_names": list(self.feature_names), "cue_words": list(self.cue_words),
            "mean": m.mean.tolist(), "scale": m.scale.tolist(),
            "weights": m.weights.tolist(), "bias": m.bias.tolist(), **dict(self.metadata),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> PairClassifier:
        if data.get("format") != FORMAT:
            raise ConfigError(f"not a {FORMAT} artefact (format={data.get('format')!r})")
        model = LogisticModel(tuple(data["classes"]), np.array(data["mean"], dtype=np.float64),
                              np.array(data["scale"], dtype=np.float64),
                              np.array(data["weights"], dtype=np.float64),
                              np.array(data["bias"], dtype=np.float64))
        known = {"format", "encoder", "classes", "feature_names", "cue_words", "mean", "scale", "weights", "bias"}
        return cls(model, data["encoder"], tuple(data["feature_names"]), tuple(data["cue_words"]),
                   {k: v for k, v in data.items() if k not in known})

    def save(self, path: str | os.PathLike) -> Path:
        """Write the JSON atomically (temp file + rename): a reader never sees half a model."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            os.chmod(tmp, 0o644)  # mkstemp makes it owner-only; the artefact ships in the package
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


_FEATURE_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}


@lru_cache(maxsize=4)
def _load_cached(path: str) -> PairClassifier:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no pair classifier at {path}: train one with "
                          "`python -m service.judge.train --data DIR --out PATH`") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the pair classifier at {path}: {exc}") from None
    try:
        return PairClassifier.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"the pair classifier at {path} is malformed: {exc!r}") from None


@lru_cache(maxsize=2)
def _encoder(name: str):
    from embeddings.encoders.registry import load_encoder

    return load_encoder(name, threads=2)

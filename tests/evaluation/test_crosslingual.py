"""The cross-lingual claims file and its scoring (figures worked out by hand on made-up results)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from service.errors import InputError
from service.evaluation.crosslingual import (by_group, figures_table, is_crosslingual, read_cases, score_case,
                                             summarise)
from tests.conftest import REPO

LABELS = REPO / "benchmarks" / "labels" / "crosslingual-claims.jsonl"
ARABIC = re.compile("[\u0600-\u06ff]")


def test_the_committed_set_has_fifty_claims_a_language_both_relations_and_no_article_text():
    cases = read_cases(LABELS)
    languages = Counter(c["lang"] for c in cases)
    assert len(cases) >= 150 and all(languages[lang] >= 50 for lang in ("en", "fr", "ru"))
    assert Counter(c["relation"] for c in cases)["conflict"] == len(cases) // 2
    assert not any(ARABIC.search(c["claim"]) for c in cases)      # the claims are ours; the news stays out
    assert all(set(c["target"]) == {"article_id", "url", "offsets", "sha"} for c in cases)


def test_halves_are_split_by_the_target_articles_day():
    days = {half: {c["day"] for c in read_cases(LABELS) if c["half"] == half} for half in ("dev", "held_out")}
    assert days["dev"] and days["held_out"] and not days["dev"] & days["held_out"]


def test_the_format_is_told_from_the_file(tmp_path):
    shared_format = tmp_path / "claims.jsonl"
    shared_format.write_text(json.dumps({"id": "D1", "claim": "x", "supporting": []}) + "\n", encoding="utf-8")
    assert is_crosslingual(LABELS) and not is_crosslingual(shared_format)


def test_a_bad_relation_names_its_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    line = {"id": "X", "claim": "x", "relation": "maybe", "target": {}}
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="relation"):
        read_cases(path)


def _item(sentence_id: int, article_id: str, reasons=()) -> dict:
    return {"sentence_id": sentence_id, "article_id": article_id, "reasons": list(reasons),
            "copies": [{"sentence_id": sentence_id, "article_id": article_id}]}


CASE = {"id": "c", "lang": "en", "half": "dev", "relation": "conflict", "edit": "number",
        "articles": [{"article_id": "t", "stance": "disagree"}, {"article_id": "u", "stance": "unrelated"},
                     {"article_id": "v", "stance": "unrelated"}]}


def test_an_edited_claim_found_as_conflicting_with_one_unrelated_article_shown():
    result = {"supporting": [_item(9, "u")], "conflicting": [_item(1, "t", [{"type": "number"}])]}
    row = score_case(CASE, result, 1, {"t": "t", "u": "u", "v": "v"})
    assert row["target_top5"] and row["target_conflicting"] and row["unrelated"] == [True, False]


def test_a_conflicting_item_without_a_reason_is_not_a_found_conflict():
    row = score_case(CASE, {"supporting": [], "conflicting": [_item(1, "t")]}, 1, {})
    assert row["target_top5"] and not row["target_conflicting"]


def test_figures_per_half_and_language_pair():
    faithful = {**CASE, "id": "a", "relation": "agree", "articles": [{"article_id": "t", "stance": "agree"}]}
    rows = [score_case(CASE, {"supporting": [], "conflicting": [_item(1, "t", ["r"])]}, 1, {"t": "t"}),
            score_case(faithful, {"supporting": [], "conflicting": [_item(1, "t", ["r"])]}, 1, {"t": "t"}),
            score_case({**faithful, "lang": "fr"}, {"supporting": [_item(1, "t")], "conflicting": []}, 1, {"t": "t"})]
    figures = summarise(rows)
    assert figures["recall_at_5"] == 1.0 and figures["conflict_recall"] == 1.0
    assert figures["conflict_precision"] == 0.5 and figures["agree_article_top5"] == 0.5
    groups = by_group(rows)["dev"]
    assert groups["en-ar"]["claims"] == 2 and groups["fr-ar"]["agree_article_top5"] == 1.0
    assert "| new | dev | fr-ar | 1 |" in figures_table({"new": {"figures": {"dev": groups}}})

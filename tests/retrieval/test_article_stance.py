"""check --by-article (and the API's by_article): a claim against whole articles, on the aligned seeds."""

from __future__ import annotations

from service.retrieval.check import check_claim

AGREE = "Groups representing 62,000 fighters signed the ceasefire."
CONFLICT = "Groups representing 52,000 fighters signed the ceasefire."


def _stances(result: dict) -> dict[str, str]:
    return {a["article_id"]: a["stance"] for a in result["articles"]}


def test_an_article_carrying_the_figure_agrees_and_disagrees_with_the_figure_changed(seeded):
    agree, conflict = check_claim(seeded, AGREE, by_article=True), check_claim(seeded, CONFLICT, by_article=True)
    carrier = next(i["article_id"] for i in agree["supporting"] if "62 ألف" in i["sentence"])
    assert _stances(agree)[carrier] == "agree"
    assert _stances(conflict)[carrier] == "disagree"
    disagreeing = next(a for a in conflict["articles"] if a["article_id"] == carrier)
    assert disagreeing["sentences"][0]["verdict"] == "conflict" and disagreeing["sentences"][0]["reasons"]


def test_articles_are_distinct_ranked_and_bounded_by_top_k(seeded):
    result = check_claim(seeded, CONFLICT, top_k=3, by_article=True)
    ids = [a["article_id"] for a in result["articles"]]
    assert 0 < len(ids) <= 3 and len(set(ids)) == len(ids)
    order = {"disagree": 0, "agree": 1, "discuss": 2}
    assert [order[a["stance"]] for a in result["articles"]] == sorted(order[a["stance"]] for a in result["articles"])
    assert all(a["stance"] in order and a["sentences"] for a in result["articles"])


def test_without_the_option_the_check_json_is_unchanged(seeded):
    assert "articles" not in check_claim(seeded, AGREE)


def test_a_claim_nothing_talks_about_has_no_articles(seeded):
    assert check_claim(seeded, "The price of saffron in Kashmir doubled last spring.", by_article=True)["articles"] == []

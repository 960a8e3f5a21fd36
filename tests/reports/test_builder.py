"""The report dict on the seeds: stories, highlights, support, counts, timeline, filters."""

from __future__ import annotations

import datetime as dt

import pytest

from service.errors import InputError
from service.reports.builder import build_report
from tests.reports.conftest import all_items, marked

SENTENCE_KEYS = {"sentence", "article_id", "outlet", "published_at", "url", "language"}


def scope_dispute(report: dict) -> dict:
    found = [item for item in all_items(report) if item["type"] == "scope"
             and "يستثني" in item["a"]["sentence"] + item["b"]["sentence"]]
    assert found, f"the Fateh al-Sham scope dispute is missing: {[i['type'] for i in all_items(report)]}"
    return found[0]


def test_the_fateh_al_sham_scope_dispute_is_reported_with_its_values_marked(seeded_report):
    item = scope_dispute(seeded_report)
    sides = {marked(item[s], "scope")[0]: item[s] for s in ("a", "b")}
    assert set(sides) == {"يستثني", "تضم"}
    assert "فتح الشام" in sides["تضم"]["sentence"]
    # What the scope is about: Fateh al-Sham, named on both sides, is marked too.
    assert any("فتح الشام" in text for text in marked(sides["يستثني"], "shared"))
    assert any("فتح الشام" in text for text in marked(sides["تضم"], "shared"))
    assert item["label"].startswith("Different scope")
    assert {r["a_says"] for r in item["reasons"]} | {r["b_says"] for r in item["reasons"]} >= {"excludes", "includes"}


def test_each_side_is_a_contract_sentence_with_direction_and_support(seeded_report):
    for item in all_items(seeded_report):
        for side in (item["a"], item["b"]):
            assert SENTENCE_KEYS <= set(side)
            assert side["direction"] == ("rtl" if side["language"] == "ar" else side["direction"])
            support = side["support"]
            assert 1 <= support["independent_outlets"] <= len(support["outlets"]) <= support["reports"]
            assert side["outlet"] in support["outlets"]
            for span in side["highlights"]:
                assert 0 <= span["start"] < span["end"] <= len(side["sentence"])


def test_stories_come_newest_first_and_hold_every_contradiction(seeded_report):
    latest = [story["latest"] or "" for story in seeded_report["stories"]]
    assert latest == sorted(latest, reverse=True)
    assert len(all_items(seeded_report)) == seeded_report["totals"]["contradictions"] >= 1


def test_counts_and_timeline_agree_with_the_items(seeded_report):
    items = all_items(seeded_report)
    assert sum(seeded_report["counts"]["by_type"].values()) == len(items)
    assert seeded_report["counts"]["by_outlet"]["Irfaa Sawtak"] >= 1
    days = seeded_report["timeline"]
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert sum(d["contradictions"] for d in days) == len(items)
    assert sum(d["claims"] for d in days) == seeded_report["totals"]["claims"] > 50   # 66 seed sentences
    assert {"2016-12-27", "2016-12-29", "2017-01-22"} <= {d["date"] for d in days}


def test_filters_narrow_the_report(seeded):
    after_everything = build_report(seeded.db, since=dt.date(2018, 1, 1), actors=False, tier="all")
    assert after_everything["stories"] == [] and after_everything["timeline"] == []
    only_numbers = build_report(seeded.db, type_="number", actors=False, tier="all")
    assert all(item["type"] == "number" for item in all_items(only_numbers))
    elsewhere = build_report(seeded.db, outlet="Erem News", actors=False, tier="all")
    assert all("Erem News" in (i["a"]["outlet"], i["b"]["outlet"]) for i in all_items(elsewhere))
    that_day = build_report(seeded.db, since=dt.date(2016, 12, 29), until=dt.date(2016, 12, 29), actors=False, tier="all")
    assert scope_dispute(that_day) and [d["date"] for d in that_day["timeline"]] == ["2016-12-29"]


def test_a_start_after_the_end_is_refused(seeded):
    with pytest.raises(InputError, match="after the end"):
        build_report(seeded.db, since=dt.date(2017, 1, 2), until=dt.date(2017, 1, 1))


def _item(item_id: int, a: tuple[str, int], b: tuple[str, int], day: str) -> dict:
    side = lambda article, sentence: {"article_id": article, "sentence_id": sentence, "published_at": day,  # noqa: E731
                                      "outlet": article, "title": None, "language": "ar"}
    return {"id": item_id, "type": "number", "a": side(*a), "b": side(*b)}


def test_contradictions_are_grouped_by_the_stored_stories_of_their_articles():
    from service.reports.stories import group_stories

    items = [_item(1, ("x", 1), ("y", 9), "2015-07-22"), _item(2, ("y", 10), ("x", 2), "2015-07-23"),
             _item(3, ("z", 20), ("w", 30), "2015-07-23")]
    stories = group_stories(items, {"x": 1, "y": 1, "z": 20, "w": 30})
    # x and y are one stored story; z and w two, joined here by their contradiction
    assert sorted(sorted(i["id"] for i in s["contradictions"]) for s in stories) == [[1, 2], [3]]
    assert sorted(s["story_ids"] for s in stories) == [[1], [20, 30]]

"""The command line as a user runs it: same JSON as the functions, clear errors, batch mode."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from service.cli import cli
from service.retrieval.check import check_claim
from tests.conftest import shared_path

CLAIM = "Groups representing 52,000 fighters signed the ceasefire."


def run(home, *args, input=None):
    result = CliRunner().invoke(cli, ["--home", str(home), *args], input=input, catch_exceptions=False)
    return result


def test_check_json_equals_the_function(seeded_home, seeded):
    result = run(seeded_home, "check", CLAIM, "--json")
    assert result.exit_code == 0
    assert json.loads(result.output) == check_claim(seeded, CLAIM)


def test_check_human_output_names_outlet_and_date(seeded_home):
    output = run(seeded_home, "check", CLAIM).output
    assert "Irfaa Sawtak, 2016-12-29" in output and "number:" in output


def test_check_batch_answers_every_line(seeded_home, tmp_path):
    batch = tmp_path / "claims.jsonl"
    batch.write_text(json.dumps({"claim": CLAIM}) + "\nnot json\n" + json.dumps({"claim": ""}) + "\n",
                     encoding="utf-8")
    lines = [json.loads(x) for x in run(seeded_home, "check", "--batch", str(batch)).output.splitlines()]
    assert lines[0]["conflicting"] and lines[1]["line"] == 2 and "empty" in lines[2]["error"]["message"]


def test_compare_flags_a_number_conflict_across_languages(seeded_home):
    out = json.loads(run(seeded_home, "compare", "62,000 fighters signed the truce",
                         "وقعت فصائل تمثل 52 ألف مقاتل على اتفاق الهدنة", "--json").output)
    assert out["verdict"] == "conflict" and out["reasons"][0]["type"] == "number"
    assert {"a", "b", "verdict", "score", "reasons"} <= set(out)


def test_contradictions_and_clusters_json(seeded_home):
    found = json.loads(run(seeded_home, "contradictions", "--tier", "all", "--json").output)["contradictions"]
    assert any(item["type"] == "scope" for item in found)
    assert all({"id", "type", "a", "b", "reasons"} <= set(item) for item in found)
    clusters = json.loads(run(seeded_home, "clusters", "--json").output)["clusters"]
    assert all({"id", "members"} <= set(c) for c in clusters)


def test_eval_scores_the_dev_set(seeded_home):
    out = json.loads(run(seeded_home, "eval", str(shared_path("eval", "dev_claims.jsonl")),
                         "--pairs", str(shared_path("eval", "dev_pairs.json")), "--json").output)
    assert out["claims"]["pass_rate"] >= 0.9, out["claims"]["failing"]
    assert out["pairs"]["passed"]


def test_ingest_reports_bad_files_and_keeps_good_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.jsonl").write_text('{"text": "unterminated\n', encoding="utf-8")
    (folder / "good.txt").write_text("The talks in Astana will last two days, officials said.", encoding="utf-8")
    result = run(tmp_path / "home", "ingest", str(folder))
    assert result.exit_code == 0 and "1 added" in result.output
    assert "bad.jsonl:1" in result.output and "malformed JSON" in result.output


def test_bad_settings_are_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTALIGN_DATABASE_URL", "mysql://nope")
    result = CliRunner().invoke(cli, ["--home", str(tmp_path), "jobs"])
    assert result.exit_code == 2 and "FACTALIGN_DATABASE_URL" in result.output


def test_check_filters_match_the_function(seeded_home, seeded):
    from service.retrieval.check import CheckFilters

    result = run(seeded_home, "check", CLAIM, "--json", "--outlet", "Irfaa Sawtak", "--since", "2016-12-01")
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body == check_claim(seeded, CLAIM, filters=CheckFilters(
        outlets=frozenset(["Irfaa Sawtak"]), since=dt.date(2016, 12, 1)))
    assert body["conflicting"] and {e["outlet"] for e in body["supporting"] + body["conflicting"]} == {"Irfaa Sawtak"}
    assert "unknown language" in run(seeded_home, "check", CLAIM, "--language", "qq").output


def test_summaries_say_one_contradiction_not_one_contradictions():
    from service.cli_output import count

    assert [count(n, "contradiction") for n in (0, 1, 2)] == ["0 contradictions", "1 contradiction",
                                                              "2 contradictions"]

"""The messages a newcomer meets in the first hour: each says where the problem is and what to do."""

from __future__ import annotations

import json
import logging

from click.testing import CliRunner

from service.cli import cli
from service.errors import InputError
from service.jobs.ingest import ingest_paths
from service.pipeline.read import ReadNotice, read_articles

SENTENCE = "The talks in Astana will last two days, officials of both delegations said on Monday."


def run(home, *args):
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def _array_file(path, count: int, bad: int) -> None:
    """A pretty-printed JSON array (several lines per article) whose item ``bad`` has no text."""
    items = [{"outlet": "X", "language": "en", "text": f"{SENTENCE} Number {n}."} for n in range(1, count + 1)]
    items[bad - 1] = {"outlet": "X", "language": "en", "title": "no text here"}
    path.write_text(json.dumps(items, indent=2), encoding="utf-8")


def test_a_bad_item_of_a_json_array_is_named_by_item_and_by_its_real_line(tmp_path):
    path = tmp_path / "day.json"
    _array_file(path, 30, bad=20)
    [error] = [i for i in read_articles([path], max_bytes=10**6) if isinstance(i, InputError)]
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [n for n, text in enumerate(lines, 1) if text == "  {"]         # the line each item starts on
    assert starts[19] > 20 and error.line == starts[19] and error.item == 20
    assert error.message.startswith(f"{path}:{starts[19]} (item 20): ") and "no 'text'" in error.message


def test_a_text_file_without_a_manifest_is_ingested_with_a_note_that_says_how_to_fix_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(SENTENCE, encoding="utf-8")
    result = run(tmp_path / "home", "ingest", str(folder))
    assert result.exit_code == 0 and "1 added" in result.output
    assert "story.txt" in result.output and "no manifest.jsonl beside it" in result.output
    assert "outlet 'unknown'" in result.output and '"published_at": "YYYY-MM-DD"' in result.output


def test_a_manifest_without_the_files_line_is_named_too(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SENTENCE + " Again.", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"file": "a.txt", "outlet": "A"}) + "\n", encoding="utf-8")
    notices = [i for i in read_articles([tmp_path], max_bytes=10**6) if isinstance(i, ReadNotice)]
    assert [n.source for n in notices] == [str(tmp_path / "b.txt")]
    assert "manifest.jsonl has no line for it" in notices[0].message


def test_ingest_json_lists_the_notes(make_context, tmp_path):
    (tmp_path / "story.txt").write_text(SENTENCE, encoding="utf-8")
    ctx = make_context()
    report = ingest_paths(ctx.db, [tmp_path], max_bytes=10**6, max_chars=400)
    assert report.added == 1 and [n["source"] for n in report.to_json()["notices"]] == [str(tmp_path / "story.txt")]


def test_check_on_an_empty_store_says_to_ingest_and_align(tmp_path):
    output = run(tmp_path / "home", "check", "Anything at all about the talks").output
    assert "the store is empty: run `factalign ingest PATH...` and then `factalign align`" in output
    assert "nothing in the store talks about" not in output


def test_check_on_a_store_not_aligned_yet_says_to_align(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"outlet": "X", "language": "en", "text": SENTENCE}) + "\n",
                                      encoding="utf-8")
    run(tmp_path / "home", "ingest", str(tmp_path / "a.jsonl"))
    assert "run `factalign align`" in run(tmp_path / "home", "check", "Talks in Astana").output


def test_a_too_long_claim_names_the_setting_that_raises_the_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTALIGN_MAX_CLAIM_CHARS", "50")
    result = run(tmp_path / "home", "check", "x" * 51)
    assert result.exit_code == 2 and "over the 50-character limit" in result.output
    assert "FACTALIGN_MAX_CLAIM_CHARS" in result.output


def test_align_says_how_many_it_indexed_and_why_fewer_texts_were_encoded(make_context, tmp_path, caplog):
    from service.cli_commands import align_summary
    from service.jobs.align import run_align

    wire = "Officials from both delegations said the talks in Astana would last two full days."
    rows = [{"outlet": outlet, "language": "en", "text": f"{wire}\n\nReported by the {outlet} desk in the capital."}
            for outlet in ("A", "B", "C")]
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    ctx = make_context()
    ingest_paths(ctx.db, [tmp_path / "wire.jsonl"], max_bytes=10**6, max_chars=400)
    with caplog.at_level(logging.INFO, logger="factalign.jobs"):
        report = run_align(ctx.db, ctx.settings)
    assert (report.indexed, report.encoded) == (6, 4)
    assert any("event=stage_done stage=index done=6" in r.getMessage() for r in caplog.records)
    line = align_summary(report, rebuilt=False)
    assert "encoded 4 new texts" in line and "6 added, 2 of them copies of a text already encoded" in line

"""`factalign report`, `factalign stances` and the demo's report file, as a user runs them."""

from __future__ import annotations

import json

from click.testing import CliRunner

from service.cli import cli
from service.config import load_settings
from service.context import Context


def run(home, *args):
    return CliRunner().invoke(cli, ["--home", str(home), *args], catch_exceptions=False)


def without_time(report: dict) -> dict:
    return {k: v for k, v in report.items() if k != "generated_at"}


def test_report_json_equals_the_builder(seeded_home, seeded_report):
    result = run(seeded_home, "report", "--tier", "all", "--format", "json")
    assert result.exit_code == 0, result.output
    assert without_time(json.loads(result.output)) == without_time(seeded_report)


def test_report_writes_the_file_whole(seeded_home, tmp_path):
    out = tmp_path / "report.html"
    result = run(seeded_home, "report", "--tier", "all", "--out", str(out), "--since", "2016-12-29")
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert list(tmp_path.iterdir()) == [out]                # no temporary file left behind
    assert "يستثني" in out.read_text(encoding="utf-8")


def test_report_markdown_with_filters(seeded_home):
    result = run(seeded_home, "report", "--tier", "all", "--format", "md", "--type", "scope", "--until", "2016-12-31")
    assert result.exit_code == 0 and "**يستثني**" in result.output and "#### scope" in result.output


def test_a_bad_date_is_one_readable_line(seeded_home):
    result = run(seeded_home, "report", "--since", "29/12/2016")
    assert result.exit_code == 2 and "--since '29/12/2016' is not a date: write it as YYYY-MM-DD" in result.output


def test_report_help_has_examples(seeded_home):
    assert "factalign report --out report.html" in run(seeded_home, "report", "--help").output


def test_stances_json_and_text(seeded_home):
    found = json.loads(run(seeded_home, "stances", "Jamil al-Saleh", "--json").output)
    assert found["reports"][0]["stance"] == "rejects"
    text = run(seeded_home, "stances", "Syrian National Coalition").output
    assert "Orient Net: stayed away" in text and "Irfaa Sawtak: supports" in text


def test_the_demo_writes_the_report_into_its_home(seeded_home, tmp_path):
    from service.demo import write_demo_report

    database = f"sqlite:///{seeded_home / 'factalign.sqlite3'}"
    ctx = Context(load_settings(home=tmp_path, database_url=database))
    try:
        path = write_demo_report(ctx)
    finally:
        ctx.close()
    html = path.read_text(encoding="utf-8")
    assert path == tmp_path / "report.html"
    assert '<mark class="hl hl-scope" dir="auto">يستثني</mark>' in html and "فتح الشام" in html

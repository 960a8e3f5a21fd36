"""The nightly job around the stages: --since, progress, log lines, sentences arriving mid-run."""

from __future__ import annotations

import datetime as dt
import json
import logging

from click.testing import CliRunner
from sqlalchemy import or_, select

from service.cli import cli
from service.jobs import pairing
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.retrieval.index_file import sync_index
from service.store.jobs import get_job
from service.store.schema import Article, ClaimLink, Contradiction, Sentence
from tests.conftest import SEEDS

SINCE = dt.date(2017, 1, 1)          # two of the five seed articles are from January 2017


def _ingest(ctx, *paths):
    s = ctx.settings
    ingest_paths(ctx.db, list(paths or [SEEDS]), max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)


def _findings(ctx):
    with ctx.db.session() as session:
        return (sorted((c.a_id, c.b_id, c.type) for c in session.scalars(select(Contradiction))),
                sorted((l.a_id, l.b_id) for l in session.scalars(select(ClaimLink))))


def _window_ids(ctx) -> set[int]:
    with ctx.db.session() as session:
        return set(session.scalars(select(Sentence.id).join(Article).where(Article.published_at >= SINCE)))


def test_since_judges_only_its_window_and_the_next_plain_run_catches_up(make_context):
    clean = make_context(model="hashing")
    _ingest(clean)
    run_align(clean.db, clean.settings)

    ctx = make_context(model="hashing")
    _ingest(ctx)
    report = run_align(ctx.db, ctx.settings, since=SINCE)
    window = _window_ids(ctx)
    contradictions, links = _findings(ctx)
    assert report.since == "2017-01-01" and report.judged_pairs > 0 and links
    assert all(a in window or b in window for a, b, *_ in contradictions + links)
    assert ctx.db.get_meta(pairing.WATERMARK) is None           # the plain run's place is kept
    run_align(ctx.db, ctx.settings)
    assert _findings(ctx) == _findings(clean)


def test_progress_goes_to_the_listener_the_run_record_and_the_log(make_context, caplog):
    ctx = make_context(model="hashing")
    _ingest(ctx)
    seen: list[dict] = []
    with caplog.at_level(logging.INFO, logger="factalign.jobs"):
        report = run_align(ctx.db, ctx.settings, on_progress=seen.append)
    stages = [s["stage"] for s in seen]
    assert sorted(set(stages), key=stages.index) == ["embed", "index", "slots", "furniture", "pair", "cluster", "done"]
    embed = [s for s in seen if s["stage"] == "embed"]
    assert embed[-1]["done"] == embed[-1]["total"] == report.encoded > 0
    job_id = int(caplog.records[0].getMessage().split()[0].removeprefix("job="))
    assert get_job(ctx.db, job_id)["progress"]["stage"] == "done"
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith(f"job={job_id} event=start kind=align")
    assert any(f"event=stage_done stage=embed done={report.encoded}" in line for line in lines)
    assert lines[-1].startswith(f"job={job_id} event=finish state=succeeded")


def test_a_sentence_ingested_after_the_embedding_stage_is_judged_by_the_next_run(make_context, tmp_path):
    ctx = make_context(model="hashing")
    _ingest(ctx)
    run_align(ctx.db, ctx.settings)
    with ctx.db.session() as session:
        seed_text = session.scalar(select(Sentence.text).order_by(Sentence.id).offset(5))
    # While a run judges, one article arrives with a new sentence (no vector yet), then a
    # wire copy whose sentence was embedded long ago: ids new < copy.
    late = tmp_path / "late.jsonl"
    late.write_text(json.dumps({"text": seed_text.rstrip(".") + " yesterday, officials said.", "outlet": "Late",
                                "published_at": "2017-01-17"}) + "\n"
                    + json.dumps({"text": seed_text, "outlet": "Wire", "published_at": "2017-01-17"}) + "\n",
                    encoding="utf-8")
    _ingest(ctx, late)
    index, _ = sync_index(ctx.db, ctx.settings.index_path, "hashing", 256)
    pairing.pair_new_sentences(ctx.db, index, "hashing")          # that run's judging stage
    run_align(ctx.db, ctx.settings)
    with ctx.db.session() as session:
        new_id = session.scalar(select(Sentence.id).join(Article).where(Article.outlet == "Late"))
        linked = session.scalars(select(ClaimLink).where(or_(ClaimLink.a_id == new_id, ClaimLink.b_id == new_id)))
        assert linked.all(), "the late sentence was never judged against its twin"


def test_cli_align_since_and_jobs(make_context):
    ctx = make_context(model="hashing")
    _ingest(ctx)
    base = ["--home", str(ctx.settings.home), "--database-url", ctx.settings.resolved_database_url,
            "--model", "hashing"]
    runner = CliRunner()
    aligned = runner.invoke(cli, [*base, "align", "--since", "2017-01-01", "--json"])
    assert aligned.exit_code == 0, aligned.output
    assert json.loads(aligned.stdout)["since"] == "2017-01-01"
    jobs = json.loads(runner.invoke(cli, [*base, "jobs", "--json"]).stdout)["jobs"]
    assert jobs[0]["state"] == "succeeded" and jobs[0]["counts"]["since"] == "2017-01-01"
    assert runner.invoke(cli, [*base, "align", "--since", "17/01/2017"]).exit_code == 2

"""Ingest into the store: offsets verbatim, idempotent, boilerplate kept out."""

from __future__ import annotations

import json

import pytest

from sqlalchemy import func, select

from service.jobs.ingest import ingest_paths
from service.store.articles import get_article
from service.store.schema import Article, Sentence
from tests.conftest import SEEDS, shared_path


def _ingest(ctx, *paths):
    s = ctx.settings
    return ingest_paths(ctx.db, list(paths), max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)


def _counts(ctx):
    with ctx.db.session() as session:
        return (session.scalar(select(func.count(Article.id))), session.scalar(select(func.count(Sentence.id))))


def test_seeds_ingest_with_verbatim_offsets(make_context):
    ctx = make_context()
    report = _ingest(ctx, SEEDS)
    assert (report.read, report.added, report.errors) == (5, 5, [])
    with ctx.db.session() as session:
        for article in session.scalars(select(Article)):
            assert article.sentences, article.id
            for sentence in article.sentences:
                assert article.text[sentence.start:sentence.end] == sentence.text
        article = get_article(session, "002_e9726bd0ffba4b0e")
    assert article["outlet"] == "Irfaa Sawtak" and article["published_at"] == "2016-12-29"


def test_reingest_is_a_no_op(make_context):
    ctx = make_context()
    _ingest(ctx, SEEDS)
    before = _counts(ctx)
    again = _ingest(ctx, SEEDS)
    assert (again.added, again.duplicates) == (0, 5)
    assert _counts(ctx) == before


def test_no_boilerplate_sentence_is_stored(make_context):
    ctx = make_context()
    _ingest(ctx, SEEDS)
    with ctx.db.session() as session:
        texts = list(session.scalars(select(Sentence.text)))
    boilerplate = json.loads(shared_path("eval", "dev_pairs.json").read_text(encoding="utf-8"))["boilerplate"]
    for marker in boilerplate + ["رئيس التحرير", "www.eremnews.com", "مشاهدات", "منذ 7 سنوات", "التعليقات"]:
        assert not [t for t in texts if marker in t], marker


def test_same_article_under_another_file_name_is_a_duplicate(make_context, tmp_path):
    ctx = make_context()
    text = (SEEDS / "002_e9726bd0ffba4b0e.txt").read_text(encoding="utf-8")
    (tmp_path / "copy.jsonl").write_text(json.dumps({"text": text, "outlet": "Other"}) + "\n", encoding="utf-8")
    _ingest(ctx, SEEDS)
    report = _ingest(ctx, tmp_path / "copy.jsonl")
    assert (report.added, report.duplicates) == (0, 1)


def test_bad_file_does_not_stop_the_others(make_context, tmp_path):
    ctx = make_context()
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    (tmp_path / "good.jsonl").write_text(
        json.dumps({"text": "The talks in Astana will last two days, officials said.", "outlet": "X"}) + "\n"
        + "{not json}\n", encoding="utf-8")
    report = _ingest(ctx, tmp_path)
    assert report.added == 1 and len(report.errors) == 2
    assert _counts(ctx) == (1, 1)


def test_the_duplicate_check_looks_articles_up_by_index_not_by_scanning(make_context, tmp_path):
    """Each article ingested looks up its id, content and URL: a table scan there made bulk ingest quadratic."""
    from sqlalchemy import event

    ctx = make_context()
    if ctx.db.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner scans tables this small whatever the indexes")
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "a-1", "url": "https://example.org/a/1", "outlet": "X", "language": "en",
                                "text": "The convoy reached the city on Monday after a long delay."}) + "\n",
                    encoding="utf-8")
    _ingest(ctx, path)
    statements = []
    listener = lambda conn, cursor, sql, params, context, many: statements.append((sql, params))  # noqa: E731
    event.listen(ctx.db.engine, "before_cursor_execute", listener)
    try:
        assert _ingest(ctx, path).added == 0
    finally:
        event.remove(ctx.db.engine, "before_cursor_execute", listener)
    lookups = [(sql, params) for sql, params in statements
               if sql.lstrip().upper().startswith("SELECT") and "FROM articles" in sql]
    assert lookups
    with ctx.db.engine.connect() as conn:
        for sql, params in lookups:
            plan = " ".join(row[-1] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
            assert "SCAN articles" not in plan, (sql, plan)

"""Streamed ingest: two passes over a spool, progress per file then per article, batches that survive a bad article."""

from __future__ import annotations

import json
import zipfile

from sqlalchemy import select

from service.jobs import ingest as ingest_module
from service.jobs.ingest import ingest_paths
from service.store.schema import Sentence

FOOTER = "للاشتراك في النشرة البريدية اضغط هنا"


def _article(i: int, outlet: str = "sabq") -> dict:
    return {"content": f"أعلنت الوزارة اليوم عن مشروع جديد رقم {i} في مدينة الرياض لخدمة السكان.\n{FOOTER}",
            "source": outlet, "url": f"https://example.com/{i}", "date_extracted": "2015-07-23 10:00:00"}


def _ingest(ctx, paths, **kwargs):
    s = ctx.settings
    return ingest_paths(ctx.db, paths, max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars, **kwargs)


def test_furniture_seen_in_later_files_is_dropped_from_the_first(make_context, tmp_path):
    paths = []
    for i in range(4):                           # one article per file: the footer repeats across files only
        path = tmp_path / f"day{i}.json"
        path.write_text(json.dumps([_article(i)], ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    ctx = make_context(model="hashing")
    report = _ingest(ctx, paths)
    with ctx.db.session() as session:
        texts = list(session.scalars(select(Sentence.text)))
    assert report.added == 4 and len(texts) == 4 and not [t for t in texts if FOOTER in t]


def test_progress_goes_by_files_then_by_articles(make_context, tmp_path):
    archive = tmp_path / "2015-07-23.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2015-07-23.json", json.dumps([_article(i) for i in range(5)], ensure_ascii=False))
    lines = tmp_path / "more.jsonl"
    lines.write_text("\n".join(json.dumps(_article(i), ensure_ascii=False) for i in range(5, 8)), encoding="utf-8")
    seen: list[dict] = []
    _ingest(make_context(model="hashing"), [archive, lines], on_progress=seen.append)
    assert seen[0] == {"stage": "read", "done": 0, "total": 2}
    assert seen[2] == {"stage": "read", "done": 2, "total": 2}
    assert seen[3] == {"stage": "store", "done": 0, "total": 8}
    assert seen[-1] == {"stage": "store", "done": 8, "total": 8}


def test_a_bad_article_in_a_batch_does_not_stop_the_others(make_context, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_module, "BATCH", 3)
    ctx = make_context(model="hashing")
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({**_article(0), "id": "same"}, ensure_ascii=False), encoding="utf-8")
    _ingest(ctx, [first])
    clash = {**_article(1), "id": "same"}                # same id, other text: refused
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in
                               [_article(2), clash, _article(3), _article(4)]), encoding="utf-8")
    report = _ingest(ctx, [batch])
    assert (report.read, report.added, len(report.errors)) == (4, 3, 1)
    assert "already exists with different text" in report.errors[0].message

"""Align's furniture stage on a real store: marked, never judged, and rows found before it are dropped."""

from __future__ import annotations

import json

from sqlalchemy import or_, select

from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.store.schema import ClaimLink, Contradiction, Sentence

FOOTER = "للتواصل مع الكاتب أرسل رسالة نصية تبدأ بالرمز {code} ثم الرسالة إلى الرقم 88548"
BODY = ("قال مسؤول في وزارة المياه إن المشروع الجديد في مدينة {city} سيوفر {n} متر مكعب من المياه يوميا "
        "للسكان بحلول نهاية العام المقبل.")


def _articles(path, days, codes):
    rows = [{"id": f"okaz-{path.stem}-{i}", "outlet": "okaz", "language": "ar", "published_at": day,
             "text": BODY.format(city=city, n=1000 + 7 * i) + "\n" + FOOTER.format(code=code)}
            for i, (day, code, city) in enumerate(zip(days, codes, ("جدة", "الرياض", "تبوك", "أبها", "حائل")))]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _ingest(ctx, path):
    s = ctx.settings
    ingest_paths(ctx.db, [path], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)


def _footer_ids(ctx):
    with ctx.db.session() as session:
        return {i for i, text in session.execute(select(Sentence.id, Sentence.text)) if "أرسل رسالة" in text}


def _rows_touching(ctx, ids):
    with ctx.db.session() as session:
        return [r for t in (Contradiction, ClaimLink)
                for r in session.execute(select(t.a_id, t.b_id).where(or_(t.a_id.in_(ids), t.b_id.in_(ids))))]


def test_a_footer_repeated_across_an_outlets_articles_is_marked_and_never_judged(make_context, tmp_path):
    ctx = make_context(model="hashing")
    _ingest(ctx, _articles(tmp_path / "first.jsonl", ["2015-07-21", "2015-07-22"], [123, 159]))
    run_align(ctx.db, ctx.settings)
    early = _footer_ids(ctx)
    assert _rows_touching(ctx, early), "two footers are not furniture yet: align judged them"
    _ingest(ctx, _articles(tmp_path / "more.jsonl", ["2015-07-23", "2015-07-24", "2015-07-25"], [178, 262, 301]))
    report = run_align(ctx.db, ctx.settings)
    footers = _footer_ids(ctx)
    assert report.furniture == len(footers) == 5
    with ctx.db.session() as session:
        marked = set(session.scalars(select(Sentence.id).where(Sentence.furniture.is_(True))))
    assert marked == footers
    assert _rows_touching(ctx, footers) == []            # the early rows were dropped, the new ones never made

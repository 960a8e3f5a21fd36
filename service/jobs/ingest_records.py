"""Article objects (an API request body) to stored articles, all or nothing.

Files on disk go through ``ingest.py``, where one bad file must not stop the
rest. A request is different: the caller sends a batch and gets one answer,
so every article is read, checked and segmented first, and only a batch with
no error is written, in one transaction. A rejected batch changes nothing.
"""

from __future__ import annotations

from typing import Any

from service.errors import FactalignError, InputError
from service.jobs.ingest import IngestReport
from service.pipeline.boilerplate_lines import RepeatedLineDetector
from service.pipeline.records import record_to_article
from service.pipeline.segment import Segmented, from_html, segment
from service.store.articles import add_article
from service.store.database import Database


def _read_one(record: Any, position: int, max_bytes: int):
    source = f"articles[{position}]"
    article, html = record_to_article(record, source=source)
    size = len((html if html is not None else article.text).encode("utf-8"))
    if size > max_bytes:
        raise InputError(f"article is {size:,} bytes, over the {max_bytes:,}-byte limit", source=source)
    return from_html(article, html) if html is not None else article


def read_records(records: list[Any], *, max_bytes: int) -> list:
    """Articles in order; every problem in the batch reported in one InputError."""
    articles, problems = [], []
    for position, record in enumerate(records):
        try:
            articles.append(_read_one(record, position, max_bytes))
        except FactalignError as exc:
            problems.append({"index": position, "message": exc.message})
    if problems:
        error = InputError(f"{len(problems)} of {len(records)} articles cannot be read; nothing was stored: "
                           + "; ".join(p["message"] for p in problems[:5]))
        error.details = {"problems": problems}
        raise error
    return articles


def segment_all(articles: list, *, max_chars: int) -> list[Segmented]:
    detector = RepeatedLineDetector()
    for article in articles:
        detector.add_article(article.outlet, article.text)
    return [segment(a, max_chars=max_chars, known_boilerplate=detector.predicate(a.outlet)) for a in articles]


def ingest_records(db: Database, records: list[Any], *, max_bytes: int, max_chars: int) -> IngestReport:
    """Store a batch of article objects in one transaction; duplicates are named, not stored again."""
    if not records:
        raise InputError("no articles given: send an article object or a list of them")
    segmented = segment_all(read_records(records, max_bytes=max_bytes), max_chars=max_chars)
    report = IngestReport(read=len(segmented))
    with db.session() as session:
        for seg in segmented:
            report.count(seg, *add_article(session, seg))
    return report

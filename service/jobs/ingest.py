"""``factalign ingest``: files to stored articles and sentences.

Two passes over the input: the first reads every article and teaches the
repeated-line detector each outlet's furniture (footers, bylines, menus),
the second cleans, splits and stores. Each article is written in its own
transaction, so a crash loses at most the article being written, and a
re-run skips what is already stored (same content, URL or id).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from service.errors import FactalignError, InputError
from service.models import ArticleIn
from service.pipeline.boilerplate_lines import RepeatedLineDetector
from service.pipeline.read import read_articles
from service.pipeline.segment import from_html, segment
from service.store.articles import add_article
from service.store.database import Database


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    duplicates: int = 0
    sentences: int = 0
    dropped_lines: int = 0
    article_ids: list[str] = field(default_factory=list)
    duplicate_ids: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "read": self.read, "added": self.added, "duplicates": self.duplicates,
            "sentences": self.sentences, "dropped_lines": self.dropped_lines,
            "article_ids": self.article_ids, "duplicate_ids": self.duplicate_ids,
            "errors": [{"message": e.message, **e.details} for e in self.errors],
        }


def prepare(items: Iterable, report: IngestReport) -> list[ArticleIn]:
    """HTML extracted, bad items reported; what is left is text articles."""
    articles = []
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        article, html = item
        try:
            articles.append(from_html(article, html) if html is not None else article)
        except FactalignError as exc:
            report.errors.append(InputError(exc.message, source=article.source))
    return articles


def store_articles(db: Database, articles: list[ArticleIn], report: IngestReport, *,
                   max_chars: int, progress: Callable[[int], None] | None = None) -> IngestReport:
    detector = RepeatedLineDetector()
    for article in articles:
        detector.add_article(article.outlet, article.text)
    for article in articles:
        report.read += 1
        try:
            seg = segment(article, max_chars=max_chars, known_boilerplate=detector.predicate(article.outlet))
            with db.session() as session:
                article_id, added = add_article(session, seg)
        except InputError as exc:
            report.errors.append(exc)
            continue
        if added:
            report.added += 1
            report.sentences += len(seg.sentences)
            report.dropped_lines += seg.dropped_lines
            report.article_ids.append(article_id)
        else:
            report.duplicates += 1
            report.duplicate_ids.append(article_id)
        if progress:
            progress(1)
    return report


def ingest_paths(db: Database, paths: list[Path], *, max_bytes: int, max_chars: int,
                 progress: Callable[[int], None] | None = None) -> IngestReport:
    report = IngestReport()
    articles = prepare(read_articles(paths, max_bytes=max_bytes), report)
    return store_articles(db, articles, report, max_chars=max_chars, progress=progress)

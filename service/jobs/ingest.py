"""``factalign ingest``: files to stored articles and sentences, streamed.

Two passes, neither holding the corpus in memory. The first reads every
file once (one zip member, one JSON article at a time), teaches the
repeated-line detector each outlet's furniture (footers, bylines, menus)
and spools the articles it read to a temporary file; the second reads the
spool back, cleans, splits and stores. The detector has seen every article
before the first one is cleaned, as when everything was read into a list,
and neither a file nor an HTML page is read or extracted twice.

Articles are written ``BATCH`` to a transaction: a crash loses at most the
batch being written, and a re-run skips what is already stored (same
content, URL or id). Progress goes to ``on_progress`` as
``{"stage": "read"|"store", "done", "total"}`` (files, then articles).
"""

from __future__ import annotations

import pickle
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from service.errors import FactalignError, InputError
from service.models import ArticleIn
from service.pipeline.boilerplate_lines import RepeatedLineDetector
from service.pipeline.read import ReadNotice, iter_paths, read_articles
from service.pipeline.segment import Segmented, from_html, segment
from service.store.articles import add_article
from service.store.database import Database

# Articles per transaction: one commit per article cost more than cleaning it.
BATCH = 200
Listener = Callable[[dict], None]


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
    notices: list[ReadNotice] = field(default_factory=list)      # read, but e.g. with no outlet or date

    def to_json(self) -> dict:
        return {
            "read": self.read, "added": self.added, "duplicates": self.duplicates,
            "sentences": self.sentences, "dropped_lines": self.dropped_lines,
            "article_ids": self.article_ids, "duplicate_ids": self.duplicate_ids,
            "errors": [{"message": e.message, **e.details} for e in self.errors],
            "notices": [notice.to_json() for notice in self.notices],
        }

    def count(self, seg: Segmented, article_id: str, added: bool) -> None:
        """One stored article: new (with its sentences) or a duplicate of one already stored."""
        if added:
            self.added += 1
            self.sentences += len(seg.sentences)
            self.dropped_lines += seg.dropped_lines
            self.article_ids.append(article_id)
        else:
            self.duplicates += 1
            self.duplicate_ids.append(article_id)


def prepare(items: Iterable, report: IngestReport) -> Iterator[ArticleIn]:
    """HTML extracted, bad items reported; what is left is text articles, one at a time."""
    for item in items:
        if isinstance(item, InputError):
            report.errors.append(item)
            continue
        if isinstance(item, ReadNotice):
            report.notices.append(item)
            continue
        article, html = item
        try:
            yield from_html(article, html) if html is not None else article
        except FactalignError as exc:
            report.errors.append(InputError(exc.message, source=article.source))


class Spool:
    """Articles pickled to an unnamed temporary file, read back in the order written."""

    def __init__(self, handle: IO[bytes]):
        self.handle, self.count = handle, 0

    def write(self, article: ArticleIn) -> None:
        pickle.dump(article, self.handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[ArticleIn]:
        self.handle.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.handle)


@contextmanager
def spooled() -> Iterator[Spool]:
    with tempfile.TemporaryFile(prefix="factalign-ingest-") as handle:
        yield Spool(handle)


def learn_and_spool(items: Iterable[ArticleIn], spool: Spool) -> RepeatedLineDetector:
    """The first pass: every article teaches the detector and goes to the spool."""
    detector = RepeatedLineDetector()
    for article in items:
        detector.add_article(article.outlet, article.text)
        spool.write(article)
    return detector


def _segmented(articles: Iterable[ArticleIn], detector: RepeatedLineDetector, report: IngestReport,
               max_chars: int) -> Iterator[Segmented]:
    for article in articles:
        report.read += 1
        try:
            yield segment(article, max_chars=max_chars, known_boilerplate=detector.predicate(article.outlet))
        except InputError as exc:
            report.errors.append(exc)


def _store_batch(db: Database, batch: list[Segmented], report: IngestReport) -> None:
    with db.session() as session:
        for seg in batch:
            try:
                article_id, added = add_article(session, seg)
            except InputError as exc:     # raised before anything of that article is added
                report.errors.append(exc)
                continue
            report.count(seg, article_id, added)


def store_articles(db: Database, articles: Iterable[ArticleIn], detector: RepeatedLineDetector,
                   report: IngestReport, *, max_chars: int,
                   progress: Callable[[int], None] | None = None) -> IngestReport:
    """The second pass: clean, split and store, ``BATCH`` articles per transaction."""
    segments = _segmented(articles, detector, report, max_chars)
    while batch := list(islice(segments, BATCH)):
        _store_batch(db, batch, report)
        if progress:
            progress(len(batch))
    return report


def ingest_paths(db: Database, paths: list[Path], *, max_bytes: int, max_chars: int,
                 progress: Callable[[int], None] | None = None,
                 on_progress: Listener | None = None) -> IngestReport:
    """Read, clean, split and store; ``progress(n)`` after each stored batch of n articles."""
    report, tell = IngestReport(), _Teller(on_progress)
    tell.stage("read", sum(1 for p in iter_paths(paths) if isinstance(p, Path)))
    with spooled() as spool:
        items = read_articles(paths, max_bytes=max_bytes, on_file=lambda _path: tell.advance(1))
        detector = learn_and_spool(prepare(items, report), spool)
        tell.stage("store", spool.count)

        def advance(n: int) -> None:
            tell.advance(n)
            if progress:
                progress(n)

        return store_articles(db, spool, detector, report, max_chars=max_chars, progress=advance)


class _Teller:
    """``{"stage", "done", "total"}`` dicts for a listener, like align's JobProgress."""

    def __init__(self, listener: Listener | None):
        self.listener, self.state = listener, {"stage": "start", "done": 0, "total": None}

    def stage(self, name: str, total: int | None) -> None:
        self.state = {"stage": name, "done": 0, "total": total}
        self._emit()

    def advance(self, n: int) -> None:
        self.state = {**self.state, "done": self.state["done"] + n}
        self._emit()

    def _emit(self) -> None:
        if self.listener:
            self.listener(dict(self.state))

"""The store a cross-lingual claims file is scored against, built from SaudiNewsNet.

The labels point at articles by reference (id and URL, never their text),
so the store is rebuilt from the public daily zips: every referenced
article, plus ``distractors`` other articles of each claim day, drawn by a
hash of their URL so that every run (and every machine) draws the same
ones. Same-day distractors are what makes the test honest: they share the
day's stories, outlets and vocabulary with the targets.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from service.errors import InputError

DEFAULT_DISTRACTORS = 400


def _articles(zip_path: Path) -> Iterator[dict]:
    with zipfile.ZipFile(zip_path) as archive:
        for name in archive.namelist():
            if name.endswith(".json"):
                yield from json.loads(archive.read(name))


def _draw(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def select_articles(folder: Path, cases: Iterable[dict], distractors: int = DEFAULT_DISTRACTORS) -> list[dict]:
    """The referenced articles (by URL) of every day file, and ``distractors`` more of each claim day."""
    cases = list(cases)
    urls = {ref["url"] for case in cases for ref in [case["target"], *case.get("articles", [])] if ref.get("url")}
    days = {case["day"] for case in cases}
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise InputError(f"{folder} holds no SaudiNewsNet day files (YYYY-MM-DD.zip)")
    chosen, found = [], set()
    for zip_path in zips:
        others = []
        for article in _articles(zip_path):
            url = article.get("url")
            if url in urls and url not in found:
                found.add(url)
                chosen.append(article)
            elif zip_path.stem in days and url and url not in urls:
                others.append(article)
        chosen += sorted(others, key=lambda a: _draw(a["url"]))[:distractors]
    if missing := urls - found:
        raise InputError(f"{len(missing)} referenced articles are not in {folder} (first: {sorted(missing)[0]})")
    return chosen


def build_store(ctx, folder: Path, cases: Iterable[dict], distractors: int = DEFAULT_DISTRACTORS) -> dict:
    """Ingest the selected articles into ``ctx``'s store and align it (both are no-ops when done before)."""
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths

    articles = select_articles(folder, cases, distractors)
    settings = ctx.settings
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        report = ingest_paths(ctx.db, [path], max_bytes=settings.max_article_bytes,
                              max_chars=settings.max_sentence_chars)
    aligned = run_align(ctx.db, settings)
    ctx.invalidate_index()
    return {"articles": len(articles), "added": report.added, "index_size": aligned.index_size}

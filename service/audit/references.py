"""Labels by reference: a labelled pair points at its sentences, never carries their text.

A sentence is named by its article (the store's id and the article's URL),
its character offsets in the article, and the first 16 hex digits of its
``text_hash``. The text itself is read from a store that ingested the same
data (``../shared/data``): labels can be committed, the news cannot. The
hash makes a reference survive a cleaner that moves offsets (the article id
is a hash of the cleaned text, so the URL finds the article then).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.errors import InputError
from service.models import SentenceRecord
from service.pipeline.segment import text_hash
from service.store.database import id_chunks
from service.store.schema import Article, Sentence

# What a reader can say of a pair. "furniture": one side is not a claim at all
# (a footer, a link line, markup); "related": one story, two different facts.
LABELS = ("conflict", "same_claim", "related", "unrelated", "furniture")
HASH_DIGITS = 16


@dataclass(frozen=True)
class SentenceRef:
    article_id: str
    url: str | None
    start: int
    end: int
    sha: str

    def to_json(self) -> dict:
        return {"article_id": self.article_id, "url": self.url, "offsets": [self.start, self.end], "sha": self.sha}

    @classmethod
    def from_json(cls, data: Mapping) -> SentenceRef:
        try:
            start, end = data["offsets"]
            return cls(str(data["article_id"]), data.get("url"), int(start), int(end), str(data["sha"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"a sentence reference needs article_id, offsets [start, end] and sha: {exc!r}") from None


def reference(record: SentenceRecord) -> SentenceRef:
    return SentenceRef(record.article_id, record.url, record.start, record.end,
                       text_hash(record.sentence)[:HASH_DIGITS])


def resolve(session: Session, refs: Iterable[SentenceRef]) -> dict[SentenceRef, int]:
    """The stored sentence id of each reference this store holds (the others are left out)."""
    refs = list(set(refs))
    by_id = {r.article_id for r in refs}
    by_url = {r.url for r in refs if r.url}
    articles: dict[str, str] = {}                     # article id or URL -> stored article id
    for chunk in id_chunks(sorted(by_id)):
        articles.update((a, a) for a in session.scalars(select(Article.id).where(Article.id.in_(chunk))))
    for chunk in id_chunks(sorted(by_url)):
        articles.update(session.execute(select(Article.url, Article.id).where(Article.url.in_(chunk))).all())
    wanted = sorted(set(articles.values()))
    sentences: dict[str, list[tuple[int, int, int, str]]] = {}
    for chunk in id_chunks(wanted):
        rows = session.execute(select(Sentence.article_id, Sentence.id, Sentence.start, Sentence.end,
                                      Sentence.text_hash).where(Sentence.article_id.in_(chunk)))
        for article_id, *row in rows:
            sentences.setdefault(article_id, []).append(tuple(row))
    found = {}
    for ref in refs:
        article = articles.get(ref.article_id) or (articles.get(ref.url) if ref.url else None)
        match = _match(sentences.get(article, []), ref)
        if match is not None:
            found[ref] = match
    return found


def _match(rows: list[tuple[int, int, int, str]], ref: SentenceRef) -> int | None:
    """The sentence with the reference's hash (the one nearest its offsets if several)."""
    hits = [row for row in rows if row[3].startswith(ref.sha)]
    if not hits:
        return None
    return min(hits, key=lambda row: abs(row[1] - ref.start))[0]

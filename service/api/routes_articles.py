"""``POST /v1/articles`` (one or a batch, all or nothing) and ``GET /v1/articles/{id}``."""

from __future__ import annotations

from fastapi import APIRouter, Response

from service.api.deps import ContextDep
from service.api.schemas import ArticleBatch, ArticleBody, ArticleResponse, IngestResponse
from service.api.security import Reader, Writer
from service.errors import PayloadTooLargeError
from service.jobs.ingest_records import ingest_records
from service.store.articles import get_article

router = APIRouter(prefix="/v1/articles", tags=["articles"])


@router.post("", response_model=IngestResponse, status_code=201, dependencies=Writer,
             responses={200: {"model": IngestResponse, "description": "every article was already stored"}})
def add_articles(body: ArticleBody | ArticleBatch, ctx: ContextDep, response: Response) -> dict:
    """Store one article or a batch; a batch with any bad article stores nothing.

    Returns the ids in order, and which were already stored (same text, URL or id).
    Run ``POST /v1/jobs/align`` afterwards to embed and compare them.
    """
    items = body if isinstance(body, list) else [body]
    limit = ctx.settings.max_batch_articles
    if len(items) > limit:
        raise PayloadTooLargeError(f"{len(items):,} articles in one request, over the limit of {limit:,}: "
                                   "split the batch")
    records = [item.model_dump(mode="json", exclude_none=True) for item in items]
    report = ingest_records(ctx.db, records, max_bytes=ctx.settings.max_article_bytes,
                            max_chars=ctx.settings.max_sentence_chars)
    if not report.added:
        response.status_code = 200
    return report.to_json()


@router.get("/{article_id}", response_model=ArticleResponse, dependencies=Reader)
def read_article(article_id: str, ctx: ContextDep) -> dict:
    """An article with its text and its sentences (with character offsets into the text)."""
    with ctx.db.session() as session:
        return get_article(session, article_id)

"""``POST /v1/claims/check`` and ``/v1/claims/compare``: the CLI's check and compare.

Built per app, so the claim length limit in the OpenAPI schema is this
server's ``FACTALIGN_MAX_CLAIM_CHARS``.
"""

# No "from __future__ import annotations": the request models are built per app, inside a function,
# and FastAPI must see the classes themselves, not their names.

from fastapi import APIRouter

from service.api.deps import ContextDep
from service.api.schemas import CheckResponse, CompareResponse, claim_models
from service.api.security import Reader
from service.config import Settings
from service.pipeline.language import normalize_language
from service.retrieval.check import CheckFilters, check_claim
from service.retrieval.compare import compare_pair


def filters_of(body) -> CheckFilters:
    languages = None if body.languages is None else frozenset(map(normalize_language, body.languages))
    outlets = None if body.outlets is None else frozenset(body.outlets)
    return CheckFilters(since=body.since, until=body.until, outlets=outlets, languages=languages)


def make_router(settings: Settings) -> APIRouter:
    router = APIRouter(prefix="/v1/claims", tags=["claims"], dependencies=Reader)
    CheckRequest, CompareRequest = claim_models(settings.max_claim_chars)

    @router.post("/check", response_model=CheckResponse, response_model_exclude_unset=True)
    def check(body: CheckRequest, ctx: ContextDep) -> dict:
        """Reports that support or conflict with a claim, each with outlet, date, sentence and reasons."""
        return check_claim(ctx, body.claim, top_k=body.top_k, filters=filters_of(body), by_article=body.by_article)

    @router.post("/compare", response_model=CompareResponse)
    def compare(body: CompareRequest, ctx: ContextDep) -> dict:
        """Judge one pair of sentences: agree, conflict or unrelated, with reasons."""
        return compare_pair(ctx, body.a, body.b)

    return router

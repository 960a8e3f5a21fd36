"""The FastAPI application: one Context per process, the routes, the error shape.

The encoder, the index and the judge's word lists load once, in the
background at start-up (``/readyz`` says when), never per request.
"""

from __future__ import annotations

import gc
import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from service.api import (
    routes_articles, routes_claims, routes_findings, routes_health, routes_jobs, routes_report,
)
from service.api.body_limit import RequestBodyLimit
from service.api.curl_json import CurlJsonBodies
from service.api.job_runner import AlignJobs
from service.api.problems import ERROR_RESPONSES, install_problem_handlers
from service.config import Settings, load_settings
from service.context import Context
from service.store.vectors import ENCODER_KEY


def create_app(settings: Settings | None = None) -> FastAPI:
    ctx = Context(settings or load_settings())
    ctx.db.get_meta(ENCODER_KEY)             # open the store now: a bad URL or old schema fails start-up
    jobs = AlignJobs(ctx)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        threading.Thread(target=_warm_up, args=(ctx,), name="factalign-warm-up", daemon=True).start()
        yield
        jobs.shutdown()
        ctx.close()

    # Swagger UI and ReDoc from the files fastapi-offline ships, not a CDN: factalign runs offline.
    app = FastAPIOffline(title="factalign", version="0.1.0", lifespan=lifespan, responses=ERROR_RESPONSES,
                         description="Where news outlets agree and disagree, claim by claim.",
                         static_url="/docs-assets")
    app.state.context, app.state.jobs = ctx, jobs
    install_problem_handlers(app)
    app.add_middleware(CurlJsonBodies)
    app.add_middleware(RequestBodyLimit, max_bytes=ctx.settings.max_request_bytes)
    app.include_router(routes_claims.make_router(ctx.settings))
    for module in (routes_articles, routes_findings, routes_report, routes_jobs, routes_health):
        app.include_router(module.router)
    return app


def _warm_up(ctx: Context) -> None:
    """Load what requests need, then take it out of the garbage collector's sight.

    The model, the index and the word lists are several hundred thousand
    objects that live as long as the process. Left in the collector's
    oldest generation, each full collection walked them all: a 300 ms pause
    in whichever request triggered it (measured at 100k sentences).
    """
    ctx.warm_up()
    gc.freeze()

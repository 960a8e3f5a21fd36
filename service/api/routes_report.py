"""``GET /v1/report`` (the editors' page; Markdown or JSON on request) and actor stance maps."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response

from service.api.deps import ContextDep
from service.api.security import Reader
from service.store.findings import Tier

router = APIRouter(prefix="/v1", tags=["report"], dependencies=Reader)

MEDIA_TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
               "json": "application/json"}
Day = Annotated[dt.date | None, Query(description="YYYY-MM-DD")]


@router.get("/report", response_class=HTMLResponse, responses={200: {
    "description": "the report", "content": {"text/html": {}, "text/markdown": {}, "application/json": {}}},
    422: {"description": "bad input, e.g. a start date after the end date", "content": {"application/json": {}}}})
def report(ctx: ContextDep, since: Day = None, until: Day = None,
           type: Annotated[str | None, Query(max_length=32, description="only this contradiction type")] = None,
           outlet: Annotated[str | None, Query(max_length=256, description="pairs with this outlet on a side")] = None,
           tier: Annotated[Tier, Query(
               description="confirmed conflicts (default), the possible ones, or all")] = "confirmed",
           format: Literal["html", "md", "json"] = "html") -> Response:
    """Contradictions side by side, grouped by story, with the conflicting values highlighted."""
    from service.reports.builder import build_report
    from service.reports.render import content_policy, render_report

    built = build_report(ctx.db, since=since, until=until, type_=type, outlet=outlet, tier=tier)
    if format == "json":
        return JSONResponse(built)
    headers = {"Content-Security-Policy": content_policy()} if format == "html" else None
    return Response(render_report(built, format), media_type=MEDIA_TYPES[format], headers=headers)


@router.get("/entities/{name}/stances")
def stances(ctx: ContextDep, name: Annotated[str, Path(max_length=200, description="a person or organisation, "
                                                                                   "any script")],
            since: Day = None, until: Day = None) -> dict:
    """What each outlet reports this actor said or did about the truce: supports, rejects, signed, stayed away."""
    from service.reports.stances import stances_for

    return stances_for(ctx.db, name, since=since, until=until)

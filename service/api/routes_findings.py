"""What align found: ``GET /v1/clusters`` and ``GET /v1/contradictions``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from service.api.deps import ContextDep
from service.api.schemas import ClustersResponse, ContradictionsResponse
from service.api.security import Reader
from service.reports.cluster_labels import with_labels
from service.store.findings import Tier, list_clusters, list_contradictions

router = APIRouter(prefix="/v1", tags=["findings"], dependencies=Reader)

Limit = Annotated[int, Query(ge=1, le=1000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]


@router.get("/contradictions", response_model=ContradictionsResponse)
def contradictions(ctx: ContextDep,
                   type: Annotated[str | None, Query(max_length=32, description="number, date, negation, ...")] = None,
                   outlet: Annotated[str | None, Query(max_length=256, description="either side's outlet")] = None,
                   since: Annotated[dt.date | None, Query(description="published on or after")] = None,
                   until: Annotated[dt.date | None, Query(description="published on or before")] = None,
                   tier: Annotated[Tier, Query(
                       description="confirmed conflicts (default), the possible ones, or all")] = "confirmed",
                   story: Annotated[int | None, Query(ge=0, description="a side's article is in this story")] = None,
                   limit: Limit = 100, offset: Offset = 0) -> dict:
    """Flagged pairs, each with both sentences and the typed reasons, oldest first; wire copies
    of one pair are one item with every pair that carried it in ``sources``."""
    with ctx.db.session() as session:
        items = list_contradictions(session, type_=type, outlet=outlet, since=since, until=until, tier=tier,
                                    story=story, limit=limit, offset=offset)
    return {"contradictions": items, "limit": limit, "offset": offset}


@router.get("/clusters", response_model=ClustersResponse)
def clusters(ctx: ContextDep, limit: Limit = 100, offset: Offset = 0,
             min_size: Annotated[int, Query(ge=1, le=1000, description="smallest cluster")] = 2,
             story: Annotated[int | None, Query(ge=0, description="only the claims of this story id")] = None,
             outlet: Annotated[str | None, Query(max_length=256, description="a member's outlet")] = None,
             since: Annotated[dt.date | None, Query(description="a member published on or after")] = None,
             until: Annotated[dt.date | None, Query(description="a member published on or before")] = None,
             ) -> dict:
    """Aligned claim groups: the same claim across outlets, largest first, each with its size,
    outlets, languages, first and last day, representative sentence and story."""
    with ctx.db.session() as session:
        found = list_clusters(session, min_size=min_size, story=story, outlet=outlet, since=since, until=until,
                              limit=limit, offset=offset)
    return {"clusters": with_labels(found), "limit": limit, "offset": offset}

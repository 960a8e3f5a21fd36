"""``POST /v1/jobs/align`` (202 + job id), ``GET /v1/jobs/{id}`` and ``GET /v1/jobs``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from service.api.deps import ContextDep
from service.api.schemas import Job, JobsResponse
from service.api.security import Reader, Writer
from service.errors import NotFoundError
from service.store.jobs import get_job, list_jobs

router = APIRouter(prefix="/v1/jobs", tags=["jobs"])


@router.post("/align", response_model=Job, status_code=202, dependencies=Writer)
def start_align(request: Request, ctx: ContextDep, response: Response) -> dict:
    """Queue the alignment job (embed, index, judge, cluster what is new); jobs run one at a time."""
    job_id = request.app.state.jobs.submit()
    response.headers["Location"] = f"/v1/jobs/{job_id}"
    return get_job(ctx.db, job_id)


@router.get("/{job_id}", response_model=Job, dependencies=Reader)
def read_job(job_id: int, ctx: ContextDep) -> dict:
    """A job's state (queued, running, succeeded or failed), progress, counts and error."""
    job = get_job(ctx.db, job_id)
    if job is None:
        raise NotFoundError(f"no job with id {job_id}")
    return job


@router.get("", response_model=JobsResponse, dependencies=Reader)
def recent_jobs(ctx: ContextDep, limit: Annotated[int, Query(ge=1, le=1000)] = 20) -> dict:
    """Recent job runs, newest first (CLI jobs included)."""
    return {"jobs": list_jobs(ctx.db, limit=limit)}

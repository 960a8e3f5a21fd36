"""``GET /healthz`` (the process answers) and ``GET /readyz`` (model loaded, store reachable)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from service.api.deps import ContextDep
from service.api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Health)
def healthz() -> dict:
    return {"status": "ok"}


@router.get("/readyz", response_model=Health, responses={503: {"model": Health, "description": "not ready"}})
def readyz(ctx: ContextDep):
    """Ready when the encoder and the index are loaded and the store answers a query."""
    checks = {"model": ctx.encoder_loaded, "index": ctx.warmed, "store": _store_reachable(ctx)}
    ready = all(checks.values())
    body = {"status": "ready" if ready else "not ready", **checks,
            "encoder": ctx.settings.model, "indexed": ctx.indexed_count()}
    return JSONResponse(body, status_code=200 if ready else 503)


def _store_reachable(ctx) -> bool:
    try:
        with ctx.db.session() as session:
            session.execute(text("SELECT 1"))
        return True
    except Exception:  # readiness reports any failure as "not ready" rather than raising
        return False

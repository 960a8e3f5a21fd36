"""Every error as one JSON shape: ``{"error": {"code", "message", "details"}}``.

The exception tree in ``service/errors.py`` carries the HTTP status; request
validation errors name the field and say why; anything unexpected is a 500
whose body gives no internals away (the server log has the traceback).
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from service.errors import FactalignError

log = logging.getLogger("factalign.api")

HTTP_CODES = {400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found",
              405: "method_not_allowed", 406: "not_acceptable", 409: "conflict", 413: "payload_too_large",
              415: "unsupported_media_type", 422: "invalid_request", 429: "too_many_requests",
              503: "unavailable"}


class ProblemBody(BaseModel):
    code: str
    message: str
    details: dict = {}


class Problem(BaseModel):
    error: ProblemBody


def problem(status: int, code: str, message: str, details: dict | None = None,
            headers: dict | None = None) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "details": details or {}}}
    return JSONResponse(body, status_code=status, headers=headers)


def _field(loc) -> str:
    return ".".join(str(part) for part in loc if part != "body") or "body"


def describe_validation(errors) -> tuple[str, list[dict]]:
    fields = []
    for error in errors:
        if error["type"] == "json_invalid":
            where = error["loc"][-1] if len(error["loc"]) > 1 else "?"
            message = f"malformed JSON at character {where}: {error.get('ctx', {}).get('error', 'decode error')}"
            fields.append({"field": "body", "message": message, "type": "json_invalid"})
        else:
            fields.append({"field": _field(error["loc"]), "message": error["msg"], "type": error["type"]})
    summary = "; ".join(f"{f['field']}: {f['message']}" for f in fields[:5])
    return f"invalid request: {summary}", fields


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(FactalignError)
    async def _factalign(_request: Request, exc: FactalignError) -> JSONResponse:
        headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
        if exc.http_status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return problem(exc.http_status, exc.code, exc.message, exc.details, headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        message, fields = describe_validation(exc.errors())
        return problem(422, "invalid_request", message, {"fields": fields})

    @app.exception_handler(HTTPException)
    async def _http(_request: Request, exc: HTTPException) -> JSONResponse:
        code = HTTP_CODES.get(exc.status_code, "http_error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 413:
            message = f"request body is too large: {message}"
        return problem(exc.status_code, code, message, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(500, "internal_error", "internal error: the server log has the details")


# Documented on every route, so clients (and schemathesis) know the error shape.
ERROR_RESPONSES = {status: {"model": Problem, "description": HTTP_CODES.get(status, "error")}
                   for status in (401, 403, 404, 413, 422)}

"""Refuse request bodies over ``FACTALIGN_MAX_REQUEST_BYTES`` with a 413 problem response.

A declared Content-Length over the limit is refused before the body is read;
a chunked body is counted as it arrives and refused when it crosses the limit.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.problems import problem


class BodyTooLarge(HTTPException):
    # An HTTPException, so FastAPI's body reader passes it on instead of turning it into a 400.
    def __init__(self, limit: int):
        super().__init__(status_code=413, detail=f"the limit is {limit:,} bytes (FACTALIGN_MAX_REQUEST_BYTES)")


class RequestBodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            response = problem(413, "payload_too_large",
                               f"request body is {int(declared):,} bytes: the limit is {self.max_bytes:,} bytes "
                               "(FACTALIGN_MAX_REQUEST_BYTES); send smaller batches")
            await response(scope, receive, send)
            return
        received = 0

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted_receive, send)

"""Treat ``curl -d '{...}'`` as JSON on the read-only claim endpoints.

curl sends ``-d`` bodies as ``application/x-www-form-urlencoded``; every body
of this API is JSON, so on ``POST /v1/claims/*`` that content type is read as
JSON. Not on the writing endpoints: a browser can post a form cross-site
without a preflight, and on a server without keys that must not write.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

FORM = b"application/x-www-form-urlencoded"


class CurlJsonBodies:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].startswith("/v1/claims/"):
            scope = dict(scope)
            scope["headers"] = [(name, b"application/json" if name == b"content-type" and value == FORM else value)
                                for name, value in scope["headers"]]
        await self.app(scope, receive, send)

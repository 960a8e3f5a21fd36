"""Who may read and who may write.

With ``FACTALIGN_API_KEYS`` set, every write needs ``Authorization: Bearer
<key>`` with one of the keys, and so does every read unless
``FACTALIGN_OPEN_READS`` is true. With no keys the server has no
authentication at all, which is only allowed on a loopback address (see
``server.py``). 401: no usable key was sent; 403: a key was sent and it is
not one of ours.
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from service.errors import AuthenticationError, PermissionDeniedError

bearer = HTTPBearer(auto_error=False, description="one of the keys in FACTALIGN_API_KEYS")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def key_matches(given: str, keys: list[str]) -> bool:
    """Constant time in the key's content: every configured key is compared."""
    given_bytes = given.encode("utf-8")
    matched = False
    for key in keys:
        matched |= hmac.compare_digest(given_bytes, key.encode("utf-8"))
    return matched


def check_key(keys: list[str], credentials: HTTPAuthorizationCredentials | None, request: Request) -> None:
    if credentials is None:
        sent = "an Authorization header that is not 'Bearer <key>'" if request.headers.get("authorization") \
            else "no API key"
        raise AuthenticationError(f"this request needs an API key: sent {sent}; "
                                  "send 'Authorization: Bearer <key>'")
    if not key_matches(credentials.credentials, keys):
        raise PermissionDeniedError("the API key is not valid for this server")


def require_writer(request: Request, credentials: Credentials) -> None:
    keys = request.app.state.context.settings.api_key_list
    if keys:
        check_key(keys, credentials, request)


def require_reader(request: Request, credentials: Credentials) -> None:
    settings = request.app.state.context.settings
    if settings.api_key_list and not settings.open_reads:
        check_key(settings.api_key_list, credentials, request)


Writer = [Depends(require_writer)]
Reader = [Depends(require_reader)]

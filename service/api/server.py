"""``factalign serve``: the API under uvicorn, refusing an open server on a network address."""

from __future__ import annotations

import ipaddress

from service.config import Settings
from service.errors import ConfigError


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:                       # a host name: it may resolve to anything
        return False


def check_exposure(settings: Settings, host: str, allow_unauthenticated: bool) -> None:
    """No keys means no authentication: only on loopback, unless the operator says so."""
    if settings.api_key_list or is_loopback(host) or allow_unauthenticated:
        return
    raise ConfigError(
        f"refusing to serve on {host} without API keys: anyone who can reach it could write. "
        "Set FACTALIGN_API_KEYS=key1,key2 (clients send 'Authorization: Bearer <key>'), "
        "or pass --allow-unauthenticated if the network is trusted."
    )


def serve(settings: Settings, *, host: str, port: int, allow_unauthenticated: bool = False,
          log_level: str = "info") -> None:
    import uvicorn

    from service.api.app import create_app

    check_exposure(settings, host, allow_unauthenticated)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level, access_log=True)

"""The one exception tree of factalign.

Every error a user can cause or meet derives from FactalignError and carries a
stable ``code`` (used by the CLI exit message and the API problem responses)
and a message a person can act on.
"""

from __future__ import annotations


class FactalignError(Exception):
    """Base of every error factalign raises on purpose."""

    code = "factalign_error"
    http_status = 500

    def __init__(self, message: str, *, details: dict | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}


class ConfigError(FactalignError):
    """Settings that cannot work (bad URL, unknown model, bad limit)."""

    code = "config_error"


class MissingDependencyError(FactalignError):
    """An optional extra is not installed; the message names the pip command."""

    code = "missing_dependency"

    def __init__(self, package: str, extra: str | None = None, purpose: str = ""):
        install = f"pip install 'factalign[{extra}]'" if extra else f"pip install {package}"
        what = f" for {purpose}" if purpose else ""
        super().__init__(f"{package} is needed{what} but is not installed: run `{install}`")


class InputError(FactalignError):
    """Input that cannot be read: empty, binary, wrong encoding, malformed JSON."""

    code = "bad_input"
    http_status = 422

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None,
                 item: int | None = None):
        where = source or ""
        if line is not None:
            where = f"{where}:{line}" if where else f"line {line}"
        # The n-th object of a JSON array: its line alone does not say which article it is.
        if item is not None:
            where = f"{where} (item {item})" if where else f"item {item}"
        details = {"source": source, "line": line, **({"item": item} if item is not None else {})}
        super().__init__(f"{where}: {message}" if where else message, details=details)
        self.reason = message
        self.source = source
        self.line = line
        self.item = item

    def at_item(self, item: int, line: int | None) -> "InputError":
        """The same error placed at item ``item`` of a JSON array, starting on ``line``."""
        return InputError(self.reason, source=self.source, line=line, item=item)


class ModelMismatchError(FactalignError):
    """Stored vectors were made by another encoder than the configured one."""

    code = "model_mismatch"
    http_status = 409


class StoreError(FactalignError):
    """The database is unreachable or its schema is not what this version needs."""

    code = "store_error"
    http_status = 503


class NotFoundError(FactalignError):
    code = "not_found"
    http_status = 404


class AuthenticationError(FactalignError):
    """No API key, or not a Bearer key: say how to send one (401)."""

    code = "unauthenticated"
    http_status = 401


class PermissionDeniedError(FactalignError):
    """An API key that is not one of the configured keys (403)."""

    code = "forbidden"
    http_status = 403


class PayloadTooLargeError(FactalignError):
    code = "payload_too_large"
    http_status = 413


class BusyError(FactalignError):
    """The work cannot start now: another job holds the lock (409)."""

    code = "busy"
    http_status = 409

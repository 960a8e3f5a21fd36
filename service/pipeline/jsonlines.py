"""JSON Lines: one object per line, each bad line reported with its number."""

from __future__ import annotations

import json
from typing import Any, Iterator

from service.errors import InputError


def iter_json_lines(text: str, *, source: str, what: str = "JSON") -> Iterator[tuple[int, Any] | InputError]:
    """(line number, value) per non-blank line, or an InputError for a malformed one."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed {what}: {exc.msg} (column {exc.colno})", source=source, line=number)

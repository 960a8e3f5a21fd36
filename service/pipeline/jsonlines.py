"""JSON Lines and JSON arrays, one value at a time, each bad one reported where it is."""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from service.errors import InputError

_SPACE = re.compile(r"[ \t\n\r]*")


def iter_json_lines(text: str, *, source: str, what: str = "JSON") -> Iterator[tuple[int, Any] | InputError]:
    """(line number, value) per non-blank line, or an InputError for a malformed one."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"malformed {what}: {exc.msg} (column {exc.colno})", source=source, line=number)


def iter_json_document(text: str, *, source: str, with_lines: bool = False) -> Iterator[tuple | InputError]:
    """The items of a top-level array as (1-based position, value), else (None, the one value).

    ``with_lines``: (position, line the value starts on, value) instead.

    An array is decoded one item at a time, so a day of SaudiNewsNet (a 12 MB
    array of articles) never exists as one list of parsed objects: each
    article is handed on and dropped before the next is read. The items
    before a syntax error are still yielded; the error comes last.
    """
    decoder = json.JSONDecoder()
    pos = _SPACE.match(text).end()
    if not text.startswith("[", pos):
        try:
            value = json.loads(text)
            yield (None, 1, value) if with_lines else (None, value)
        except json.JSONDecodeError as exc:
            yield _malformed(exc, source)
        return
    pos = _SPACE.match(text, pos + 1).end()
    position, closed = 0, text.startswith("]", pos)
    lines = _LineCounter(text)
    if closed:
        pos = _SPACE.match(text, pos + 1).end()
    while not closed:
        start = pos
        try:
            value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            yield _malformed(exc, source)
            return
        position += 1
        yield (position, lines.at(start), value) if with_lines else (position, value)
        pos = _SPACE.match(text, pos).end()
        closed = text.startswith("]", pos)
        if not closed and not text.startswith(",", pos):
            yield _malformed(json.JSONDecodeError("Expecting ',' delimiter", text, pos), source)
            return
        pos = _SPACE.match(text, pos + 1).end()
    if pos < len(text):
        yield _malformed(json.JSONDecodeError("Extra data", text, pos), source)


class _LineCounter:
    """Line numbers of increasing offsets, counting each stretch of text once (a day's array is 12 MB)."""

    def __init__(self, text: str):
        self.text, self.offset, self.line = text, 0, 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _malformed(exc: json.JSONDecodeError, source: str) -> InputError:
    return InputError(f"malformed JSON: {exc.msg} (column {exc.colno})", source=source, line=exc.lineno)

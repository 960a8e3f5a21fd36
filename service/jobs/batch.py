"""Batch mode for ``check`` and ``compare``: one JSON object in, one out, per line.

The model is loaded once for the whole file; a bad line gets an error object
on its output line (with its line number) and the others still run.
"""

from __future__ import annotations

import json
from typing import Callable, TextIO

import click

from service.errors import FactalignError


def run_batch(lines: TextIO, handle: Callable[[dict], dict], required: str | tuple[str, ...]) -> int:
    """Process every line; returns how many failed."""
    fields = (required,) if isinstance(required, str) else required
    failed = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict) or any(not isinstance(record.get(f), str) for f in fields):
                raise ValueError(f"expected an object with string field(s) {', '.join(fields)}")
            result = handle(record)
        except (json.JSONDecodeError, ValueError, FactalignError) as exc:
            failed += 1
            message = exc.message if isinstance(exc, FactalignError) else str(exc)
            result = {"line": number, "error": {"code": "bad_input", "message": message}}
        click.echo(json.dumps(result, ensure_ascii=False))
    return failed

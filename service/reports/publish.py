"""Writing a report file: whole or not at all (a reader never sees half a page)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from service.errors import InputError
from service.reports.builder import build_report
from service.reports.render import render_report
from service.store.database import Database


def write_atomically(path: Path, text: str) -> Path:
    """Write to a temporary file beside ``path``, then rename it over ``path``."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder: give a file name for the report")
    if not path.parent.exists():
        raise InputError(f"the folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(temporary, 0o644)      # mkstemp makes it private; a report is for sharing
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def write_report(db: Database, path: Path, fmt: str = "html", *, since: dt.date | None = None,
                 until: dt.date | None = None, tier: str = "confirmed") -> Path:
    """Build, render and write the report; the path written."""
    report = build_report(db, since=since, until=until, tier=tier)
    return write_atomically(path, render_report(report, fmt))

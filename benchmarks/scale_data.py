"""Inputs and stores for ``scale.py``: the days split into backfill and increment, a fresh database."""

from __future__ import annotations

import json
import math
import secrets
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def split_days(data: Path, limit: int | None, work: Path, first_days: int | None = None) -> tuple[list[Path], Path]:
    """(backfill inputs, the last day's input). Whole zips (the first ``first_days`` of them, if
    given), or with ``limit`` a share of each day."""
    days = sorted(data.glob("*.zip"))
    if len(days) < 2:
        raise SystemExit(f"{data}: expected at least two daily .zip files")
    if limit is None:
        return days[:-1][:first_days], days[-1]
    per_day = math.ceil(limit / (len(days) - 1))
    folder = work / "input"
    folder.mkdir(parents=True)
    rest = [_first_articles(day, per_day, folder) for day in days[:-1]]
    return rest, _first_articles(days[-1], per_day, folder)


def _first_articles(day: Path, count: int, folder: Path) -> Path:
    """The first ``count`` articles of a daily zip as JSON Lines, read one article at a time."""
    from service.pipeline.jsonlines import iter_json_document

    with zipfile.ZipFile(day) as archive:
        text = archive.read(archive.namelist()[0]).decode("utf-8")
    out = folder / f"{day.stem}.jsonl"
    with out.open("w", encoding="utf-8") as handle:
        for _, (_, record) in zip(range(count), iter_json_document(text, source=str(day))):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


@contextmanager
def fresh_database(server_url: str | None) -> Iterator[str | None]:
    """None (a SQLite file in the home), or a new PostgreSQL database beside ``server_url``, dropped after."""
    if not server_url:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(server_url)
    name = f"factalign_scale_{secrets.token_hex(4)}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

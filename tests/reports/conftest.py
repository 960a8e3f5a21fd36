"""The seeds' report, built once: align finds the Fateh al-Sham scope dispute in them."""

from __future__ import annotations

import pytest

from service.config import load_settings
from service.context import Context


@pytest.fixture(scope="session")
def seeded_report(seeded_home):
    from service.reports.builder import build_report

    ctx = Context(load_settings(home=seeded_home))
    try:
        yield build_report(ctx.db, tier="all")     # the seeds' one dispute is a "possible" conflict
    finally:
        ctx.close()


def all_items(report: dict) -> list[dict]:
    return [item for story in report["stories"] for item in story["contradictions"]]


def marked(side: dict, kind: str | None = None) -> list[str]:
    """The highlighted substrings of one side (of one highlight type, when given)."""
    return [side["sentence"][h["start"]:h["end"]] for h in side["highlights"] if kind in (None, h["type"])]

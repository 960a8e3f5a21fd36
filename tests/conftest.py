"""Shared fixtures: a data home per test, the seeds, the shared eval files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.config import load_settings
from service.context import Context

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def make_context(tmp_path):
    made = []

    def make(**overrides) -> Context:
        settings = load_settings(home=tmp_path / f"home{len(made)}", **overrides)
        ctx = Context(settings)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture(scope="session")
def seeded_home(tmp_path_factory):
    """A home with the seeds ingested and aligned once for the whole session."""
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths

    home = tmp_path_factory.mktemp("seeded")
    ctx = Context(load_settings(home=home))
    s = ctx.settings
    ingest_paths(ctx.db, [SEEDS], max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    run_align(ctx.db, s)
    ctx.close()
    return home


@pytest.fixture
def seeded(seeded_home):
    ctx = Context(load_settings(home=seeded_home))
    yield ctx
    ctx.close()

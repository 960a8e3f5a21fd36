"""Align's embedding stage on the worker processes gives the vectors the job's own process gives.

The local engine encodes large calls on its workers (one encoder and one
BLAS thread each) and small ones in the driver, with one thread too: a
text must get the same vector, to the bit, either way, or a run resumed
after a kill (whose calls fall differently) could judge differently.
"""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from service.config import load_settings
from service.jobs import worker_pool
from service.jobs.engines import LocalEngine
from tests.conftest import shared_path

SAUDINEWSNET = ("data", "saudinewsnet", "2015-07-21.zip")

pytestmark = pytest.mark.slow          # each worker loads the default model


def _news_lines() -> list[str]:
    """Lines of a few SaudiNewsNet articles: Arabic news text, short and long."""
    with zipfile.ZipFile(shared_path(*SAUDINEWSNET)) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))[:20]
    return [line.strip() for a in articles for line in (a.get("content") or "").split(".") if line.strip()]


def _encoded(settings, batches, monkeypatch, *, on_workers: bool) -> list[np.ndarray]:
    monkeypatch.setattr(worker_pool, "MIN_PARALLEL_TEXTS", 1 if on_workers else 10**9)
    engine = LocalEngine(settings)
    try:
        return list(engine.encode(batches))
    finally:
        engine.close()


def test_workers_give_the_driver_s_vectors_in_the_order_of_the_batches(tmp_path, monkeypatch):
    settings = load_settings(home=tmp_path, threads=2)
    texts = _news_lines()
    assert len(texts) > 100
    # Uneven batches, more of them than the workers hold at once (two each).
    cuts = [0, 7, 40, 41, 90, 150, len(texts)]
    batches = [texts[a:b] for a, b in zip(cuts, cuts[1:])]
    here = _encoded(settings, batches, monkeypatch, on_workers=False)
    there = _encoded(settings, batches, monkeypatch, on_workers=True)
    assert [len(v) for v in there] == [len(b) for b in batches]
    for a, b in zip(here, there):
        np.testing.assert_array_equal(a, b)


def test_the_driver_never_loads_the_model_its_workers_encode_with(tmp_path, monkeypatch):
    # The model is about 540 MB in a process (torch and the weights): align's
    # driver needs only its name and dimension while the workers encode.
    from service.retrieval import encoder as encoder_module

    loads, real = [], encoder_module._load
    monkeypatch.setattr(encoder_module, "_load", lambda *args: loads.append(args) or real(*args))
    monkeypatch.setattr(worker_pool, "MIN_PARALLEL_TEXTS", 1)
    engine = LocalEngine(load_settings(home=tmp_path, threads=2))
    try:
        info = engine.encoder_info()
        vectors = list(engine.encode([_news_lines()[:30], ["one more"]]))
    finally:
        engine.close()
    assert loads == []
    assert (info.name, info.dimension) == ("use-multilingual-v3", 512)
    assert [v.shape for v in vectors] == [(30, 512), (1, 512)]

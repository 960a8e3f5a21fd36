"""IndexConfig: the kind chosen by size, the parameters passed on, the spec stamped."""

from __future__ import annotations

import numpy as np
import pytest

from embeddings.index import IndexConfig, NumpyIndex

DIM = 16


def unit(n: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).normal(size=(n, DIM))
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def test_auto_is_exact_below_the_threshold():
    config = IndexConfig(exact_below=1_000)
    assert config.choose(999) == "flat" and config.choose(1_000) == "ivf"
    assert IndexConfig(exact_below=1_000, approximate="hnsw").choose(5_000) == "hnsw"
    assert IndexConfig(kind="hnsw").choose(10) == "hnsw"
    assert IndexConfig(kind="flat").choose(10**7) == "flat"


def test_build_passes_the_parameters():
    config = IndexConfig(hnsw_m=8, hnsw_ef_construction=20, hnsw_ef_search=12, ivf_nlist=4,
                         ivf_nprobe=2, ivf_quantizer="flat", threads=1)
    hnsw = config.build("hnsw", DIM)
    assert hnsw.params == {"M": 8, "efConstruction": 20, "efSearch": 12}
    ivf = config.build("ivf", DIM)
    assert ivf.params == {"nlist": 4, "nprobe": 2, "quantizer": "flat", "pq_m": 64}
    assert isinstance(config.build("numpy", DIM), NumpyIndex) and config.build("flat", DIM).kind == "flat"


def test_spec_names_build_parameters_not_search_ones():
    base = IndexConfig()
    assert base.spec("flat") == "flat()"
    assert base.spec("ivf") == "ivf(nlist=auto,quantizer=sq8)"
    assert base.spec("hnsw") == "hnsw(M=32,efConstruction=80)"
    assert IndexConfig(ivf_nprobe=99, hnsw_ef_search=7).spec("ivf") == base.spec("ivf")
    assert IndexConfig(ivf_nprobe=99, hnsw_ef_search=7).spec("hnsw") == base.spec("hnsw")
    assert IndexConfig(ivf_nlist=256).spec("ivf") != base.spec("ivf")
    assert IndexConfig(ivf_quantizer="pq", ivf_pq_m=32).spec("ivf") == "ivf(nlist=auto,pq_m=32,quantizer=pq)"
    assert IndexConfig(ivf_pq_m=32).spec("ivf") == base.spec("ivf"), "pq_m only matters with PQ codes"
    assert all("|" not in base.spec(kind) for kind in ("flat", "hnsw", "ivf", "numpy"))
    assert base.search_params("ivf") == {"nprobe": 192} and base.search_params("flat") == {}


def test_ivf_needs_retrain_once_it_outgrows_its_training():
    config = IndexConfig(ivf_nlist=4, ivf_retrain_growth=2.0, threads=1)
    index = config.build("ivf", DIM)
    index.train(unit(200), planned_size=1_000)
    assert not config.needs_retrain(index, 2_000) and config.needs_retrain(index, 2_001)
    assert not config.needs_retrain(config.build("flat", DIM), 10**9)


@pytest.mark.parametrize("fields, message", [
    ({"kind": "annoy"}, "index kind must be one of"),
    ({"approximate": "flat"}, "approximate index kind"),
    ({"ivf_quantizer": "sq4"}, "quantizer must be one of"),
    ({"ivf_retrain_growth": 1.0}, "above 1"),
    ({"threads": 0}, "threads"),
])
def test_bad_config_is_refused(fields, message):
    with pytest.raises(ValueError, match=message):
        IndexConfig(**fields)

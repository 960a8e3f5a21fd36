"""Which index to build for a collection, with which parameters.

``IndexConfig`` is what the service's settings become once validated; it
knows nothing of the service. ``kind="auto"`` picks exact flat search below
``exact_below`` vectors and ``approximate`` from there on. ``spec`` names
the build (kind and build parameters) so that a saved index built another
way is rebuilt; search parameters (efSearch, nprobe) are applied to a
loaded index instead, since changing them needs no rebuild.

The defaults are the ones measured in ``benchmarks/ann.py`` (README,
"Index at scale").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from embeddings.index.base import VectorIndex
from embeddings.index.faiss_index import (
    APPROXIMATE_KINDS,
    IVF_QUANTIZERS,
    KINDS,
    SEARCH_PARAMS,
    build_index,
    choose_kind,
)

CONFIG_KINDS = ("auto", "numpy", *KINDS)


@dataclass(frozen=True)
class IndexConfig:
    kind: str = "auto"
    exact_below: int = 100_000
    approximate: str = "ivf"
    hnsw_m: int = 32
    hnsw_ef_construction: int = 80
    hnsw_ef_search: int = 384
    ivf_nlist: int | None = None          # None: about 4 * sqrt(n) lists
    ivf_nprobe: int = 192
    ivf_quantizer: str = "sq8"
    ivf_pq_m: int = 64
    # An ivf index trained for n vectors is retrained from scratch once it
    # holds more than growth * n: its lists were fitted to the old data.
    ivf_retrain_growth: float = 2.0
    threads: int = 2

    def __post_init__(self) -> None:
        if self.kind not in CONFIG_KINDS:
            raise ValueError(f"index kind must be one of {CONFIG_KINDS}, got {self.kind!r}")
        if self.approximate not in APPROXIMATE_KINDS:
            raise ValueError(f"approximate index kind must be one of {APPROXIMATE_KINDS}, got {self.approximate!r}")
        if self.ivf_quantizer not in IVF_QUANTIZERS:
            raise ValueError(f"ivf quantizer must be one of {IVF_QUANTIZERS}, got {self.ivf_quantizer!r}")
        if self.ivf_retrain_growth <= 1.0:
            raise ValueError(f"ivf_retrain_growth must be above 1, got {self.ivf_retrain_growth}")
        if self.exact_below < 0 or self.threads < 1:
            raise ValueError("exact_below must be >= 0 and threads >= 1")

    def choose(self, n_vectors: int) -> str:
        """The kind for a collection of ``n_vectors``."""
        if self.kind != "auto":
            return self.kind
        return choose_kind(n_vectors, self.exact_below, self.approximate)

    def params(self, kind: str) -> dict[str, Any]:
        """Build and search parameters of ``kind``, as ``build_index`` takes them."""
        if kind == "hnsw":
            return {"M": self.hnsw_m, "efConstruction": self.hnsw_ef_construction, "efSearch": self.hnsw_ef_search}
        if kind == "ivf":
            return {"nlist": self.ivf_nlist, "nprobe": self.ivf_nprobe,
                    "quantizer": self.ivf_quantizer, "pq_m": self.ivf_pq_m}
        return {}

    def search_params(self, kind: str) -> dict[str, Any]:
        return {name: value for name, value in self.params(kind).items() if name in SEARCH_PARAMS.get(kind, ())}

    def spec(self, kind: str) -> str:
        """``kind(build params)``, e.g. ``ivf(nlist=auto,quantizer=sq8)``; no ``|`` inside."""
        build = {name: value for name, value in self.params(kind).items()
                 if name not in SEARCH_PARAMS.get(kind, ())}
        if kind == "ivf" and self.ivf_quantizer != "pq":
            build.pop("pq_m")  # unused without PQ codes: changing it needs no rebuild
        inside = ",".join(f"{name}={'auto' if value is None else value}" for name, value in sorted(build.items()))
        return f"{kind}({inside})"

    def build(self, kind: str, dimension: int) -> VectorIndex:
        """A new empty index of ``kind`` with this configuration's parameters."""
        if kind == "numpy":
            return build_index("numpy", dimension)
        return build_index(kind, dimension, threads=self.threads, **self.params(kind))

    def needs_retrain(self, index: VectorIndex, n_vectors: int) -> bool:
        """True when an ivf index about to hold ``n_vectors`` has outgrown its training."""
        trained_for = index.state.get("trained_for", 0)
        return index.kind == "ivf" and trained_for > 0 and n_vectors > self.ivf_retrain_growth * trained_for

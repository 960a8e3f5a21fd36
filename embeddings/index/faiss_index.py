"""FAISS indexes: exact flat, HNSW graph, IVF with flat / 8-bit / PQ / fast-scan codes.

``flat`` is exact and is what the contract suite compares with the NumPy
index; ``hnsw`` and ``ivf`` are approximate and are trusted only after
their recall@k against the exact index is measured (``recall.py``, the
tests and ``benchmarks/ann.py``). ``import faiss`` happens when an index
is built.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.errors import IndexMismatchError, MissingBackendError
from embeddings.index.base import VectorIndex

KINDS = ("flat", "hnsw", "ivf")
APPROXIMATE_KINDS = ("hnsw", "ivf")
IVF_QUANTIZERS = ("flat", "sq8", "pq", "pq4fs")
SEARCH_PARAMS = {"flat": set(), "hnsw": {"efSearch"}, "ivf": {"nprobe"}}
DEFAULTS: dict[str, dict[str, Any]] = {
    "flat": {},
    # efSearch and nprobe reach recall@10 >= 0.95 at 1M sentences (benchmarks/ann.py)
    "hnsw": {"M": 32, "efConstruction": 80, "efSearch": 384},
    "ivf": {"nlist": None, "nprobe": 192, "quantizer": "sq8", "pq_m": 64},
}
# k-means quality stops improving long before FAISS's own cap of 256
# points per list, while training time grows with the sample: 64 is plenty.
TRAIN_POINTS_PER_LIST = 64
PQ_CENTROIDS = 256
# pq4fs: a 4-bit PQ code per 4 dimensions scanned with SIMD look-up tables,
# then the best k x REFINE_K_FACTOR re-ranked by their exact inner product.
# On full SaudiNewsNet it finds align's pairs as IVF-SQ8 does at the same
# nprobe in an eighth of the time (benchmarks/pair_recall.py --candidate),
# at the cost of keeping the float vectors too (2 KB a 512-d vector).
PQ4FS_DIMS_PER_CODE = 4
REFINE_K_FACTOR = 8


def choose_kind(n_vectors: int, exact_below: int = 100_000, approximate: str = "ivf") -> str:
    """Exact flat search below ``exact_below`` vectors, ``approximate`` from there on.

    Flat search reads n x dim floats per query: on the busy 2-core machine
    of benchmarks/ann.py a single 512-d query took 37 ms (p95) over 100k
    vectors and 67 ms over 200k. Below 100k exact results cost little and
    need no tuning.
    """
    if approximate not in APPROXIMATE_KINDS:
        raise ValueError(f"approximate kind must be one of {APPROXIMATE_KINDS}, got {approximate!r}")
    return "flat" if n_vectors < exact_below else approximate


def build_index(kind: str, dimension: int, **params: Any) -> VectorIndex:
    """A new empty index: ``"numpy"`` (exact twin) or a FAISS ``flat|hnsw|ivf``."""
    if kind == "numpy":
        from embeddings.index.numpy_index import NumpyIndex

        if params:
            raise TypeError(f"the numpy index takes no parameters, got {sorted(params)}")
        return NumpyIndex(dimension)
    return FaissIndex(dimension, kind, **params)


def auto_nlist(n_vectors: int) -> int:
    """About 4*sqrt(n) lists, with at least 39 training points per list (FAISS's floor)."""
    return max(1, min(int(4 * math.sqrt(n_vectors)), n_vectors // 39))


def training_size(n_vectors: int, nlist: int | None) -> int:
    """How many of n vectors to train an ivf index of ``nlist`` lists on (None: auto)."""
    wanted = max(TRAIN_POINTS_PER_LIST * (nlist or auto_nlist(n_vectors)), 40 * PQ_CENTROIDS)
    return min(n_vectors, wanted)


class FaissIndex(VectorIndex):
    """A FAISS index under int64 ids, inner-product metric.

    hnsw params: M, efConstruction, efSearch. ivf params: nlist (None: about
    4*sqrt(n) for the n it is trained for), nprobe, quantizer (flat: exact
    codes, sq8: 1 byte a dimension, pq: pq_m bytes a vector, pq4fs: half a
    byte per 4 dimensions, fast-scanned, the best re-ranked exactly).
    """

    backend = "faiss"

    def __init__(self, dimension: int, kind: str = "flat", *, threads: int = 2, **params: Any):
        super().__init__(dimension)
        if kind not in KINDS:
            raise ValueError(f"unknown FAISS index kind {kind!r}; expected one of {KINDS}")
        unknown = set(params) - set(DEFAULTS[kind])
        if unknown:
            raise TypeError(f"{kind} index does not take {sorted(unknown)}; it takes {sorted(DEFAULTS[kind])}")
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self._params = {**DEFAULTS[kind], **params}
        _check_params(kind, dimension, self._params)
        self._faiss = _import_faiss()
        self._kind = kind
        self.threads = threads
        self.trained_for = 0
        # ivf is created when it is trained, because nlist may depend on the data
        self._index = None if kind == "ivf" else self._new_index()

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def params(self) -> dict[str, Any]:
        return dict(self._params)

    @property
    def state(self) -> dict[str, Any]:
        return {"trained_for": self.trained_for}

    def train(self, vectors: np.ndarray, planned_size: int | None = None) -> None:
        """Train an ivf index on a sample, for an index expected to hold ``planned_size``.

        ``add`` trains on its first batch when nobody did; training on a
        sample of the whole collection first gives lists that fit all of it.
        """
        if self._kind != "ivf":
            return
        vectors = self._as_vectors(vectors, "training vectors")
        planned = max(int(planned_size or 0), len(vectors))
        nlist = self._params["nlist"] or auto_nlist(planned)
        # each PQ sub-quantiser is a k-means with 256 centroids
        needed = max(nlist, PQ_CENTROIDS if self._params["quantizer"] == "pq" else 0)
        if len(vectors) < needed:
            raise ValueError(f"an ivf index with nlist={nlist} and {self._params['quantizer']} codes needs "
                             f"at least {needed} training vectors, got {len(vectors)}: "
                             "add more at once, or use kind='flat'")
        if len(self):
            raise IndexMismatchError("an ivf index holding vectors cannot be retrained: build a new one")
        self._params["nlist"] = nlist
        self._set_threads()
        index = self._new_index()
        index.train(vectors)
        self._index, self.trained_for = index, planned

    def _add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if self._index is None or not self._index.is_trained:
            self.train(vectors[: training_size(len(vectors), self._params["nlist"])], len(vectors))
        self._set_threads()
        self._index.add_with_ids(vectors, ids)

    def _search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        # FAISS splits a search over its queries: with fewer queries than
        # threads the others only wait, and on a busy machine that wait cost
        # single-query searches tens of milliseconds (benchmarks/ann.py).
        self._set_threads(min(self.threads, len(queries)))
        if self._kind == "hnsw":
            # HNSW cannot return more than efSearch results
            self._inner().hnsw.efSearch = max(int(self._params["efSearch"]), k)
        elif self._kind == "ivf":
            self._faiss.extract_index_ivf(self._index).nprobe = int(self._params["nprobe"])
        scores, ids = self._index.search(queries, k)
        return scores.astype(np.float32, copy=False), ids.astype(np.int64, copy=False)

    def _remove(self, ids: np.ndarray) -> None:
        if not self._rebuilds_to_remove():
            self._index.remove_ids(ids)
            return
        # HNSW graphs and re-ranked codes do not support deletion: rebuild from the kept vectors.
        stored_ids = self._faiss.vector_to_array(self._index.id_map).astype(np.int64)
        vectors = self._inner().reconstruct_n(0, self._index.ntotal)
        keep = ~np.isin(stored_ids, ids)
        if self._kind == "ivf":           # emptied, it keeps its training: the kept vectors go back in
            self._index.reset()
        else:
            self._index = self._new_index()
        if keep.any():
            self._set_threads()
            self._index.add_with_ids(np.ascontiguousarray(vectors[keep]), stored_ids[keep])

    def _write(self, path: Path) -> None:
        index = self._index
        if index is None:  # an untrained, empty ivf: save a placeholder
            index = self._new_index(nlist=self._params["nlist"] or 1)
        self._faiss.write_index(index, str(path))

    @classmethod
    def _read(cls, path: Path, header: dict[str, Any], **options: Any) -> FaissIndex:
        threads = options.pop("threads", 2)
        params = {**header.get("params", {}), **options}
        index = cls(header["dimension"], header["kind"], threads=threads, **params)
        loaded = index._faiss.read_index(str(path))
        if loaded.d != header["dimension"] or loaded.ntotal != header["count"]:
            raise IndexMismatchError(f"{path}: FAISS index ({loaded.d}-d, {loaded.ntotal} vectors) "
                                     "does not match its header")
        if header["kind"] != "ivf" or loaded.is_trained:
            index._index = loaded
            index.trained_for = int(header.get("state", {}).get("trained_for", header["count"]))
        return index

    def set_search_params(self, **params: Any) -> None:
        """Change efSearch (hnsw) or nprobe (ivf) after build or load: no rebuild needed."""
        unknown = set(params) - SEARCH_PARAMS[self._kind]
        if unknown:
            raise TypeError(f"{self._kind} index has no search parameter {sorted(unknown)}")
        _check_params(self._kind, self.dimension, {**self._params, **params})
        self._params.update(params)

    def _new_index(self, nlist: int | None = None):
        faiss, d, p = self._faiss, self.dimension, self._params
        if self._kind == "flat":
            return faiss.index_factory(d, "IDMap2,Flat", faiss.METRIC_INNER_PRODUCT)
        if self._kind == "hnsw":
            index = faiss.index_factory(d, f"IDMap2,HNSW{int(p['M'])}", faiss.METRIC_INNER_PRODUCT)
            inner = faiss.downcast_index(index.index)
            inner.hnsw.efConstruction = int(p["efConstruction"])
            inner.hnsw.efSearch = int(p["efSearch"])
            return index
        lists = f"IVF{int(nlist or p['nlist'])}"
        if p["quantizer"] == "pq4fs":
            # The re-ranking index numbers its vectors itself: ids go in the map around it.
            index = faiss.index_factory(d, f"IDMap2,{lists},PQ{d // PQ4FS_DIMS_PER_CODE}x4fs,RFlat",
                                        faiss.METRIC_INNER_PRODUCT)
            faiss.downcast_index(index.index).k_factor = REFINE_K_FACTOR
            return index
        codes = {"flat": "Flat", "sq8": "SQ8", "pq": f"PQ{int(p['pq_m'])}"}[p["quantizer"]]
        index = faiss.index_factory(d, f"{lists},{codes}", faiss.METRIC_INNER_PRODUCT)
        if p["quantizer"] == "pq":
            # The factory turns on polysemous training (Hamming filtering we never
            # use); it costs minutes even on a thousand vectors.
            faiss.downcast_index(index).do_polysemous_training = False
        return index

    def _inner(self):
        return self._faiss.downcast_index(self._index.index)

    def _rebuilds_to_remove(self) -> bool:
        return self._kind == "hnsw" or (self._kind == "ivf" and self._params["quantizer"] == "pq4fs")

    def _set_threads(self, threads: int | None = None) -> None:
        self._faiss.omp_set_num_threads(threads or self.threads)


def _check_params(kind: str, dimension: int, params: dict[str, Any]) -> None:
    """Refuse values FAISS would accept and then misbehave on (or abort)."""
    positive = {"hnsw": ("M", "efConstruction", "efSearch"), "ivf": ("nprobe", "pq_m")}.get(kind, ())
    bad = [name for name in positive if not isinstance(params[name], int) or params[name] < 1]
    if kind == "ivf" and params["nlist"] is not None and (not isinstance(params["nlist"], int) or params["nlist"] < 1):
        bad.append("nlist")
    if bad:
        raise ValueError(f"{kind} index parameters {bad} must be positive integers, got "
                         f"{ {name: params[name] for name in bad} }")
    if kind == "ivf" and params["quantizer"] not in IVF_QUANTIZERS:
        raise ValueError(f"ivf quantizer must be one of {IVF_QUANTIZERS}, got {params['quantizer']!r}")
    if kind == "ivf" and params["quantizer"] == "pq" and dimension % params["pq_m"]:
        raise ValueError(f"pq_m={params['pq_m']} must divide the dimension {dimension}")
    if kind == "ivf" and params["quantizer"] == "pq4fs" and dimension % (2 * PQ4FS_DIMS_PER_CODE):
        raise ValueError(f"pq4fs codes need a dimension divisible by {2 * PQ4FS_DIMS_PER_CODE}, got {dimension}")


def _import_faiss():
    try:
        import faiss
    except ImportError as exc:
        raise MissingBackendError("faiss-cpu==1.15.1", purpose="FAISS vector indexes") from exc
    return faiss

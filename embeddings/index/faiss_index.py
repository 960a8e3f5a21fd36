"""FAISS indexes: exact flat (default), HNSW graph, IVF with 8-bit codes.

``flat`` is exact and is what the contract suite compares with the NumPy
index; ``hnsw`` and ``ivf`` are approximate and are trusted only after
their recall@k against the exact index is measured (see the tests).
``import faiss`` happens when an index is built.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from embeddings.errors import IndexMismatchError, MissingBackendError
from embeddings.index.base import VectorIndex

KINDS = ("flat", "hnsw", "ivf")
_SEARCH_PARAMS = {"efSearch", "nprobe"}
_DEFAULTS = {
    "flat": {},
    "hnsw": {"M": 32, "efConstruction": 80, "efSearch": 64},
    "ivf": {"nlist": None, "nprobe": 16},
}


def choose_kind(n_vectors: int, exact_below: int = 200_000) -> str:
    """Exact flat search below ``exact_below`` vectors, HNSW above.

    Flat search costs n x dim multiply-adds per query; below ~200k 512-d
    vectors that is a few milliseconds, and exact results need no tuning.
    """
    return "flat" if n_vectors < exact_below else "hnsw"


def build_index(kind: str, dimension: int, **params: Any) -> VectorIndex:
    """A new empty index: ``"numpy"`` (exact twin) or a FAISS ``flat|hnsw|ivf``."""
    if kind == "numpy":
        from embeddings.index.numpy_index import NumpyIndex

        if params:
            raise TypeError(f"the numpy index takes no parameters, got {sorted(params)}")
        return NumpyIndex(dimension)
    return FaissIndex(dimension, kind, **params)


class FaissIndex(VectorIndex):
    """A FAISS index under int64 ids, inner-product metric.

    hnsw params: M, efConstruction, efSearch. ivf params: nlist (None: about
    4*sqrt(n) of the first batch added, which also trains it), nprobe.
    """

    backend = "faiss"

    def __init__(self, dimension: int, kind: str = "flat", *, threads: int = 2, **params: Any):
        super().__init__(dimension)
        if kind not in KINDS:
            raise ValueError(f"unknown FAISS index kind {kind!r}; expected one of {KINDS}")
        unknown = set(params) - set(_DEFAULTS[kind])
        if unknown:
            raise TypeError(f"{kind} index does not take {sorted(unknown)}; it takes {sorted(_DEFAULTS[kind])}")
        if threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        self._faiss = _import_faiss()
        self._kind = kind
        self._params = {**_DEFAULTS[kind], **params}
        self.threads = threads
        # ivf is created when it is trained, because nlist may depend on the data
        self._index = None if kind == "ivf" else self._new_index()

    @property
    def kind(self) -> str:
        return self._kind

    @property
    def params(self) -> dict[str, Any]:
        return dict(self._params)

    def train(self, vectors: np.ndarray) -> None:
        """Train an ivf index (``add`` does it with its first batch if needed)."""
        if self._kind != "ivf":
            return
        vectors = self._as_vectors(vectors, "training vectors")
        nlist = self._params["nlist"] or _auto_nlist(len(vectors))
        if len(vectors) < nlist:
            raise ValueError(f"an ivf index with nlist={nlist} needs at least {nlist} training vectors, "
                             f"got {len(vectors)}: add more at once, or use kind='flat'")
        self._params["nlist"] = nlist
        self._set_threads()
        index = self._new_index()
        index.train(vectors)
        self._index = index

    def _add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if self._index is None or not self._index.is_trained:
            self.train(vectors)
        self._set_threads()
        self._index.add_with_ids(vectors, ids)

    def _search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        self._set_threads()
        if self._kind == "hnsw":
            # HNSW cannot return more than efSearch results
            self._inner().hnsw.efSearch = max(int(self._params["efSearch"]), k)
        elif self._kind == "ivf":
            self._index.nprobe = int(self._params["nprobe"])
        scores, ids = self._index.search(queries, k)
        return scores.astype(np.float32, copy=False), ids.astype(np.int64, copy=False)

    def _remove(self, ids: np.ndarray) -> None:
        if self._kind != "hnsw":
            self._index.remove_ids(ids)
            return
        # HNSW graphs do not support deletion: rebuild from the kept vectors.
        stored_ids = self._faiss.vector_to_array(self._index.id_map).astype(np.int64)
        vectors = self._inner().reconstruct_n(0, self._index.ntotal)
        keep = ~np.isin(stored_ids, ids)
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
        return index

    def set_search_params(self, **params: Any) -> None:
        """Change efSearch (hnsw) or nprobe (ivf) after build or load."""
        unknown = set(params) - (_SEARCH_PARAMS & set(_DEFAULTS[self._kind]))
        if unknown:
            raise TypeError(f"{self._kind} index has no search parameter {sorted(unknown)}")
        self._params.update(params)

    def _new_index(self, nlist: int | None = None):
        faiss, d = self._faiss, self.dimension
        if self._kind == "flat":
            return faiss.index_factory(d, "IDMap2,Flat", faiss.METRIC_INNER_PRODUCT)
        if self._kind == "hnsw":
            index = faiss.index_factory(d, f"IDMap2,HNSW{int(self._params['M'])}", faiss.METRIC_INNER_PRODUCT)
            inner = faiss.downcast_index(index.index)
            inner.hnsw.efConstruction = int(self._params["efConstruction"])
            inner.hnsw.efSearch = int(self._params["efSearch"])
            return index
        nlist = int(nlist or self._params["nlist"])
        return faiss.index_factory(d, f"IVF{nlist},SQ8", faiss.METRIC_INNER_PRODUCT)

    def _inner(self):
        return self._faiss.downcast_index(self._index.index)

    def _set_threads(self) -> None:
        self._faiss.omp_set_num_threads(self.threads)


def _auto_nlist(n_vectors: int) -> int:
    """About 4*sqrt(n) lists, with at least 39 training points per list (FAISS's floor)."""
    return max(1, min(int(4 * math.sqrt(n_vectors)), n_vectors // 39))


def _import_faiss():
    try:
        import faiss
    except ImportError as exc:
        raise MissingBackendError("faiss-cpu==1.15.1", purpose="FAISS vector indexes") from exc
    return faiss

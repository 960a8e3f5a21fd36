"""Vector indexes: an exact NumPy index and FAISS (flat, hnsw, ivf).

``faiss`` is imported only when a FAISS index is built or loaded.
"""

from embeddings.index.base import VectorIndex
from embeddings.index.config import IndexConfig
from embeddings.index.faiss_index import FaissIndex, build_index, choose_kind
from embeddings.index.numpy_index import NumpyIndex
from embeddings.index.recall import overlap_at_k, recall_at_k

__all__ = ["FaissIndex", "IndexConfig", "NumpyIndex", "VectorIndex", "build_index", "choose_kind",
           "overlap_at_k", "recall_at_k"]

"""Vector indexes: an exact NumPy index and FAISS (flat, hnsw, ivf).

``faiss`` is imported only when a FAISS index is built or loaded.
"""

from embeddings.index.base import VectorIndex
from embeddings.index.faiss_index import FaissIndex, build_index, choose_kind
from embeddings.index.numpy_index import NumpyIndex

__all__ = ["FaissIndex", "NumpyIndex", "VectorIndex", "build_index", "choose_kind"]

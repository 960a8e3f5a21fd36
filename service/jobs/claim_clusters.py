"""Claim clusters that cannot chain: centroid (leader) assignment in time order.

Every sentence, taken in id order (the order align stored them in, which
is the order they came in), looks at the clusters of the earlier sentences
it is linked to (the agree edges, ``ClaimLink``, that pass the link bar:
the FAISS neighbourhood, judged) and joins the one whose centroid is nearest,
if its cosine to that centroid is at least ``CENTROID_MIN_COSINE`` and the cluster
started no more than ``WINDOW_DAYS`` before or after it; otherwise it starts
a cluster of its own, whose id is its own sentence id. So a member is close
to the cluster as a whole at the time it joins, not just to one neighbour:
A near B near C no longer puts A and C together when C is far from A+B.

Why this and not a library's clustering: SciPy's average or complete
linkage needs every pairwise distance of a connected group of edges (the
41 % blob of three days had 7,628 sentences: 29 million pairs) and a new
night would re-cut the dendrogram, renaming clusters; faiss k-means needs
a cluster count and moves every centroid each night. Leader assignment is
incremental by construction: the nightly run places the new sentences
against the stored clusters exactly as a full re-run would, in the same
order, so ids are stable and the two agree (see ``clustering.py`` for the
few cases where they do not). FAISS already supplies the neighbourhood; the
rest is a handful of NumPy dot products per sentence.

Centroids are float64 sums of unit vectors added in member id order, in
the incremental and the full run alike, so both compute the same floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

# A sentence joins a cluster whose centroid is at least this close: the link bar's
# cosine floor (link_bar.MIN_COSINE), so that a cluster of two is one link, and a
# larger one takes only sentences close to all it holds (a centroid of true
# paraphrases sits nearer each of them than they sit to each other).
CENTROID_MIN_COSINE = 0.7
# A claim is reported within days; the same words a month later are another instance.
WINDOW_DAYS = 3


@dataclass
class _Cluster:
    total: np.ndarray                      # float64 sum of the members' unit vectors
    size: int
    first: dt.date | None

    def cosine(self, vector: np.ndarray) -> float:
        norm = float(np.linalg.norm(self.total))
        return float(self.total @ vector) / norm if norm else 0.0


@dataclass
class ClaimClusters:
    """The clusters a run places sentences into: the stored ones it may touch, then its own."""

    min_cosine: float = CENTROID_MIN_COSINE
    window_days: int = WINDOW_DAYS
    clusters: dict[int, _Cluster] = field(default_factory=dict)
    cluster_of: dict[int, int] = field(default_factory=dict)       # sentence id -> cluster id, this run's view

    def load(self, cluster_id: int, members: list[tuple[int, np.ndarray, dt.date | None]]) -> None:
        """A stored cluster with its members (id, vector, date) in id order."""
        total = np.zeros(len(members[0][1]), dtype=np.float64)
        for sentence_id, vector, _ in members:
            total += vector
            self.cluster_of[sentence_id] = cluster_id
        dates = [day for _, _, day in members if day]
        self.clusters[cluster_id] = _Cluster(total, len(members), min(dates) if dates else None)

    def place(self, sentence_id: int, vector: np.ndarray, day: dt.date | None, earlier: Iterable[int]) -> int:
        """Put a sentence in the nearest accepting cluster of ``earlier`` (its agreeing, already
        placed sentences), or a new one; returns the cluster id."""
        best, best_cosine = None, self.min_cosine
        for cluster_id in sorted({self.cluster_of.get(other, other) for other in earlier}):
            cluster = self.clusters.get(cluster_id)
            if cluster is None or not self._in_window(cluster, day):
                continue
            cosine = cluster.cosine(vector)
            if cosine >= best_cosine:
                best, best_cosine = cluster_id, cosine
        if best is None:
            best = sentence_id
            self.clusters[best] = _Cluster(np.zeros(len(vector), dtype=np.float64), 0, day)
        cluster = self.clusters[best]
        cluster.total += vector
        cluster.size += 1
        if day and (cluster.first is None or day < cluster.first):
            cluster.first = day
        self.cluster_of[sentence_id] = best
        return best

    def _in_window(self, cluster: _Cluster, day: dt.date | None) -> bool:
        if day is None or cluster.first is None:
            return True
        return abs((day - cluster.first).days) <= self.window_days

    def grown(self) -> dict[int, int]:
        """sentence id -> cluster id for every sentence whose cluster holds two or more (what is stored)."""
        return {s: c for s, c in self.cluster_of.items() if self.clusters[c].size >= 2}

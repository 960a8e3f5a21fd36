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

The assignment itself is ``leader_groups.py``, shared with stories.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from service.jobs.leader_groups import LeaderGroups

# A sentence joins a cluster whose centroid is at least this close: the link bar's
# cosine floor (link_bar.MIN_COSINE), so that a cluster of two is one link, and a
# larger one takes only sentences close to all it holds (a centroid of true
# paraphrases sits nearer each of them than they sit to each other).
CENTROID_MIN_COSINE = 0.7
# A claim is reported within days; the same words a month later are another instance.
WINDOW_DAYS = 3


@dataclass
class ClaimClusters(LeaderGroups):
    """Sentences placed into claim clusters; a cluster's id is its first sentence's id."""

    min_cosine: float = CENTROID_MIN_COSINE
    window_days: int = WINDOW_DAYS

    def place(self, sentence_id: int, vector: np.ndarray, day: dt.date | None, earlier: Iterable[int]) -> int:
        """Put a sentence in the nearest accepting cluster of ``earlier`` (its agreeing, already
        placed sentences), or a new one; returns the cluster id."""
        return self.add(sentence_id, sentence_id, vector, day, {self.group_of.get(other, other) for other in earlier})

    def grown(self) -> dict[int, int]:
        """sentence id -> cluster id for every sentence whose cluster holds two or more (what is stored)."""
        return {s: c for s, c in self.group_of.items() if self.groups[c].size >= 2}

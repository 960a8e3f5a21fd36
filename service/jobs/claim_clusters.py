"""Claim clusters that cannot chain: centroid (leader) assignment in time order.

Every sentence, taken in id order (the order align stored them in, which
is the order they came in), looks at the clusters of the earlier sentences
it is linked to (the agree edges, ``ClaimLink``, that pass the link bar:
the FAISS neighbourhood, judged) and joins the one whose centroid is nearest,
if its cosine to that centroid is at least ``CENTROID_MIN_COSINE`` (or
``CROSS_SCRIPT_MIN_COSINE`` for a cluster it is linked to by a sentence in
another script: see ``cross_script.py``) and the cluster started no more
than ``WINDOW_DAYS`` before or after it; otherwise it starts
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
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import numpy as np

from service.jobs.cross_script import MIN_COSINE as CROSS_SCRIPT_LINK_MIN_COSINE
from service.jobs.leader_groups import LeaderGroups

# A sentence joins a cluster whose centroid is at least this close: the link bar's
# cosine floor (link_bar.MIN_COSINE), so that a cluster of two is one link, and a
# larger one takes only sentences close to all it holds (a centroid of true
# paraphrases sits nearer each of them than they sit to each other).
CENTROID_MIN_COSINE = 0.7
# A claim is reported within days; the same words a month later are another instance.
WINDOW_DAYS = 3
# Joined through a link across scripts: the cross-script link bar's cosine floor, for the same
# reason (a translation of one Arabic sentence sits at 0.62-0.88 from it with USE multilingual,
# so a cluster's centroid is as far from its telling in another script).
CROSS_SCRIPT_MIN_COSINE = CROSS_SCRIPT_LINK_MIN_COSINE


@dataclass
class ClaimClusters(LeaderGroups):
    """Sentences placed into claim clusters; a cluster's id is its first sentence's id."""

    min_cosine: float = CENTROID_MIN_COSINE
    window_days: int = WINDOW_DAYS
    cross_script_min_cosine: float = CROSS_SCRIPT_MIN_COSINE

    def place(self, sentence_id: int, vector: np.ndarray, day: dt.date | None, earlier: Iterable[int],
              across: Collection[int] = ()) -> int:
        """Put a sentence in the nearest accepting cluster of ``earlier`` (its linked, already
        placed sentences), or a new one; returns the cluster id. A cluster it is linked to through
        a sentence of ``across`` (one in another script) accepts it at ``CROSS_SCRIPT_MIN_COSINE``."""
        clusters = {other: self.group_of.get(other, other) for other in earlier}
        floors = {clusters[other]: self.cross_script_min_cosine for other in across if other in clusters}
        return self.add(sentence_id, sentence_id, vector, day, set(clusters.values()), floors)

    def grown(self) -> dict[int, int]:
        """sentence id -> cluster id for every sentence whose cluster holds two or more (what is stored)."""
        return {s: c for s, c in self.group_of.items() if self.groups[c].size >= 2}

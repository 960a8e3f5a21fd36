"""Leader assignment in storage order: what claim clusters and stories are both made by.

Items (sentences, or articles) come in the order they were stored. Each
looks at the groups of the earlier items it is tied to and joins the one
whose centroid is nearest, if its cosine to that centroid is at least
``min_cosine`` and the group started no more than ``window_days`` before or
after it; otherwise it starts a group of its own, with the id it is given.
A member is so close to the group as a whole at the time it joins, not just
to one neighbour, and a nightly run places new items against the stored
groups exactly as a full re-run would (``claim_clusters.py`` and
``stories.py`` say what the items and ties are).

Centroids are float64 sums of unit vectors added in storage order, in the
incremental and the full run alike, so both compute the same floats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Group:
    total: np.ndarray                      # float64 sum of the members' unit vectors
    size: int
    first: dt.date | None

    def cosine(self, vector: np.ndarray) -> float:
        norm = float(np.linalg.norm(self.total))
        return float(self.total @ vector) / norm if norm else 0.0


@dataclass
class LeaderGroups:
    """The groups a run places items into: the stored ones it may touch, then its own."""

    min_cosine: float
    window_days: int
    groups: dict[int, Group] = field(default_factory=dict)
    group_of: dict[Hashable, int] = field(default_factory=dict)      # item -> group id, this run's view

    def load(self, group_id: int, members: Iterable[tuple[Hashable, np.ndarray, dt.date | None]]) -> None:
        """A stored group with its members (item, unit vector, day), in storage order."""
        members = list(members)
        total = np.zeros(len(members[0][1]), dtype=np.float64)
        for item, vector, _ in members:
            total += vector
            self.group_of[item] = group_id
        days = [day for _, _, day in members if day]
        self.groups[group_id] = Group(total, len(members), min(days) if days else None)

    def add(self, item: Hashable, new_id: int, vector: np.ndarray, day: dt.date | None,
            candidates: Iterable[int], floors: Mapping[int, float] | None = None) -> int:
        """Put ``item`` in the nearest accepting group among ``candidates`` (group ids), or in a
        new group ``new_id``; returns the group id. A group accepts at ``min_cosine``, or at its
        own floor in ``floors`` (a group reached across scripts, whose vectors sit further apart)."""
        best, best_cosine = None, -1.0
        for group_id in sorted(set(candidates)):
            group = self.groups.get(group_id)
            if group is None or not self._in_window(group, day):
                continue
            cosine = group.cosine(vector)
            floor = floors.get(group_id, self.min_cosine) if floors else self.min_cosine
            if cosine >= floor and cosine >= best_cosine:
                best, best_cosine = group_id, cosine
        if best is None:
            best = new_id
            self.groups[best] = Group(np.zeros(len(vector), dtype=np.float64), 0, day)
        group = self.groups[best]
        group.total += vector
        group.size += 1
        if day and (group.first is None or day < group.first):
            group.first = day
        self.group_of[item] = best
        return best

    def _in_window(self, group: Group, day: dt.date | None) -> bool:
        if day is None or group.first is None:
            return True
        return abs((day - group.first).days) <= self.window_days

"""Align's grouping stage: claims that say the same thing, across outlets and languages.

Clusters are the connected groups of agree links; a cluster's id is its
smallest sentence id, so ids stay put as clusters grow. The table is
rewritten in one transaction: readers see the old grouping or the new one.
"""

from __future__ import annotations

from sqlalchemy import delete, select

from service.store.database import Database
from service.store.schema import ClaimLink, ClusterMember


class DisjointSets:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, item: int) -> int:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:                       # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def recluster(db: Database) -> int:
    """Rebuild cluster membership from the links; returns the number of clusters."""
    sets = DisjointSets()
    with db.session() as session:
        for a_id, b_id in session.execute(select(ClaimLink.a_id, ClaimLink.b_id)):
            sets.union(a_id, b_id)
        members = {item: sets.find(item) for item in sets.parent}
        session.execute(delete(ClusterMember))
        session.add_all(ClusterMember(sentence_id=s, cluster_id=c) for s, c in members.items())
    return len(set(members.values()))

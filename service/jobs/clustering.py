"""Align's grouping stage: claims that say the same thing, across outlets and languages.

Clusters are the connected groups of agree links; a cluster's id is its
smallest sentence id, so ids stay put as clusters grow. The table is
brought up to date in one transaction: readers see the old grouping or the new one.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from service.store.database import Database, id_chunks
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
    """Bring cluster membership up to date with the links; returns the number of clusters.

    The grouping is computed whole (links only ever join groups), but only
    the rows that changed are written: a night's increment touches the
    clusters it grew, not the whole table.
    """
    sets = DisjointSets()
    with db.session() as session:
        for a_id, b_id in session.execute(select(ClaimLink.a_id, ClaimLink.b_id)):
            sets.union(a_id, b_id)
        members = {item: sets.find(item) for item in sets.parent}
        stored = dict(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)).all())
        gone = [s for s in stored if s not in members]
        for chunk in id_chunks(gone):
            session.execute(delete(ClusterMember).where(ClusterMember.sentence_id.in_(chunk)))
        added = [{"sentence_id": s, "cluster_id": c} for s, c in members.items() if s not in stored]
        moved = [{"sentence_id": s, "cluster_id": c} for s, c in members.items() if s in stored and stored[s] != c]
        if added:
            session.execute(insert(ClusterMember), added)
        if moved:
            session.execute(update(ClusterMember), moved)       # bulk UPDATE by primary key
    return len(set(members.values()))

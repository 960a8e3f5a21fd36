"""Grouping contradictions into stories.

A story is one event across days and outlets, as align's cluster stage
stored it (``service/jobs/stories.py``: articles that share a claim and are
close as a whole). A contradiction belongs to the stories of its two sides'
articles; when the two sides sit in two stored stories, the report shows
them as one (the conflict says they are about one fact), so a story here is
a stored story or a few joined by their contradictions. A side whose article
has no story yet (align has not grouped it) stands for itself.

Why not group by linked articles: one wire article touches many events, and
its copies link every outlet that ran it, so such groups grow into a single
"Syria" story on a busy day. A stored story is kept to articles close to it
as a whole.

Stories come newest first (by the latest publication date of any side,
undated last), and so do the contradictions inside a story.
"""

from __future__ import annotations

from collections import Counter



class DisjointSets:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, item):
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:                       # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _latest(item: dict) -> str:
    return max((d for d in (item["a"]["published_at"], item["b"]["published_at"]) if d), default="")


def _title(items: list[dict]) -> tuple[str | None, str | None]:
    """The article title most sides share (the newest on a tie), with its language."""
    sides = sorted((side for item in items for side in (item["a"], item["b"]) if side.get("title")),
                   key=lambda side: side["published_at"] or "", reverse=True)
    if not sides:
        return None, None
    counts = Counter(side["title"] for side in sides)
    best = max(sides, key=lambda side: counts[side["title"]])        # max keeps the first (newest) on ties
    return best["title"], best["language"]


def group_stories(items: list[dict], story_of: dict[str, int]) -> list[dict]:
    """Contradiction items (with ``a``/``b`` sides carrying ``article_id`` and ``sentence_id``)
    grouped by the stored stories of their articles (``story_of``: article id -> story id)."""
    sets = DisjointSets()
    claim = {}
    for item in items:
        a, b = (story_of.get(item[s]["article_id"], -item[s]["sentence_id"]) for s in ("a", "b"))
        sets.union(a, b)
        claim[item["id"]] = a
    groups: dict[int, list[dict]] = {}
    for item in items:
        groups.setdefault(sets.find(claim[item["id"]]), []).append(item)
    stories = []
    for members in groups.values():
        members.sort(key=lambda item: (_latest(item), -item["id"]), reverse=True)
        title, language = _title(members)
        dates = sorted(d for item in members for d in (item["a"]["published_at"], item["b"]["published_at"]) if d)
        stored = sorted({story_of[item[s]["article_id"]] for item in members for s in ("a", "b")
                         if item[s]["article_id"] in story_of})
        stories.append({
            "id": f"story-{min(item['id'] for item in members)}", "story_ids": stored,
            "title": title, "title_language": language,
            "first": dates[0] if dates else None, "latest": dates[-1] if dates else None,
            "outlets": sorted({item[s]["outlet"] for item in members for s in ("a", "b")}),
            "types": sorted({item["type"] for item in members}),
            "contradictions": members,
        })
    stories.sort(key=lambda story: (story["latest"] or "", -int(story["id"].split("-")[1])), reverse=True)
    return stories

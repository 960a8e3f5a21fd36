"""Grouping contradictions into stories.

A story is a connected group of claims in conflict. Each side of a
contradiction stands for its claim cluster (the sentences align linked as
saying the same thing; a sentence in no cluster stands for itself), and
two contradictions belong to one story when they share a claim: "62 ألف
مقاتل" against "52,000" and the same "52,000" against "40,000" are one story
about the count of fighters, however many outlets copied each side.

Why not group by article: one wire article touches many events, and its
copies link every outlet that ran it, so article groups grow into a single
"Syria" story on a busy day. Claims stay on one point.

Stories come newest first (by the latest publication date of any side,
undated last), and so do the contradictions inside a story.
"""

from __future__ import annotations

from collections import Counter

from service.jobs.clustering import DisjointSets


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


def group_stories(items: list[dict], cluster_of: dict[int, int]) -> list[dict]:
    """Contradiction items (with ``a``/``b`` sides carrying ``sentence_id``) grouped into stories."""
    sets = DisjointSets()
    claim = {}
    for item in items:
        a, b = (cluster_of.get(item[s]["sentence_id"], item[s]["sentence_id"]) for s in ("a", "b"))
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
        stories.append({
            "id": f"story-{min(item['id'] for item in members)}",
            "title": title, "title_language": language,
            "first": dates[0] if dates else None, "latest": dates[-1] if dates else None,
            "outlets": sorted({item[s]["outlet"] for item in members for s in ("a", "b")}),
            "types": sorted({item["type"] for item in members}),
            "contradictions": members,
        })
    stories.sort(key=lambda story: (story["latest"] or "", -int(story["id"].split("-")[1])), reverse=True)
    return stories

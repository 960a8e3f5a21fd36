"""Grouping contradictions into stories.

A story is one event across days and outlets, as align's cluster stage
stored it (``service/jobs/stories.py``: articles that share a claim and are
close as a whole). A contradiction is shown under one stored story: that of its earlier
side's article (``_story_key``). A pair whose articles have no story yet
(align has not grouped them) stands alone.

Why not group by linked articles: one wire article touches many events, and
its copies link every outlet that ran it, so such groups grow into a single
"Syria" story on a busy day. A stored story is kept to articles close to it
as a whole.

Stories come newest first (by the latest publication date of any side,
undated last), and so do the contradictions inside a story.
"""

from __future__ import annotations

from collections import Counter


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


def _story_key(item: dict, story_of: dict[str, int]) -> int:
    """The one story a contradiction is shown under: that of its earlier side's article (the
    report that came first sets the story the later one contradicts), else the other side's;
    a pair with neither grouped yet stands alone. Joining the two sides' stories instead chained
    months of one conflict's coverage into a single group."""
    sides = sorted(("a", "b"), key=lambda s: (item[s]["published_at"] is None, item[s]["published_at"] or ""))
    for side in sides:
        if item[side]["article_id"] in story_of:
            return story_of[item[side]["article_id"]]
    return -item["a"]["sentence_id"]


def group_stories(items: list[dict], story_of: dict[str, int]) -> list[dict]:
    """Contradiction items (with ``a``/``b`` sides carrying ``article_id`` and ``sentence_id``)
    grouped by the stored stories of their articles (``story_of``: article id -> story id)."""
    groups: dict[int, list[dict]] = {}
    for item in items:
        groups.setdefault(_story_key(item, story_of), []).append(item)
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

"""A claim against whole articles: agree, disagree, discuss or unrelated, from each article's sentences.

Editors think in articles: "which outlets said so, which said otherwise,
which covered the story without saying either". Every report ``check``
judged is a sentence of some article (a wire copy's every carrier is its
own article), so an article's stance follows from its sentences:

- **disagree**: a sentence conflicts with the claim (with a reason) and no
  sentence of the article supports it more closely;
- **agree**: a sentence supports the claim and is close to it (``AGREE_MIN``:
  above that cosine a supporting sentence restates the claim; below it, it
  shares the story, not the fact);
- **discuss**: sentences above the relevance threshold, none that states
  the claim or its contrary;
- **unrelated**: nothing above the threshold. Those articles are not listed.
"""

from __future__ import annotations

from collections import defaultdict

from service.models import Evidence

AGREE_MIN = 0.45
RESTATED_MARGIN = 0.15
# Sentences shown per article: the ones that decided its stance, best first.
SHOWN = 3
ORDER = {"disagree": 0, "agree": 1, "discuss": 2}


def _stance(judged: list[tuple[str, Evidence]]) -> str:
    best = {verdict: max((e.score for v, e in judged if v == verdict), default=-1.0)
            for verdict in ("agree", "conflict")}
    # A conflict has a typed reason; a supporting sentence may only share the story. The
    # article agrees despite a conflicting sentence only when another restates the claim
    # clearly closer (an article quoting a rival figure to refute it).
    if best["conflict"] > -1.0 and best["agree"] < max(AGREE_MIN, best["conflict"] + RESTATED_MARGIN):
        return "disagree"
    return "agree" if best["agree"] >= AGREE_MIN else "discuss"


def _sentence(verdict: str, item: Evidence) -> dict:
    return {"sentence": item.record.sentence, "sentence_id": item.record.sentence_id,
            "offsets": [item.record.start, item.record.end], "verdict": verdict,
            "score": round(float(item.score), 4), "reasons": [r.to_json() for r in item.reasons]}


def article_stances(evidence: list[Evidence], supporting: list[Evidence], conflicting: list[Evidence],
                    top_k: int) -> list[dict]:
    """The ``top_k`` articles with a stance, disagreeing ones first, then by their best sentence."""
    verdicts = {id(e): "agree" for e in supporting} | {id(e): "conflict" for e in conflicting}
    by_article: dict[str, list[tuple[str, Evidence]]] = defaultdict(list)
    for item in conflicting + supporting + evidence:
        judged = by_article[item.record.article_id]
        if all(other.record.sentence_id != item.record.sentence_id for _, other in judged):
            judged.append((verdicts.get(id(item), "related"), item))
    rows = []
    for judged in by_article.values():
        stance = _stance(judged)
        lead = "conflict" if stance == "disagree" else "agree"        # what decided it comes first
        judged.sort(key=lambda pair: (pair[0] != lead, pair[0] == "related", -pair[1].score))
        first = judged[0][1].record
        rows.append({"article_id": first.article_id, "outlet": first.outlet, "title": first.title,
                     "published_at": first.published_at.isoformat() if first.published_at else None,
                     "url": first.url, "stance": stance,
                     "score": round(max(float(e.score) for _, e in judged), 4),
                     "sentences": [_sentence(v, e) for v, e in judged[:SHOWN]]})
    rows.sort(key=lambda row: (ORDER[row["stance"]], -row["score"]))
    return rows[:top_k]

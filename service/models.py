"""Frozen dataclasses that flow through the pipeline (pydantic stays at the API edge)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleIn:
    """An article as read from a file or a request, before cleaning."""

    text: str
    outlet: str
    language: str | None = None
    published_at: dt.date | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None
    source: str | None = None          # file (and line/member) it came from


@dataclass(frozen=True)
class SentenceRecord:
    """A stored sentence with where it came from: the JSON ``Sentence`` shape."""

    sentence_id: int
    sentence: str
    article_id: str
    outlet: str
    published_at: dt.date | None
    language: str
    start: int
    end: int
    title: str | None = None
    url: str | None = None
    slots: str | None = None           # the stored slot payload, when asked for (slot_codec.py)

    def source_json(self) -> dict:
        """Where the sentence was published: one outlet's copy of a wire text, one side of a flag."""
        return {"outlet": self.outlet, "article_id": self.article_id, "sentence_id": self.sentence_id,
                "published_at": self.published_at.isoformat() if self.published_at else None, "url": self.url}

    def to_json(self) -> dict:
        return {
            "sentence": self.sentence,
            "sentence_id": self.sentence_id,
            "article_id": self.article_id,
            "outlet": self.outlet,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "language": self.language,
            "offsets": [self.start, self.end],
            "url": self.url,
        }


@dataclass(frozen=True)
class Reason:
    type: str
    claim: str
    evidence: str

    def to_json(self) -> dict:
        return {"type": self.type, "claim": self.claim, "evidence": self.evidence}


@dataclass(frozen=True)
class Evidence:
    record: SentenceRecord
    score: float
    tier: str = "suggestion"                # "confident" or "suggestion"
    reasons: tuple[Reason, ...] = field(default_factory=tuple)
    warnings: tuple[dict, ...] = field(default_factory=tuple)   # e.g. a self-contradicting date
    probability: float | None = None        # P(the report is about the claim): retrieval/relevance.py
    why: str | None = None                  # why it is listed: what it shares with the claim
    relevance: object | None = None         # the retrieval/relevance.Relevance it was listed with

    def to_json(self) -> dict:
        extra = {} if self.probability is None else {"probability": round(self.probability, 4), "why": self.why}
        return {
            **self.record.to_json(),
            "score": round(float(self.score), 4),
            "tier": self.tier,
            "reasons": [reason.to_json() for reason in self.reasons],
            "warnings": list(self.warnings),
            **extra,
        }

"""Request and response bodies: pydantic lives here, at the edge, and nowhere else.

Responses mirror the JSON the CLI prints (``--json``); the models only
document and check it. Extra fields in a response are allowed, as in the
contract; extra fields in a request are refused, so a typo ("claims") gets
a 422 that names it instead of being ignored.
"""

# No "from __future__ import annotations": claim_models() builds classes in a
# function, and pydantic must see its local types, not their names.
import datetime as dt
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from service.errors import InputError
from service.pipeline.language import KNOWN_LANGUAGES, normalize_language
from service.retrieval.check import validate_claim


class Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Response(BaseModel):
    model_config = ConfigDict(extra="allow")


# --- requests --------------------------------------------------------------

def _case_blind(code: str) -> str:
    return "".join(f"[{c}{c.upper()}]" for c in code)


# What ``normalize_language`` accepts, as a JSON-schema pattern: 'ar', 'AR', 'ar-SA', 'ar_EG'.
LANGUAGE_PATTERN = "^(" + "|".join(_case_blind(c) for c in sorted(KNOWN_LANGUAGES)) + ")([-_][A-Za-z0-9]{2,8})?$"


def _known_language(code: str) -> str:
    try:
        normalize_language(code)
    except InputError as exc:
        raise ValueError(exc.message) from None
    return code


# Checked by the same function as files (readable message); the pattern documents it in the schema.
Language = Annotated[str, AfterValidator(_known_language),
                     WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN, "description": "ISO 639-1 code"})]


def claim_models(max_chars: int) -> tuple[type[Request], type[Request]]:
    """The check and compare bodies, with this server's claim length limit in their schema."""
    def valid_claim(text: str) -> str:
        try:
            return validate_claim(text, max_chars)
        except InputError as exc:
            raise ValueError(exc.message) from None

    # Checked by the CLI's function (same messages); the schema states the same limits.
    Claim = Annotated[str, AfterValidator(valid_claim), WithJsonSchema({
        "type": "string", "minLength": 1, "maxLength": max_chars, "pattern": r"\S",
        "description": f"a sentence in any language, at most {max_chars:,} characters"})]

    class CheckRequest(Request):
        claim: Claim = Field(examples=["62,000 fighters signed the truce"])
        top_k: int = Field(default=5, ge=1, le=100, description="reports per list")
        since: dt.date | None = Field(default=None, description="only reports published on or after")
        until: dt.date | None = Field(default=None, description="only reports published on or before")
        outlets: list[str] | None = Field(default=None, max_length=1000, description="only these outlets")
        languages: list[Language] | None = Field(default=None, max_length=100, description="only these languages")
        by_article: bool = Field(default=False, description="also the top_k articles, each with its stance "
                                 "(agree, disagree, discuss) from its sentences")

    class CompareRequest(Request):
        a: Claim
        b: Claim

    return CheckRequest, CompareRequest


class ArticleBody(BaseModel):
    """A manifest line plus ``text`` or ``html``; common alternative names are mapped."""

    # The JSON schema says what the reader needs: some text ('text', 'content', 'body') or a page ('html').
    model_config = ConfigDict(extra="allow", json_schema_extra={
        "anyOf": [{"required": [name], "properties": {name: {"type": "string", "pattern": r"\S"}}}
                  for name in ("text", "html", "content", "body")]})
    id: str | None = None
    text: str | None = Field(default=None, description="plain text (or 'content'/'body')")
    html: str | None = Field(default=None, description="a web page; its article text is extracted")
    outlet: str | None = Field(default=None, description="or 'source'")
    language: Language | None = Field(default=None, description="ISO 639-1 code; guessed when missing")
    published_at: dt.date | None = Field(default=None, description="YYYY-MM-DD (or 'date')")
    title: str | None = None
    url: str | None = None


# --- responses -------------------------------------------------------------

class Reason(Response):
    type: str
    claim: str
    evidence: str


class Sentence(Response):
    sentence: str
    sentence_id: int
    article_id: str
    outlet: str
    published_at: str | None
    language: str
    offsets: list[int]
    url: str | None = None


class Copy(Response):
    outlet: str
    article_id: str
    sentence_id: int
    published_at: str | None
    url: str | None = None


class Evidence(Sentence):
    score: float
    tier: str
    reasons: list[Reason]
    warnings: list[dict]
    copies: list[Copy] = Field(default_factory=list,
                               description="every outlet's copy of this text (wire copy), earliest first")
    outlets: list[str] = Field(default_factory=list, description="the outlets that carried this text")
    copy_count: int = Field(default=1, description="how many stored reports have this text")


ArticleBatch = Annotated[list[ArticleBody], Field(min_length=1, description="a batch, stored all or nothing")]


class ArticleSentence(Response):
    sentence: str
    sentence_id: int
    offsets: list[int]
    verdict: str = Field(description="agree, conflict or related (about the story, not the fact)")
    score: float
    reasons: list[Reason]


class ArticleStance(Response):
    article_id: str
    outlet: str
    title: str | None
    published_at: str | None
    url: str | None
    stance: str = Field(description="agree, disagree or discuss (unrelated articles are not listed)")
    score: float
    sentences: list[ArticleSentence] = Field(description="the sentences that decided the stance, best first")


class CheckResponse(Response):
    claim: str
    supporting: list[Evidence]
    conflicting: list[Evidence]
    articles: list[ArticleStance] | None = Field(default=None, description="with by_article: the top articles")


class CompareResponse(Response):
    a: str
    b: str
    verdict: str = Field(description="agree, conflict or unrelated")
    score: float
    reasons: list[Reason]


class IngestResponse(Response):
    read: int
    added: int
    duplicates: int
    sentences: int
    article_ids: list[str]
    duplicate_ids: list[str]


class ArticleResponse(Response):
    id: str
    outlet: str
    language: str
    published_at: str | None
    title: str | None
    url: str | None
    text: str
    sentences: list[Sentence]


class Cluster(Response):
    id: int
    members: list[Sentence]
    size: int | None = Field(default=None, description="how many sentences")
    story_id: int | None = Field(default=None, description="the story (one event) the claim belongs to")
    outlets: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    first: str | None = Field(default=None, description="the earliest publication day of a member")
    last: str | None = Field(default=None, description="the latest publication day of a member")
    independent_sources: int | None = Field(default=None, description="outlets, wire copy counted once")
    representative: str = Field(default="", description="the text most outlets carried, then the shortest")
    label: str = Field(default="", description="the representative sentence, shortened")


class ClustersResponse(Response):
    clusters: list[Cluster]
    limit: int | None = None
    offset: int | None = None


class Contradiction(Response):
    id: int
    type: str
    a: Sentence
    b: Sentence
    reasons: list[Reason]


class ContradictionsResponse(Response):
    contradictions: list[Contradiction]
    limit: int
    offset: int


class Job(Response):
    id: int
    kind: str
    state: str = Field(description="queued, running, succeeded or failed")
    started_at: str | None
    finished_at: str | None
    counts: dict
    error: str | None
    progress: dict | None = Field(default=None, description='{"stage", "done", "total"} at the last checkpoint')
    updated_at: str | None = None


class JobsResponse(Response):
    jobs: list[Job]


class Health(Response):
    status: str

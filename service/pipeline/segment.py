"""One article's text to claim-worthy sentences: extract, clean, split.

Offsets always point into the stored article text (for HTML, the text the
extractor produced), so ``text[start:end]`` is the sentence verbatim.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Callable

from service.errors import InputError
from service.models import ArticleIn
from service.pipeline.clean import clean_text
from service.pipeline.language import guess_language
from service.pipeline.normalize import normalize_for_match, standard_letters
from service.pipeline.sentences import SentenceSpan, split_sentences

# A claim needs a subject and a predicate: fewer words than this are headings,
# names or fragments (the corpus figures in DESIGN.md count the same way).
MIN_CLAIM_WORDS = 4
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Segmented:
    article: ArticleIn              # text filled in (HTML extracted), language set
    sentences: tuple[SentenceSpan, ...]
    dropped_lines: int


def text_hash(text: str) -> str:
    """Identity of a sentence or article for de-duplication (spelling-folded)."""
    return hashlib.sha256(normalize_for_match(text).encode("utf-8")).hexdigest()


def is_claim_worthy(text: str) -> bool:
    return len(_WORD.findall(text)) >= MIN_CLAIM_WORDS


def from_html(article: ArticleIn, html: str) -> ArticleIn:
    from service.pipeline.html_extract import extract_html

    page = extract_html(html, url=article.url)
    return replace(
        article,
        text=page.text,
        title=article.title or page.title,
        language=article.language or page.language,
        published_at=article.published_at or _page_date(page.published_at),
    )


def _page_date(value: str | None):
    from service.pipeline.records import parse_date

    try:
        return parse_date(value)
    except InputError:  # an odd page date is no reason to drop the article
        return None


def segment(article: ArticleIn, *, max_chars: int,
            known_boilerplate: Callable[[str], bool] | None = None) -> Segmented:
    article = replace(article, text=standard_letters(article.text),
                      title=article.title and standard_letters(article.title))
    cleaned = clean_text(article.text, title=article.title, known_boilerplate=known_boilerplate)
    spans: list[SentenceSpan] = []
    for region in cleaned.kept:
        piece = article.text[region.start:region.end]
        spans.extend(s for s in split_sentences(piece, max_chars=max_chars, offset=region.start)
                     if is_claim_worthy(s.text))
    language = article.language or guess_language(article.text)
    return Segmented(replace(article, language=language), tuple(spans), len(cleaned.dropped))

"""A crawled HTML page to article text plus title, date and language.

trafilatura finds the main content (navigation, sidebars, footers and, here,
the comments section are left out) and reads title and publication date from
the page's metadata (meta tags, JSON-LD, ``<time>``...). Its text still goes
through ``clean.clean_text`` afterwards: in-article furniture such as bylines
or "read also" lines sits inside the content block and survives extraction.

Choices, and why:
- Comments are excluded: readers' opinions are not the outlet's claims.
- Dates come from markup only (htmldate's ``extensive_search`` off): a
  free-text search picks up header dates that are the crawl date, not the
  publication date (seed 003), and no date is better than a wrong one.
- Language: trafilatura only sets it when asked to filter by a target
  language, so it is read from ``<html lang>``, ``content-language`` or
  ``og:locale``; "ar" when the text is mostly Arabic and the declared code is
  missing or of a non-Arabic-script language (a theme's stale ``en-US``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.errors import InputError, MissingDependencyError
from service.pipeline.normalize import is_arabic

# Fewer words than one claim needs: a nav-only page makes trafilatura's
# fallback return a stray link text such as "Home".
MIN_WORDS = 4
_WORD = re.compile(r"\w+")
_LANG_CODE = re.compile(r"\s*([A-Za-z]{2,3})(?![A-Za-z])")  # "ar-EG", "en_US" -> "ar", "en"
_ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "ku", "ckb", "sd", "ug"})
_LANG_XPATHS = ("/html/@lang", "/html/@xml:lang",
                "//meta[translate(@http-equiv, 'CONTENTLAGU', 'contentlagu')"
                "='content-language']/@content",
                "//meta[@property='og:locale']/@content")


@dataclass(frozen=True)
class ExtractedHtml:
    text: str                   # main content, one paragraph per line
    title: str | None
    published_at: str | None    # ISO date (YYYY-MM-DD)
    language: str | None        # ISO 639-1 code, lower case


def _trafilatura():
    try:
        import trafilatura
    except ImportError as exc:
        # trafilatura's own import fails without lxml's split-off HTML cleaner.
        package = "lxml_html_clean" if "lxml_html_clean" in str(exc) else "trafilatura"
        raise MissingDependencyError(package, purpose="HTML extraction") from exc
    return trafilatura


def _iso_date(value: str | None) -> str | None:
    try:
        return dt.date.fromisoformat(value[:10]).isoformat() if value else None
    except ValueError:
        return None


def _declared_language(tree) -> str | None:
    for xpath in _LANG_XPATHS:
        for value in tree.xpath(xpath):
            match = _LANG_CODE.match(str(value))
            if match:
                return match.group(1).lower()
    return None


def _language(tree, text: str) -> str | None:
    declared = _declared_language(tree)
    if is_arabic(text) and declared not in _ARABIC_SCRIPT:
        return "ar"  # CMS themes often keep lang="en-US" on Arabic sites
    return declared


def extract_html(html: str, *, url: str | None = None) -> ExtractedHtml:
    """Main text and metadata of one page; InputError when there is no article."""
    if not html or not html.strip():
        raise InputError("empty HTML page", source=url)
    trafilatura = _trafilatura()
    tree = trafilatura.load_html(html)  # parsed once: for the language and the extraction
    document = None if tree is None else trafilatura.bare_extraction(
        tree, url=url, include_comments=False, with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": False})
    text = (document.text or "").strip() if document is not None else ""
    if len(_WORD.findall(text)) < MIN_WORDS:
        raise InputError("no article text could be extracted from the HTML page "
                         "(is it an index, login or error page?)", source=url)
    title = (document.title or "").strip() or None
    return ExtractedHtml(text=text, title=title, published_at=_iso_date(document.date),
                         language=document.language or _language(tree, text))

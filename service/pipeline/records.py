"""Article objects (JSON, manifest lines, API bodies) to ``ArticleIn``.

Field names vary between sources; the common ones are mapped here once:
text/content/body, html, outlet/source, published_at/date/date_extracted,
language/lang, title, url/link, id.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from service.errors import InputError
from service.models import ArticleIn
from service.pipeline.language import normalize_language

TEXT_FIELDS = ("text", "content", "body")
OUTLET_FIELDS = ("outlet", "source", "publisher", "site")
DATE_FIELDS = ("published_at", "date", "published", "date_extracted")
_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(value: Any, *, source: str | None = None, line: int | None = None) -> dt.date | None:
    """ISO dates and 'YYYY-MM-DD hh:mm:ss' timestamps; None stays None."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value))
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            pass
    raise InputError(f"published_at {value!r} is not a date (use YYYY-MM-DD)", source=source, line=line)


def _first(record: dict, names: tuple[str, ...]) -> Any:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def record_to_article(record: Any, *, source: str, line: int | None = None,
                      default_outlet: str = "unknown") -> tuple[ArticleIn, str | None]:
    """An article and its raw HTML (None for text) from one JSON object."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=source, line=line)
    text, html = _first(record, TEXT_FIELDS), record.get("html")
    if not isinstance(text, str | None) or not isinstance(html, str | None):
        raise InputError("'text' and 'html' must be strings", source=source, line=line)
    if not (text and text.strip()) and not (html and html.strip()):
        raise InputError("article has no 'text' (or content/body) and no 'html'", source=source, line=line)
    article = ArticleIn(
        text=text or "",
        outlet=str(_first(record, OUTLET_FIELDS) or default_outlet),
        language=normalize_language(_first(record, ("language", "lang")), source=source, line=line),
        published_at=parse_date(_first(record, DATE_FIELDS), source=source, line=line),
        title=record.get("title") or None,
        url=_first(record, ("url", "link")),
        id=str(record["id"]) if record.get("id") not in (None, "") else None,
        source=f"{source}:{line}" if line else source,
    )
    return article, (html if not (text and text.strip()) else None)

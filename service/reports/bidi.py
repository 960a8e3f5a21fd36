"""Text direction of untrusted text for the report: ``lang`` and ``dir`` attributes.

Articles carry a language code (``und`` when unknown). Right-to-left
scripts get ``dir="rtl"``, known left-to-right languages ``dir="ltr"``, and
unknown ones ``dir="auto"`` so the browser decides from the first strong
letter. Every such element also isolates its text from the surrounding
page (``dir`` on an element does that in HTML), so an English outlet
name beside an Arabic sentence, or "52,000" inside Arabic, keeps its order.
"""

from __future__ import annotations

import re

RTL_LANGUAGES = frozenset({"ar", "arz", "apc", "acm", "ary", "fa", "ur", "he", "iw", "yi", "ps", "sd",
                           "ug", "ckb", "dv", "syr"})
_CODE = re.compile(r"^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$")


def language_tag(language: str | None) -> str | None:
    """A BCP 47 tag safe to put in ``lang``, or None when unknown or malformed."""
    if not language or language.lower() in ("und", "unknown", "xx") or not _CODE.match(language):
        return None
    return language


def direction(language: str | None) -> str:
    tag = language_tag(language)
    if tag is None:
        return "auto"
    return "rtl" if tag.split("-")[0].lower() in RTL_LANGUAGES else "ltr"

"""Language codes: validating the ones given, guessing the ones missing.

The guess is deliberately simple (script, then a few stop words for Latin
script): the encoder is multilingual, so the code only labels articles and
picks language-specific cue lists.
"""

from __future__ import annotations

import re

from service.errors import InputError

# ISO 639-1 codes the default encoder (USE multilingual v3) was trained on,
# plus common news languages it still embeds usefully through shared tokens.
KNOWN_LANGUAGES = frozenset(
    "ar en fr ru de es it pt nl pl tr zh ja ko th fa ur he ku uk".split()
)
_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]{2,8})?$")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_FRENCH = {"le", "la", "les", "des", "une", "est", "et", "du", "dans", "pour", "que", "qui", "au", "sur", "a", "été"}
_ENGLISH = {"the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "said", "will", "were"}


def normalize_language(code: str | None, *, source: str | None = None, line: int | None = None) -> str | None:
    """'AR', 'ar-SA', 'ar_EG' -> 'ar'; unknown codes are an error the user can fix."""
    if code is None or not str(code).strip():
        return None
    match = _CODE.match(str(code).strip().lower())
    if not match or match.group(1) not in KNOWN_LANGUAGES:
        known = ", ".join(sorted(KNOWN_LANGUAGES))
        raise InputError(f"unknown language {code!r}; use an ISO 639-1 code ({known})",
                         source=source, line=line)
    return match.group(1)


def guess_language(text: str) -> str:
    """'ar', 'ru', 'fr', 'en' or 'und' from the script and a few stop words."""
    sample = text[:4000]
    counts = {
        "ar": len(_ARABIC.findall(sample)),
        "ru": len(_CYRILLIC.findall(sample)),
        "latin": len(_LATIN.findall(sample)),
    }
    script = max(counts, key=counts.get)
    if counts[script] == 0:
        return "und"
    if script != "latin":
        return script
    words = re.findall(r"[a-zà-ÿ]+", sample.lower())
    french = sum(word in _FRENCH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if french == english == 0:
        return "und"
    return "fr" if french > english else "en"

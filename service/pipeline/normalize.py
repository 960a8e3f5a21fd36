"""Text normalisation for matching (never for display: originals stay verbatim).

Arabic spelling varies between outlets and countries: hamza forms of alef,
alef maqsura for final ya (Egyptian "فى" for "في"), ta marbuta, diacritics and
tatweel. Matching happens on a folded form; the stored sentence keeps the text
exactly as published.
"""

from __future__ import annotations

import re
import unicodedata

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه",
    "ک": "ك", "ی": "ي", "گ": "ك",
})
# Arabic-Indic (U+0660..) and Extended Arabic-Indic (U+06F0..) digits to ASCII.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_SPACES = re.compile(r"\s+")
ARABIC_LETTERS = re.compile("[\u0621-\u064a]")
_NOT_LETTER = re.compile(r"[\W\d_]+")   # what str.isalpha() rejects, but for the few numeric signs \w takes
_NOT_ARABIC = re.compile("[^\u0621-\u064a]+")
# fold_arabic and ascii_digits in one regex pass: str.translate with a dict
# looks every character up, and few characters of a text change at all.
_MATCH_MAP = {chr(k): v if isinstance(v, str) else chr(v) for table in (_ARABIC_FOLD, _DIGITS)
              for k, v in table.items()}
_MATCH_CHANGES = re.compile(f"{_DIACRITICS.pattern}|{_TATWEEL}|[{''.join(_MATCH_MAP)}]")


def ascii_digits(text: str) -> str:
    """Arabic-Indic digits to ASCII; everything else untouched (same length)."""
    return text.translate(_DIGITS)


def fold_arabic(text: str) -> str:
    """Strip diacritics and tatweel, unify alef/ya/ta-marbuta variants."""
    text = _DIACRITICS.sub("", text).replace(_TATWEEL, "")
    return text.translate(_ARABIC_FOLD)


# Arabic presentation forms (the shaped glyphs of old publishing systems: U+FB50..FDCF,
# U+FE70..FEFC) stand for ordinary letters; word ligatures (U+FDF0.., ﷲ ﷺ) are left as written.
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdcf\ufe70-\ufefc]+")


def standard_letters(text: str) -> str:
    """Text whose Arabic presentation forms are replaced by the letters they shape (NFKC of just those).

    Some outlets publish «ﻋﺪﺩ ﺍﻟﻘﺘﻠﻰ» in glyph codes: it reads the same, but no word,
    name or cue of the parsers matches it and the encoder sees rare symbols. Lam-alef
    ligatures become two letters, so offsets are taken after this repair.
    """
    if not _PRESENTATION_FORMS.search(text):
        return text
    return _PRESENTATION_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def normalize_for_match(text: str) -> str:
    """The folded, lower-cased, single-spaced form used for comparing text."""
    text = unicodedata.normalize("NFKC", text)
    text = _MATCH_CHANGES.sub(lambda m: _MATCH_MAP.get(m.group(), ""), text)
    return " ".join(text.casefold().split())      # str.split's whitespace is exactly re's \s


def is_arabic(text: str, share: float = 0.3) -> bool:
    """True when at least ``share`` of the letters are Arabic."""
    letters = _NOT_LETTER.sub("", text)       # one regex pass: a loop over characters was a hot spot of judging
    if not letters:
        return False
    return len(_NOT_ARABIC.sub("", letters)) / len(letters) >= share

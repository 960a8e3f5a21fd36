"""Quantities in news text: "62 ألف مقاتل", "52,000 fighters", "entre 5 et 7 jours".

A value or range, the counted noun reduced to a unit class (مقاتل, combattants
and боевиков are all "fighter") and its span. Dates, clock times, phone numbers
and ids are not quantities: they would "conflict" with every other number.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from service.claims import number_words as nw
from service.claims.lexicon_units import AGE_WORDS, CURRENCY_SIGNS
from service.claims.calendar_words import (ORDINAL_SUFFIXES, is_date_number, is_year, match_month,
                                           weekday_of)
from service.pipeline.normalize import ascii_digits


@dataclass(frozen=True)
class Quantity:
    value: float
    high: float | None      # upper bound of a range ("5 to 7 days"), else None
    unit: str | None        # unit class ("fighter", "day") or the folded noun found
    is_percent: bool
    start: int
    end: int
    text: str


class Token(NamedTuple):    # not a dataclass: built by the thousand, a tuple is 3x cheaper
    start: int
    end: int
    text: str
    key: str                # fold_key for words, ASCII digits for numbers
    kind: str               # "num", "word", "sym", "time" (08:51), "numdate" (17/01/2017)


_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}(?::\d\d){1,2}(?!\d)|\d{1,2}h\d\d(?!\d))"
    r"|(?P<numdate>\d{1,4}(?P<sep>[-/.])\d{1,2}(?P=sep)\d{1,4}(?!\d))"
    r"|(?P<spaced>\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:[.,\u066b]\d+)?)"
    # Fraction first, as bidi-typed Arabic press writes it: "5ر7" and "5.\u200f7" both read 7.5,
    # and so does a short "12. 1" whose mark lost its direction to a space (1.12; the sentence
    # splitter keeps it whole). A year before a full stop ("2015. 3") has four digits.
    r"|(?P<rtl>\d+(?:\u0631|\.\u200f)\d+(?!\d)|(?<![\d.,])\d{1,3}\. \d{1,3}(?![\d.,]))"
    r"|(?P<num>\d+(?:[.,\u066b\u066c]\d+|\u060c\d{1,3}(?!\d))*)"
    rf"|(?P<word>(?:[^\W\d_]|[{_MARKS}])+)"
    r"|(?P<sym>\S)")
_FRENCH = re.compile(r"\b(?:le|la|les|des|du|une|et|pour|dans|est|au|aux)\b")
_GLUED_OK = frozenset("و ب ل ف ك ال وال بال فال لل".split())   # "و8", "بـ5", "الـ24"
_ORDINAL_MARKS = frozenset("ال وال بال فال لل".split()) | ORDINAL_SUFFIXES
_CLOCK = frozenset(nw.fold_key(w) for w in "الساعة am pm صباحا مساء ظهرا gmt utc h".split())
_LINKS = frozenset(nw.fold_key(w) for w in "- – — to à до الى إلى حتى or ou أو или و".split())
_PAIRED = frozenset(nw.fold_key(w) for w in "and et и".split())
_BETWEEN = frozenset(nw.fold_key(w) for w in "between entre بين между".split())
_OPENERS = _BETWEEN | frozenset(nw.fold_key(w) for w in "from de من от".split())
_PARTITIVE = frozenset(nw.fold_key(w) for w in "of de d من из".split())
_PERCENT = nw.phrase_table({p: True for p in (
    "% ٪ percent pourcent процент процента процентов".split()
    + ["per cent", "pour cent", "في المئة", "في المائة", "بالمئة", "بالمائة"])})


@lru_cache(maxsize=64)   # the claim extractors all tokenize the same sentence
def tokenize(text: str) -> tuple[Token, ...]:
    """Numbers, words (diacritics and tatweel kept inside) and symbols, with spans."""
    tokens = []
    for m in _TOKEN.finditer(text):
        kind = "num" if m.lastgroup in ("spaced", "rtl") else m.lastgroup
        raw = m.group()
        if kind == "word":
            key = nw.fold_key(raw)
        else:   # NFKC also turns fullwidth "５" and "％" into "5" and "%"
            key = unicodedata.normalize("NFKC", ascii_digits(raw))
        if m.lastgroup == "rtl":
            fraction, whole = re.split(r"\u0631|\.\u200f|\. ", key)
            key = f"{whole}\u066b{fraction}"
        tokens.append(Token(m.start(), m.end(), raw, key, kind))
    return _unbracketed(tokens)


_BRACKETS = {"(": ")", "[": "]", "«": "»", '"': '"'}


def _unbracketed(tokens: list[Token]) -> tuple[Token, ...]:
    """The tokens less the brackets around a lone figure: «لتبلغ (904.3) مليون عملية» is
    904.3 million operations, not a bare 904.3 beside "million operations"."""
    drop = set()
    for i in range(1, len(tokens) - 1):
        left, middle, right = tokens[i - 1], tokens[i], tokens[i + 1]
        if middle.kind == "num" and left.kind == right.kind == "sym" and _BRACKETS.get(left.text) == right.text:
            drop.update((i - 1, i + 1))
    return tuple(t for i, t in enumerate(tokens) if i not in drop)


def guess_lang(text: str) -> str | None:
    """Enough of a guess to read "52.000" and "3,5" the way the writer meant."""
    if re.search("[\u0400-\u04ff]", text):
        return "ru"
    if re.search("[\u0600-\u06ff]", text):
        return "ar"
    return "fr" if _FRENCH.search(text.casefold()) else None


def parse_digits(raw: str, lang: str | None = None) -> float | None:
    """"52,000", "52.000" and "3,5" (fr, ru), "52 000", "٥٢٬٠٠٠", "٣٫٥" -> float."""
    s = unicodedata.normalize("NFKC", ascii_digits(raw))
    s = re.sub(r"\u060c(\d{1,2})$", "\u066b\\1", s)   # "322،8": an Arabic comma before 1-2 digits is a decimal one
    s = re.sub(r"[\s\u066c\u060c]", "", s)
    if "\u066b" in s:   # the Arabic decimal separator leaves no doubt
        s = s.replace(",", "").replace(".", "").replace("\u066b", ".")
    elif "," in s or "." in s:
        s = _western_separators(s, lang)
    head = s.split(".")[0]
    if (len(head) > 1 and head.startswith("0")) or len(head) > 15:
        return None     # phone numbers and ids: "0012022773659"
    try:
        return float(s)
    except ValueError:
        return None


def _western_separators(s: str, lang: str | None) -> str:
    commas, dots = s.count(","), s.count(".")
    if commas and dots:     # "1.234.567,89": the last separator is the decimal one
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        return s.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    sep = "," if commas else "."
    if commas + dots > 1:
        return s.replace(sep, "")
    head, tail = s.split(sep)
    # One separator before three digits: "52,000" (en, ar), "52.000" (fr, ru); an
    # unknown language reads both as thousands, since counts rarely carry 3 decimals.
    thousands_sep = "." if lang in ("fr", "ru") else "," if lang else ",."
    grouped = len(tail) == 3 and head != "0" and sep in thousands_sep
    return head + tail if grouped else f"{head}.{tail}"


@dataclass(frozen=True)
class _Doc:
    text: str
    toks: tuple[Token, ...]
    keys: list[str]
    lang: str | None

    def kind(self, i: int) -> str:
        return self.toks[i].kind if 0 <= i < len(self.toks) else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i - 1."""
        return 0 < i < len(self.toks) and self.toks[i - 1].end == self.toks[i].start


def extract_quantities(text: str, lang: str | None = None) -> list[Quantity]:
    """Every quantity in ``text``, in order of appearance."""
    return list(_quantities(text, lang))


@lru_cache(maxsize=64)   # extract_durations reads the same sentence again
def _quantities(text: str, lang: str | None) -> tuple[Quantity, ...]:
    toks = tokenize(text)
    doc = _Doc(text, toks, [t.key for t in toks], lang or guess_lang(text))
    found, i = [], 0
    while i < len(toks):
        skip = toks[i].kind != "num" and not nw.may_count(toks[i].key)   # the fast path
        quantity, i = (None, i + 1) if skip else _dual_at(doc, i) or _quantity_at(doc, i)
        # "ألف%5": the "%" belongs to the quantity before; "%5" may not take it again.
        if quantity and not (found and quantity.start < found[-1].end):
            found.append(quantity)
    return tuple(found)


# Two counted nouns outside the lexicon, written in two scripts ("30 homes", «300 منزل»):
# whether they count the same thing is the encoder's to say, and only a caller that has one
# asks (check: ``service/retrieval/counted_nouns.py``). Elsewhere such nouns never meet.
_same_noun: ContextVar[Callable[[str, str], bool] | None] = ContextVar("same_noun", default=None)


@contextmanager
def counted_nouns_matched_by(same_noun: Callable[[str, str], bool]) -> Iterator[None]:
    """Within the block, ``comparable`` asks ``same_noun`` about two nouns found as written."""
    token = _same_noun.set(same_noun)
    try:
        yield
    finally:
        _same_noun.reset(token)


def comparable(a: Quantity, b: Quantity) -> bool:
    """Same unit class (a unitless number only compares with a unitless one), or, inside
    ``counted_nouns_matched_by``, two nouns outside the lexicon that count the same thing."""
    if a.is_percent != b.is_percent:
        return False
    if a.unit == b.unit:
        return True
    same_noun = _same_noun.get()
    return same_noun is not None and a.unit is not None and b.unit is not None and same_noun(a.unit, b.unit)


# Whole counts below this are exact; above it, "about 62,000" may be written 61,800.
EXACT_BELOW = 100


def conflicting(a: Quantity, b: Quantity, rel_tol: float = 0.05) -> bool:
    """Comparable, and the values (or ranges) stay apart beyond ``rel_tol``."""
    if not comparable(a, b):
        return False
    a_hi = a.value if a.high is None else a.high
    b_hi = b.value if b.high is None else b.high
    if a.high is None and b.high is None and max(a.value, b.value) < EXACT_BELOW \
            and float(a.value).is_integer() and float(b.value).is_integer():
        return a.value != b.value       # nobody rounds 57 countries to 56
    gap = max(a.value, b.value) - min(a_hi, b_hi)
    return gap > rel_tol * max(abs(a_hi), abs(b_hi))


def _make(doc: _Doc, first: int, end: int, values: tuple[float, float | None],
          unit: str | None, percent: bool) -> Quantity:
    start, stop = doc.toks[first].start, doc.toks[end - 1].end
    low, high = float(values[0]), None if values[1] is None else float(values[1])
    return Quantity(low, high, unit, percent, start, stop, doc.text[start:stop])


def _dual_at(doc: _Doc, i: int) -> tuple[Quantity, int] | None:
    """Arabic duals count by themselves: "يومين" is two days."""
    unit = nw.dual_of(doc.keys[i]) if doc.kind(i) == "word" else None
    return (_make(doc, i, i + 1, (2, None), unit, False), i + 1) if unit else None


def _quantity_at(doc: _Doc, i: int) -> tuple[Quantity | None, int]:
    """The quantity starting at token i, and the token to read on from."""
    number = _read_number(doc, i, standalone=True)
    if number is None:
        return None, i + 1
    first, value, high = i, number.value, None
    percent, j = _percent(doc, number.end)
    if i > 0 and doc.keys[i - 1] in ("%", "٪") and doc.glued(i) and doc.kind(i - 2) != "num":
        first, percent = i - 1, True    # "%5" as typed in right-to-left text
    # "rose 20 percent to 5 billion riyals": a percentage then another figure, not a range
    span = None if percent else _read_range(doc, i, number, j)
    if span:
        first, value, high, j = min(first, span[0]), span[1], span[2], span[3]
        more, j = _percent(doc, j)
        percent = percent or more
    if number.end == i + 1 and is_date_number(doc.toks, i, j):
        return None, number.end
    ordinal = _ordinal(doc, i)
    unit, known, end = ("percent", True, j) if percent else _unit_after(doc, j, strict=ordinal)
    if unit is None and (ordinal or (doc.kind(i) == "word" and value in (1, 2))):
        first, unit, known = _unit_before(doc, i, first)
    if unit is None and i > 0 and doc.keys[i - 1] in AGE_WORDS:
        unit, known = "year", True      # "aged 25": the years are implied
    if not known and i > 0 and doc.keys[i - 1] in CURRENCY_SIGNS:
        first, unit, known, end = i - 1, CURRENCY_SIGNS[doc.keys[i - 1]], True, j   # "$57 a barrel"
    words_only = doc.kind(i) == "word"
    if not known and number.end == i + 1 and is_year(doc.toks[i]):
        return None, number.end     # "its 2015 oil price forecast": a year, not 2015 units of oil
    if unit is None and (words_only or ordinal or (number.end == i + 1 and is_year(doc.toks[i]))):
        return None, number.end
    if words_only and value == 1 and number.words == 1 and not known:
        return None, number.end     # "un accord", "one of them": an article, not a count
    return _make(doc, first, end, (value, high), unit, percent), end


def _read_number(doc: _Doc, i: int, standalone: bool) -> nw.WordNumber | None:
    kind = doc.kind(i)
    if kind == "word":
        return nw.compose(doc.keys, i)
    if kind != "num" or (standalone and not _free_standing(doc, i)):
        return None
    value = parse_digits(doc.toks[i].key, doc.lang)
    return None if value is None else nw.compose(doc.keys, i + 1, seed=value)


def _free_standing(doc: _Doc, i: int) -> bool:
    """Digits that are a number of their own, not part of a name, id or phone number."""
    prev = doc.toks[i - 1] if i else None
    if prev and doc.glued(i):
        if prev.kind == "word" and prev.key not in _GLUED_OK:
            return False        # "جنيف1", "AMA1"
        if prev.text in "-_." and doc.kind(i - 2) == "word" and doc.glued(i - 1):
            return False        # "IMG_6092", "Saidzoda-1"
        if prev.text in "+#№/:" or prev.kind != "sym" and prev.kind != "word":
            return False
    nxt = doc.toks[i + 1] if i + 1 < len(doc.toks) else None
    if nxt and doc.glued(i + 1) and nxt.text in "/:":
        return False            # "3/4", "24/7"
    if any(doc.kind(j) in ("num", "time", "numdate") for j in (i - 1, i + 1)):
        return False            # a run of digit groups: "+1 202 277 3659"
    return not ((prev and prev.key in _CLOCK) or (nxt and nxt.key in _CLOCK))


def _ordinal(doc: _Doc, i: int) -> bool:
    """"الـ24", "الـ 24", "17th", "1er": a rank, unless a counted noun follows."""
    mark = doc.keys[i - 1] if i > 0 else ""
    before = mark in _ORDINAL_MARKS and (doc.glued(i) or mark == "ال")
    after = doc.kind(i + 1) == "word" and doc.glued(i + 1) and doc.keys[i + 1] in _ORDINAL_MARKS
    return doc.kind(i) == "num" and (before or after)


def _percent(doc: _Doc, j: int) -> tuple[bool, int]:
    hit = nw.match_phrase(doc.keys, j, _PERCENT)
    return (True, hit[1]) if hit else (False, j)


def _read_range(doc: _Doc, i: int, low: nw.WordNumber, j: int) -> tuple | None:
    """"5-7", "from 5 to 7", "ما بين خمسة وسبعة", "entre 5 et 7" -> (first, low, high, end)."""
    opener = i - 1 if i > 0 and doc.keys[i - 1] in _OPENERS else None
    if opener and opener > 0 and doc.keys[opener] == "بين" and doc.keys[opener - 1] == "ما":
        opener -= 1
    keys = doc.keys
    if j >= len(keys):
        return None
    between = opener is not None and keys[i - 1] in _BETWEEN
    if keys[j] in _LINKS or (keys[j] in _PAIRED and between):
        high = _read_number(doc, j + 1, standalone=False)
    elif keys[j][:1] == "و" and nw.word_entry(keys[j])[1] == "wa":     # glued: "وسبعة"
        high = nw.compose(keys[:j] + [keys[j][1:]] + keys[j + 1:], j)
    else:
        return None
    if high is None:
        return None
    value = low.value
    if not low.scale and high.scale and value * high.scale <= high.value:
        value *= high.scale     # "5 to 7 million", "between 3 and 4 thousand"
    if high.value <= value:
        return None
    return (i if opener is None else opener), value, high.value, high.end


def _unit_after(doc: _Doc, j: int, strict: bool) -> tuple[str | None, bool, int]:
    """The counted noun after a number: (unit, from the lexicon, index after it)."""
    if doc.kind(j) != "word" or "\n" in doc.text[doc.toks[j - 1].end:doc.toks[j].start]:
        return None, False, j   # a noun on the next line counts nothing: "(2)\n\nالأكثر"
    key, slots = doc.keys[j], [j]
    skippable = key in _PARTITIVE or not (key in nw.FUNCTION_WORDS or nw.word_entry(key)[0])
    if skippable and doc.kind(j + 1) == "word":
        slots.append(j + 1)         # "armed fighters", "من المقاتلين", "of civilians"
    if key in ("d", "l") and doc.kind(j + 2) == "word":
        slots.append(j + 2)         # "d'enfants"
    for k in slots:
        unit = nw.unit_of(doc.keys[k])
        if unit == "member" and doc.kind(k + 1) == "word" and nw.unit_of(doc.keys[k + 1]):
            return nw.unit_of(doc.keys[k + 1]), True, k + 2     # "56 member countries" count countries
        if unit:
            return unit, True, k + 1
    if strict or key in nw.FUNCTION_WORDS or nw.word_entry(key)[0] or match_month(doc.toks, j) \
            or weekday_of(key) is not None or nw.match_phrase(doc.keys, j, _PERCENT):
        return None, False, j
    return nw.noun_key(key), False, j + 1


def _unit_before(doc: _Doc, i: int, first: int) -> tuple[int, str | None, bool]:
    """Arabic puts some counts after the noun: "وثيقة واحدة", "الساعات الـ24"."""
    k = i - 2 if i > 1 and doc.keys[i - 1] == "ال" else i - 1
    unit = nw.unit_of(doc.keys[k]) if doc.kind(k) == "word" else None
    if unit == "member" and k > 0 and doc.kind(k - 1) == "word" and nw.unit_of(doc.keys[k - 1]):
        k, unit = k - 1, nw.unit_of(doc.keys[k - 1])             # "الدول الأعضاء الـ 56": member states
    return (k, unit, True) if unit else (first, None, False)

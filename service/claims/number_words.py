"""Number words, multipliers and counted nouns in Arabic, English, French, Russian.

Lexicon keys are stored as ``fold_key`` gives them, so "مائه", "مئة" and hamza
variants meet one entry. ``compose`` turns a run of number words (or digits and
multipliers) into a value; numbers.py and dates.py both read numbers with it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from service.claims.lexicon_units import MORE_COUNTED
from service.pipeline.normalize import normalize_for_match

T = TypeVar("T")


@lru_cache(maxsize=1 << 16)     # news vocabulary repeats; folding is the hot path
def fold_key(word: str) -> str:
    """Matching key: Arabic folded, case folded, Latin/Cyrillic accents dropped."""
    text = unicodedata.normalize("NFD", normalize_for_match(word))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text)


def _table(kind: str, spellings: Mapping[int, str]) -> dict[str, tuple[str, int]]:
    words = [(w, v) for v, ws in spellings.items() for w in ws.split()]
    # Russian numerals in -ь take -и after prepositions: пять/пяти, двадцать/двадцати.
    words += [(w[:-1] + "и", v) for w, v in words if w.endswith("ь")]
    return {fold_key(w): (kind, v) for w, v in words}


# "one" words alone are often articles ("un accord"): kept before a known noun only.
_UNITS = dict(enumerate((
    "zero zéro ноль нуль صفر", "one un une один одна одно одного одной одну واحد واحدة",
    "two deux два две двух اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي",
    "three trois три трех трёх ثلاث ثلاثة", "four quatre четыре четырех أربع أربعة",
    "five cinq пять خمس خمسة", "six шесть ست ستة", "seven sept семь سبع سبعة",
    "eight huit восемь восьми ثمان ثماني ثمانية", "nine neuf девять تسع تسعة")))
_TENS = dict(zip(range(10, 100, 10), (
    "ten dix десять", "twenty vingt vingts двадцать عشرون عشرين",
    "thirty trente тридцать ثلاثون ثلاثين", "forty quarante сорок сорока أربعون أربعين",
    "fifty cinquante пятьдесят пятидесяти خمسون خمسين",
    "sixty soixante шестьдесят шестидесяти ستون ستين",
    "seventy семьдесят семидесяти سبعون سبعين", "eighty восемьдесят восьмидесяти ثمانون ثمانين",
    "ninety девяносто девяноста تسعون تسعين")))
_TEENS = dict(zip(range(11, 20), (
    "eleven onze одиннадцать", "twelve douze двенадцать", "thirteen treize тринадцать",
    "fourteen quatorze четырнадцать", "fifteen quinze пятнадцать", "sixteen seize шестнадцать",
    "seventeen семнадцать", "eighteen восемнадцать", "nineteen девятнадцать")))
_HUNDREDS = dict(zip(range(200, 1000, 100), (
    "двести двухсот مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي",
    "триста трехсот ثلاثمائة ثلاثمئة", "четыреста четырехсот أربعمائة أربعمئة",
    "пятьсот пятисот خمسمائة خمسمئة", "шестьсот шестисот ستمائة ستمئة",
    "семьсот семисот سبعمائة سبعمئة", "восемьсот восьмисот ثمانمائة ثمانمئة ثمانيمائة",
    "девятьсот девятисот تسعمائة تسعمئة")))
WORDS: dict[str, tuple[str, int]] = {
    **_table("unit", _UNITS), **_table("ten", _TENS), **_table("teen", _TEENS),
    **_table("hundreds", _HUNDREDS),
    **_table("hundred", {100: "hundred cent cents сто ста مائة مئة"}),
    **_table("ten_ar", {10: "عشر عشرة"}),     # after a unit, a teen: "ثلاثة عشر" = 13
    # أحد/إحدى only count inside "أحد عشر"; alone they mean "someone"/"one of".
    **_table("one_bound", {1: "أحد إحدى"}),
    # Singular multipliers also stand alone ("ألف مقاتل" = 1000 fighters).
    **_table("scale", {1000: "thousand mille тысяча тысячу ألف",
                       10**6: "million миллион مليون",
                       10**9: "billion milliard миллиард مليار"}),
    # After a number, the accusative singular ("25 ألفا": 25,000); alone, the dual of a
    # construct ("مليونا حاج": two million pilgrims, the ن of مليونان dropped before a noun).
    **_table("scale_acc", {1000: "ألفا", 10**6: "مليونا", 10**9: "مليارا"}),
    # Plural ones need a number first: "آلاف القتلى" is "thousands of", not 1000.
    **_table("scale_pl", {1000: "тысячи тысяч тыс آلاف",
                          10**6: "millions миллиона миллионов млн ملايين",
                          10**9: "billions milliards миллиарда миллиардов млрд مليارات"}),
    **_table("scale2", {1000: "ألفان ألفين ألفي", 10**6: "مليونان مليونين",
                        10**9: "ملياران مليارين"}),
}
_CONNECTORS = {"-": "-", "‐": "-", "and": "and", "et": "and", "و": "wa"}
_PLACES = dict(unit={0}, one_bound={0}, ten={1}, ten_ar={1}, teen={0, 1}, hundreds={2})
_ALL, _TEEN = frozenset({0, 1, 2}), frozenset({0, 1})


@dataclass(frozen=True)
class WordNumber:
    value: float
    end: int      # index after the last token read
    scale: int    # last multiplier read (0: none); "5 to 7 million" borrows it
    words: int    # number words read; a lone "one"/"un" needs a counted noun


@dataclass(frozen=True)
class _Acc:
    total: float = 0         # finished multiplier groups (the 5000 of 5250)
    group: float = 0         # the group being read (the 250)
    places: frozenset = frozenset()  # 0 units, 1 tens, 2 hundreds used in group
    scale: int = 0
    pending: str = ""        # "teen" after أحد, "scale" after digits in a compound


def may_count(key: str) -> bool:
    """A number word or an Arabic dual: the only words a quantity starts with."""
    return key in WORDS or key[1:] in WORDS or dual_of(key) is not None


def word_entry(key: str) -> tuple[tuple[str, int] | None, str]:
    """The number-word entry for a token key and the glued conjunction, if any."""
    if key in WORDS:
        return WORDS[key], ""
    if key[:1] == "و" and key[1:] in WORDS:
        return WORDS[key[1:]], "wa"
    if key.isascii() and key.isdigit():
        return ("digits", int(key)), ""
    return None, ""


def compose(keys: Sequence[str], start: int, seed: float | None = None) -> WordNumber | None:
    """Read number words from ``keys[start]`` on; ``seed`` is a digit value just read."""
    acc = _Acc(group=seed, places=_ALL) if seed is not None else _Acc()
    best = WordNumber(seed, start, 0, 0) if seed is not None else None
    i, words = start, 0
    while i < len(keys):
        conj = _CONNECTORS.get(keys[i], "") if words or seed is not None else ""
        j = i + 1 if conj else i
        entry, glued = word_entry(keys[j]) if j < len(keys) else (None, "")
        # digits join words only after a connector: "مليونان و500 ألف"
        if entry is None or (glued and conj) or (entry[0] == "digits" and not conj):
            break
        acc = _step(acc, entry[0], entry[1], conj or glued)
        if acc is None:
            break
        i, words = j + 1, words + 1
        if not acc.pending:
            best = WordNumber(acc.total + acc.group, i, acc.scale, words)
    return best


def _step(acc: _Acc, kind: str, value: int, conj: str) -> _Acc | None:
    if acc.pending == "scale" and not kind.startswith("scale"):
        return None
    if kind.startswith("scale"):
        return _scale(acc, kind, value)
    if kind == "digits":
        # "مليونان و500 ألف" (a smaller multiplier follows) and "25 ألفا و823" (25,823):
        # digits after a connector count below the multiplier already read.
        fits = acc.scale and not acc.places and value < acc.scale
        return replace(acc, group=value, places=_ALL) if fits else None
    if kind == "hundred":
        return _hundred(acc)
    return _add(acc, kind, value, conj)


def _scale(acc: _Acc, kind: str, value: int) -> _Acc | None:
    if (acc.scale and value >= acc.scale) or acc.pending == "teen":
        return None
    if kind == "scale2" or (kind == "scale_acc" and not acc.places):
        count = None if acc.total or acc.places else 2
    elif acc.places:
        count = acc.group
    else:   # a bare multiplier: "ألف مقاتل" yes; a bare "آلاف" or a second one no
        count = None if kind == "scale_pl" or acc.total else 1
    return None if count is None else _Acc(total=acc.total + count * value, scale=value)


def _hundred(acc: _Acc) -> _Acc | None:
    if not acc.places:
        return replace(acc, group=100, places=frozenset({2}))
    if acc.places == {0} and 0 < acc.group < 10:
        return replace(acc, group=acc.group * 100, places=frozenset({2}))
    return None


def _add(acc: _Acc, kind: str, value: int, conj: str) -> _Acc | None:
    places = _PLACES[kind]
    if value == 0:
        return _Acc(places=_ALL) if acc == _Acc() else None
    if acc.pending == "teen":
        teen = (kind == "ten_ar" and not conj) or (kind == "ten" and conj == "wa" and value >= 20)
        return replace(acc, group=acc.group + value, places=_TEEN, pending="") if teen else None
    if places & acc.places:
        return _french_seventies(acc, kind, value)
    if acc.places and min(places) > min(acc.places):
        return _ascending(acc, kind, value, conj)
    pending = "teen" if kind == "one_bound" else ""
    return replace(acc, group=acc.group + value, places=acc.places | places, pending=pending)


def _ascending(acc: _Acc, kind: str, value: int, conj: str) -> _Acc | None:
    """Tens after units: Arabic "ثلاثة عشر", "خمسة وعشرون"; French "quatre-vingt"."""
    if 1 in acc.places or acc.places == _ALL:
        return None
    arabic_teen = kind == "ten_ar" and not conj and acc.places == {0}
    arabic_tens = kind == "ten" and value >= 20 and conj == "wa"
    if arabic_teen or arabic_tens:
        return replace(acc, group=acc.group + value, places=acc.places | {1})
    if kind == "ten" and value == 20 and acc.group % 100 == 4 and conj in ("", "-"):
        return replace(acc, group=acc.group + 76, places=(acc.places - {0}) | {1})
    return None


def _french_seventies(acc: _Acc, kind: str, value: int) -> _Acc | None:
    """soixante-dix, soixante et onze, quatre-vingt-dix-neuf: 60/80 plus 10..19."""
    if acc.places == _ALL or acc.group % 100 not in (60, 80) or 0 in acc.places:
        return None
    if kind == "ten" and value == 10:
        return replace(acc, group=acc.group + 10)
    if kind == "teen":
        return replace(acc, group=acc.group + value, places=acc.places | {0})
    return None


def phrase_table(phrases: Mapping[str, T]) -> dict[tuple[str, ...], T]:
    """Space-separated phrases (tokens as the tokenizer cuts them) to folded tuples."""
    return {tuple(fold_key(w) for w in p.split()): v for p, v in phrases.items()}


def match_phrase(keys: Sequence[str], i: int,
                 table: Mapping[tuple[str, ...], T]) -> tuple[T, int] | None:
    """The longest phrase of ``table`` starting at ``keys[i]``: (value, end)."""
    for size in range(min(4, len(keys) - i), 0, -1):
        hit = table.get(tuple(keys[i:i + size]))
        if hit is not None:
            return hit, i + size
    return None


# Counted nouns: one key per unit class, so "fighters", "مقاتل", "combattants"
# and "боевиков" compare while "fighters" and "people" do not. A trailing "+"
# expands an Arabic stem with its common endings (مدني, مدنيا, مدنيين, مدنيون).
_COUNTED = {
    "fighter": "fighter fighters combatant combatants militant militants rebel rebels "
               "combattant combattants боец бойца бойцов бойцы боевик боевика боевиков "
               "боевики مقاتل+ مسلح+",
    "civilian": "civilian civilians civils мирных гражданских مدني+",
    "person": "person persons people personne personnes человек человека людей شخص+ أشخاص",
    "dead": "dead deaths killed fatalities morts tués погибших убитых قتيل+ قتلى",
    "wounded": "wounded injured blessés раненых جريح+ جرحى مصاب+",
    "child": "child children enfant enfants ребенок ребенка детей طفل+ أطفال",
    "soldier": "soldier soldiers troops soldat soldats солдат военнослужащих جندي+ جنود",
    "member": "member members membre membres член члена членов عضو+ أعضاء",
    "document": "document documents документ документа документов وثيقة وثائق",
    "minute": "minute minutes минута минуты минут دقيقة دقائق",
    "hour": "hour hours heure heures час часа часов ساعة ساعات",
    "day": "day days jour jours journée journées день дня дней сутки суток يوم+ أيام",
    "week": "week weeks semaine semaines неделя недели недель неделю أسبوع+ أسابيع",
    "month": "month months mois месяц месяца месяцев شهر+ أشهر شهور",
    "year": "year years an ans année années год года лет عام+ أعوام سنة سنوات سنين",
    **MORE_COUNTED,
}
_DUALS = {
    "day": "يومين يومان", "hour": "ساعتين ساعتان", "minute": "دقيقتين دقيقتان",
    "week": "أسبوعين أسبوعان", "month": "شهرين شهران", "year": "عامين عامان سنتين سنتان",
    "document": "وثيقتين وثيقتان", "person": "شخصين شخصان", "child": "طفلين طفلان",
    "member": "عضوين عضوان", "dead": "قتيلين قتيلان",
}


def _forms(word: str) -> list[str]:
    stem = word.rstrip("+")
    return [stem + e for e in ("", "ا", "ين", "ون")] if word.endswith("+") else [stem]


_UNIT_OF = {fold_key(f): unit for unit, words in _COUNTED.items()
            for w in words.split() for f in _forms(w)}
_DUAL_OF = {fold_key(w): unit for unit, words in _DUALS.items() for w in words.split()}
_CLASSES = frozenset(_UNIT_OF.values()) | frozenset(_DUAL_OF.values()) | {"percent"}
# Attached Arabic particles and article, longest first: وال, بال, لل, ال, و, ب ...
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")
_ARTICLES = _PREFIXES[:6]


def is_unit_class(unit: str) -> bool:
    """Whether ``unit`` is a lexicon class ("fighter", "day"), not a counted noun found as written."""
    return unit in _CLASSES


def arabic_bases(key: str) -> list[str]:
    """The key and what is left after each attached particle it may carry."""
    return [key] + [key[len(p):] for p in _PREFIXES if key.startswith(p) and len(key) > len(p) + 1]


@lru_cache(maxsize=1 << 16)
def unit_of(key: str) -> str | None:
    """The unit class of a counted noun ("المدنيين" -> "civilian"), else None."""
    return next((_UNIT_OF[b] for b in arabic_bases(key) if b in _UNIT_OF), None)


@lru_cache(maxsize=1 << 16)
def dual_of(key: str) -> str | None:
    """The unit of an Arabic dual noun ("يومين" -> "day": two days), else None."""
    return next((_DUAL_OF[b] for b in arabic_bases(key) if b in _DUAL_OF), None)


def noun_key(key: str) -> str:
    """A counted noun outside the lexicon, article and accusative alef dropped."""
    base = next((key[len(p):] for p in _ARTICLES if key.startswith(p) and len(key) > len(p) + 1),
                key)
    arabic = "\u0621" <= base[:1] <= "\u064a"
    return base[:-1] if arabic and base.endswith("ا") and len(base) > 3 else base


FUNCTION_WORDS = frozenset(fold_key(w) for w in (
    "في من على إلى الى عن مع أو او ثم قد لا لم لن ما هو هي هم التي الذي الذين بين حتى "
    "منذ خلال بعد قبل فقط عند كل أي أن إن كان كانت كما "
    "of to in and or the a an on at for by with from than more less over about per as "
    "is are was were be been has have had who which that this these those out up into "
    "de des du d la le les l et ou à au aux en pour par sur dans avec que qui est sont ont "
    "plus moins в на и или с со по из до от за для что как это не более менее около").split())

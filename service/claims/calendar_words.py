"""Month, weekday, day-ordinal and relative-date words, and the calendar arithmetic on them.

Arabic news uses three month-name families: Levantine/Iraqi (كانون الثاني ...
كانون الأول), Egyptian/Gulf transliterations (يناير ... ديسمبر) and Maghreb
French-derived ones (جانفي, فيفري, أوت); Levantine outlets often pair the two
("أيلول/سبتمبر"). Keys are folded with number_words.fold_key.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from service.claims.number_words import fold_key, phrase_table

_MONTHS = {
    "levant": ("كانون الثاني|كانون ثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
               "آب", "أيلول", "تشرين الأول|تشرين اول", "تشرين الثاني|تشرين ثاني",
               "كانون الأول|كانون اول"),
    "egypt": ("يناير", "فبراير", "مارس", "أبريل|إبريل", "مايو", "يونيو|يونيه", "يوليو|يوليه",
              "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    "maghreb": ("جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
                "أكتوبر", "نوفمبر", "ديسمبر"),
    "en": ("January|Jan", "February|Feb", "March|Mar", "April|Apr", "May", "June|Jun",
           "July|Jul", "August|Aug", "September|Sept|Sep", "October|Oct", "November|Nov",
           "December|Dec"),
    "fr": ("janvier|janv", "février|févr", "mars", "avril", "mai", "juin", "juillet|juil",
           "août", "septembre|sept", "octobre", "novembre", "décembre|déc"),
    "ru": ("январь|января|январе", "февраль|февраля|феврале", "март|марта|марте",
           "апрель|апреля|апреле", "май|мая|мае", "июнь|июня|июне", "июль|июля|июле",
           "август|августа|августе", "сентябрь|сентября|сентябре", "октябрь|октября|октябре",
           "ноябрь|ноября|ноябре", "декабрь|декабря|декабре"),
}
# Words that are also common non-month words (مارس "practised", آب "father",
# "May", "mars" the planet, "sept" seven): dates.py wants a day, a year or a
# paired name next to them before it believes they are months.
AMBIGUOUS_MONTHS = frozenset(fold_key(w) for w in (
    "مارس آب ماي May March Mar Jan Feb Apr Jun Jul Aug Sep Sept Oct Nov Dec mars janv févr "
    "juil déc").split())


def _month_table() -> dict[tuple[str, ...], tuple[int, str]]:
    table: dict[tuple[str, ...], tuple[int, str]] = {}
    for family, names in _MONTHS.items():
        for month, spellings in enumerate(names, 1):
            for name in spellings.split("|"):
                table.setdefault(tuple(fold_key(w) for w in name.split()), (month, family))
    return table


_MONTH_OF = _month_table()
_MONTH_FIRSTS = frozenset(name[0] for name in _MONTH_OF)


class _Tok(Protocol):
    start: int
    end: int
    text: str
    key: str
    kind: str


@dataclass(frozen=True)
class MonthMatch:
    month: int
    family: str      # "levant", "egypt", "maghreb", "en", "fr", "ru"
    end: int         # token index after the name
    ambiguous: bool


def match_month(tokens: Sequence[_Tok], i: int) -> MonthMatch | None:
    """The month name starting at ``tokens[i]`` (one or two tokens), if any."""
    if i >= len(tokens) or not may_start(tokens[i].key, _MONTH_FIRSTS):
        return None
    for size in (2, 1):
        keys = [t.key for t in tokens[i:i + size]]
        if len(keys) < size:
            continue
        for first in [keys[0]] + _particle_free(keys[0]):
            hit = _MONTH_OF.get((first, *keys[1:]))
            # English names are capitalised; "may" and "march" are verbs.
            if hit and (hit[1] != "en" or tokens[i].text[:1].isupper()):
                ambiguous = size == 1 and first in AMBIGUOUS_MONTHS
                return MonthMatch(hit[0], hit[1], i + size, ambiguous)
    return None


def may_start(key: str, firsts: frozenset[str]) -> bool:
    """Cheap test before a lexicon walk: ``key`` (or it behind a particle) is in ``firsts``."""
    return key in firsts or (key[1:] in firsts and key[:1] in "وبفل")


def _particle_free(key: str) -> list[str]:
    """"وأيلول", "بشباط": a month name behind a one-letter Arabic particle."""
    return [key[1:]] if key[:1] in ("و", "ب", "ف", "ل") and len(key) > 3 else []


_WEEKDAYS = ("الاثنين|الإثنين|monday|lundi|понедельник", "الثلاثاء|tuesday|mardi|вторник",
             "الأربعاء|wednesday|mercredi|среду", "الخميس|thursday|jeudi|четверг",
             "الجمعة|friday|vendredi|пятница|пятницу", "السبت|saturday|samedi|субботу|суббота",
             "الأحد|sunday|dimanche|воскресенье")
_WEEKDAY_OF = {fold_key(w): day for day, names in enumerate(_WEEKDAYS) for w in names.split("|")}


def weekday_of(key: str) -> int | None:
    """Monday=0 .. Sunday=6 for a weekday name ("والخميس" included), else None."""
    return next((_WEEKDAY_OF[k] for k in [key] + _particle_free(key) if k in _WEEKDAY_OF), None)


PAST = frozenset(fold_key(w) for w in
                 "الماضي الماضية المنصرم الفائت السابق dernier dernière".split())
NEXT = frozenset(fold_key(w) for w in "المقبل المقبلة القادم القادمة prochain prochaine".split())
CURRENT = frozenset(fold_key(w) for w in "الحالي الحالية الجاري الجارية".split())
# Words before a weekday that point forward: "غدا الخميس", "tomorrow", "next".
FORWARD = frozenset(fold_key(w) for w in "غدا غداً غد tomorrow demain завтра next".split())
BACKWARD = frozenset(fold_key(w) for w in "last".split())
YEAR_BEFORE = frozenset(fold_key(w) for w in (
    "عام العام لعام بعام سنة السنة لسنة منذ حتى in since until en depuis année year в с").split())
YEAR_AFTER = frozenset(fold_key(w) for w in "م г год году года".split())


def _relative() -> dict[tuple[str, ...], tuple[str, int]]:
    phrases = {
        "اليوم": ("day", 0), "أمس": ("day", -1), "البارحة": ("day", -1), "أول أمس": ("day", -2),
        "غدا": ("day", 1), "غداً": ("day", 1), "غد": ("day", 1), "بعد غد": ("day", 2),
        "today": ("day", 0), "yesterday": ("day", -1), "tomorrow": ("day", 1),
        "aujourd ' hui": ("day", 0), "aujourd ’ hui": ("day", 0), "hier": ("day", -1),
        "demain": ("day", 1), "avant - hier": ("day", -2), "après - demain": ("day", 2),
        "сегодня": ("day", 0), "вчера": ("day", -1), "завтра": ("day", 1),
        "позавчера": ("day", -2), "послезавтра": ("day", 2),
    }
    for unit, ar, en, fr, ru in (
            ("week", "الأسبوع", "week", "la semaine", "на неделе"),
            ("month", "الشهر", "month", "le mois", "в месяце"),
            ("year", "العام", "year", "l ' année", "в году")):
        for step, words in ((-1, PAST), (1, NEXT), (0, CURRENT)):    # "le mois dernier"
            phrases.update({f"{ar if w >= 'ء' else fr} {w}": (unit, step) for w in words})
        phrases.update({f"هذا {ar}": (unit, 0), f"last {en}": (unit, -1),
                        f"next {en}": (unit, 1), f"this {en}": (unit, 0)})
        prep, noun = ru.split()
        for step, adjectives in ((-1, "прошлом прошлой"), (1, "следующем следующей"),
                                 (0, "этом этой")):
            phrases.update({f"{prep} {a} {noun}": (unit, step) for a in adjectives.split()})
    phrases.update({"هذه السنة": ("year", 0), "l ' an dernier": ("year", -1),
                    "l ' an prochain": ("year", 1), "cette année": ("year", 0),
                    "cette semaine": ("week", 0), "ce mois": ("month", 0)})
    phrases.update({f"السنة {w}": ("year", s) for s, ws in (
        (-1, "الماضية المنصرمة الفائتة"), (1, "المقبلة القادمة"), (0, "الحالية الجارية"))
        for w in ws.split()})
    return _with_particles(phrase_table(phrases))


def _with_particles(table: dict[tuple[str, ...], tuple[str, int]]) -> dict:
    """"والعام الماضي", "للشهر المقبل": Arabic particles on the first word."""
    extra = {}
    for phrase, value in table.items():
        head = phrase[0]
        if head.startswith("ال"):
            for variant in ("و" + head, "ب" + head, "ف" + head, "لل" + head[2:], "ول" + head[1:]):
                extra[(variant, *phrase[1:])] = value
    return {**extra, **table}


RELATIVE = _relative()

_ORDINAL_UNITS = {fold_key(w): v for v, w in enumerate(
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(), 1)}
_ORDINAL_UNITS.update({"الحادي": 1, "premier": 1})
_ORDINAL_TENS = {fold_key(w): v for w, v in
                 (("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30), ("الثلاثون", 30))}


def read_day(tokens: Sequence[_Tok], i: int, digits_only: bool = False) -> tuple[int, int] | None:
    """A day of the month at token i: "29", "17th", "1er", "الثامن" -> (day, end)."""
    tok = tokens[i] if i < len(tokens) else None
    key = tok.key if tok and tok.kind == "num" else ""
    if key.isdigit() and len(key) <= 2 and 0 < int(key) < 32:
        glued = i + 1 < len(tokens) and tokens[i + 1].start == tok.end
        return int(key), i + 1 + (glued and tokens[i + 1].key in ORDINAL_SUFFIXES)
    if tok is None or digits_only or tok.kind != "word":
        return None
    hit = _read_ordinal([t.key for t in tokens[i:i + 2]])
    return (hit[0], i + hit[1]) if hit else None


def _read_ordinal(keys: Sequence[str]) -> tuple[int, int] | None:
    """"الثامن" 8, "الحادي عشر" 11, "التاسع والعشرين" 29 -> (value, tokens read)."""
    key = keys[0]
    if key in _ORDINAL_TENS:
        return _ORDINAL_TENS[key], 1
    value = _ORDINAL_UNITS.get(key)
    if value is None:
        return None
    nxt = keys[1] if len(keys) > 1 else ""
    if value < 10 and nxt in ("عشر", "عشره"):
        return value + 10, 2
    if value < 10 and nxt[:1] == "و" and nxt[1:] in _ORDINAL_TENS:
        return value + _ORDINAL_TENS[nxt[1:]], 2
    return None if key == "الحادي" else (value, 1)


# Keys a date can start with, so dates.py skips every other token at once.
DATE_STARTS = (_MONTH_FIRSTS | frozenset(_WEEKDAY_OF) | frozenset(p[0] for p in RELATIVE)
               | frozenset(_ORDINAL_UNITS) | frozenset(_ORDINAL_TENS) | YEAR_BEFORE)
ORDINAL_SUFFIXES = frozenset("st nd rd th er e eme re".split())    # "17th", "1er", "2e"
_DAY_LINKS = frozenset(fold_key(w) for w in "من of de , .".split())  # "الثامن من شباط"


def is_year(tok: _Tok) -> bool:
    """Four digits from 1900 to 2100."""
    key = tok.key
    return tok.kind == "num" and len(key) == 4 and key.isdigit() and 1900 <= int(key) <= 2100


def is_date_number(tokens: Sequence[_Tok], i: int, end: int) -> bool:
    """Token i is the day or year of a date: "29 أيلول", "يناير 17, 2017", "عام 2015".

    ``end`` is the token after the number (or after a range of numbers).
    """
    tok = tokens[i]
    if tok.kind != "num" or not tok.key.isdigit():
        return False
    if int(tok.key) <= 31 and (_month_after(tokens, end) or _month_before(tokens, i, 1)):
        return True
    return is_year(tok) and (
        _month_after(tokens, end) or _month_before(tokens, i, 3)
        or (i > 0 and tokens[i - 1].key in YEAR_BEFORE)
        or (i + 1 < len(tokens) and tokens[i + 1].key in YEAR_AFTER))


def _month_after(tokens: Sequence[_Tok], j: int) -> bool:
    glued = 0 < j < len(tokens) and tokens[j - 1].end == tokens[j].start
    if glued and tokens[j].key in ORDINAL_SUFFIXES:
        j += 1
    if j < len(tokens) and tokens[j].key in _DAY_LINKS:
        j += 1
    return j < len(tokens) and match_month(tokens, j) is not None


def _month_before(tokens: Sequence[_Tok], i: int, reach: int) -> bool:
    """A month name ends at most ``reach`` tokens before token i ("Dec. 17" for days)."""
    for start in range(max(0, i - reach - 2), i):
        hit = match_month(tokens, start)
        between = [t.key for t in tokens[hit.end:i]] if hit else []
        if hit and 0 <= i - hit.end <= reach and (reach > 1 or between in ([], ["."])):
            return True
    return False


def year_for(ref: datetime.date, month: int, day: int | None, qualifier: str | None) -> int:
    """The year of a month named without one, from "الماضي"/"المقبل" or nearness."""
    here, there = (ref.month, ref.day if day else 0), (month, day or 0)
    if qualifier == "past":
        return ref.year if there < here else ref.year - 1
    if qualifier == "next":
        return ref.year if there > here else ref.year + 1
    if qualifier == "current":
        return ref.year
    gap = (month + (day or 15) / 31) - (ref.month + ref.day / 31)
    return ref.year - 1 if gap > 6 else ref.year + 1 if gap < -6 else ref.year


def weekday_date(ref: datetime.date, day: int, mode: str | None) -> datetime.date:
    """The latest such day on or before ``ref``; "next"/"last" step off ``ref`` itself."""
    if mode == "next":
        return ref + datetime.timedelta(days=(day - ref.weekday()) % 7 or 7)
    back = (ref.weekday() - day) % 7
    return ref - datetime.timedelta(days=back or (7 if mode == "last" else 0))


def shift(ref: datetime.date, unit: str, step: int) -> datetime.date:
    """The start of the day/week/month/year ``step`` units away from ``ref``."""
    if unit == "day":
        return ref + datetime.timedelta(days=step)
    if unit == "week":
        return ref - datetime.timedelta(days=ref.weekday() - 7 * step)
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + step
        return datetime.date(months // 12, months % 12 + 1, 1)
    return datetime.date(ref.year + step, 1, 1)


def numeric_date(key: str, month_first: bool = False) -> tuple[int, int, int] | None:
    """"2017-01-17", "17/01/2017", "17.01.2017" (US "01/17/2017" if month_first)."""
    parts = re.split(r"[-/.]", key)
    if len(parts[0]) == 4:
        year, month, day = map(int, parts)
    elif len(parts[2]) == 4:
        a, b, year = map(int, parts)
        swap = b > 12 or (a <= 12 and month_first and "/" in key)
        month, day = (a, b) if swap else (b, a)
    else:
        return None
    ok = 1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31
    return (year, month, day) if ok else None

"""What a figure belongs to: the numbered item, the delivery month, the session, a bound.

Two sentences of one template differ in their figures because they are
about two instances of it. On fresh SaudiNewsNet days (2015-08-02..04, the
blind audit in ``benchmarks/labels``) the confirmed number and date flags
were almost all such twins:

- one table's rows: "the clubs ranked 6th to 10th ... 25 million" against
  "ranked 11th to 14th ... 15 million" (a *numbered referent*: a figure that
  names which item, after a word such as rank, article, round, flight);
- two gold contracts: "delivery August ... 1084.70" against "delivery
  December ... 1092.30" (a *delivery month* is a contract, not a date);
- a price at the settlement against one during the session;
- "at least 12 killed" against "31 killed": a bound the other figure meets
  (a toll that rose, not a conflict).

Each function here reads one of these from a sentence's text, in the folded
form of ``normalize_for_match``; ``tiers`` asks them of every pair it would
confirm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from service.claims.slots import ClaimSlots
from service.pipeline.normalize import ascii_digits, normalize_for_match

# Words after which a figure says *which* item, not how many (folded spellings; a clitic
# و/ب/ل/ف and the article may precede). Each maps to one key so "المركز"/"المراكز" agree.
_LABELS = {
    "rank": "المركز المراكز مركز المرتبه المرتبة rank ranked place position",
    "article": "الماده المادة ماده البند بند الفقره الفقرة فقره article clause paragraph",
    "round": "الجوله الجولة جوله الدوره الدورة دوره النسخه النسخة round edition session",
    "item": "رقم no number",
    "flight": "الرحله الرحلة رحله flight",
    "resolution": "القرار قرار resolution",
    "unit": "اللواء الكتيبه الكتيبة brigade battalion",
    "exit": "المخرج مخرج exit",
    "week": "الاسبوع اسبوع week",
    "stage": "المرحله المرحلة مرحله stage phase",
    "group": "المجموعه المجموعة group",
}
_NUMBERED = re.compile(
    r"(?<!\w)(?P<label>\w+)\s+(?:رقم\s+)?(?:ال\s*-?\s*)?(?P<low>\d+)"
    r"(?:\s*(?:-|الي|حتي|وحتي|to|through)\s*(?:ال\s*-?\s*)?(?P<high>\d+))?")


@lru_cache(maxsize=1)
def _label_keys() -> dict[str, str]:
    """Label words as ``features.match_tokens`` folds them (clitics و/ب/ل/ف and ال stripped)."""
    from service.judge.features import match_tokens

    return {token: key for key, words in _LABELS.items() for token in match_tokens(words)}


def numbered_referents(text: str) -> frozenset[str]:
    """The numbered items a text names: "من المركز الـ 6 وحتى الـ 10" -> {"rank:6-10"},
    "القرار 2216" -> {"resolution:2216"}, "round 3" -> {"round:3"}."""
    from service.judge.features import match_tokens

    labels = _label_keys()
    found = set()
    for match in _NUMBERED.finditer(ascii_digits(normalize_for_match(text))):
        label = labels.get(match_tokens(match.group("label"))[0])
        if label:
            high = match.group("high")
            found.add(f"{label}:{int(match.group('low'))}" + (f"-{int(high)}" if high else ""))
    return frozenset(found)


_DELIVERY = re.compile(r"(?:تسليم|لتسليم|للتسليم|عقود|عقد|delivery|contract|contracts|futures)\W*(?:شهر\W*)?$")


def delivery_months(slots: ClaimSlots) -> frozenset[int]:
    """Months that name a futures contract ("العقود الآجلة تسليم ديسمبر"), not a date."""
    months = set()
    for date in slots.dates:
        before = normalize_for_match(slots.text[max(0, date.start - 24):date.start])
        if date.month is not None and date.day is None and _DELIVERY.search(before):
            months.add(date.month)
    return frozenset(months)


# One distinctive word per reading (folded): a phrase's common words ("عند") would match anything.
_SESSION_MARKS = {
    "settlement": "التسويه settlement settled",
    "close": "الاغلاق closing",
    "open": "الافتتاح opening",
    "early": "المبكره",
}


def session_marks(text: str) -> frozenset[str]:
    """Which reading of a trading session a price is ("عند التسوية": the settlement)."""
    words = set(normalize_for_match(text).split())
    return frozenset(key for key, spellings in _SESSION_MARKS.items() if words & set(spellings.split()))


_BOUND_BEFORE = re.compile(r"(?:اكثر من|ازيد من|ما يزيد (?:عن|علي)|يزيد (?:عن|علي)|لا يقل عن|ما لا يقل عن|"
                           r"يربو علي|more than|over|at least|plus de|au moins|более|свыше|не менее)\W*$")
_BOUND_AFTER = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:علي الاقل|at least|au moins|как минимум)")


def lower_bounded(sentence: str, figure_text: str) -> bool:
    """Whether the figure is given as a floor ("more than 50", "12 people at least")."""
    at = sentence.find(figure_text)
    if at < 0:
        return False
    before = normalize_for_match(sentence[max(0, at - 24):at])
    after = normalize_for_match(sentence[at:at + len(figure_text) + 30])
    return bool(_BOUND_BEFORE.search(before) or _BOUND_AFTER.search(after[len(normalize_for_match(figure_text)):]))


# Words that split one template into its instances: the same sentence about the domestic and
# the international operations, the foreign and the local players, men and women, exports and
# imports, a yearly and a monthly rate. Written in the folded, clitic-stripped form of
# ``features.match_tokens`` (ال and و/ب/ل/ف already gone).
_CONTRASTS = {
    "scope": {"abroad": "دولي دوليه خارجي خارجيه اجانب اجنبي اجنبيه international foreign overseas abroad "
                        "etranger etrangers etrangere internationale international зарубежных иностранных",
              "home": "محلي محليه محليين داخلي داخليه domestic local locale nationale национальных местных"},
    "sex": {"men": "رجال ذكور men male hommes мужчин", "women": "نساء اناث سيدات women female femmes женщин"},
    "trade": {"out": "صادرات exports exportations экспорт", "in": "واردات imports importations импорт"},
    "period": {"year": "سنوي سنويه annual yearly annuel годовой", "month": "شهري شهريه monthly mensuel месячный",
               "quarter": "ربعي ربعيه quarterly trimestriel квартальный"},
}
_CONTRAST_OF = {word: (group, side) for group, sides in _CONTRASTS.items()
                for side, words in sides.items() for word in words.split()}


def contrast_sides(text: str) -> dict[str, frozenset[str]]:
    """For each contrast the text touches, the sides it names ("العمليات المحلية" -> scope: home)."""
    from service.judge.features import match_tokens

    found: dict[str, set[str]] = {}
    for token in match_tokens(text):
        if token in _CONTRAST_OF:
            group, side = _CONTRAST_OF[token]
            found.setdefault(group, set()).add(side)
    return {group: frozenset(sides) for group, sides in found.items()}


def other_side_of_a_contrast(a: str, b: str) -> bool:
    """Whether the two texts name opposite sides of one contrast and not the other side."""
    sides_a, sides_b = contrast_sides(a), contrast_sides(b)
    return any(apart(sides_a[group], sides_b[group]) for group in sides_a.keys() & sides_b.keys())


def apart(x: Sequence | frozenset | set, y: Sequence | frozenset | set) -> bool:
    """Both sides name some, and none in common."""
    return bool(x and y and set(x).isdisjoint(y))

"""Reasons that hold only between a user's claim and the report it was checked against.

Between two reports (align, compare) a different place or weekday says
little: two reports of one day name many places and days. A claim checked
against a report is another matter: the user states one fact, the report
states it too, and "in the Jazan region" against «بمنطقة تبوك», or "on
Monday evening" against «مساء الاربعاء», is the fact told otherwise.

- **place**: each side names a place the other does not, of the same level
  (a country against a country, a region or city against a region or city):
  "a visit to Nigeria" against «زيارة ... إلى كينيا». A place one side adds
  without the other naming a rival ("in Turkey" beside «سوروج») is detail.
- **weekday**: both name weekdays and none is the same.
- **person**: both give the same role (minister, spokesman, governor, coach)
  and each names a person the other does not: "White House spokesman Eric
  Schultz" against «المتحدث باسم البيت الأبيض جوش إرنست». The role's body
  need not be found on both sides (the slots often miss it in one language),
  nor the name beside its title: the claim states one fact, so its one
  unnamed-elsewhere person against the report's is the person told otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache

from service.claims.calendar_words import weekday_of
from service.claims.entities import same_entity
from service.claims.lexicon_places import COUNTRY_KEYS
from service.claims.lexicons import fold
from service.claims.slots import ClaimSlots
from service.claims.transliterate import named_across, shares_name_word
from service.models import Reason
from service.pipeline.normalize import is_arabic


def _places(slots: ClaimSlots) -> list:
    return [e for e in slots.entities if e.kind == "place" and e.known]


# Where the claim says something happened: "in the Jazan region", "visit to Nigeria",
# "région d'Asir", "в регионе Джизан". A place named otherwise ("Russian air strikes",
# "in support of Damascus") names an actor or a side, not where.
_LOCATIVE_BEFORE = re.compile(r"(?:\b(?:in|into|to|at|en|au|aux|à|dans|в|во|на)|region|province|région|"
                              r"регион\w*|провинци\w*)(?:\s+(?:the|la|le|l'|de|d'|du))*\s*(?:\w+\s+)?$",
                              re.IGNORECASE)
_LOCATIVE_AFTER = re.compile(r"^\s+(?:region|province)\b", re.IGNORECASE)


def _locative(slots: ClaimSlots, place) -> bool:
    before = slots.text[max(0, place.start - 40):place.start]
    return bool(_LOCATIVE_BEFORE.search(before) or _LOCATIVE_AFTER.match(slots.text[place.end:]))


# The report's side in Arabic: في/إلى X, a clitic ب on the place (بتبوك), or a word for an area before it.
_ARABIC_LOCATIVE = re.compile(r"(?:(?:^|\s)(?:في|فى|إلى|الى|الي)|(?:^|\s)[وف]?ب?(?:منطقة|مدينة|محافظة|إقليم|ولاية))\s*$")


def _locative_ar(slots: ClaimSlots, place) -> bool:
    before = slots.text[max(0, place.start - 25):place.start]
    return bool(_ARABIC_LOCATIVE.search(before)) or slots.text[max(0, place.start - 1):place.start] == "ب" \
        or _locative(slots, place)


def _named_in(place, slots: ClaimSlots) -> bool:
    """Whether the other side names the place, as a place or inside another name: "the Syrian
    opposition" («المعارضة السورية», key syrian_opposition) names Syria, so a claim "in Syria"
    does not conflict with a report of its talks "in Kazakhstan"."""
    return any(same_entity(place, other) for other in _places(slots)) \
        or any(other.key.startswith(place.key) for other in slots.entities if other.key)


def place_reasons(claim: ClaimSlots, report: ClaimSlots) -> list[Reason]:
    mine = [e for e in _places(claim) if _locative(claim, e)]
    theirs = [e for e in _places(report) if _locative_ar(report, e)]
    only_mine = [e for e in mine if not _named_in(e, report)]
    only_theirs = [e for e in theirs if not _named_in(e, claim)]
    for level in (True, False):                   # countries, then regions and cities
        a = [e for e in only_mine if (e.key in COUNTRY_KEYS) == level]
        b = [e for e in only_theirs if (e.key in COUNTRY_KEYS) == level]
        if a and b:
            return [Reason("entity", a[0].text, b[0].text)]
    return []


def _weekdays(slots: ClaimSlots) -> dict[int, str]:
    found = {}
    for mention in slots.dates:
        day = weekday_of(fold(mention.text))
        if day is not None:
            found.setdefault(day, mention.text)
    return found


def weekday_reasons(claim: ClaimSlots, report: ClaimSlots) -> list[Reason]:
    mine, theirs = _weekdays(claim), _weekdays(report)
    if mine and theirs and not set(mine) & set(theirs):
        return [Reason("date", next(iter(mine.values())), next(iter(theirs.values())))]
    return []


def _people(slots: ClaimSlots) -> list:
    return [e for e in slots.entities if e.kind == "person"]


@lru_cache(maxsize=1)
def first_name_keys() -> frozenset[str]:
    from service.claims.lexicon_roles import FIRST_NAMES
    from service.claims.transliterate import to_latin_key

    return frozenset(to_latin_key(name) for name in FIRST_NAMES)


# A claim meets fifty reports, each several times: their scripts are looked at once.
_arabic = lru_cache(maxsize=50_000)(is_arabic)


def named_across_scripts(name: str, claim: ClaimSlots, report: ClaimSlots) -> bool:
    """A claim's name the report gives in another script where its named-entity reader found no
    such name, or merged it with its title ("Former Al-Nassr", «ولاعب النصر السابق ماجد عبدالله»)."""
    return _arabic(claim.text) != _arabic(report.text) and named_across(name, report.text, first_name_keys())


def _unnamed_in(person, slots: ClaimSlots) -> bool:
    """Whether ``slots`` names the person nowhere: as the same name, by two of its words, or by
    a word other than a common first name, in any script (names are told apart, so a doubt counts as a match:
    "Tawfiq ar-Rabiah" and «توفيق الربيعة» must never make a conflict)."""
    from service.judge.reasons import named_in

    names = [other for other in slots.entities if other.kind != "role"]
    return not any(same_entity(person, other) or shares_name_word(person.text, other.text, first_name_keys())
                   for other in names) and not named_in(person.text, slots.text) \
        and not named_across(person.text, slots.text, first_name_keys(), every=True)


# Roles one language names with one word and another with two: a club's "president" is its
# «رئيس» (head), while «الرئيس» alone is a head of state.
ROLE_KIN = {"president": "head"}


def role_keys(slots: ClaimSlots) -> set[str]:
    return {ROLE_KIN.get(r.role_key, r.role_key) for r in slots.roles}


def _in_role(slots: ClaimSlots, roles: set[str]) -> list:
    """The people who may hold one of ``roles``: its holder where the slots found one, else anyone
    the slots do not give another role ("the governor of the Makkah region, Prince X")."""
    def held(role) -> bool:
        return ROLE_KIN.get(role.role_key, role.role_key) in roles

    holders = {(r.holder.start, r.holder.end) for r in slots.roles if held(r) and r.holder}
    others = {(r.holder.start, r.holder.end) for r in slots.roles if not held(r) and r.holder}
    people = _people(slots)
    if holders:
        return [p for p in people if (p.start, p.end) in holders]
    return [p for p in people if (p.start, p.end) not in others]


def person_reasons(claim: ClaimSlots, report: ClaimSlots) -> list[Reason]:
    roles = role_keys(claim) & role_keys(report)
    if not roles:
        return []
    mine = [p for p in _in_role(claim, roles) if _unnamed_in(p, report)]
    if len(mine) != 1:
        return []
    holders = _in_role(report, roles)
    theirs = [p for p in holders if _unnamed_in(p, claim)]
    if not theirs and holders:
        # Every holder the report's slots found is named in the claim too, in another part (the
        # predecessor the new president succeeds): the report's person the claim does not name,
        # and whom the slots give no other role, is the one its role goes to.
        others = {(r.holder.start, r.holder.end) for r in report.roles if r.holder}
        theirs = [p for p in _people(report) if (p.start, p.end) not in others and _unnamed_in(p, claim)]
    if theirs:
        return [Reason("entity", mine[0].text, theirs[0].text)]
    return []


def claim_reasons(claim: ClaimSlots, report: ClaimSlots) -> list[Reason]:
    return place_reasons(claim, report) + weekday_reasons(claim, report) + person_reasons(claim, report)

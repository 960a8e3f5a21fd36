"""The same claim across scripts: what an Arabic sentence and its English, French or Russian telling share.

The link bar's surface routes (shared words, spelling-folded text) cannot
cross scripts: «سوروج» and "Suruc" share no word. What does meet across
scripts is the checkable content of a claim:

- **figures**: the same value (32 = ٣٢ = "32"; 180 ألف = 180,000 = 180 тысяч),
  read by ``numbers.py`` in every script;
- **dates** written out (12 أغسطس, August 12, 12 августа), resolved to a day
  or month; "today" and weekdays say nothing (every report of a day has them);
- **names** of people, bodies and places: the gazetteer's ids (بوتين, Putin,
  Путин) and, for names it lacks, the cross-script skeleton
  (``transliterate.same_name``).

A name counts only if it is rare. Formulas every Saudi report carries (the
kingdom, Riyadh, «خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز», the
agency) are shared by thousands of sentences that state different claims:
``common_names.py`` says which names those are, by the share of sentences
naming them.

A cross-script link is then: cosine at least ``MIN_COSINE`` (translations of
one sentence sit at 0.62-0.88 with USE multilingual, where Arabic rewordings
of one claim sit higher); no figure or date that differs, nothing negated on
one side only and no cue pointing the other way (``says_otherwise``); and at
least ``MIN_FACTS`` shared facts, or one at ``ONE_FACT_COSINE``, or none at
``NO_FACT_COSINE``. Tuned on the development half of
``benchmarks/labels/crosslingual-claims.jsonl`` only.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from service.claims.slot_codec import record_slots
from service.claims.slots import ClaimSlots
from service.claims.transliterate import same_name
from service.jobs.common_names import is_common
from service.models import SentenceRecord

MIN_COSINE = 0.62
# One shared fact is enough this close; none at all at the same-script bar's strong cosine
# (``link_bar.STRONG_COSINE``: another construction of the same words).
ONE_FACT_COSINE = 0.7
NO_FACT_COSINE = 0.85
MIN_FACTS = 2
# Integers this small are everywhere ("one of the two", "the 2nd"): not a fact of their own.
TRIVIAL_FIGURES = frozenset({0.0, 1.0, 2.0})
# A bare year ("its 2015 forecast") is read as a figure in one script and a date in another.
YEARS = (1900, 2100)
# Dates that say something only the claim says: a day or a month written out.
WRITTEN_DATES = ("day", "month")
# Dates that must not differ: those, and a weekday ("said on Monday": every report of the day
# can name one, so it is no shared fact, but two weekdays are two days).
AGREEING_DATES = WRITTEN_DATES + ("weekday",)


_LETTERS = {"arabic": re.compile(r"[\u0600-\u06ff\u0750-\u077f]"), "cyrillic": re.compile(r"[\u0400-\u04ff]"),
            "latin": re.compile(r"[A-Za-z\u00c0-\u024f]")}


@lru_cache(maxsize=65_536)       # a sentence sits in many edges
def script_of(text: str) -> str:
    """The script most of the letters are in: arabic, cyrillic or latin ("" for no letters)."""
    counts = {name: len(letters.findall(text)) for name, letters in _LETTERS.items()}
    best = max(counts, key=counts.get)
    return best if counts[best] else ""


def across_scripts(a: str, b: str) -> bool:
    """Whether the two texts are written in two scripts (no word of one can be a word of the other)."""
    return two_scripts(script_of(a), script_of(b))


def two_scripts(script_a: str, script_b: str) -> bool:
    """Whether two ``script_of`` readings are two scripts (a text with no letters is in none)."""
    return bool(script_a and script_b and script_a != script_b)


def same_claim_across(a: SentenceRecord, b: SentenceRecord, cosine: float) -> bool:
    """The cross-script link test (for two sentences ``across_scripts``)."""
    if cosine < MIN_COSINE:
        return False
    slots_a, slots_b = record_slots(a), record_slots(b)
    if not figures_agree(slots_a, slots_b) or not dates_agree(slots_a, slots_b) or says_otherwise(slots_a, slots_b):
        return False
    facts = len(shared_facts(slots_a, slots_b))
    return facts >= MIN_FACTS or (facts >= 1 and cosine >= ONE_FACT_COSINE) or cosine >= NO_FACT_COSINE


def figures_agree(a: ClaimSlots, b: ClaimSlots) -> bool:
    """The figures of one side are figures of the other, or the two share more figures than
    either has alone: a figure one script's reading misses (a percentage's span running into the
    next figure) is not a second fact, two figures that differ are (gold up 0.4 % against down 0.3 %)."""
    figures_a, figures_b = _figures(a), _figures(b)
    if figures_a <= figures_b or figures_b <= figures_a:
        return True
    shared = len(figures_a & figures_b)
    return shared >= 2 and shared > max(len(figures_a - figures_b), len(figures_b - figures_a))


def shared_facts(a: ClaimSlots, b: ClaimSlots) -> list[str]:
    """What the two state alike that few other sentences state: figures, written dates, rare names."""
    figures = sorted(f for f in _figures(a) & _figures(b) if f[0] not in TRIVIAL_FIGURES)
    dates = sorted(_written_dates(a) & _written_dates(b))
    return [f"figure {v:g}" for v, _ in figures] + [f"date {d}" for d in dates] + [f"name {n}" for n in
                                                                                    shared_rare_names(a, b)]


def dates_agree(a: ClaimSlots, b: ClaimSlots) -> bool:
    """The written-out dates and the weekdays of one side are all dates of the other (a month
    is the date of any of its days: "in July" and "on 22 July" agree)."""
    dates_a, dates_b = _dated(a), _dated(b)
    return all(any(_compatible(d, e) for e in dates_b) for d in dates_a) or \
        all(any(_compatible(d, e) for e in dates_a) for d in dates_b)


def _dated(slots: ClaimSlots) -> list[tuple[dt.date, bool]]:
    """(resolved date, whether only its month is meant) of the dates that must agree."""
    return [(d.resolved, d.granularity == "month") for d in slots.dates
            if d.granularity in AGREEING_DATES and d.resolved]


def _compatible(a: tuple[dt.date, bool], b: tuple[dt.date, bool]) -> bool:
    (day_a, month_a), (day_b, month_b) = a, b
    if month_a or month_b:
        return (day_a.year, day_a.month) == (day_b.year, day_b.month)
    return day_a == day_b


def says_otherwise(a: ClaimSlots, b: ClaimSlots) -> bool:
    """One side negates what the other states, or their cues point opposite ways (rose / fell,
    raised / cut): the judge's cue words are read per language and can miss a pair across
    scripts; one claim with an opposite direction is a contradiction, never a link."""
    if a.negated != b.negated:
        return True
    poles_a, poles_b = _poles(a), _poles(b)
    return any(not poles_a[group] & poles_b[group] for group in poles_a.keys() & poles_b.keys())


def _poles(slots: ClaimSlots) -> dict[str, set[tuple[str, bool]]]:
    """Antonym group -> the (pole, negated) its cues say. A side that says both ways (the price
    rose today after falling yesterday) states the other's way too: only disjoint ones oppose."""
    said: dict[str, set[tuple[str, bool]]] = {}
    for pole, _, negation in slots.poles:
        said.setdefault(pole.group, set()).add((pole.pole, bool(negation)))
    return said


def shared_rare_names(a: ClaimSlots, b: ClaimSlots) -> list[str]:
    """Names on both sides (one gazetteer id, or one name spelled in two scripts), common ones left out."""
    names_b = [e for e in b.entities if e.kind != "role" and not is_common(e.key)]
    shared = []
    for entity in a.entities:
        if entity.kind == "role" or is_common(entity.key) or entity.key in shared:
            continue
        if any(other.key == entity.key or (not (entity.known and other.known) and same_name(entity.text, other.text))
               for other in names_b):
            shared.append(entity.key)
    return shared


def _figures(slots: ClaimSlots) -> frozenset[tuple[float, bool]]:
    """(value, is a percentage) of each figure, bare years left out."""
    return frozenset((round(q.value, 6), q.is_percent) for q in slots.quantities
                     if q.is_percent or not (q.value.is_integer() and YEARS[0] <= q.value <= YEARS[1]))


def _written_dates(slots: ClaimSlots) -> frozenset[dt.date]:
    return frozenset(d.resolved for d in slots.dates if d.granularity in WRITTEN_DATES and d.resolved)

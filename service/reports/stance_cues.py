"""Who, in one sentence, is said to support, reject, sign, take part or stay away.

Rules (a reading aid for editors, not a parser):

1. The sentence must be about the truce or its talks (``TRUCE_TOPIC``).
2. A stance cue is a word of the judge's support/oppose, sign/refuse-to-sign
   and attend/boycott groups, or a commitment to the truce ("تلتزم",
   "abide by"). A negation at most two words before it, in the same clause,
   flips it: "لم تشارك" is *stayed away*, "did not sign" is *did not sign*;
   a negated rejection says nothing and is dropped.
   A passive cue ("تم توقيع", "was signed") names no actor and is dropped,
   and so is توقع ("expect"), which the sign stem catches by accident.
3. The cue belongs to the actors of its clause (clauses end at punctuation,
   commas, "أن/that/que/что" and relative pronouns "التي/which"): first the
   nearest named actor before it (the subject in "X rejected", "أعلن
   الائتلاف دعمه"), else the nearest after it, but only where the actor
   after is the subject: a participation word ("غياب الائتلاف", "مشاركة
   دي ميستورا") or an Arabic verb ("رفضت المعارضة", "تدعمها روسيا"); after
   a noun like دعم or "support for" the actor is the object, so nothing.
   Actors chained to that one by apposition or a list ("جميل الصالح قائد
   جيش العزة", "X and Y", "X والهيئة") share the cue; a parent body ("التابع
   للجيش الحر") does not. A place after a preposition ("في سوريا") is where,
   not who.

Known limits: a verb that cancels without negating ("ألغت المعارضة أي
محادثات بشأن مشاركتها") is read at face value, and the actor of a relative
clause's antecedent ("الفصائل التي أعلنت دعمها") is not found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.claims.entities import Entity, extract_entities
from service.claims.lexicons import ARABIC, Lexicon, fold, folded_words
from service.claims.polarity import Cue, negation_cues
from service.reports.stance_words import (COMMITMENT, NEGATED_STANCE, NOT_STANCE, PASSIVE_MARKERS, PREPOSITIONS,
                                          STANCE_OF_POLE, STANCE_POLES, TRUCE_TOPIC)

_CUES = Lexicon(STANCE_POLES + (COMMITMENT,))
_TOPIC = Lexicon(TRUCE_TOPIC)
_CLAUSE_BREAK = re.compile(r"[.!?؟;؛:،,\n]|(?<!\w)(?:[وف]?[أإا]ن|ب[أا]ن|لأن|that|que|qu'|что|but|mais|но"
                           r"|لكن|ولكن|بينما|التي|الذي|الذين|اللذين|اللتين|which|who|qui|котор\w*)(?!\w)",
                           re.IGNORECASE)
_WORD = re.compile(r"\w+")
_GAP_PUNCTUATION = re.compile(r"[^\w\s,،\"'«»“”()\-]")
# Words that may stand between two names of one chain: "X و Y", "X of the Y", "قائد ... التابع لل".
_JOINERS = frozenset("و ل لل ب and of the et de du des la le и".split())
MAX_GAP_BEFORE = 50     # characters from the subject's end to its verb ("الفصائل المسلحة التي أعلنت موقفا داعما")
MAX_GAP_AFTER = 40      # characters from a verb-first cue to its subject ("غياب لافت لـ"الائتلاف"")
ACTOR_KINDS = ("person", "org", "place")
_NOT_STANCE = folded_words(" ".join(NOT_STANCE))
_PASSIVE = folded_words(" ".join(PASSIVE_MARKERS))
_PREPOSITIONS = folded_words(" ".join(PREPOSITIONS))
# Arabic verbal nouns of the stance groups: a noun's following name is its object (دعم المعارضة).
_VERBAL_NOUNS = folded_words("تأييد ترحيب تنديد توقيع تغيب")
_SUBJECT_AFTER = ("took_part", "stayed_away")
# "X التابع لـ Y": Y is X's parent body, not X, and does not share X's stance.
_PARENT = folded_words("التابع التابعة التابعين affiliated")


@dataclass(frozen=True)
class StanceCue:
    stance: str          # supports, rejects, signed, not_signed, took_part, stayed_away
    text: str
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class StanceMention:
    actor: Entity
    cue: StanceCue


def about_truce(text: str) -> bool:
    return bool(_TOPIC.find(text))


def _negated(text: str, start: int, negations: list[Cue]) -> bool:
    for cue in negations:
        gap = text[cue.end:start]
        if cue.end <= start and len(_WORD.findall(gap)) <= 2 and not _GAP_PUNCTUATION.search(gap) \
                and not re.search(r"[,،]", gap):
            return True
    return False


def stance_cues(text: str) -> list[StanceCue]:
    """Stance words in text order, negations applied (rule 2)."""
    hits = _CUES.find(text)
    negations = negation_cues(text) if hits else []      # the costly part: only where a cue is
    found = []
    for hit in hits:
        if fold(hit.text) in _NOT_STANCE or _word_before(text, hit.start) in _PASSIVE:
            continue
        stance = STANCE_OF_POLE[hit.entry.pole]
        negated = _negated(text, hit.start, negations)
        if negated:
            stance = NEGATED_STANCE.get(stance)
        if stance:
            found.append(StanceCue(stance, hit.text, hit.start, hit.end, negated))
    return found


def _word_before(text: str, position: int) -> str:
    words = _WORD.findall(text[max(0, position - 20):position])
    return fold(words[-1]) if words else ""


def _is_actor(text: str, mention: Entity) -> bool:
    if mention.kind not in ACTOR_KINDS:
        return False
    return mention.kind != "place" or _word_before(text, mention.start) not in _PREPOSITIONS


def _subject_follows(cue: StanceCue) -> bool:
    """Whether a name after the cue is its subject (rule 3): participation words and Arabic verbs."""
    word = fold(cue.text)
    if cue.stance in _SUBJECT_AFTER or word.startswith("الموقع"):   # "الفصائل الموقعة على الاتفاق: X و Y"
        return True
    word = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    if not ARABIC.match(word) or word in _VERBAL_NOUNS:
        return False
    return word.endswith(("ت", "وا")) or word[:1] in "يتن"


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end] (rule 3)."""
    breaks = list(_CLAUSE_BREAK.finditer(text))
    left = max((m.end() for m in breaks if m.end() <= start), default=0)
    right = min((m.start() for m in breaks if m.start() >= end), default=len(text))
    return left, right


def _link(text: str, left: Entity, right: Entity) -> str | None:
    """How two nearby names are joined: "same" (apposition, list), "parent" (X التابع لـ Y), or None."""
    gap = text[left.end:right.start]
    words = [fold(w) for w in _WORD.findall(gap)]
    if len(words) > 3 or _GAP_PUNCTUATION.search(gap):
        return None
    if not all(w.startswith("ال") or w in _JOINERS or w in _PARENT for w in words):
        return None
    return "parent" if any(w in _PARENT for w in words) else "same"


def _chain(text: str, mentions: list[Entity], first: int, step: int) -> list[Entity]:
    """The mention at ``first`` and those chained to it, walking by ``step`` (-1 left, +1 right).

    Walking left from a parent body ("جيش العزة التابع للجيش الحر قد رفض") the
    chain restarts at the child: the parent is not the one who rejected.
    """
    chain, i = [mentions[first]], first + step
    while 0 <= i < len(mentions):
        left, right = (mentions[i], chain[-1]) if step < 0 else (chain[-1], mentions[i])
        link = _link(text, left, right)
        if link is None or link == "parent" and step > 0:
            break
        chain = [mentions[i]] if link == "parent" else chain + [mentions[i]]
        i += step
    return [m for m in chain if _is_actor(text, m)]


def actors_of(text: str, cue: StanceCue, mentions: list[Entity]) -> list[Entity]:
    """The actors a cue is said of (rule 3); ``mentions`` are the sentence's entities in text order."""
    left, right = clause_bounds(text, cue.start, cue.end)
    before = [i for i, m in enumerate(mentions) if m.start >= left and m.end <= cue.start
              and cue.start - m.end <= MAX_GAP_BEFORE and _is_actor(text, m)]
    if before:
        return _chain(text, mentions, before[-1], -1)
    if not _subject_follows(cue):
        return []
    after = [i for i, m in enumerate(mentions) if m.start >= cue.end and m.end <= right
             and m.start - cue.end <= MAX_GAP_AFTER and _is_actor(text, m)]
    return _chain(text, mentions, after[0], +1) if after else []


def stance_mentions(text: str) -> list[StanceMention]:
    """Every (actor, stance) the sentence reports about the truce; empty when it reports none."""
    cues = stance_cues(text)
    if not cues or not about_truce(text):
        return []
    mentions = extract_entities(text)
    return [StanceMention(actor, cue) for cue in cues for actor in actors_of(text, cue, mentions)]

"""All typed slots of one sentence or claim, each extracted once, on first use.

A ``ClaimSlots`` is what the judge compares: the numbers with what they
count, the dates and durations, the actors and roles, negation and hedges,
and who is said to have said it.

Slots are extracted lazily because align asks most pairs for only two or
three of them: a pair too far apart for a date or a negation to count never
needs the dates or the negation of its sentences, and one with no reason
to report never needs its entities (see ``verdict.believable_reasons``).
Extracting every slot of every sentence cost more than encoding it.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property, lru_cache

from service.claims.dates import DateMention, Duration, extract_dates, extract_durations
from service.claims.entities import Entity, Role, extract_entities, extract_roles
from service.claims.numbers import Quantity, extract_quantities
from service.claims.polarity import Cue, PoleHit, antonym_poles, hedges, is_negated, negation_cues
from service.claims.speakers import Speaker, extract_speaker


class ClaimSlots:
    """The slots of ``text`` (published on ``reference``, in ``lang``), read-only."""

    def __init__(self, text: str, reference: dt.date | None = None, lang: str | None = None):
        self.text = text
        self.reference = reference
        self.lang = lang

    def __repr__(self) -> str:
        return f"ClaimSlots({self.text!r}, {self.reference!r}, {self.lang!r})"

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(extract_quantities(self.text, lang=self.lang))

    @cached_property
    def dates(self) -> tuple[DateMention, ...]:
        return tuple(extract_dates(self.text, reference=self.reference, lang=self.lang))

    @cached_property
    def durations(self) -> tuple[Duration, ...]:
        return tuple(extract_durations(self.text, lang=self.lang))

    @cached_property
    def entities(self) -> tuple[Entity, ...]:
        return tuple(extract_entities(self.text, lang=self.lang))

    @cached_property
    def roles(self) -> tuple[Role, ...]:
        return tuple(extract_roles(self.text, lang=self.lang))

    @cached_property
    def negated(self) -> bool:
        return is_negated(self.text, lang=self.lang)

    @cached_property
    def negations(self) -> tuple[Cue, ...]:
        return tuple(negation_cues(self.text, lang=self.lang))

    @cached_property
    def hedges(self) -> tuple[Cue, ...]:
        return tuple(hedges(self.text, lang=self.lang))

    @cached_property
    def speaker(self) -> Speaker | None:
        return extract_speaker(self.text, lang=self.lang)

    @cached_property
    def poles(self) -> tuple[PoleHit, ...]:
        """Antonym cues (increase/reduce, include/exclude, attend/boycott ...) with their negation."""
        return antonym_poles(self.text)

    def entity_keys(self) -> set[str]:
        return {e.key for e in self.entities if e.kind != "role"}

    def warnings(self) -> tuple[dict, ...]:
        """Problems inside the sentence itself: a date whose month pair names two months."""
        return tuple({"type": "date_inconsistent", "text": d.text, "note": d.note}
                     for d in self.dates if d.inconsistent)


@lru_cache(maxsize=50_000)
def extract_slots(text: str, reference: dt.date | None = None, lang: str | None = None) -> ClaimSlots:
    """The (cached) slots of one sentence; each slot is extracted when first read."""
    return ClaimSlots(text, reference, lang)

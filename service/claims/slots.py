"""All typed slots of one sentence or claim, extracted once and cached.

A ``ClaimSlots`` is what the judge compares: the numbers with what they
count, the dates and durations, the actors and roles, negation and hedges,
and who is said to have said it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from service.claims.dates import DateMention, Duration, extract_dates, extract_durations
from service.claims.entities import Entity, Role, extract_entities, extract_roles
from service.claims.numbers import Quantity, extract_quantities
from service.claims.polarity import Cue, hedges, is_negated, negation_cues
from service.claims.speakers import Speaker, extract_speaker


@dataclass(frozen=True)
class ClaimSlots:
    text: str
    quantities: tuple[Quantity, ...]
    dates: tuple[DateMention, ...]
    durations: tuple[Duration, ...]
    entities: tuple[Entity, ...]
    roles: tuple[Role, ...]
    negated: bool
    negations: tuple[Cue, ...]
    hedges: tuple[Cue, ...]
    speaker: Speaker | None

    def entity_keys(self) -> set[str]:
        return {e.key for e in self.entities if e.kind != "role"}

    def warnings(self) -> tuple[dict, ...]:
        """Problems inside the sentence itself: a date whose month pair names two months."""
        return tuple({"type": "date_inconsistent", "text": d.text, "note": d.note}
                     for d in self.dates if d.inconsistent)


@lru_cache(maxsize=50_000)
def extract_slots(text: str, reference: dt.date | None = None, lang: str | None = None) -> ClaimSlots:
    date_spans = extract_dates(text, reference=reference, lang=lang)
    return ClaimSlots(
        text=text,
        quantities=tuple(extract_quantities(text, lang=lang)),
        dates=tuple(date_spans),
        durations=tuple(extract_durations(text, lang=lang)),
        entities=tuple(extract_entities(text, lang=lang)),
        roles=tuple(extract_roles(text, lang=lang)),
        negated=is_negated(text, lang=lang),
        negations=tuple(negation_cues(text, lang=lang)),
        hedges=tuple(hedges(text, lang=lang)),
        speaker=extract_speaker(text, lang=lang),
    )

"""Same event before contradiction.

Two claims can only disagree if they talk about the same event: close
enough in meaning, sharing an actor or place, and close in time. A truce in
Aleppo in August and talks in Astana in January are two events; so are two
rounds of talks months apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from service.claims.entities import same_entity
from service.claims.slots import ClaimSlots

# News about one event clusters within weeks; a gap longer than this between
# publication dates means another round, another truce, another period.
EVENT_WINDOW_DAYS = 45
# Above this similarity the topic alone makes the same event (when the dates allow):
# no shared actor is asked for.
CLOSE_ENOUGH = 0.5
# Entities that nearly every sentence of a story mentions prove nothing alone
# about being the same event (the country at war, the two sponsors).
GENERIC_KEYS = frozenset({"syria", "russia", "united_states", "turkey", "iran"})


@dataclass(frozen=True)
class EventMatch:
    same: bool
    why: str
    shared: tuple[str, ...] = ()


def shared_entities(a: ClaimSlots, b: ClaimSlots) -> list[str]:
    shared = []
    for ea in a.entities:
        if ea.kind == "role":
            continue
        if any(eb.kind != "role" and same_entity(ea, eb) for eb in b.entities):
            shared.append(ea.key)
    return sorted(set(shared))


# Figures move as a story develops (a toll rises, a market closes each day): two
# reports' figures are about the same moment only within a couple of days.
FIGURE_WINDOW_DAYS = 2


def same_moment(a: ClaimSlots, b: ClaimSlots) -> bool:
    """Whether two reports' figures can be of the same moment: published within
    FIGURE_WINDOW_DAYS, and not each pinned to other days ("today" in two daily reports)."""
    if a.reference and b.reference and abs((a.reference - b.reference).days) > FIGURE_WINDOW_DAYS:
        return False
    days_a, days_b = _days(a), _days(b)
    return not (days_a and days_b and days_a.isdisjoint(days_b))


def _days(slots: ClaimSlots) -> set[dt.date]:
    return {d.resolved for d in slots.dates if d.resolved and d.precision == "day" and not d.inconsistent}


def time_compatible(a: dt.date | None, b: dt.date | None, window: int = EVENT_WINDOW_DAYS) -> bool:
    return a is None or b is None or abs((a - b).days) <= window


def shared_figures(a: ClaimSlots, b: ClaimSlots) -> list[str]:
    """a's counted figures that b gives too, same count of the same thing ("10 facilities" and «(10) منشآت»)."""
    from service.claims.numbers import comparable, conflicting

    theirs = [q for q in b.quantities if q.unit is not None]
    return [q.text for q in a.quantities if q.unit is not None
            and any(comparable(q, r) and not conflicting(q, r) for r in theirs)]


def names_across(a: ClaimSlots, b: ClaimSlots) -> list[str]:
    """a's names that b gives in another script, where b's entity reader did not find them."""
    from service.judge.claim_reasons import named_across_scripts

    return [e.key for e in a.entities if e.kind != "role" and named_across_scripts(e.text, a, b)]


def same_event(a: ClaimSlots, b: ClaimSlots, *, cosine: float, a_date: dt.date | None,
               b_date: dt.date | None, min_cosine: float, list_shared: bool = True,
               figures_shared: bool = False) -> EventMatch:
    """Whether a and b can be about one event; ``list_shared=False`` skips naming the shared
    actors where they decide nothing (a close pair), so that its entities are never extracted.
    With ``figures_shared`` (a user's claim against a report), a counted figure both give is a
    shared actor: a claim whose place was edited shares no name with its report, but its figures;
    so is a name of the claim the report writes in its own script (``names_across``)."""
    if cosine < min_cosine:
        return EventMatch(False, f"topic similarity {cosine:.2f} below {min_cosine:.2f}")
    if not time_compatible(a_date, b_date):
        return EventMatch(False, f"published {a_date} and {b_date}: more than {EVENT_WINDOW_DAYS} days apart")
    if cosine >= CLOSE_ENOUGH and not list_shared:
        return EventMatch(True, "same topic, actors and time")
    keys_a = a.entity_keys()
    if not keys_a:                  # nothing on a's side to share, nor to be missing: b's are not read
        return EventMatch(True, "same topic, actors and time", ())
    shared = shared_entities(a, b)
    if figures_shared and not shared:
        shared = shared_figures(a, b) or names_across(a, b)
    keys_b = b.entity_keys()
    if keys_a and keys_b and not shared and cosine < CLOSE_ENOUGH:
        return EventMatch(False, "no actor or place in common", ())
    specific_a, specific_b = keys_a - GENERIC_KEYS, keys_b - GENERIC_KEYS
    if specific_a and specific_b and not set(shared) - GENERIC_KEYS and cosine < CLOSE_ENOUGH:
        return EventMatch(False, "no actor or place in common beyond the country", tuple(shared))
    return EventMatch(True, "same topic, actors and time", tuple(shared))

"""Typed reasons two claims disagree, from their slots.

Each check looks for a slot the two sides both fill about the same thing
(a count of the same unit, a date at the same granularity, the same role of
the same person, an antonym about a shared actor) and reports it only when
no value on the other side agrees: "62 ألف مقاتل" against "52,000 fighters"
is a number conflict; "62,000 fighters ... 50 people" is not (other units).
"""

from __future__ import annotations

from typing import Callable

from service.claims.dates import dates_conflict
from service.claims.entities import roles_conflict, same_entity
from service.claims.numbers import comparable, conflicting
from service.claims.polarity import antonym_pairs
from service.claims.slots import ClaimSlots
from service.models import Reason

# Antonym groups whose conflict an editor reads as scope or stance rather
# than a generic opposite (include/exclude, support/reject).
ANTONYM_TYPES = {"scope": "scope", "stance": "stance", "participation": "negation"}


def number_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    reasons = []
    for qa in a.quantities:
        if qa.unit is None and not qa.is_percent:
            continue                      # a bare number could count anything
        rivals = [qb for qb in b.quantities if comparable(qa, qb)]
        if rivals and all(conflicting(qa, qb) for qb in rivals):
            reasons.append(Reason("number", qa.text, rivals[0].text))
    return reasons


def date_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    reasons = []
    for da in a.dates:
        if da.inconsistent or da.month is None:
            continue                      # years alone and self-contradicting dates prove little
        rivals = [db for db in b.dates if not db.inconsistent and db.month is not None]
        if rivals and all(dates_conflict(da, db) for db in rivals):
            reasons.append(Reason("date", da.text, rivals[0].text))
    return reasons


def duration_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    reasons = []
    for da in a.durations:
        for db in b.durations:
            if da.days_high < db.days_low * 0.95 or db.days_high < da.days_low * 0.95:
                reasons.append(Reason("duration", da.text, db.text))
                return reasons
    return reasons


def role_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    for ra in a.roles:
        for rb in b.roles:
            if roles_conflict(ra, rb):
                return [Reason("role", _role_text(a.text, ra), _role_text(b.text, rb))]
            if (ra.role_key == rb.role_key and ra.org_key and ra.org_key == rb.org_key
                    and ra.holder and rb.holder and ra.holder.kind == rb.holder.kind == "person"
                    and not same_entity(ra.holder, rb.holder)):
                return [Reason("entity", ra.holder.text, rb.holder.text)]
    return []


def _role_text(text: str, role) -> str:
    holder = role.holder.text + " " if role.holder else ""
    return f"{holder}{role.text} {role.org_key or ''}".strip()


def antonym_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    reasons = []
    for hit in antonym_pairs(a.text, b.text):
        kind = ANTONYM_TYPES.get(hit.kind, "antonym")
        reasons.append(Reason(kind, f"{hit.a_cue} ({hit.a_pole})", f"{hit.b_cue} ({hit.b_pole})"))
    return reasons


def negation_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    if a.negated == b.negated:
        return []
    negated, plain = (a, b) if a.negated else (b, a)
    cue = negated.negations[0].text if negated.negations else "not"
    claim_side = cue if negated is a else "(affirmed)"
    evidence_side = cue if negated is b else "(affirmed)"
    return [Reason("negation", claim_side, evidence_side)]


# Every check with the reason types it can report, strongest kinds first.
CHECKS = (
    (number_reasons, ("number",)),
    (date_reasons, ("date",)),
    (role_reasons, ("role", "entity")),
    (antonym_reasons, tuple(sorted(set(ANTONYM_TYPES.values()) | {"antonym"}))),
    (duration_reasons, ("duration",)),
    (negation_reasons, ("negation",)),
)


def slot_reasons(a: ClaimSlots, b: ClaimSlots, allowed: Callable[[str], bool] | None = None) -> list[Reason]:
    """Every slot-level disagreement, strongest kinds first.

    With ``allowed``, a check runs only if it can report an allowed type: the
    judge passes the types a pair is similar enough for, so that the slots
    those checks read are never extracted for a pair that could not use them.
    """
    return [reason for check, types in CHECKS if allowed is None or any(map(allowed, types))
            for reason in check(a, b)]

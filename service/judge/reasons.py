"""Typed reasons two claims disagree, from their slots.

Each check looks for a slot the two sides both fill about the same thing
(a count of the same unit, a date at the same granularity, the same role of
the same person, an antonym about a shared actor) and reports it only when
no value on the other side agrees: "62 ألف مقاتل" against "52,000 fighters"
is a number conflict; "62,000 fighters ... 50 people" is not (other units).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from service.claims.dates import dates_conflict
from service.claims.entities import roles_conflict, same_entity
from service.claims.numbers import comparable, conflicting
from service.claims.polarity import opposed_poles
from service.claims.slots import ClaimSlots
from service.models import Reason

# Antonym groups whose conflict an editor reads as scope or stance rather
# than a generic opposite (include/exclude, support/reject).
ANTONYM_TYPES = {"scope": "scope", "stance": "stance", "participation": "negation"}


# Three or more figures of one kind on a side are a list or a table ("400 beds ... 200
# beds ... 500 beds"): which figure answers which on the other side is not known.
LIST_SIZE = 3


def number_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    """A figure of a with figures of the same kind in b, none of them agreeing with it.

    A figure of b that agrees with another figure of a is that figure's
    counterpart, not a rival: "16,312 machines, up 113" against "16,312
    machines" has no conflict about 113.
    """
    reasons = []
    for qa in a.quantities:
        if qa.unit is None and not qa.is_percent:
            continue                      # a bare number could count anything
        rivals = [qb for qb in b.quantities if comparable(qa, qb)] or _kin_rivals(qa, a, b)
        kin = [q for q in a.quantities if comparable(qa, q)]
        if not rivals or len(rivals) >= LIST_SIZE or len(kin) >= LIST_SIZE:
            continue
        if any(not apart(qa, qb) for qb in rivals):
            continue
        rivals = [qb for qb in rivals if all(apart(q, qb) for q in kin if comparable(q, qb))]
        if rivals:
            reasons.append(Reason("number", qa.text, rivals[0].text))
    return reasons


# Units one language counts where another counts the other: "32 morts" is how French says
# "أودى بحياة 32 شخصا" (took the lives of 32 people).
KIN_UNITS = (frozenset({"dead", "person"}),)


def _kin_rivals(qa, a: ClaimSlots, b: ClaimSlots) -> list:
    """b's figures of a kin unit, when neither side has a figure of the other's own unit."""
    def kin(q) -> bool:
        return q.unit != qa.unit and any({qa.unit, q.unit} == pair for pair in KIN_UNITS)

    rivals = [qb for qb in b.quantities if kin(qb)]
    if any(q.unit == qa.unit for q in b.quantities) or any(q.unit == r.unit for r in rivals for q in a.quantities):
        return []
    return rivals


def apart(qa, qb) -> bool:
    """``conflicting``, with kin units (KIN_UNITS) compared as one."""
    return conflicting(qa, replace(qb, unit=qa.unit)) if qa.unit != qb.unit else conflicting(qa, qb)


def date_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    """A dated day or month of a against b's, none agreeing; as with figures, a date
    of b that agrees with another date of a is that date's counterpart, not a rival."""
    reasons = []
    mine = [d for d in a.dates if not d.inconsistent and d.month is not None]
    for da in mine:
        rivals = [db for db in b.dates if not db.inconsistent and db.month is not None]
        if not rivals or not all(dates_conflict(da, db) for db in rivals):
            continue                      # years alone and self-contradicting dates prove little
        rivals = [db for db in rivals if all(dates_conflict(d, db) for d in mine)]
        if rivals:
            reasons.append(Reason("date", da.text, rivals[0].text))
    return reasons


def duration_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    """A length of time of a that no length in b agrees with (a length of b agreeing
    with another of a's is that one's counterpart: "7 days ... 5 days" vs "7 days")."""
    def apart(x, y) -> bool:
        return x.days_high < y.days_low * 0.95 or y.days_high < x.days_low * 0.95

    for da in a.durations:
        rivals = [db for db in b.durations if all(apart(d, db) for d in a.durations)]
        if rivals and all(apart(da, db) for db in b.durations):
            return [Reason("duration", da.text, rivals[0].text)]
    return []


def role_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    for ra in a.roles:
        for rb in b.roles:
            if roles_conflict(ra, rb):
                return [Reason("role", _role_text(a.text, ra), _role_text(b.text, rb))]
            if (ra.role_key == rb.role_key and ra.org_key and ra.org_key == rb.org_key
                    and ra.holder and rb.holder and ra.holder.kind == rb.holder.kind == "person"
                    and not same_entity(ra.holder, rb.holder)
                    and not named_in(ra.holder.text, b.text) and not named_in(rb.holder.text, a.text)):
                return [Reason("entity", ra.holder.text, rb.holder.text)]
    return []


def named_in(name: str, text: str) -> bool:
    """Whether ``text`` names the person too, as the role's holder or elsewhere.

    Two lists of dignitaries pair titles and names differently, and a name
    read one word too long ("نتنياهو يحاول") or short ("عادل الجبير" for
    "عادل بن أحمد الجبير") still names the same person: two of its words in
    the other sentence (its one word, for a one-word name) say so.
    """
    words = [w for w in _name_words(name) if len(w) >= 3]
    present = set(_name_words(text))
    return bool(words) and sum(w in present for w in words) >= min(2, len(words))


def _name_words(text: str) -> list[str]:
    from service.judge.features import match_tokens

    return match_tokens(text)


def _role_text(text: str, role) -> str:
    holder = role.holder.text + " " if role.holder else ""
    return f"{holder}{role.text} {role.org_key or ''}".strip()


def antonym_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    from service.judge.figure_moves import moves_other_figures

    reasons = []
    for hit in opposed_poles(a.poles, lambda: b.poles):
        if hit.group == "quantity" and moves_other_figures(a, b, hit.a_span, hit.b_span):
            continue
        kind = ANTONYM_TYPES.get(hit.kind, "antonym")
        reasons.append(Reason(kind, f"{hit.a_cue} ({hit.a_pole})", f"{hit.b_cue} ({hit.b_pole})"))
    return reasons


def negation_reasons(a: ClaimSlots, b: ClaimSlots) -> list[Reason]:
    if a.negated == b.negated:
        return []
    negated, plain = (a, b) if a.negated else (b, a)
    if not negates_shared_words(negated, plain):
        return []
    cue = negated.negations[0].text if negated.negations else "not"
    claim_side = cue if negated is a else "(affirmed)"
    evidence_side = cue if negated is b else "(affirmed)"
    return [Reason("negation", claim_side, evidence_side)]


# Words read after a negation cue: the negated predicate ("لم تشارك بأي لقاء").
PREDICATE_WORDS = 2


def negates_shared_words(negated: ClaimSlots, plain: ClaimSlots) -> bool:
    """Whether what is negated is something the other sentence says.

    "ولم ينتظر الثمر طويلاً إذ خرجت ورش العمل ..." negates a clause the
    plain report never states. Checked between two sentences of one script
    only: across languages no word is shared, and the cue alone must do.
    """
    if _script(negated.text) != _script(plain.text):
        return True
    from service.judge.features import match_tokens, unmatched_words, word_set

    def predicate(slots: ClaimSlots, cue) -> frozenset[str]:
        return frozenset(match_tokens(slots.text[cue.end:])[:PREDICATE_WORDS])

    def shared(x: frozenset[str], y: frozenset[str]) -> bool:
        return bool(x) and len(unmatched_words(x, y)[0]) < len(x)   # a word (or a near form) on both

    plain_words = word_set(plain.text)
    negated_there = [predicate(plain, cue) for cue in plain.negations]
    for cue in negated.negations:
        words = predicate(negated, cue)
        # Negated on both sides ("ولن ينظر" in each): the clauses were only counted apart.
        if shared(words, plain_words) and not any(shared(words, other) for other in negated_there):
            return True
    return False


def _script(text: str) -> str:
    from service.pipeline.normalize import is_arabic

    return "arabic" if is_arabic(text) else "other"


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

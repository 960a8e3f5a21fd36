"""Which figure a direction word moves, so that two reports' rises and falls are paired figure by figure.

A market report says two things move: "وقفز سعر برنت ... 39 سنتًا ... بعدما
انخفض 45 سنتًا" (Brent jumped 39 cents after falling 45 the day before). A
claim that "Brent rose 39 cents" agrees with it, though the report also says
"fell": the fall moves another figure. A direction word's figure is the
first figure after it, before the next direction word; two opposite words
whose figures are of one kind but different values are about two figures,
not a disagreement. "up" and "down" count only right before their figure
("up 43.16 points"): elsewhere they are particles ("set up", "down the road").
"""

from __future__ import annotations

from service.claims.numbers import Quantity, comparable, conflicting
from service.claims.slots import ClaimSlots

# Characters between a direction word and its figure: a clause, not a paragraph.
MAX_GAP = 90
PARTICLES = frozenset({"up", "down"})


def figure_of(slots: ClaimSlots, span: tuple[int, int]) -> Quantity | None:
    """The figure the direction word at ``span`` moves (None when none follows it closely)."""
    cues = sorted(hit.start for pole, hit, _ in slots.poles if pole.group == "quantity" and hit.start >= span[1])
    limit = min([span[1] + MAX_GAP] + cues)
    return next((q for q in slots.quantities if span[1] <= q.start < limit), None)


def _bare(slots: ClaimSlots, span: tuple[int, int], figure: Quantity | None) -> bool:
    """A particle ("up", "down") that is not right before its figure."""
    if slots.text[span[0]:span[1]].lower() not in PARTICLES:
        return False
    return figure is None or slots.text[span[1]:figure.start].strip() != ""


def moves_other_figures(a: ClaimSlots, b: ClaimSlots, a_span: tuple[int, int], b_span: tuple[int, int]) -> bool:
    """Whether two opposite direction words are about different figures (or one is no direction word)."""
    qa, qb = figure_of(a, a_span), figure_of(b, b_span)
    if _bare(a, a_span, qa) or _bare(b, b_span, qb):
        return True
    return qa is not None and qb is not None and comparable(qa, qb) and conflicting(qa, qb)

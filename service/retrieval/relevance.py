"""How likely a report is to be *about* a claim: a calibrated probability, not a cosine.

A cosine of 0.5 between an English claim and an Arabic sentence may be the
claim's own fact or another killing reported the same week; a bare cosine
cannot tell, and across languages the scales differ. What tells them apart
is what the two share: the claim's *anchors* (the people, places and
bodies it names, the figures it gives, the weekdays) found again in the
report. The probability is a logistic of the cosine and the share of the
claim's anchors the report repeats, fitted on the development half of the
cross-lingual set (``benchmarks/crosslingual.py --fit``): a report is
"about" the claim when it is the claim's target sentence or a copy of it.

A figure is shared when the report gives the same figure of the same kind:
"30 شخصا" killed elsewhere shares nothing with "200 people" at a procession.
A report that contradicts one figure of the claim still shares the others
(an edit changes one thing), which is why a conflict asks for a shared
anchor (``same_fact``) and not for all of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.claims.entities import same_entity
from service.claims.numbers import comparable, conflicting
from service.claims.slots import ClaimSlots
from service.judge.claim_reasons import named_across_scripts

# Fitted on the dev half (benchmarks/crosslingual_fit.py): 3,900 retrieved reports of 78 claims, 108
# of them the claim's target or a copy of it. ``gap`` is the best report's cosine minus this one's: a
# report far below the best match is another story, whatever its cosine.
WEIGHTS = {"bias": -6.043, "cosine": 8.073, "share": 2.089, "shared_any": -0.07, "gap": -31.645}
# A report below this that repeats none of the claim's names and figures is not listed: an
# unrelated story at a middling cosine (dev: 2,593 of 3,792 other reports dropped, no target).
# Reports that share an anchor stay whatever their probability: a short claim against a small
# store ("Five documents were signed", cosine 0.22) is still about its one report.
SHOW_MIN = 0.1
# "confident" tier: likelier than not about the claim.
CONFIDENT_MIN = 0.5


@dataclass(frozen=True)
class Relevance:
    probability: float
    shared: tuple[str, ...]        # the claim's anchors the report repeats
    anchors: int                   # how many anchors the claim has
    contested: int = 0             # the claim's figures the report gives otherwise (same kind, other value)
    report_anchors: int = 0        # how many the report has: a heading cannot repeat four names
    missing: tuple[str, ...] = ()  # the claim's anchors the report does not repeat
    roles: int = 0                 # roles both name (spokesman, minister): what a person edit keeps
    other_instance: bool = False   # every figure of two or more told otherwise: another day's report

    def why(self, cosine: float) -> str:
        if not self.shared:
            return f"similar wording (cosine {cosine:.2f}); none of the claim's names or figures"
        return f"similar wording (cosine {cosine:.2f}); shares {', '.join(self.shared)}"


def _figures(slots: ClaimSlots) -> list:
    return [q for q in slots.quantities if q.unit is not None or q.is_percent]


def shared_anchors(claim: ClaimSlots, report: ClaimSlots) -> tuple[list[str], list[str]]:
    """The claim's anchors the report names too (a figure: the same figure of the same kind), and the others."""
    theirs, report_figures = [e for e in report.entities if e.kind != "role"], _figures(report)
    shared, missing = [], []
    for e in claim.entities:
        if e.kind != "role":
            (shared if any(same_entity(e, o) for o in theirs) or named_across_scripts(e.text, claim, report)
             else missing).append(e.text)
    for q in _figures(claim):
        same = any(comparable(q, r) and not conflicting(q, r) for r in report_figures)
        (shared if same else missing).append(q.text)
    return list(dict.fromkeys(shared)), list(dict.fromkeys(missing))


def contested_figures(claim: ClaimSlots, report: ClaimSlots) -> int:
    """The claim's figures the report has of the same kind, none of them equal."""
    theirs = _figures(report)
    return sum(1 for q in _figures(claim) if any(comparable(q, r) for r in theirs)
               and all(conflicting(q, r) for r in theirs if comparable(q, r)))


def contested_anchors(claim: ClaimSlots, report: ClaimSlots) -> int:
    """The claim's anchors the report gives otherwise: its figures, and where it says the thing
    happened ("in the Jazan region" against «بمنطقة تبوك»), which an edit changes like a figure."""
    from service.judge.claim_reasons import place_reasons

    return contested_figures(claim, report) + len(place_reasons(claim, report))


def same_fact(found: Relevance, reasons=()) -> bool:
    """Whether a conflict with this report can be believed: it repeats half the claim's anchors or
    more, counting those the conflict's ``reasons`` are about (an edit changes one thing: "in the
    Jazan region" against «بمنطقة تبوك»), or all the claim's anchors are what the report gives
    otherwise ("52,000 fighters signed" against «62 ألف مقاتل»); a claim with no names or figures
    leaves it to the judge's cosine bars. Another sentence of the same story names the team and the
    city, not the camp's length and the match's date. Half is counted of what the report could
    repeat: a heading naming one actor repeats all it can by naming it. An edit changes one thing:
    a report that gives every one of the claim's two or more figures otherwise, and none of them
    as the claim does, is another instance of the template (the market's report of another day,
    another club's bid), not the claim's fact."""
    if found.other_instance:
        return False
    explained = sum(1 for anchor in found.missing if any(anchor in r.claim or r.claim in anchor for r in reasons))
    contested = max(found.contested, explained)
    # Another person in the same role ("spokesman Eric Schultz" against «المتحدث ... جوش إرنست»):
    # the role both give is what says the person is told otherwise, not another fact.
    roles = found.roles if any(r.type == "entity" for r in reasons) else 0
    matched = len(found.shared) + contested + roles
    needed = min(found.anchors, max(found.report_anchors, 1))
    return found.anchors == contested or (bool(found.shared or roles) and 2 * matched >= needed)


def features(cosine: float, best: float, claim: ClaimSlots, report: ClaimSlots) -> tuple[list[float], list[str], list[str]]:
    """[cosine, share of the claim's anchors, any shared, gap to the best cosine], the shared and missing anchors."""
    shared, missing = shared_anchors(claim, report)
    total = len(shared) + len(missing)
    share = len(shared) / total if total else 0.5        # a claim with no anchors: the cosine decides
    return [cosine, share, float(bool(shared)), best - cosine], shared, missing


def other_instance(claim: ClaimSlots, report: ClaimSlots) -> bool:
    """Two or more of the claim's figures given otherwise, none given as the claim gives it (a
    market's level of another day may sit within rounding of the claim's: near is not the same)."""
    theirs = _figures(report)
    same = [q for q in _figures(claim) if any(comparable(q, r) and abs(q.value - r.value) <= 0.005 * max(abs(q.value), abs(r.value))
                                              for r in theirs)]
    return contested_figures(claim, report) >= 2 and not same


def relevance(cosine: float, best: float, claim: ClaimSlots, report: ClaimSlots) -> Relevance:
    values, shared, missing = features(cosine, best, claim, report)
    w = WEIGHTS
    logit = (w["bias"] + w["cosine"] * values[0] + w["share"] * values[1] + w["shared_any"] * values[2]
             + w["gap"] * values[3])
    return Relevance(1 / (1 + math.exp(-logit)), tuple(shared), len(shared) + len(missing),
                     contested_anchors(claim, report),
                     len([e for e in report.entities if e.kind != "role"]) + len(_figures(report)), tuple(missing),
                     len({r.role_key for r in claim.roles} & {r.role_key for r in report.roles}),
                     other_instance(claim, report))

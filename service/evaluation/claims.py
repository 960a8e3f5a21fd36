"""Scoring a claims file and a pairs file in the shared/eval format.

A claim passes when each expected group is found in the top five of its own
list (supporting or conflicting, conflicting items with a reason), no
expected text lands in the other list, nothing comes from boilerplate, and
`none` claims get two empty lists. A pairs file lists contradictions the
alignment job must flag (with a fitting type), pairs it must not flag, and
boilerplate that must never appear.
"""

from __future__ import annotations

import json
from pathlib import Path

from service.context import Context
from service.errors import InputError
from service.pipeline.jsonlines import iter_json_lines
from service.retrieval.check import check_claim
from service.store.findings import list_contradictions

TOP = 5


def _hits(groups: list[list[str]], items: list[dict]) -> list[bool]:
    return [any(any(s in item["sentence"] for s in group) for item in items) for group in groups]


def score_claim(case: dict, result: dict, boilerplate: list[str]) -> list[str]:
    """The reasons a claim fails (empty when it passes)."""
    supporting, conflicting = result["supporting"][:TOP], result["conflicting"][:TOP]
    problems = []
    if case.get("none") and (supporting or conflicting):
        problems.append("expected nothing, got results")
    for group, found in zip(case["supporting"], _hits(case["supporting"], supporting)):
        problems += [] if found else [f"supporting not found: {group[0]}"]
    for group, found in zip(case["conflicting"], _hits(case["conflicting"], conflicting)):
        problems += [] if found else [f"conflicting not found: {group[0]}"]
    if any(_hits(case["supporting"], conflicting)) or any(_hits(case["conflicting"], supporting)):
        problems.append("expected text in the wrong list")
    if any(not item.get("reasons") for item in conflicting):
        problems.append("a conflicting item without a reason")
    if any(b in item["sentence"] for item in supporting + conflicting for b in boilerplate):
        problems.append("boilerplate in the results")
    return problems


def read_claims(path: Path) -> list[dict]:
    cases = []
    for item in iter_json_lines(path.read_text(encoding="utf-8"), source=str(path)):
        if isinstance(item, InputError):
            raise item
        number, case = item
        if not isinstance(case, dict) or not isinstance(case.get("claim"), str):
            raise InputError("expected an object with a 'claim' string", source=str(path), line=number)
        cases.append({"supporting": [], "conflicting": [], **case})
    return cases


def evaluate_claims(ctx: Context, path: Path, boilerplate: list[str] | None = None) -> dict:
    rows = []
    for case in read_claims(path):
        problems = score_claim(case, check_claim(ctx, case["claim"], top_k=TOP), boilerplate or [])
        rows.append({"id": case.get("id"), "passed": not problems, "problems": problems})
    passed = sum(r["passed"] for r in rows)
    return {"claims": len(rows), "passed": passed, "pass_rate": passed / max(len(rows), 1),
            "failing": [r for r in rows if not r["passed"]]}


def evaluate_pairs(ctx: Context, path: Path) -> dict:
    spec = json.loads(path.read_text(encoding="utf-8"))
    with ctx.db.session() as session:
        # Flagged at either tier: the dev contradiction is worded apart (cosine 0.40), which the
        # judge keeps as "possible"; the must-not pairs must not be flagged at any tier.
        flagged = list_contradictions(session, tier="all", limit=1_000_000)

    def flagged_pair(a: str, b: str) -> list[dict]:
        return [c for c in flagged if (a in c["a"]["sentence"] and b in c["b"]["sentence"])
                or (b in c["a"]["sentence"] and a in c["b"]["sentence"])]

    must = [{"id": p["id"], "found": bool(hit := flagged_pair(p["a"], p["b"])),
             "type_ok": any(c["type"] == p.get("type") for c in hit) if hit else False}
            for p in spec.get("contradictions", [])]
    must_not = [{"id": p["id"], "flagged": bool(flagged_pair(p["a"], p["b"]))}
                for p in spec.get("not_contradictions", [])]
    leaked = [b for b in spec.get("boilerplate", [])
              if any(b in c[s]["sentence"] for c in flagged for s in ("a", "b"))]
    return {"contradictions": must, "not_contradictions": must_not, "boilerplate_leaked": leaked,
            "flagged_total": len(flagged), "confirmed_total": sum(c["tier"] == "confirmed" for c in flagged),
            "passed": all(m["found"] and m["type_ok"] for m in must)
            and not any(m["flagged"] for m in must_not) and not leaked}

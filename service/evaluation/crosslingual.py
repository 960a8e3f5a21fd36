"""Scoring a cross-lingual claims file: claims in any language against the Arabic reports they are about.

Each line is a claim written about one SaudiNewsNet sentence (its
``target``, by reference: ``service/audit/references.py``), either a
faithful rewording (``relation`` "agree") or an edited version that
conflicts with it (another figure, date, person, place, length, direction,
or a negation; ``edit`` names which), and optionally ``articles`` labelled
agree / disagree / discuss / unrelated. Files in this format are told from
the shared/eval format by their ``target`` field.

Figures, per language pair and per half (development / held-out, split by
the target article's day):

- ``recall_at_5``: the target (or a copy of its text) among the top five
  reports of either list;
- ``conflict_recall``: edited claims whose target is listed as conflicting;
- ``conflict_precision``: of the targets listed as conflicting, the share
  whose claim was edited (a faithful claim's target listed as conflicting is
  a false alarm);
- ``unrelated_shown``: labelled unrelated articles that any listed report
  comes from;
- ``agree_article_top5``: faithful claims with an agreeing article among
  the top five supporting reports;
- ``stance_accuracy``: labelled articles whose by-article stance (among the
  first ``ARTICLES_TOP``; unlisted is unrelated) is the label;
  ``disagree_article_found``: labelled disagreeing articles found so.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from service.audit.references import SentenceRef
from service.errors import InputError
from service.pipeline.jsonlines import iter_json_lines

TOP = 5
COLUMNS = ("recall_at_5", "conflict_recall", "conflict_precision", "faithful_with_any_conflict",
           "unrelated_shown", "agree_article_top5", "stance_accuracy", "disagree_article_found")
# Articles a by-article check lists for scoring: an editor's first screen.
ARTICLES_TOP = 10
RELATIONS = ("agree", "conflict")
STANCES = ("agree", "disagree", "discuss", "unrelated")


def is_crosslingual(path: Path) -> bool:
    """Whether a claims file is in this format (its first claim has a ``target``)."""
    for item in iter_json_lines(path.read_text(encoding="utf-8"), source=str(path)):
        return not isinstance(item, InputError) and isinstance(item[1], dict) and "target" in item[1]
    return False


def read_cases(path: Path) -> list[dict]:
    cases = []
    for item in iter_json_lines(path.read_text(encoding="utf-8"), source=str(path)):
        if isinstance(item, InputError):
            raise item
        number, case = item
        if not isinstance(case, dict) or not isinstance(case.get("claim"), str) or "target" not in case:
            raise InputError("expected an object with 'claim' and 'target'", source=str(path), line=number)
        if case.get("relation") not in RELATIONS:
            raise InputError(f"'relation' must be one of {RELATIONS}", source=str(path), line=number)
        if any(a.get("stance") not in STANCES for a in case.get("articles", [])):
            raise InputError(f"an article 'stance' must be one of {STANCES}", source=str(path), line=number)
        cases.append(case)
    return cases


def resolve_cases(ctx, cases: list[dict]) -> dict:
    """``{"targets": {case id: sentence id}, "articles": {reference article id: stored article id}}``."""
    from sqlalchemy import select

    from service.audit.references import resolve
    from service.store.schema import Article

    refs = {case["id"]: SentenceRef.from_json(case["target"]) for case in cases}
    wanted = {a["article_id"]: a.get("url") for case in cases for a in case.get("articles", [])}
    with ctx.db.session() as session:
        ids = resolve(session, refs.values())
        stored = set(session.scalars(select(Article.id).where(Article.id.in_(list(wanted)))))
        by_url = dict(session.execute(select(Article.url, Article.id).where(
            Article.url.in_([u for u in wanted.values() if u]))).all())
    articles = {a: a if a in stored else by_url.get(u) for a, u in wanted.items()}
    return {"targets": {key: ids.get(ref) for key, ref in refs.items()}, "articles": articles}


def _sentences(items: list[dict]) -> set[int]:
    return {c["sentence_id"] for item in items for c in item.get("copies") or [item]}


def _articles(items: list[dict]) -> set[str]:
    return {c["article_id"] for item in items for c in item.get("copies") or [item]}


def score_case(case: dict, result: dict, target: int | None, articles: dict) -> dict:
    """One claim's figures from its check result (``None``: not applicable to this claim)."""
    supporting, conflicting = result["supporting"][:TOP], result["conflicting"][:TOP]
    listed_conflicting = target in _sentences([i for i in conflicting if i.get("reasons")])
    row = {"id": case["id"], "lang": case["lang"], "half": case["half"], "relation": case["relation"],
           "edit": case.get("edit"), "resolved": target is not None,
           "target_top5": target in _sentences(supporting) | _sentences(conflicting),
           "target_conflicting": listed_conflicting, "any_conflicting": bool(conflicting)}
    labelled = [(articles.get(a["article_id"]), a["stance"]) for a in case.get("articles", [])]
    shown = _articles(supporting) | _articles(conflicting)
    row["unrelated"] = [a in shown for a, stance in labelled if stance == "unrelated"]
    agreeing = {a for a, stance in labelled if stance == "agree"}
    row["agree_article_top5"] = bool(agreeing & _articles(supporting)) if agreeing else None
    predicted = {a["article_id"]: a["stance"] for a in result.get("articles") or []}
    row["stances"] = [(stance, predicted.get(a, "unrelated")) for a, stance in labelled] if "articles" in result else []
    return row


def _share(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def summarise(rows: list[dict]) -> dict:
    conflicts = [r for r in rows if r["relation"] == "conflict"]
    flagged = [r for r in rows if r["target_conflicting"]]
    return {
        "claims": len(rows),
        "recall_at_5": _share([r["target_top5"] for r in rows]),
        "conflict_recall": _share([r["target_conflicting"] for r in conflicts]),
        "conflict_precision": _share([r["relation"] == "conflict" for r in flagged]),
        "faithful_with_any_conflict": _share([r["any_conflicting"] for r in rows if r["relation"] == "agree"]),
        "unrelated_shown": _share([shown for r in rows for shown in r["unrelated"]]),
        "agree_article_top5": _share([r["agree_article_top5"] for r in rows
                                      if r["relation"] == "agree" and r["agree_article_top5"] is not None]),
        "stance_accuracy": _share([truth == guess for r in rows for truth, guess in r["stances"]]),
        "disagree_article_found": _share([guess == "disagree" for r in rows for truth, guess in r["stances"]
                                          if truth == "disagree"]),
    }


def by_group(rows: list[dict]) -> dict:
    """The figures per half, each overall and per language pair (claim language against Arabic)."""
    groups: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        groups[row["half"]]["all"].append(row)
        groups[row["half"]][f"{row['lang']}-ar"].append(row)
    return {half: {pair: summarise(part) for pair, part in sorted(pairs.items())} for half, pairs in sorted(groups.items())}


Runner = Callable[[str], dict]


def evaluate_crosslingual(ctx, path: Path, runner: Runner | None = None) -> dict:
    """Score every claim of ``path`` with ``runner`` (default: ``check`` as the API runs it, by article)."""
    from service.retrieval.check import check_claim

    cases = read_cases(path)
    runner = runner or (lambda claim: check_claim(ctx, claim, top_k=ARTICLES_TOP, by_article=True))
    resolved = resolve_cases(ctx, cases)
    rows, seconds = [], []
    for case in cases:
        started = time.perf_counter()
        result = runner(case["claim"])
        seconds.append(time.perf_counter() - started)
        rows.append(score_case(case, result, resolved["targets"][case["id"]], resolved["articles"]))
    seconds.sort()
    return {"figures": by_group(rows), "unresolved": [r["id"] for r in rows if not r["resolved"]],
            "ms_p50": round(1000 * seconds[len(seconds) // 2], 1) if seconds else None,
            "ms_p95": round(1000 * seconds[int(len(seconds) * 0.95)], 1) if seconds else None,
            "rows": rows}


def bare_cosine(ctx, k: int = 50) -> Runner:
    """The baseline: the five nearest distinct texts by cosine, all listed as supporting, no threshold."""
    from service.retrieval.check import retrieve
    from service.retrieval.wire_copies import group_copies, grouped_json
    from service.models import Evidence
    from service.store.articles import sentence_records

    def run(claim: str) -> dict:
        _, hits = retrieve(ctx, claim, k)
        with ctx.db.session() as session:
            records = sentence_records(session, [i for i, _ in hits])
        evidence = [Evidence(record=records[i], score=s) for i, s in hits if i in records]
        items = [grouped_json(copies, copies[0].to_json()) for copies in group_copies(evidence)[:TOP]]
        return {"claim": claim, "supporting": items, "conflicting": []}

    return run


def figures_table(runs: dict[str, dict]) -> str:
    """A Markdown table of each named run's figures, per half and language pair."""
    lines = ["| run | half | pair | n | " + " | ".join(COLUMNS) + " |", "|---" * (4 + len(COLUMNS)) + "|"]
    for name, run in runs.items():
        for half, pairs in run["figures"].items():
            for pair, f in pairs.items():
                cells = ["-" if f[c] is None else f"{f[c]:.2f}" for c in COLUMNS]
                lines.append(f"| {name} | {half} | {pair} | {f['claims']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)

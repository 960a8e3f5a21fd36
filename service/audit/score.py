"""``factalign audit score``: how the store's current output fares against labels read by people.

Labels point at sentences by reference (``references.py``), so one label
file scores any store that ingested the same articles, whichever judge
made its rows: a label counts for the pair it names, whatever kind of item
(flag, link, unflagged pair) it was drawn as.

- **Precision of flags**, overall and per type: of the labelled pairs the
  store flags now, the share labelled ``conflict``; per tier when the store
  keeps tiers. With Wilson 95 % intervals and the share of flags labelled
  (a precision over 5 % of the flags says little about the other 95 %).
- **Precision of links**: of the labelled pairs the store links (agree
  edges that passed the link bar), the share labelled ``same_claim``.
- **Recall**: of the pairs labelled ``conflict``, the share flagged now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from service.audit.references import LABELS, SentenceRef, resolve
from service.errors import InputError
from service.evaluation.metrics import wilson_interval
from service.store.articles import sentence_records
from service.store.schema import ClaimLink, Contradiction


def read_labels(rows: Iterable[Mapping], days: set[str] | None = None) -> list[dict]:
    """The labelled rows (label set), restricted to ``days``; an unknown label is an error."""
    kept = []
    for number, row in enumerate(rows, 1):
        label = (row.get("label") or "").strip()
        if not label:
            continue
        if label not in LABELS:
            raise InputError(f"label {number}: {label!r} is not one of {', '.join(LABELS)}")
        if days is None or row.get("day") in days:
            kept.append({**row, "label": label,
                         "refs": (SentenceRef.from_json(row["a"]), SentenceRef.from_json(row["b"]))})
    return kept


def proportion(hits: int, total: int) -> dict:
    low, high = wilson_interval(hits, total)
    return {"hits": hits, "n": total, "precision": round(hits / total, 4) if total else None,
            "wilson_low": round(low, 4), "wilson_high": round(high, 4)}


def score(session: Session, labelled: list[dict], *, days: set[str] | None = None) -> dict:
    ids = resolve(session, [ref for row in labelled for ref in row["refs"]])
    truth: dict[tuple[int, int], str] = {}
    for row in labelled:
        a, b = (ids.get(ref) for ref in row["refs"])
        if a is not None and b is not None and a != b:
            truth[(min(a, b), max(a, b))] = row["label"]
    flags = _flags(session, days)
    links = {tuple(r) for r in session.execute(select(ClaimLink.a_id, ClaimLink.b_id)
                                               .where(ClaimLink.same_claim.is_(True)))}
    return {
        "labels": len(labelled), "labels_found_in_store": len(truth),
        "flags": _flag_scores(flags, truth),
        "links": proportion(sum(truth[p] == "same_claim" for p in links if p in truth),
                            sum(p in truth for p in links)),
        "recall": _recall(flags, truth),
        "flags_per_day": dict(sorted(Counter(day for _, _, day in flags.values()).items())),
    }


def _flags(session: Session, days: set[str] | None) -> dict[tuple[int, int], tuple[str, str, str | None]]:
    """(a, b) -> (type, tier, day) of the stored contradictions published on ``days``."""
    rows = session.execute(select(Contradiction.a_id, Contradiction.b_id, Contradiction.type,
                                  Contradiction.tier)).all()
    records = sentence_records(session, sorted({i for r in rows for i in r[:2]}))
    found = {}
    for a, b, kind, tier in rows:
        dates = [r.published_at for r in (records.get(a), records.get(b)) if r and r.published_at]
        day = max(dates).isoformat() if dates else None
        if days is None or day in days:
            found[(a, b)] = (kind, tier, day)
    return found


def _flag_scores(flags: dict, truth: dict) -> dict:
    result = {}
    for tier in sorted({tier for _, tier, _ in flags.values()}):
        chosen = {p: v for p, v in flags.items() if v[1] == tier}
        labelled = [p for p in chosen if p in truth]
        per_type = {}
        for kind in sorted({v[0] for v in chosen.values()}):
            of_kind = [p for p in labelled if chosen[p][0] == kind]
            per_type[kind] = {**proportion(sum(truth[p] == "conflict" for p in of_kind), len(of_kind)),
                              "flags": sum(v[0] == kind for v in chosen.values())}
        result[tier] = {**proportion(sum(truth[p] == "conflict" for p in labelled), len(labelled)),
                        "flags": len(chosen), "labelled_share": round(len(labelled) / len(chosen), 4) if chosen else 0,
                        "by_type": per_type}
    return result


def _recall(flags: dict, truth: dict) -> dict:
    conflicts = [p for p, label in truth.items() if label == "conflict"]
    result = {"any": proportion(sum(p in flags for p in conflicts), len(conflicts))}
    for tier in sorted({tier for _, tier, _ in flags.values()}):
        result[tier] = proportion(sum(p in flags and flags[p][1] == tier for p in conflicts), len(conflicts))
    return result


def format_score(result: dict) -> str:
    lines = [f"labels: {result['labels']} ({result['labels_found_in_store']} pairs found in this store)", "",
             "| flags | tier | labelled / flagged | precision | Wilson 95% |", "|---|---|---|---|---|"]
    for tier, block in result["flags"].items():
        lines.append(_row("all", tier, block))
        lines += [_row(kind, tier, item) for kind, item in block["by_type"].items()]
    links, recall = result["links"], result["recall"]["any"]
    lines += ["", f"links: {_share(links)} same claim", f"recall of labelled conflicts: {_share(recall)} flagged",
              f"flags per day: {result['flags_per_day']}"]
    return "\n".join(lines)


def _row(kind: str, tier: str, item: dict) -> str:
    return (f"| {kind} | {tier} | {item['n']} / {item['flags']} | {item['precision']} | "
            f"{item['wilson_low']:.2f}–{item['wilson_high']:.2f} |")


def _share(item: dict) -> str:
    return f"{item['hits']}/{item['n']} ({item['precision']}, Wilson {item['wilson_low']:.2f}–{item['wilson_high']:.2f})"

"""Claim clusters, old and new, side by side on SaudiNewsNet days; the link bar on the labelled pairs.

    python benchmarks/clusters.py --home HOME --days 2015-07-22 2015-07-23 2015-07-24
    python benchmarks/clusters.py --home HOME --no-ingest      # a store that ingested and aligned already

Ingests the days' zips from ``../shared/data/saudinewsnet`` into HOME and
aligns them (skipped with ``--no-ingest``), then on the same store, in one
run:

- **old**: the connected components of every agree edge (what
  ``clustering.py`` did before issue 21: links at the judge's cosine floor,
  union-find);
- **new**: the link bar read again on every edge and the claim clusters and
  stories placed from scratch (``recluster(full=True)``), timed;

and prints a table: clusters, the largest cluster's share of the clustered
sentences (target at most 1 %), the size distribution, the stage's time.
Then the link bar is scored on every labelled pair in ``benchmarks/labels``
that this store holds (development and held-out days apart, as in
``audit_judge.py``). Results go to ``benchmarks/results/clusters.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DATA = REPO.parent / "shared" / "data" / "saudinewsnet"
RESULTS = REPO / "benchmarks" / "results"
LABELS = REPO / "benchmarks" / "labels"
DEV_DAYS = frozenset({"2015-07-22", "2015-07-24", "2015-07-26", "2015-07-31"})
HELD_OUT_DAYS = frozenset({"2015-07-23", "2015-07-25", "2015-07-27", "2015-08-01"})
BUCKETS = ((2, 2), (3, 3), (4, 5), (6, 10), (11, 20), (21, 50), (51, 100), (101, 1000), (1001, 10 ** 9))


def sizes_summary(groups: list[int]) -> dict:
    """Count, largest share of the grouped items, and the size distribution of groups of two or more."""
    sizes = sorted((s for s in groups if s >= 2), reverse=True)
    total = sum(sizes)
    distribution = {(f"{low}" if low == high else f"{low}-{high if high < 10 ** 9 else '…'}"):
                    sum(low <= s <= high for s in sizes) for low, high in BUCKETS}
    return {"groups": len(sizes), "grouped": total, "largest": sizes[0] if sizes else 0,
            "largest_share": round(sizes[0] / total, 4) if total else 0.0, "top10": sizes[:10],
            "distribution": {k: v for k, v in distribution.items() if v}}


def old_components(session) -> tuple[dict, float]:
    """The pre-issue-21 clusters: connected components of every agree edge, by union-find."""
    from sqlalchemy import select

    from service.store.schema import ClaimLink

    started = time.perf_counter()
    parent: dict[int, int] = {}

    def find(item: int) -> int:
        root = parent.setdefault(item, item)
        while root != parent[root]:
            root = parent[root]
        while item != root:                      # path compression
            parent[item], item = root, parent[item]
        return root

    for a_id, b_id in session.execute(select(ClaimLink.a_id, ClaimLink.b_id)):
        parent[find(a_id)] = find(b_id)
    groups = Counter(find(item) for item in list(parent))
    return sizes_summary(list(groups.values())), round(time.perf_counter() - started, 3)


def new_clusters(ctx) -> tuple[dict, dict, float]:
    """The link bar and the placement from scratch, timed; (claims, stories, seconds)."""
    from sqlalchemy import func, select, update

    from service.jobs.clustering import recluster
    from service.store.schema import ArticleStory, ClaimLink, ClusterMember

    with ctx.db.session() as session:
        session.execute(update(ClaimLink).values(same_claim=None))    # the bar is read again, and timed
    started = time.perf_counter()
    recluster(ctx.db, ctx.encoder.name, full=True)
    seconds = round(time.perf_counter() - started, 3)
    with ctx.db.session() as session:
        claims = [n for _, n in session.execute(select(ClusterMember.cluster_id, func.count())
                                                .group_by(ClusterMember.cluster_id))]
        stories = [n for _, n in session.execute(select(ArticleStory.story_id, func.count())
                                                 .group_by(ArticleStory.story_id))]
        links = session.scalar(select(func.count()).select_from(ClaimLink).where(ClaimLink.same_claim.is_(True)))
        edges = session.scalar(select(func.count()).select_from(ClaimLink))
    return {**sizes_summary(claims), "same_claim_links": links, "agree_edges": edges}, sizes_summary(stories), seconds


def incremental_day(ctx) -> dict:
    """The cluster stage placing the last day on top of the others (timed), against a full re-run."""
    from sqlalchemy import func, select

    from service.jobs import pairing
    from service.jobs.clustering import recluster
    from sqlalchemy import update

    from service.store.schema import Article, ArticleStory, ClaimLink, ClusterMember, Sentence

    with ctx.db.session() as session:
        last_day = session.scalar(select(func.max(Article.published_at)))
        before = session.scalar(select(func.max(Sentence.id)).join(Article, Article.id == Sentence.article_id)
                                .where(Article.published_at < last_day))
    paired = ctx.db.get_meta(pairing.WATERMARK)

    def rows() -> tuple[set, set]:
        with ctx.db.session() as session:
            return (set(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)).all()),
                    set(session.execute(select(ArticleStory.article_id, ArticleStory.story_id)).all()))

    ctx.db.set_meta(pairing.WATERMARK, str(before))
    recluster(ctx.db, ctx.encoder.name, full=True)               # every day but the last
    ctx.db.set_meta(pairing.WATERMARK, paired)
    with ctx.db.session() as session:            # the night reads its own edges' link bar too
        session.execute(update(ClaimLink).where(ClaimLink.b_id > before).values(same_claim=None))
    started = time.perf_counter()
    recluster(ctx.db, ctx.encoder.name)                          # the night of the last day
    seconds = round(time.perf_counter() - started, 3)
    nightly = rows()
    recluster(ctx.db, ctx.encoder.name, full=True)
    full = rows()
    return {"day": str(last_day), "seconds": seconds, "members_differing": len(nightly[0] ^ full[0]),
            "stories_differing": len(nightly[1] ^ full[1]), "equal_to_full_rerun": nightly == full}


def link_bar_on_labels(ctx) -> dict:
    """The store's links against every labelled pair that is one of its agree edges: precision
    of the links (edges that passed the bar) and their recall of the edges labelled same_claim."""
    from sqlalchemy import select

    from service.audit.references import resolve
    from service.audit.score import proportion, read_labels
    from service.store.schema import ClaimLink

    labelled = read_labels(json.loads(line) for path in sorted(LABELS.glob("saudinewsnet-*.jsonl"))
                           for line in path.read_text(encoding="utf-8").splitlines() if line)
    labelled = [row for row in labelled if row["kind"] in ("flag", "link", "pair")]
    with ctx.db.session() as session:
        ids = resolve(session, [ref for row in labelled for ref in row["refs"]])
        edges = {(a, b): bool(same) for a, b, same in session.execute(
            select(ClaimLink.a_id, ClaimLink.b_id, ClaimLink.same_claim))}
    result = {}
    for name, days in (("dev", DEV_DAYS), ("held_out", HELD_OUT_DAYS)):
        linked, edge_labels = [], []
        for row in (r for r in labelled if r["day"] in days):
            a, b = (ids.get(ref) for ref in row["refs"])
            pair = (min(a, b), max(a, b)) if a is not None and b is not None else None
            if pair not in edges:
                continue
            edge_labels.append(row["label"])
            if edges[pair]:
                linked.append(row["label"])
        result[name] = {"precision": proportion(linked.count("same_claim"), len(linked)),
                        "recall": proportion(linked.count("same_claim"), edge_labels.count("same_claim")),
                        "linked_labels": dict(Counter(linked)), "edge_labels": dict(Counter(edge_labels))}
    return result


def ingest_and_align(ctx, days: list[str]) -> dict:
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths

    paths = [DATA / f"{day}.zip" for day in days]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"missing: {', '.join(missing)}")
    s = ctx.settings
    started = time.perf_counter()
    ingest_paths(ctx.db, paths, max_bytes=s.max_article_bytes, max_chars=s.max_sentence_chars)
    stages: dict[str, float] = {}
    clock = {"stage": None, "at": time.perf_counter()}

    def progress(state: dict) -> None:
        if state["stage"] != clock["stage"]:
            now = time.perf_counter()
            if clock["stage"]:
                stages[clock["stage"]] = round(stages.get(clock["stage"], 0) + now - clock["at"], 2)
            clock.update(stage=state["stage"], at=now)

    report = run_align(ctx.db, ctx.settings, on_progress=progress)
    return {"seconds": round(time.perf_counter() - started, 1), "stages_s": stages, **report.to_json()}


def print_table(result: dict) -> None:
    old, new = result["old"], result["new"]
    rows = [("clusters (2+ sentences)", old["groups"], new["groups"]),
            ("sentences in clusters", old["grouped"], new["grouped"]),
            ("largest cluster", old["largest"], new["largest"]),
            ("largest share of clustered", f"{old['largest_share']:.2%}", f"{new['largest_share']:.2%}"),
            ("top 10 sizes", old["top10"], new["top10"]),
            ("links", result["edges"], new["same_claim_links"]),
            ("cluster stage s", result["old_seconds"], result["new_seconds"])]
    print("| | old (components of agree edges) | new (centroid assignment) |\n|---|---|---|")
    for name, a, b in rows:
        print(f"| {name} | {a} | {b} |")
    print(f"\nsize distribution old: {old['distribution']}\nsize distribution new: {new['distribution']}")
    stories = result["stories"]
    print(f"stories (2+ articles): {stories['groups']}, largest {stories['largest']} articles "
          f"({stories['largest_share']:.2%}), distribution {stories['distribution']}")
    inc = result["incremental"]
    print(f"incremental cluster stage for {inc['day']}: {inc['seconds']} s; equal to a full re-run: "
          f"{inc['equal_to_full_rerun']} ({inc['members_differing']} member and {inc['stories_differing']} "
          f"story rows differ)")
    for half, item in result["link_bar_on_labels"].items():
        p, r = item["precision"], item["recall"]
        print(f"link bar, {half} labelled pairs: precision {p['hits']}/{p['n']} "
              f"(Wilson {p['wilson_low']:.2f}-{p['wilson_high']:.2f}), recall {r['hits']}/{r['n']}; "
              f"linked labels {item['linked_labels']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--days", nargs="+", default=["2015-07-22", "2015-07-23", "2015-07-24"])
    parser.add_argument("--no-ingest", action="store_true", help="the store ingested and aligned already")
    parser.add_argument("--out", type=Path, default=RESULTS / "clusters.json")
    parser.add_argument("--note", help="what the machine was doing, kept in the results")
    args = parser.parse_args()
    from service.config import load_settings
    from service.context import Context

    ctx = Context(load_settings(home=args.home))
    result = {"days": args.days, "note": args.note,
              "align": None if args.no_ingest else ingest_and_align(ctx, args.days)}
    with ctx.db.session() as session:
        result["old"], result["old_seconds"] = old_components(session)
    result["new"], result["stories"], result["new_seconds"] = new_clusters(ctx)
    result["edges"] = result["new"]["agree_edges"]
    result["incremental"] = incremental_day(ctx)
    result["link_bar_on_labels"] = link_bar_on_labels(ctx)
    print_table(result)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

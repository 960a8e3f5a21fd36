"""Do English, French and Russian sentences join the Arabic claim cluster of the same claim?

    python benchmarks/clusters_crosslingual.py --home /tmp/fa-xl-clusters [--distractors 100] [--recluster]

The faithful claims of ``benchmarks/labels/crosslingual-claims.jsonl`` (our
own translations and paraphrases of one Arabic SaudiNewsNet sentence each)
are stored as one-sentence articles of an outlet per language, published on
their target's day, beside the referenced articles and same-day distractors
from ``../shared/data/saudinewsnet``. After ``align``, each claim sentence
should sit in its target's claim cluster, and its article in the target
article's story. Prints the share per language and half; writes
``benchmarks/results/clusters_crosslingual.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
LABELS = REPO / "benchmarks" / "labels" / "crosslingual-claims.jsonl"
DATA = REPO.parent / "shared" / "data" / "saudinewsnet"
RESULTS = REPO / "benchmarks" / "results"


def claim_articles(cases: list[dict]) -> list[dict]:
    return [{"id": f"xl-{case['id']}", "text": case["claim"], "outlet": f"xl-{case['lang']}", "language": case["lang"],
             "published_at": case["day"], "title": case["claim"][:60]} for case in cases]


def placements(ctx, cases: list[dict], targets: dict[str, int | None]) -> list[dict]:
    from sqlalchemy import select

    from service.store.schema import ArticleStory, ClusterMember, Sentence

    with ctx.db.session() as session:
        cluster = dict(session.execute(select(ClusterMember.sentence_id, ClusterMember.cluster_id)).all())
        story = dict(session.execute(select(ArticleStory.article_id, ArticleStory.story_id)).all())
        own = dict(session.execute(select(Sentence.article_id, Sentence.id).where(
            Sentence.article_id.in_([f"xl-{c['id']}" for c in cases]))).all())
        article_of = dict(session.execute(select(Sentence.id, Sentence.article_id).where(
            Sentence.id.in_([t for t in targets.values() if t]))).all())
    rows = []
    for case in cases:
        mine, target = own.get(f"xl-{case['id']}"), targets.get(case["id"])
        in_cluster = mine is not None and target is not None and mine in cluster and cluster.get(target) == cluster[mine]
        my_story, target_story = story.get(f"xl-{case['id']}"), story.get(article_of.get(target))
        rows.append({"id": case["id"], "lang": case["lang"], "half": case["half"], "claim_cluster": bool(in_cluster),
                     "story": bool(my_story and my_story == target_story), "target_found": target is not None})
    return rows


def recluster_from_scratch(ctx) -> None:
    from sqlalchemy import update

    from service.jobs.clustering import recluster
    from service.store.schema import ClaimLink

    with ctx.db.session() as session:
        session.execute(update(ClaimLink).values(same_claim=None))
    recluster(ctx.db, ctx.encoder.name, full=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--distractors", type=int, default=100)
    parser.add_argument("--recluster", action="store_true", help="read the link bar and recluster from scratch")
    args = parser.parse_args()
    from service.config import load_settings
    from service.context import Context
    from service.evaluation.crosslingual import read_cases, resolve_cases
    from service.evaluation.crosslingual_corpus import build_store
    from service.jobs.align import run_align
    from service.jobs.ingest import ingest_paths

    cases = [c for c in read_cases(LABELS) if c["relation"] == "agree"]
    ctx = Context(load_settings(home=args.home))
    build_store(ctx, DATA, cases, args.distractors)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in claim_articles(cases)), encoding="utf-8")
        ingest_paths(ctx.db, [path], max_bytes=ctx.settings.max_article_bytes, max_chars=ctx.settings.max_sentence_chars)
    run_align(ctx.db, ctx.settings)
    if args.recluster:
        recluster_from_scratch(ctx)
    rows = placements(ctx, cases, resolve_cases(ctx, cases)["targets"])
    table: dict[tuple[str, str], dict] = defaultdict(lambda: {"n": 0, "claim_cluster": 0, "story": 0})
    for row in rows:
        for key in ((row["lang"], row["half"]), ("all", row["half"])):
            table[key]["n"] += 1
            table[key]["claim_cluster"] += row["claim_cluster"]
            table[key]["story"] += row["story"]
    print("| language | half | claims | in the target's claim cluster | in the target's story |\n|---|---|---|---|---|")
    for (lang, half), t in sorted(table.items()):
        print(f"| {lang} | {half} | {t['n']} | {t['claim_cluster']} ({t['claim_cluster'] / t['n']:.2f}) "
              f"| {t['story']} ({t['story'] / t['n']:.2f}) |")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "clusters_crosslingual.json").write_text(json.dumps(
        {"distractors": args.distractors, "table": {f"{k[0]}/{k[1]}": v for k, v in table.items()}, "rows": rows},
        indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Count the names a store's sentences carry and write ``service/data/common_names.json``.

    python benchmarks/common_names.py --home HOME --days 2015-07-22 2015-07-24 2015-07-26 2015-07-31

Reads the stored slots of every non-furniture sentence of an article in
``--language`` (default Arabic: the news the formulas are of) published on
``--days`` (default: the development days of ``audit_judge.py``; the file
that ships was counted on the store of ``benchmarks/clusters_crosslingual.py``,
its development days only) and keeps the keys named by at least half of
``common_names.COMMON_SHARE`` of them, with their counts (see
``service/jobs/common_names.py`` for what the table is for).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DEV_DAYS = ("2015-07-22", "2015-07-24", "2015-07-26", "2015-07-31")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--days", nargs="+", default=list(DEV_DAYS))
    parser.add_argument("--language", default="ar")
    parser.add_argument("--out", type=Path, default=REPO / "service" / "data" / "common_names.json")
    args = parser.parse_args()
    from sqlalchemy import select

    from service.claims.slot_codec import record_slots
    from service.config import load_settings
    from service.context import Context
    from service.jobs.common_names import count_names
    from service.store.articles import sentence_records
    from service.store.schema import Article, Sentence

    ctx = Context(load_settings(home=args.home))
    days = [dt.date.fromisoformat(day) for day in args.days]
    with ctx.db.session() as session:
        ids = list(session.scalars(select(Sentence.id).join(Article, Article.id == Sentence.article_id)
                                   .where(Article.published_at.in_(days), Article.language == args.language,
                                          Sentence.furniture.is_not(True))))
        records = sentence_records(session, ids, with_slots=True)
    counted = count_names(record_slots(records[i]) for i in sorted(records))
    table = {"days": args.days, "language": args.language, **counted}
    args.out.write_text(json.dumps(table, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(table['names'])} names counted over {table['sentences']} sentences: {args.out}")


if __name__ == "__main__":
    main()

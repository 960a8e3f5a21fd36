"""Human-readable output of the CLI (the --json output is the contract)."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from typing import Callable, Iterator

import click


@contextmanager
def progress_bar(label: str, *, enabled: bool = True) -> Iterator[Callable[[int], None]]:
    """A rich progress counter on a terminal; silent elsewhere (logs, CI, pipes)."""
    if not (enabled and sys.stderr.isatty()):
        yield lambda _n: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description} {task.completed}"),
                  TimeElapsedColumn(), transient=True) as progress:
        task = progress.add_task(label, total=None)
        yield lambda n: progress.advance(task, n)


# A folder of a thousand text files without a manifest needs one screen of notes, not a thousand lines.
NOTICES_SHOWN = 5


def count(n: int, noun: str) -> str:
    """``1 contradiction``, ``3 contradictions`` (nouns whose plural adds an s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def print_ingest(report) -> None:
    click.echo(f"read {report.read} articles: {report.added} added, {report.duplicates} already stored; "
               f"{report.sentences} sentences, {report.dropped_lines} boilerplate lines dropped")
    for error in report.errors:
        click.echo(f"  skipped {error.message}", err=True)
    for notice in report.notices[:NOTICES_SHOWN]:
        click.echo(f"  note: {notice.source}: {notice.message}", err=True)
    if len(report.notices) > NOTICES_SHOWN:
        click.echo(f"  note: {len(report.notices) - NOTICES_SHOWN} more files like these (--json lists them all)",
                   err=True)


def _evidence_line(item: dict) -> str:
    date = item.get("published_at") or "date unknown"
    return f"  [{item['score']:.2f} {item['tier']}] {item['outlet']}, {date}: {item['sentence']}"


def _copies_line(item: dict) -> str | None:
    """Wire copy: the other outlets that carried the same text, so one report is not read as five."""
    others = [c for c in item.get("copies", []) if c["article_id"] != item["article_id"]]
    if not others:
        return None
    where = ", ".join(f"{c['outlet']} ({c['published_at'] or 'date unknown'})" for c in others)
    return f"      the same text in {count(len(item['outlets']), 'outlet')}: also {where}"


def print_check(result: dict, empty_hint: str = "nothing in the store talks about this claim") -> None:
    click.echo(f"claim: {result['claim']}")
    for key in ("supporting", "conflicting"):
        items = result[key]
        click.echo(f"{key} ({len(items)}):")
        for item in items:
            click.echo(_evidence_line(item))
            copies = _copies_line(item)
            if copies:
                click.echo(copies)
            for reason in item.get("reasons", []):
                click.echo(f"      {reason['type']}: {reason['claim']} ≠ {reason['evidence']}")
    if not result["supporting"] and not result["conflicting"]:
        click.echo(f"  {empty_hint}")
    if "articles" in result:
        click.echo(f"articles ({len(result['articles'])}):")
        for article in result["articles"]:
            click.echo(f"  {article['stance']:8} {article['outlet']}, {article['published_at'] or 'date unknown'}: "
                       f"{article['title'] or article['article_id']}")
            for sentence in article["sentences"][:1]:
                click.echo(f"      {sentence['verdict']} ({sentence['score']:.2f}): {sentence['sentence']}")


def print_eval(result: dict) -> None:
    if "claims" in result:
        claims = result["claims"]
        click.echo(f"claims: {claims['passed']}/{claims['claims']} passed ({claims['pass_rate']:.1%})")
        for row in claims["failing"]:
            click.echo(f"  FAIL {row['id']}: {'; '.join(row['problems'])}")
    if "pairs" in result:
        pairs = result["pairs"]
        click.echo(f"pairs: {'passed' if pairs['passed'] else 'FAILED'}; {pairs['flagged_total']} pairs flagged in all, "
                   f"{pairs.get('confirmed_total', 0)} confirmed")
        for row in pairs["contradictions"]:
            click.echo(f"  {row['id']}: {'flagged' if row['found'] else 'MISSED'}"
                       f"{'' if row['type_ok'] or not row['found'] else ' (other type)'}")
        for row in pairs["not_contradictions"]:
            click.echo(f"  {row['id']}: {'WRONGLY flagged' if row['flagged'] else 'not flagged (right)'}")
        if pairs["boilerplate_leaked"]:
            click.echo(f"  boilerplate leaked: {pairs['boilerplate_leaked']}")
    if "crosslingual" in result:
        from service.evaluation.crosslingual import figures_table

        run = result["crosslingual"]
        click.echo(figures_table({"check": run}))
        click.echo(f"check p50 {run['ms_p50']} ms, p95 {run['ms_p95']} ms; unresolved targets: {run['unresolved']}")
    for key in ("ans", "ans_compare", "sts"):
        if key in result:
            click.echo(f"{key}: {json.dumps(result[key], ensure_ascii=False)}")


def print_contradiction(item: dict) -> None:
    tier = f" ({item['tier']})" if item.get("tier") == "possible" else ""
    copies = f", carried by {item['source_count']} pairs of outlets" if item.get("source_count", 1) > 1 else ""
    click.echo(f"#{item['id']} {item['type']}{tier}{copies}:")
    for side in ("a", "b"):
        s = item[side]
        click.echo(f"  {s['outlet']}, {s['published_at'] or 'date unknown'}: {s['sentence']}")
    for reason in item["reasons"]:
        click.echo(f"    {reason['type']}: {reason['claim']} ≠ {reason['evidence']}")

"""The commands of ``factalign`` (the group and its options live in cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from service.cli import _dump, cli, handle_errors
from service.cli_output import print_check, print_ingest, progress_bar
from service.context import Context
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.retrieval.check import check_claim


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@click.pass_obj
@handle_errors
def ingest(ctx: Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Read articles from files and folders (.txt .html .json .jsonl .zip).

    A manifest.jsonl in a folder gives outlet, language, published_at, title
    and url for the files beside it. Re-ingesting an article changes nothing.

    \b
    Example:
      factalign ingest seeds/ extra/articles.jsonl
    """
    s = ctx.settings
    with progress_bar("ingest", enabled=not as_json) as advance:
        report = ingest_paths(ctx.db, list(paths), max_bytes=s.max_article_bytes,
                              max_chars=s.max_sentence_chars, progress=advance)
    _dump(report.to_json()) if as_json else print_ingest(report)
    if report.errors and not report.read:
        sys.exit(2)


@cli.command()
@click.option("--rebuild-index", is_flag=True, help="rebuild the vector index from the stored vectors")
@click.option("--reembed", is_flag=True, help="re-embed everything with the configured model")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@handle_errors
def align(ctx: Context, rebuild_index: bool, reembed: bool, as_json: bool) -> None:
    """Embed and index what is new since the last run (the nightly job).

    Safe to interrupt and re-run: finished batches are kept.

    \b
    Example:
      factalign align --rebuild-index
    """
    with progress_bar("embed", enabled=not as_json) as advance:
        report = run_align(ctx.db, ctx.settings, rebuild_index=rebuild_index, reembed=reembed, progress=advance)
    if as_json:
        _dump(report.to_json())
    else:
        click.echo(f"encoded {report.encoded} new sentences with {report.encoder}; "
                   f"index holds {report.index_size} ({report.indexed} added) in {report.seconds:.1f}s")


@cli.command()
@click.argument("claim", required=False)
@click.option("--top", "top_k", default=5, show_default=True, help="how many reports per list")
@click.option("--json", "as_json", is_flag=True, help="print the check JSON")
@click.option("--batch", type=click.File("r", encoding="utf-8"), help="JSONL file of {\"claim\": ...}")
@click.pass_obj
@handle_errors
def check(ctx: Context, claim: str | None, top_k: int, as_json: bool, batch) -> None:
    """Reports that support or conflict with CLAIM (any language).

    \b
    Examples:
      factalign check "Russia and Turkey brokered the ceasefire"
      factalign check "Le cessez-le-feu entre en vigueur à minuit" --json
      factalign check --batch claims.jsonl > results.jsonl
    """
    if batch is not None:
        from service.jobs.batch import run_batch

        run_batch(batch, lambda rec: check_claim(ctx, rec["claim"], top_k=rec.get("top_k", top_k)), "claim")
        return
    if not claim:
        raise click.UsageError("give a CLAIM or --batch FILE")
    result = check_claim(ctx, claim, top_k=top_k)
    _dump(result) if as_json else print_check(result)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@handle_errors
def jobs(ctx: Context, as_json: bool) -> None:
    """Recent job runs with their counts and errors."""
    from service.store.jobs import list_jobs

    runs = list_jobs(ctx.db)
    if as_json:
        _dump({"jobs": runs})
        return
    for run in runs:
        click.echo(f"#{run['id']} {run['kind']} {run['state']} {run['started_at']} "
                   f"{json.dumps(run['counts'], ensure_ascii=False)} {run['error'] or ''}")


@cli.command()
@click.option("--seeds", type=click.Path(path_type=Path, exists=True), help="folder of articles (default: bundled seeds)")
@click.pass_obj
@handle_errors
def demo(ctx: Context, seeds: Path | None) -> None:
    """Ingest the bundled seed articles, align them and run three example checks."""
    from service.demo import run_demo

    run_demo(ctx, seeds)

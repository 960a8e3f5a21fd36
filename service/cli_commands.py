"""The commands of ``factalign`` (the group and its options live in cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from service.cli import _dump, cli, handle_errors
from service.cli_output import print_check, print_contradiction, print_ingest, progress_bar
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


@cli.command()
@click.argument("a", required=False)
@click.argument("b", required=False)
@click.option("--json", "as_json", is_flag=True, help="print the compare JSON")
@click.option("--batch", type=click.File("r", encoding="utf-8"), help="JSONL file of {\"a\": ..., \"b\": ...}")
@click.pass_obj
@handle_errors
def compare(ctx: Context, a: str | None, b: str | None, as_json: bool, batch) -> None:
    """Judge one pair of sentences: agree, conflict or unrelated, with reasons.

    \b
    Examples:
      factalign compare "62,000 fighters signed" "وقعت فصائل تمثل 52 ألف مقاتل"
      factalign compare --batch pairs.jsonl
    """
    from service.retrieval.compare import compare_pair

    if batch is not None:
        from service.jobs.batch import run_batch

        run_batch(batch, lambda rec: compare_pair(ctx, rec["a"], rec["b"]), ("a", "b"))
        return
    if not (a and b):
        raise click.UsageError("give two sentences A and B, or --batch FILE")
    result = compare_pair(ctx, a, b)
    if as_json:
        _dump(result)
        return
    click.echo(f"{result['verdict']} (similarity {result['similarity']:.2f}; {result['event']})")
    for reason in result["reasons"]:
        click.echo(f"  {reason['type']}: {reason['claim']} ≠ {reason['evidence']}")


@cli.command()
@click.option("--type", "type_", help="only this reason type (number, date, scope, ...)")
@click.option("--outlet", help="only pairs with this outlet on one side")
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@handle_errors
def contradictions(ctx: Context, type_: str | None, outlet: str | None, limit: int, as_json: bool) -> None:
    """Pairs of reports the alignment job flagged as contradicting each other.

    \b
    Example:
      factalign contradictions --type number --json
    """
    from service.store.findings import list_contradictions

    with ctx.db.session() as session:
        items = list_contradictions(session, type_=type_, outlet=outlet, limit=limit)
    if as_json:
        _dump({"contradictions": items})
        return
    for item in items:
        print_contradiction(item)
    if not items:
        click.echo("no contradictions recorded (run `factalign align` after ingesting)")


@cli.command()
@click.option("--limit", default=100, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@handle_errors
def clusters(ctx: Context, limit: int, as_json: bool) -> None:
    """Groups of sentences that say the same thing across outlets and languages."""
    from service.store.findings import list_clusters

    with ctx.db.session() as session:
        items = list_clusters(session, limit=limit)
    if as_json:
        _dump({"clusters": items})
        return
    for item in items:
        click.echo(f"cluster {item['id']}: {len(item['members'])} sentences, "
                   f"{item['independent_sources']} independent outlets")
        for member in item["members"]:
            click.echo(f"  {member['outlet']}, {member['published_at'] or 'date unknown'}: {member['sentence']}")


@cli.command("eval")
@click.argument("claims", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--pairs", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="pairs file: contradictions to flag, pairs never to flag, boilerplate")
@click.option("--ans", type=click.Path(path_type=Path, exists=True), help="ANS split CSV: agree/disagree P/R/F1")
@click.option("--sts", type=click.Path(path_type=Path, exists=True), help="STS 2017 JSONL: encoder Spearman")
@click.option("--json", "as_json", is_flag=True)
@click.pass_obj
@handle_errors
def evaluate(ctx: Context, claims: Path | None, pairs: Path | None, ans: Path | None, sts: Path | None,
             as_json: bool) -> None:
    """Score claims (shared/eval format) against the store, and the judge on public data.

    \b
    Examples:
      factalign demo && factalign eval ../shared/eval/dev_claims.jsonl --pairs ../shared/eval/dev_pairs.json
      factalign eval --ans ../shared/data/ans/dev.csv --sts ../shared/data/sts17/en-ar.jsonl
    """
    from service.cli_output import print_eval
    from service.evaluation.claims import evaluate_claims, evaluate_pairs

    if not any((claims, pairs, ans, sts)):
        raise click.UsageError("give a claims file, --pairs, --ans or --sts")
    boilerplate = json.loads(pairs.read_text(encoding="utf-8")).get("boilerplate", []) if pairs else []
    result = {}
    if claims:
        result["claims"] = evaluate_claims(ctx, claims, boilerplate)
    if pairs:
        result["pairs"] = evaluate_pairs(ctx, pairs)
    if ans:
        from service.evaluation.ans import evaluate_ans

        result["ans"] = evaluate_ans(ans)
    if sts:
        from service.evaluation.sts import evaluate_sts

        result["sts"] = evaluate_sts(sts, ctx.encoder)
    _dump(result) if as_json else print_eval(result)

"""The commands of ``factalign`` (the group and its options live in cli.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from service.cli import _dump, cli, handle_errors
from service.cli_output import count, print_check, print_ingest
from service.context import Context
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.pipeline.language import normalize_language
from service.retrieval.check import CheckFilters, check_claim


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
@click.pass_obj
@handle_errors
def ingest(ctx: Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Read articles from files and folders (.txt .html .json .jsonl .zip).

    A manifest.jsonl in a folder gives outlet, language, published_at, title
    and url for the files beside it. Re-ingesting an article changes nothing.

    Streams: one file, zip member and JSON article at a time, with a bar
    over the files read, then over the articles stored.

    \b
    Examples:
      factalign ingest seeds/ extra/articles.jsonl
      factalign ingest ../shared/data/saudinewsnet     # a folder of daily .zip files
    """
    from service.cli_progress import job_progress

    s = ctx.settings
    with job_progress(quiet=as_json) as listener:
        report = ingest_paths(ctx.db, list(paths), max_bytes=s.max_article_bytes,
                              max_chars=s.max_sentence_chars, on_progress=listener)
    _dump(report.to_json()) if as_json else print_ingest(report)
    if report.errors and not report.read:
        sys.exit(2)


@cli.command()
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="judge the articles published on or after this date (YYYY-MM-DD) instead of what is new")
@click.option("--rebuild-index", is_flag=True, help="rebuild the vector index from the stored vectors")
@click.option("--reembed", is_flag=True, help="re-embed everything with the configured model")
@click.option("--json", "as_json", is_flag=True, help="print the run's counts as JSON")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="where embedding and judging run: this process, or Ray (FACTALIGN_RAY_ADDRESS; "
                   "pip install 'factalign[ray]')")
@click.pass_obj
@handle_errors
def align(ctx: Context, since, rebuild_index: bool, reembed: bool, as_json: bool, engine: str) -> None:
    """Embed, index and judge what is new since the last run (the nightly job).

    Safe to kill and re-run at any point: finished batches are kept, and the
    re-run ends where an uninterrupted run would have. One align runs at a
    time; a second one exits with code 2 naming the run that holds the lock.
    Bars on a terminal, key=value log lines on stderr otherwise (cron, systemd).

    \b
    Examples:
      factalign align
      factalign align --since 2015-07-21      # re-judge the articles of that day on
      factalign align --rebuild-index --json
      factalign align --engine ray            # a local Ray, or the cluster at FACTALIGN_RAY_ADDRESS
    """
    from service.cli_progress import job_progress

    with job_progress(quiet=as_json) as listener:
        report = run_align(ctx.db, ctx.settings, rebuild_index=rebuild_index, reembed=reembed,
                           on_progress=listener, since=since.date() if since else None, engine=engine)
    if as_json:
        _dump(report.to_json())
    else:
        click.echo(align_summary(report, rebuilt=rebuild_index or reembed))


def align_summary(report, *, rebuilt: bool) -> str:
    """One line; it says why fewer texts were encoded than sentences indexed (copies share a vector)."""
    copies = report.indexed - report.encoded
    shared = (f", {copies:,} of them copies of a text already encoded, which share its vector"
              if copies > 0 and not rebuilt else "")
    return (f"encoded {count(report.encoded, 'new text')} with {report.encoder}; "
            f"index holds {report.index_size:,} sentences ({report.indexed:,} added{shared}); "
            f"{count(report.judged_pairs, 'pair')} judged, {count(report.contradictions, 'contradiction')}, "
            f"{count(report.clusters, 'cluster')} in {report.seconds:.1f}s")


@cli.command()
@click.argument("claim", required=False)
@click.option("--top", "top_k", default=5, show_default=True, help="how many reports per list")
@click.option("--json", "as_json", is_flag=True, help="print the check JSON")
@click.option("--batch", type=click.File("r", encoding="utf-8"), help="JSONL file of {\"claim\": ...}")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="only reports published on or after (YYYY-MM-DD)")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="only reports published on or before")
@click.option("--outlet", "outlets", multiple=True, help="only this outlet (repeatable)")
@click.option("--language", "languages", multiple=True, help="only this language code (repeatable)")
@click.option("--by-article", is_flag=True,
              help="also judge whole articles: agree, disagree or discuss, from their sentences")
@click.pass_obj
@handle_errors
def check(ctx: Context, claim: str | None, top_k: int, as_json: bool, batch, since, until,
          outlets: tuple[str, ...], languages: tuple[str, ...], by_article: bool) -> None:
    """Reports that support or conflict with CLAIM (any language).

    With --by-article, the top articles too, each with its stance (agree,
    disagree, discuss) and the sentences that decided it; articles with
    nothing about the claim are unrelated and not listed.

    \b
    Examples:
      factalign check "Russia and Turkey brokered the ceasefire"
      factalign check "Le cessez-le-feu entre en vigueur à minuit" --json
      factalign check "62,000 fighters signed" --since 2016-12-01 --outlet "Al Jazeera"
      factalign check "Shell will cut 6,500 jobs" --by-article
      factalign check --batch claims.jsonl > results.jsonl
    """
    filters = CheckFilters(
        since=since.date() if since else None, until=until.date() if until else None,
        outlets=frozenset(outlets) or None,
        languages=frozenset(normalize_language(code) for code in languages) or None,
    )
    if batch is not None:
        from service.jobs.batch import run_batch

        run_batch(batch, lambda rec: check_claim(ctx, rec["claim"], top_k=rec.get("top_k", top_k),
                                                 filters=filters, by_article=rec.get("by_article", by_article)),
                  "claim")
        return
    if not claim:
        raise click.UsageError("give a CLAIM or --batch FILE")
    result = check_claim(ctx, claim, top_k=top_k, filters=filters, by_article=by_article)
    if as_json:
        _dump(result)
    elif result["supporting"] or result["conflicting"]:
        print_check(result)
    else:
        print_check(result, empty_store_hint(ctx) or "nothing in the store talks about this claim")


def empty_store_hint(ctx: Context) -> str | None:
    """Why a check found nothing when the reason is the store, not the claim: it is empty, or not aligned."""
    from sqlalchemy import exists, select

    from service.store.schema import Article
    from service.store.vectors import ENCODER_KEY

    with ctx.db.session() as session:
        has_articles = session.scalar(select(exists().where(Article.id.isnot(None))))
    if not has_articles:
        return "the store is empty: run `factalign ingest PATH...` and then `factalign align`"
    if ctx.db.get_meta(ENCODER_KEY) is None:
        return "nothing in the store is aligned yet: run `factalign align`"
    return None


@cli.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000),
              help="how many runs, newest first")
@click.option("--json", "as_json", is_flag=True, help="print the runs as JSON (as GET /v1/jobs)")
@click.pass_obj
@handle_errors
def jobs(ctx: Context, limit: int, as_json: bool) -> None:
    """Recent job runs: state, progress, counts and errors (the same as GET /v1/jobs).

    \b
    Example:
      factalign jobs --limit 5 --json
    """
    from service.store.jobs import list_jobs

    runs = list_jobs(ctx.db, limit=limit)
    if as_json:
        _dump({"jobs": runs})
        return
    for run in runs:
        progress = run.get("progress") if run["state"] == "running" else None
        at = f"at {progress['stage']} {progress['done']}/{progress['total'] or '?'} " if progress else ""
        click.echo(f"#{run['id']} {run['kind']} {run['state']} {run['started_at']} {at}"
                   f"{json.dumps(run['counts'], ensure_ascii=False)} {run['error'] or ''}")


@cli.command()
@click.option("--seeds", type=click.Path(path_type=Path, exists=True), help="folder of articles (default: bundled seeds)")
@click.pass_obj
@handle_errors
def demo(ctx: Context, seeds: Path | None) -> None:
    """Ingest the bundled seed articles, align them, run three example checks and write the report."""
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


@cli.command("eval")
@click.argument("claims", required=False, type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--pairs", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="pairs file: contradictions to flag, pairs never to flag, boilerplate")
@click.option("--ans", type=click.Path(path_type=Path, exists=True), help="ANS split CSV: agree/disagree P/R/F1")
@click.option("--sts", type=click.Path(path_type=Path, exists=True), help="STS 2017 JSONL: encoder Spearman")
@click.option("--articles", type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="cross-lingual claims: first ingest and align the referenced articles (and same-day "
                   "distractors) from this SaudiNewsNet folder")
@click.option("--distractors", default=400, show_default=True, type=click.IntRange(0),
              help="with --articles: other articles per claim day")
@click.option("--json", "as_json", is_flag=True, help="print the scores as JSON")
@click.pass_obj
@handle_errors
def evaluate(ctx: Context, claims: Path | None, pairs: Path | None, ans: Path | None, sts: Path | None,
             articles: Path | None, distractors: int, as_json: bool) -> None:
    """Score claims against the store, and the judge on public data.

    A claims file is either in the shared/eval format (expected substrings)
    or cross-lingual (each claim with its target sentence by reference and
    a relation, agree or conflict: benchmarks/labels/crosslingual-claims.jsonl);
    the format is told from the file.

    \b
    Examples:
      factalign demo && factalign eval ../shared/eval/dev_claims.jsonl --pairs ../shared/eval/dev_pairs.json
      factalign eval --ans ../shared/data/ans/dev.csv --sts ../shared/data/sts17/en-ar.jsonl
      factalign eval benchmarks/labels/crosslingual-claims.jsonl --articles ../shared/data/saudinewsnet
    """
    from service.cli_output import print_eval
    from service.evaluation.claims import evaluate_claims, evaluate_pairs
    from service.evaluation.crosslingual import is_crosslingual

    if not any((claims, pairs, ans, sts)):
        raise click.UsageError("give a claims file, --pairs, --ans or --sts")
    boilerplate = json.loads(pairs.read_text(encoding="utf-8")).get("boilerplate", []) if pairs else []
    result = {}
    if claims and is_crosslingual(claims):
        result["crosslingual"] = _crosslingual(ctx, claims, articles, distractors)
    elif claims:
        result["claims"] = evaluate_claims(ctx, claims, boilerplate)
    if pairs:
        result["pairs"] = evaluate_pairs(ctx, pairs)
    if ans:
        from service.evaluation.ans import evaluate_ans, evaluate_compare

        result["ans"] = evaluate_ans(ans)
        result["ans_compare"] = evaluate_compare(ctx, ans)    # the product path: what `compare` says
    if sts:
        from service.evaluation.sts import evaluate_sts

        result["sts"] = evaluate_sts(sts, ctx.encoder)
    _dump(result) if as_json else print_eval(result)


def _crosslingual(ctx: Context, claims: Path, articles: Path | None, distractors: int) -> dict:
    from service.evaluation.crosslingual import evaluate_crosslingual, read_cases
    from service.evaluation.crosslingual_corpus import build_store

    store = build_store(ctx, articles, read_cases(claims), distractors) if articles else None
    result = evaluate_crosslingual(ctx, claims)
    return {**{k: v for k, v in result.items() if k != "rows"}, "store": store}


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="port to listen on")
@click.option("--allow-unauthenticated", is_flag=True,
              help="serve on a non-loopback address with no FACTALIGN_API_KEYS (trusted networks only)")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]),
              help="how much the server logs")
@click.pass_obj
@handle_errors
def serve(ctx: Context, host: str, port: int, allow_unauthenticated: bool, log_level: str) -> None:
    """Start the REST API (OpenAPI docs at /docs).

    Writes (POST /v1/articles, POST /v1/jobs/align) need a key from
    FACTALIGN_API_KEYS sent as 'Authorization: Bearer <key>'; so do reads,
    unless FACTALIGN_OPEN_READS=true. Without keys the server only listens on
    loopback.

    \b
    Examples:
      factalign serve
      FACTALIGN_API_KEYS=s3cret factalign serve --host 0.0.0.0 --port 8080
      curl -X POST localhost:8000/v1/claims/check -d '{"claim": "62,000 fighters signed"}'
    """
    from service.api.server import serve as run_server

    run_server(ctx.settings, host=host, port=port, allow_unauthenticated=allow_unauthenticated,
               log_level=log_level)

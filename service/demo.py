"""``factalign demo``: the seed articles end to end, offline, in well under a minute."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import click

from service.cli_output import count, print_check, print_contradiction, print_ingest
from service.context import Context
from service.errors import ConfigError
from service.jobs.align import run_align
from service.jobs.ingest import ingest_paths
from service.retrieval.check import check_claim

EXAMPLE_CLAIMS = (
    "Russia and Turkey brokered a nationwide ceasefire in Syria.",
    "Оппозиция отправит делегацию на переговоры в Астану.",
    "وقعت فصائل تمثل 62 ألف مقاتل على اتفاق الهدنة",
)


def bundled_seeds() -> Path:
    """The seed folder: service/seeds in an installed wheel, seeds/ in a source checkout.

    (An editable install maps no data folders, hence the second place.)
    """
    package = Path(str(resources.files("service")))
    for folder in (package / "seeds", package.parent / "seeds"):
        if (folder / "manifest.jsonl").exists():
            return folder
    raise ConfigError(f"the bundled seeds are missing from {package}; reinstall factalign")


def print_contradictions(ctx: Context, limit: int = 3) -> None:
    from service.store.findings import list_contradictions

    with ctx.db.session() as session:
        found = list_contradictions(session, tier="all", limit=limit)
    for item in found:
        click.echo("")
        print_contradiction(item)


def write_demo_report(ctx: Context) -> Path:
    """The editors' report of everything aligned, as one HTML page in the home folder."""
    from service.reports.publish import write_report

    # Every tier: five seed articles rarely confirm a conflict, and the page marks the possible ones.
    return write_report(ctx.db, ctx.settings.home / "report.html", tier="all")


def run_demo(ctx: Context, seeds: Path | None = None) -> None:
    started = time.perf_counter()
    folder = seeds or bundled_seeds()
    settings = ctx.settings
    click.echo(f"factalign demo: data in {settings.home.resolve()}")
    report = ingest_paths(ctx.db, [folder], max_bytes=settings.max_article_bytes,
                          max_chars=settings.max_sentence_chars)
    print_ingest(report)
    aligned = run_align(ctx.db, settings)
    click.echo(f"aligned: {count(aligned.encoded, 'sentence')} embedded with {aligned.encoder}, "
               f"index of {aligned.index_size}; {count(aligned.judged_pairs, 'pair')} judged, "
               f"{count(aligned.contradictions, 'contradiction')}, {count(aligned.clusters, 'claim cluster')}")
    print_contradictions(ctx)
    report = write_demo_report(ctx)
    click.echo(f"\nreport: {report.resolve()} (open it in a browser; `factalign report --help` for Markdown/JSON)")
    for claim in EXAMPLE_CLAIMS:
        click.echo("")
        print_check(check_claim(ctx, claim, top_k=3))
    click.echo(f"\ndone in {time.perf_counter() - started:.1f}s. Try: factalign check \"YOUR CLAIM\"")

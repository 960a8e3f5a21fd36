"""``factalign report`` and ``factalign stances``: the editors' report and actor stance maps."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from service.cli import _dump, cli, handle_errors
from service.context import Context
from service.errors import InputError
from service.store.findings import TIERS

FORMATS = ("html", "md", "json")      # service.reports.render.FORMATS, without importing it at start-up


def parse_day(value: str | None, option: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"{option} {value!r} is not a date: write it as YYYY-MM-DD") from None


@cli.command()
@click.option("--since", metavar="DATE", help="first day (YYYY-MM-DD): pairs with a side published on or after it")
@click.option("--until", metavar="DATE", help="last day (YYYY-MM-DD): pairs with a side published on or before it")
@click.option("--type", "type_", help="only this contradiction type (number, date, scope, ...)")
@click.option("--outlet", help="only pairs with this outlet on one side")
@click.option("--tier", type=click.Choice(TIERS), default="confirmed", show_default=True,
              help="confirmed conflicts, the possible ones, or all")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="a self-contained HTML page, Markdown, or the report's JSON")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), metavar="FILE",
              help="write the report to FILE (whole or not at all) instead of printing it")
@click.pass_obj
@handle_errors
def report(ctx: Context, since: str | None, until: str | None, type_: str | None, outlet: str | None,
           tier: str, fmt: str, out: Path | None) -> None:
    """The editors' contradiction report: conflicts side by side, grouped by story.

    HTML is one self-contained page (no network, filters by type, outlet
    and date, a timeline, the actors' stance maps); Markdown and JSON carry
    the same content.

    \b
    Examples:
      factalign report --out report.html
      factalign report --since 2016-12-29 --until 2016-12-31 --format md
      factalign report --type number --format json > numbers.json
    """
    from service.reports.builder import build_report
    from service.reports.publish import write_atomically
    from service.reports.render import counted, render_report

    built = build_report(ctx.db, since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                         type_=type_, outlet=outlet, tier=tier)
    text = render_report(built, fmt)
    if out is None:
        click.echo(text, nl=False)
        return
    write_atomically(out, text)
    totals = built["totals"]
    click.echo(f"wrote {out} ({fmt}): {counted(totals['contradictions'], 'contradiction')} in "
               f"{counted(totals['stories'], 'story', 'stories')}", err=True)


@cli.command()
@click.argument("name")
@click.option("--since", metavar="DATE", help="first day (YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="last day (YYYY-MM-DD)")
@click.option("--json", "as_json", is_flag=True, help="print the stance map as JSON")
@click.pass_obj
@handle_errors
def stances(ctx: Context, name: str, since: str | None, until: str | None, as_json: bool) -> None:
    """What each outlet reports NAME said or did about the truce, in any script.

    \b
    Examples:
      factalign stances "Syrian National Coalition"
      factalign stances "جميل الصالح" --json
    """
    from service.reports.stances import stances_for

    found = stances_for(ctx.db, name, since=parse_day(since, "--since"), until=parse_day(until, "--until"))
    if as_json:
        _dump(found)
        return
    print_stances(found)


def print_stances(found: dict) -> None:
    from service.reports.stance_words import STANCE_WORDS

    def words(stance: str) -> str:
        return STANCE_WORDS.get(stance, stance)

    click.echo(f"{found['name']}: {found['status']}")
    for conflict in found["conflicts"]:
        sides = [f"{words(s)} ({', '.join(conflict['outlets'][s])})" for s in conflict["stances"]]
        joiner = " then " if conflict["kind"] == "changed" else " against "
        click.echo(f"  {conflict['kind']}: {joiner.join(sides)}")
    for row in found["outlets"]:
        stances = ", ".join(words(s) for s in row["stances"])
        click.echo(f"  {row['outlet']}: {stances} ({row['first'] or 'date unknown'})")
    for item in found["reports"]:
        day = item["published_at"] or "date unknown"
        click.echo(f"    {day} {item['outlet']}, {words(item['stance'])}: {item['sentence']}")
    if not found["reports"]:
        click.echo("  no stored report says what this actor said or did about the truce")

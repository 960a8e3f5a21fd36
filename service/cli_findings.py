"""``factalign contradictions`` and ``factalign clusters``: what align found, with the API's filters.

Each command takes the same filters as its endpoint (GET /v1/contradictions,
GET /v1/clusters) under the same names, and prints the same JSON with --json.
"""

from __future__ import annotations

import click

from service.cli import _dump, cli, handle_errors
from service.cli_output import count, print_contradiction
from service.cli_report import parse_day
from service.context import Context
from service.store.findings import TIERS

# A screenful: the full list of a large store ran to thousands of lines.
CLUSTERS_SHOWN = 20
MEMBERS_SHOWN = 3


@cli.command()
@click.option("--type", "type_", help="only this reason type (number, date, scope, ...)")
@click.option("--outlet", help="only pairs with this outlet on one side")
@click.option("--tier", type=click.Choice(TIERS), default="confirmed", show_default=True,
              help="confirmed conflicts, the possible ones, or all")
@click.option("--since", metavar="DATE", help="only pairs with a side published on or after DATE (YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="only pairs with a side published on or before DATE (YYYY-MM-DD)")
@click.option("--story", type=click.IntRange(0), help="only pairs with a side's article in this story id")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 1000), help="how many pairs")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="pairs to skip (paging)")
@click.option("--json", "as_json", is_flag=True, help="print the contradictions JSON (as GET /v1/contradictions)")
@click.pass_obj
@handle_errors
def contradictions(ctx: Context, type_: str | None, outlet: str | None, tier: str, since: str | None,
                   until: str | None, story: int | None, limit: int, offset: int, as_json: bool) -> None:
    """Pairs of reports the alignment job flagged as contradicting each other, oldest first.

    \b
    Examples:
      factalign contradictions --type number --json
      factalign contradictions --tier all
      factalign contradictions --since 2016-12-29 --until 2016-12-31 --outlet "Al Jazeera"
    """
    from service.store.findings import list_contradictions

    with ctx.db.session() as session:
        items = list_contradictions(session, type_=type_, outlet=outlet, tier=tier, since=parse_day(since, "--since"),
                                    until=parse_day(until, "--until"), story=story, limit=limit, offset=offset)
    show("contradictions", items, as_json=as_json, limit=limit, offset=offset, printer=print_contradiction)


@cli.command()
@click.option("--limit", default=CLUSTERS_SHOWN, show_default=True, type=click.IntRange(1, 1000),
              help="how many clusters, largest first")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="clusters to skip (paging)")
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(1, 1000),
              help="smallest cluster shown (sentences)")
@click.option("--story", type=click.IntRange(0), help="only the claims of this story id")
@click.option("--outlet", help="only clusters with a member from this outlet")
@click.option("--since", metavar="DATE", help="only clusters with a member published on or after DATE (YYYY-MM-DD)")
@click.option("--until", metavar="DATE", help="only clusters with a member published on or before DATE (YYYY-MM-DD)")
@click.option("--json", "as_json", is_flag=True,
              help="print the clusters JSON with every member (as GET /v1/clusters)")
@click.pass_obj
@handle_errors
def clusters(ctx: Context, limit: int, offset: int, min_size: int, story: int | None, outlet: str | None,
             since: str | None, until: str | None, as_json: bool) -> None:
    """Groups of sentences that say the same thing across outlets and languages, largest first.

    Each cluster is shown by its label (its representative sentence) and a
    few members; --json gives every member.

    \b
    Examples:
      factalign clusters
      factalign clusters --limit 50 --offset 50 --min-size 5
      factalign clusters --story 1234 --outlet Okaz --since 2015-07-22 --until 2015-07-24
      factalign clusters --json > clusters.json
    """
    from service.reports.cluster_labels import with_labels
    from service.store.findings import list_clusters

    with ctx.db.session() as session:
        items = with_labels(list_clusters(session, min_size=min_size, story=story, outlet=outlet,
                                          since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                                          limit=limit, offset=offset))
    show("clusters", items, as_json=as_json, limit=limit, offset=offset, printer=print_cluster)
    if not as_json and len(items) == limit:
        click.echo(f"(clusters {offset + 1}-{offset + limit} by size; --offset {offset + limit} for the next)")


def show(key: str, items: list[dict], *, as_json: bool, limit: int, offset: int, printer) -> None:
    """The endpoint's JSON page with --json, else each item printed (or why there are none)."""
    if as_json:
        _dump({key: items, "limit": limit, "offset": offset})
        return
    for item in items:
        printer(item)
    if not items:
        click.echo(f"no {key} for these filters (run `factalign align` after ingesting)")


def print_cluster(item: dict) -> None:
    members = item["members"]
    click.echo(f"cluster {item['id']}: {item['label']}")
    days = item["first"] if item["first"] == item["last"] else f"{item['first']} to {item['last']}"
    click.echo(f"  {count(item['size'], 'sentence')}, {count(item['independent_sources'], 'independent outlet')}"
               f", {', '.join(item['languages'])}, {days or 'date unknown'}, story {item['story_id']}")
    for member in members[:MEMBERS_SHOWN]:
        click.echo(f"    {member['outlet']}, {member['published_at'] or 'date unknown'}: {member['sentence']}")
    if len(members) > MEMBERS_SHOWN:
        click.echo(f"    … and {len(members) - MEMBERS_SHOWN} more (--json for all)")

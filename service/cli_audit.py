"""``factalign audit``: sample what align output, label it by reading, score the labels."""

from __future__ import annotations

import json
from pathlib import Path

import click

from service.cli import _dump, cli, handle_errors
from service.context import Context
from service.errors import InputError
from service.store.findings import TIERS

# What a committed label keeps of a labelling row: references, never the text.
KEPT_FIELDS = ("item", "kind", "day", "type", "tier", "label", "why")
KEPT_SIDE = ("article_id", "url", "offsets", "sha")


@cli.group()
def audit() -> None:
    """Audit flags, links and unflagged pairs on real data: sample, label, score.

    \b
    Examples:
      factalign audit sample --flags 200 --links 100 --pairs 100 --out to_label.jsonl
      factalign audit labels to_label.jsonl --out benchmarks/labels/audit.jsonl
      factalign audit score benchmarks/labels/audit.jsonl --days 2015-07-23,2015-07-25
    """


@audit.command()
@click.option("--flags", default=200, show_default=True, help="flagged pairs, stratified by type")
@click.option("--links", default=100, show_default=True, help="agree links")
@click.option("--pairs", default=100, show_default=True, help="unflagged same-story pairs (nearest neighbours)")
@click.option("--tier", type=click.Choice(TIERS), default="all", show_default=True,
              help="draw flags of this tier only")
@click.option("--seed", default=0, show_default=True, help="seed of the random draw")
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="the labelling file (JSON Lines, with the text: do not commit it)")
@click.pass_obj
@handle_errors
def sample(ctx: Context, flags: int, links: int, pairs: int, tier: str, seed: int, out: Path) -> None:
    """Draw a random sample to label: each row has both sentences with their neighbours,
    titles, outlets, dates and URLs, and empty "label" and "why" fields."""
    from service.audit.sample import draw

    search = None
    if pairs:
        index = ctx.index()
        search = (lambda vectors, k: ctx.search(vectors, k)) if index is not None else None
    with ctx.db.session() as session:
        rows = draw(session, flags=flags, links=links, pairs=pairs, seed=seed, tier=tier,
                    encoder=ctx.encoder.name if search else None, search=search)
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    click.echo(f"{len(rows)} items to label in {out}")


@audit.command()
@click.argument("labelled", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--out", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="the labels by reference (no text): safe to commit")
def labels(labelled: Path, out: Path) -> None:
    """Keep only the references, labels and whys of a labelled file (the text stays in the data)."""
    rows = [_by_reference(row) for row in _read_jsonl(labelled) if (row.get("label") or "").strip()]
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    click.echo(f"{len(rows)} labels by reference in {out}")


@audit.command()
@click.argument("labels_file", metavar="LABELS", type=click.Path(path_type=Path, exists=True, dir_okay=False),
                nargs=-1, required=True)
@click.option("--days", help="comma-separated days (YYYY-MM-DD): only items of these days (a held-out half)")
@click.option("--json", "as_json", is_flag=True, help="the scores as JSON")
@click.pass_obj
@handle_errors
def score(ctx: Context, labels_file: tuple[Path, ...], days: str | None, as_json: bool) -> None:
    """Precision of the store's current flags (per type and tier, Wilson 95 %), of its links,
    and recall of the labelled conflicts, against labels read by people."""
    from service.audit.score import format_score, read_labels
    from service.audit.score import score as score_labels

    chosen = {d.strip() for d in days.split(",") if d.strip()} if days else None
    rows = [row for path in labels_file for row in _read_jsonl(path)]
    with ctx.db.session() as session:
        result = score_labels(session, read_labels(rows, chosen), days=chosen)
    _dump(result) if as_json else click.echo(format_score(result))


def _by_reference(row: dict) -> dict:
    kept = {key: row[key] for key in KEPT_FIELDS if key in row}
    return {**kept, "a": {k: row["a"][k] for k in KEPT_SIDE}, "b": {k: row["b"][k] for k in KEPT_SIDE}}


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except ValueError as exc:
            raise InputError(f"{path}: line {number} is not JSON: {exc}") from None
    return rows

"""``factalign db``: the store's schema revision, and the upgrade to this version's schema.

These commands open the database without the start-up check (which would
refuse a store that is behind: the very thing ``upgrade`` is for).
"""

from __future__ import annotations

import click
from sqlalchemy.exc import OperationalError

from service.cli import _dump, cli, handle_errors
from service.context import Context
from service.store import migrate
from service.store.database import make_engine, open_error


def _engine(ctx: Context):
    if not ctx.settings.database_url:
        ctx.settings.home.mkdir(parents=True, exist_ok=True)
    return make_engine(ctx.settings.resolved_database_url)


def _where(engine) -> str:
    return engine.url.render_as_string(hide_password=True)


@cli.group()
def db() -> None:
    """The store's schema: which revision it is at, and the upgrade.

    \b
    Examples:
      factalign db current
      factalign db upgrade
      FACTALIGN_DATABASE_URL=postgresql+psycopg://factalign@db/factalign factalign db upgrade
    """


@db.command()
@click.option("--json", "as_json", is_flag=True, help="print the revisions as JSON")
@click.pass_obj
@handle_errors
def current(ctx: Context, as_json: bool) -> None:
    """The schema revision the store is at and the one this factalign needs (exit 1 when they differ)."""
    engine = _engine(ctx)
    try:
        with engine.connect() as connection:
            status = migrate.schema_status(connection)
    except OperationalError as exc:
        raise open_error(_where(engine), exc) from None
    finally:
        engine.dispose()
    if as_json:
        _dump({"database": _where(engine), **status.to_json()})
    elif status.up_to_date:
        click.echo(f"{_where(engine)}: at {status.head} (up to date)")
    else:
        click.echo(migrate.describe_problem(status, _where(engine)) if not status.empty
                   else f"{_where(engine)}: empty; it gets schema {status.head} when first opened")
    if not status.up_to_date:
        raise SystemExit(1)


@db.command()
@click.option("--revision", default="head", show_default=True, help="the revision to upgrade to")
@click.pass_obj
@handle_errors
def upgrade(ctx: Context, revision: str) -> None:
    """Apply the schema migrations this factalign needs (in one transaction on PostgreSQL).

    Back the database up first. A store made before migrations existed is
    recognised and upgraded too. Running it again does nothing.
    """
    engine = _engine(ctx)
    try:
        before, after = migrate.upgrade(engine, revision)
    except OperationalError as exc:
        raise open_error(_where(engine), exc) from None
    finally:
        engine.dispose()
    if before == after:
        click.echo(f"{_where(engine)}: already at {after}")
    else:
        click.echo(f"{_where(engine)}: upgraded from {before or 'no revision'} to {after}")

"""The ``factalign`` command line: the same functions and JSON as the REST API."""

from __future__ import annotations

import json
import sys
from functools import wraps
from pathlib import Path

import click

from service.config import load_settings
from service.context import Context
from service.errors import FactalignError


def _dump(data) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def handle_errors(func):
    """Every FactalignError becomes one readable line on stderr and exit code 2."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except FactalignError as exc:
            click.echo(f"error: {exc.message}", err=True)
            sys.exit(2)

    return wrapper


# Options of the whole program: read before the command or after it (`factalign check X --home DIR`).
GLOBAL_OPTIONS = ("--home", "--database-url", "--model", "--threads")
GLOBAL_EPILOG = ("Global options go before or after the command: --home DIR, --database-url URL, "
                 "--model NAME, --threads N (see factalign --help).")


def hoist_global_options(args: list[str]) -> list[str]:
    """The global options moved to the front, wherever they stood; nothing after ``--`` is touched."""
    front, rest, i = [], [], 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        if arg.split("=", 1)[0] in GLOBAL_OPTIONS:
            takes_next = "=" not in arg and i + 1 < len(args)
            front.extend(args[i:i + 1 + takes_next])
            i += 1 + takes_next
            continue
        rest.append(arg)
        i += 1
    return front + rest


class FactalignGroup(click.Group):
    """The top-level group: global options are accepted after the command too.

    A newcomer writes ``factalign check "..." --home DIR``; click alone
    only reads ``--home`` before the command and answers "No such option".
    """

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_global_options(args))


@click.group(cls=FactalignGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--home", type=click.Path(path_type=Path), help="data directory [FACTALIGN_HOME, ./factalign-data]")
@click.option("--database-url", help="SQLAlchemy URL [FACTALIGN_DATABASE_URL, SQLite file in the home]")
@click.option("--model", help="encoder name or path [FACTALIGN_MODEL, use-multilingual-v3]")
@click.option("--threads", type=int, help="encoder threads [FACTALIGN_THREADS, 2]")
@click.pass_context
@handle_errors
def cli(ctx: click.Context, home, database_url, model, threads) -> None:
    """factalign: where news outlets agree and disagree, claim by claim.

    \b
    Examples:
      factalign demo
      factalign ingest articles/ more.jsonl
      factalign align
      factalign check "62,000 fighters signed the truce" --top 5
    """
    settings = load_settings(home=home, database_url=database_url, model=model, threads=threads)
    ctx.obj = Context(settings)
    ctx.call_on_close(ctx.obj.close)


from service import cli_commands  # noqa: E402,F401  (registers the commands on ``cli``)
from service import cli_report  # noqa: E402,F401
from service import cli_db  # noqa: E402,F401
from service import cli_audit  # noqa: E402,F401
from service import cli_findings  # noqa: E402,F401


def _with_global_epilog(group: click.Group) -> None:
    """Every command's --help says where the global options go (they are the group's, not the command's)."""
    for command in group.commands.values():
        command.epilog = GLOBAL_EPILOG
        if isinstance(command, click.Group):
            _with_global_epilog(command)


_with_global_epilog(cli)


def main() -> None:
    cli(prog_name="factalign")

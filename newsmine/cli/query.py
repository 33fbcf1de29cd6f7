"""``newsmine query|search|show|summary|sql``: ask the database, read the answer.

Thin wrappers over ``newsmine.query`` (the data) and ``newsmine.report`` (the
rendering). Tables adapt to the terminal width and carry no colour codes when
stdout is not a terminal; ``--json`` writes JSON Lines and ``--csv`` CSV, with
every field. ``--since``/``--until`` filter on the publication time in UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

import rich_click as click

KINDS = ("prices", "figures", "quotes", "articles", "exchanges")
ORDERS = {
    "prices": "date|value|asset", "figures": "date|value|kind", "quotes": "date|speaker",
    "articles": "date|score|title", "exchanges": "articles|mentions|name",
}
HELP = {
    "prices": "Price levels assets traded at, each with its sentence. Newest article first by default.",
    "figures": "Market figures (liquidations, open interest, ETF flows, ...), each with its sentence. "
               "Newest article first by default.",
    "quotes": "Quotations with their speakers. Newest article first by default.",
    "articles": "Articles with their sentiment and narratives. Newest first by default.",
    "exchanges": "Trading venues by the number of articles naming them.",
}
DATE_HELP = "Published on or after (YYYY-MM-DD, ISO date-time, or 7d/12h/2w ago); compared in UTC."


def _db(ctx: click.Context) -> str:
    root = ctx.find_root().obj or {}
    return root.get("db", "newsmine.db")


def _fail(message: object) -> None:
    from rich.console import Console

    from newsmine.terminal import safe

    Console(stderr=True).print(f"[red]error[/]: {safe(message)}", highlight=False, soft_wrap=True)
    raise SystemExit(2)


def reports_errors(command: Callable[..., None]) -> Callable[..., None]:
    """Turn a NewsmineError (QueryError mostly) into one red line on stderr and exit status 2."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        from newsmine.errors import NewsmineError

        try:
            command(*args, **kwargs)
        except NewsmineError as exc:
            _fail(exc)

    return run


def output_options(command: Callable[..., None]) -> Callable[..., None]:
    """Add ``--json`` and ``--csv`` to a listing command, so every listing offers the same formats."""
    command = click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row, every field.")(command)
    return click.option("--json", "as_json", is_flag=True, help="JSON Lines: one object per row, every field.")(
        command)


def _format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise click.UsageError("choose one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "table"


def _emit(records: list, fmt: str, title: str | None = None) -> None:
    import sys

    from rich.console import Console

    from newsmine.report import emit

    emit(records, fmt, console=Console(), out=sys.stdout, title=title)


@click.group()
def query() -> None:
    """List prices, figures, quotes, articles or exchanges, filtered and ordered."""


def _listing(kind: str) -> click.Command:
    """One ``newsmine query KIND`` subcommand; all share the filter options (a filter that
    means nothing for KIND is refused with a one-line error)."""

    @click.pass_context
    @reports_errors
    def run(ctx: click.Context, as_json: bool, as_csv: bool, order: str | None, desc: bool | None,
            **filters: Any) -> None:
        from newsmine import query as api

        fmt = _format(as_json, as_csv)
        found = getattr(api, kind)(_db(ctx), order=order, descending=desc, **filters)
        _emit(found, fmt, title=f"{kind} ({len(found)})")

    run.__doc__ = HELP[kind]
    options = [
        click.option("--asset", help="Ticker (BTC, ETH, ...)."),
        click.option("--venue", help="Exchange (canonical name, any case)."),
        click.option("--kind", help="Price kind (spot, high, ath, ...) or figure kind (liquidations, ...)."),
        click.option("--speaker", help="Speaker name words, in order (quotes)."),
        click.option("--narrative", help="Articles tagged with this narrative (over_leverage, macro, ...)."),
        click.option("--sentiment", help="Article sentiment: bullish, bearish, neutral, mixed."),
        click.option("--since", help=DATE_HELP),
        click.option("--until", help="Published on or before (inclusive day when a date); UTC."),
        click.option("--site", help="Publisher name, as stored (any case)."),
        click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True, help="0: no limit."),
        click.option("--order", help=f"Sort key: {ORDERS[kind]}."),
        click.option("--desc/--asc", default=None, help="Direction (default: newest/largest first, names A-Z)."),
        output_options,
    ]
    for option in reversed(options):
        run = option(run)
    return query.command(name=kind)(run)


for _kind in KINDS:
    _listing(_kind)


@click.command()
@click.argument("text")
@click.option("--scope", type=click.Choice(["all", "articles", "quotes"]), default="all", show_default=True)
@click.option("--since", help=DATE_HELP)
@click.option("--until", help="Published on or before (inclusive day when a date); UTC.")
@click.option("--site", help="Publisher name, as stored.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True, help="Per scope; 0: no limit.")
@output_options
@click.pass_context
@reports_errors
def search(ctx: click.Context, text: str, scope: str, since: str | None, until: str | None, site: str | None,
           limit: int, as_json: bool, as_csv: bool) -> None:
    """Full-text search over articles and quotes (FTS5 syntax: words, "phrases", OR, NOT, prefix*)."""
    from newsmine.query import search as run_search

    fmt = _format(as_json, as_csv)
    hits = run_search(_db(ctx), text, scope=scope, since=since, until=until, site=site, limit=limit)
    _emit(hits, fmt, title=f"search ({len(hits)})")


@click.command()
@click.argument("id_or_url", metavar="ID|URL")
@click.option("--json", "as_json", is_flag=True, help="The whole card as one JSON object.")
@click.pass_context
@reports_errors
def show(ctx: click.Context, id_or_url: str, as_json: bool) -> None:
    """Show one article: metadata, sentiment, narratives with evidence, facts, and the marked-up text."""
    import dataclasses
    import sys

    from rich.console import Console

    from newsmine.query import article
    from newsmine.report import json_line, render_card

    card = article(_db(ctx), id_or_url)
    if as_json:
        sys.stdout.write(json_line(dataclasses.asdict(card)))
    else:
        Console().print(render_card(card))


@click.command()
@click.option("--since", help=DATE_HELP)
@click.option("--until", help="Published on or before (inclusive day when a date); UTC.")
@click.option("--asset", help="Only articles naming this ticker.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="Rows per ranking.")
@click.option("--json", "as_json", is_flag=True, help="The dashboard's data as one JSON object.")
@click.pass_context
@reports_errors
def summary(ctx: click.Context, since: str | None, until: str | None, asset: str | None, top: int,
            as_json: bool) -> None:
    """A dashboard: volume, sentiment and narrative trends, prices per asset, venues, analysts, liquidations."""
    import dataclasses
    import sys

    from rich.console import Console

    from newsmine.query import summary as run_summary
    from newsmine.report import json_line, render_summary

    found = run_summary(_db(ctx), since=since, until=until, asset=asset, top=top)
    if as_json:
        sys.stdout.write(json_line(dataclasses.asdict(found)))
    else:
        console = Console()
        console.print(render_summary(found, console))


@click.command()
@click.argument("statement")
@click.option("--limit", type=click.IntRange(min=0), default=1000, show_default=True, help="Rows; 0: all.")
@output_options
@click.pass_context
@reports_errors
def sql(ctx: click.Context, statement: str, limit: int, as_json: bool, as_csv: bool) -> None:
    """Run one read-only SQL statement (the database is opened read-only; see newsmine.store.schema)."""
    import sys

    from rich.console import Console
    from rich.table import Table

    from newsmine.query import sql as run_sql
    from newsmine.report import json_line, write_csv
    from newsmine.report.text import plain

    fmt = _format(as_json, as_csv)
    result = run_sql(_db(ctx), statement, limit=limit or None)
    rows = [[v.hex() if isinstance(v, bytes) else v for v in row] for row in result.rows]
    if fmt == "json":
        for row in rows:
            sys.stdout.write(json_line(dict(zip(result.columns, row))))
    elif fmt == "csv":
        write_csv(sys.stdout, result.columns, rows)
    else:
        table = Table(header_style="bold")
        for column in result.columns:
            table.add_column(plain(column), overflow="fold")
        for row in rows:
            table.add_row(*(plain("NULL", style="dim") if v is None else plain(v, limit=200) for v in row))
        console = Console()
        console.print(table)
        if result.truncated:
            Console(stderr=True).print(f"[yellow]first {limit} rows shown[/]: raise --limit (0 for all)")

"""``newsmine demo``: the whole pipeline on the bundled demo site, offline."""

from __future__ import annotations

import rich_click as click


@click.command()
@click.option("--limit", type=click.IntRange(min=0), default=5, show_default=True,
              help="How many stored articles to show at the end.")
@click.pass_context
def demo(ctx: click.Context, limit: int) -> None:
    """Serve corpora/demo-site on 127.0.0.1, ingest it through its RSS feed, and show what was stored.

    Writes to the --db database (newsmine.db by default), so the query
    commands work on the result afterwards; a second run shows every article
    as unchanged. No network beyond loopback.
    """
    import shlex

    from rich.console import Console
    from rich.table import Table

    from newsmine.cli.ingest import LiveProgress, print_summary
    from newsmine.demo import run_demo, stored_articles
    from newsmine.errors import NewsmineError
    from newsmine.terminal import safe

    db = ctx.obj["db"] if ctx.obj else "newsmine.db"
    out, err = Console(), Console(stderr=True)
    try:
        with LiveProgress(err) as progress:
            feed, report = run_demo(db, progress)
        recent = stored_articles(db, limit)
    except NewsmineError as exc:
        err.print(f"[red]error[/]: {safe(exc)}", highlight=False)
        raise SystemExit(2) from None
    out.print(f"ingested the demo feed [bold]{safe(feed)}[/] (server stopped)", highlight=False)
    print_summary(out, report, db)
    if recent:
        table = Table(title=f"stored articles (latest {len(recent)})", expand=True, show_lines=True)
        table.add_column("article", ratio=1)
        table.add_column("narratives", min_width=len("institutional_flows"))
        table.add_column("facts", no_wrap=True)
        for row in recent:
            heading = f"[bold]{safe(row['title'] or '(untitled)', limit=120)}[/]"
            stance = f"[dim]{safe((row['published_at'] or '')[:10])} · {safe(row['sentiment'] or 'no sentiment')}[/]"
            facts = f"prices {row['prices']}\nfigures {row['figures']}\nquotes {row['quotes']}"
            table.add_row(f"{heading}\n{stance}", safe((row["narratives"] or "-").replace(", ", "\n"), keep_newlines=True),
                          facts)
        out.print(table)
    if not report.ok:
        raise SystemExit(1)
    prefix = "newsmine" if db == "newsmine.db" else f"newsmine --db {shlex.quote(db)}"
    out.print(f"[dim]next: {safe(prefix)} summary · {safe(prefix)} search liquidations · "
              f"{safe(prefix)} query figures --kind liquidations[/]", highlight=False)

"""``newsmine ingest``: fetch, analyse and store articles, with live progress."""

from __future__ import annotations

from typing import TYPE_CHECKING

import rich_click as click

if TYPE_CHECKING:  # annotations only: the command module stays light to import
    from rich.console import Console

    from newsmine.ingest import IngestReport, ItemStatus

STYLES = {"new": "green", "updated": "cyan", "unchanged": "dim", "not_modified": "dim",
          "skipped_robots": "yellow", "failed": "red"}


@click.command()
@click.argument("sources", nargs=-1, metavar="[URL|PATH]...")
@click.option("--feed", "feeds", multiple=True, metavar="URL", help="RSS, Atom or JSON Feed whose links to ingest.")
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL", help="Sitemap (or index) whose pages to ingest.")
@click.option("--from-file", type=click.Path(dir_okay=False, allow_dash=True), default=None,
              help="File with one URL or path per line ('-' for stdin).")
@click.option("--allow-private", is_flag=True,
              help="Let feed, sitemap and redirect links reach private or loopback addresses.")
@click.option("--rate", type=click.FloatRange(min=0.01), default=1.0, show_default=True,
              help="Requests per second per host.")
@click.pass_context
def ingest(ctx: click.Context, sources: tuple[str, ...], feeds: tuple[str, ...], sitemaps: tuple[str, ...],
           from_file: str | None, allow_private: bool, rate: float) -> None:
    """Fetch URLs, feeds, sitemaps or local files, analyse them and store them in the database.

    Exits 0 when at least one article is in the store afterwards (new, updated,
    unchanged or not modified), 1 when nothing could be read, 2 when the
    database cannot be opened.
    """
    from rich.console import Console

    from newsmine.errors import NewsmineError
    from newsmine.ingest import ingest as run_ingest
    from newsmine.terminal import safe

    if not (sources or feeds or sitemaps or from_file):
        raise click.UsageError("give at least one URL, path, --feed, --sitemap or --from-file")
    console = Console(stderr=True)
    db = ctx.obj["db"] if ctx.obj else "newsmine.db"
    try:
        with LiveProgress(console) as progress:
            report = run_ingest(sources, db=db, feeds=feeds, sitemaps=sitemaps, from_file=from_file,
                                allow_private=allow_private, rate=rate, progress=progress)
    except NewsmineError as exc:
        console.print(f"[red]error[/]: {safe(exc)}", highlight=False)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        # Each article is its own transaction: everything saved so far stays.
        console.print("[yellow]interrupted[/]: articles stored before the interrupt are kept", highlight=False)
        raise SystemExit(130) from None
    print_summary(Console(), report, db)
    if not report.ok:
        first = report.failures[0].reason if report.failures else "no articles"
        console.print(f"[red]nothing stored[/]: {safe(first)}", highlight=False)
        raise SystemExit(1)


class LiveProgress:
    """A rich progress bar with one status line per finished item (the ``progress`` callback)."""

    def __init__(self, console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            console=console, transient=True)
        self.task = self.bar.add_task("ingest", total=None)

    def __enter__(self) -> LiveProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def __call__(self, item, done: int, total: int) -> None:
        from newsmine.terminal import safe

        style = STYLES.get(item.status, "white")
        label = item.title or item.source
        line = f"[{style}]{item.status:>14}[/] {safe(label, limit=90)}"
        if item.reason:
            line += f" [dim]- {safe(short_reason(item), limit=160)}[/]"
        self.bar.console.print(line, highlight=False)
        self.bar.update(self.task, completed=done, total=total)


def short_reason(item: ItemStatus) -> str:
    """The reason without the leading "URL: " the fetcher adds (the URL is shown beside it)."""
    return (item.reason or item.status).removeprefix(f"{item.source}: ")


def print_summary(console: Console, report: IngestReport, db: str) -> None:
    """Totals per status, then every failure with its one-line reason."""
    from rich.table import Table

    from newsmine.terminal import safe

    table = Table(title=f"ingest summary ({safe(db)})")
    table.add_column("status")
    table.add_column("items", justify="right")
    for status, count in report.totals.items():
        if count or status in ("new", "failed"):
            table.add_row(f"[{STYLES[status]}]{status}[/]", str(count))
    console.print(table)
    failures = [i for i in report.items if i.status in ("failed", "skipped_robots")]
    if failures:
        problems = Table(title="not stored", show_lines=False)
        problems.add_column("source", overflow="fold")
        problems.add_column("reason", overflow="fold")
        for item in failures:
            problems.add_row(safe(item.source, limit=100), safe(short_reason(item), limit=200))
        console.print(problems)

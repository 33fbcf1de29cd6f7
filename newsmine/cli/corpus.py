"""``newsmine corpus``: validate and summarise the annotated corpus."""

from __future__ import annotations

from pathlib import Path

import rich_click as click


@click.group()
def corpus() -> None:
    """Check and summarise the annotated corpus in corpora/."""


@corpus.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Corpus folder (default: the checkout's corpora/ or $NEWSMINE_CORPUS).")
def check(root: Path | None) -> None:
    """Validate every file and print per-label counts; exit 1 on any problem."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from newsmine.corpus import CorpusError, load
    from newsmine.corpus.check import check as run_check
    from newsmine.corpus.training_text import load_bank, load_headlines

    console = Console()
    try:
        articles, headlines, bank = load(root), load_headlines(root), load_bank(root)
        dev_headlines = load_headlines(root, "dev")
    except CorpusError as exc:
        raise click.ClickException(str(exc)) from None
    report = run_check(articles, headlines, bank, dev_headlines)
    for name, counter in report.counts.items():
        table = Table(title=name, show_header=False)
        for label, n in sorted(counter.items()):
            table.add_row(escape(str(label)), str(n))
        console.print(table)
    for problem in report.problems:
        console.print(f"[red]problem[/] {escape(problem)}", highlight=False)
    if report.problems:
        raise SystemExit(1)
    console.print(f"[green]ok[/]: {len(articles)} articles, {len(headlines)} headlines ({len(dev_headlines)} more held out as dev), "
                  f"{len(bank)} bank sentences, no problems")

"""``newsmine eval facts``: precision/recall/F1 of the NLP stage on the corpus."""

from __future__ import annotations

import json

import rich_click as click


@click.command()
@click.option("--split", type=click.Choice(["train", "dev", "test", "all"]), default="dev", show_default=True,
              help="Corpus split to score (tune on train/dev; test only to report).")
@click.option("--ids", metavar="GLOB", help="Only articles whose id matches GLOB (e.g. 'd*': one writer's series).")
@click.option("--errors", is_flag=True, help="Also list misses, false alarms and attribute errors.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def facts(split: str, ids: str | None, errors: bool, as_json: bool) -> None:
    """Score prices, figures, exchanges, assets and quotes against the gold annotations."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from newsmine.errors import InputError
    from newsmine.nlp.evaluate import run

    report = run(None if split == "all" else split, ids)
    if not report.articles:
        which = f"split {split!r}" + (f" matching {ids!r}" if ids else "")
        raise click.ClickException(str(InputError(f"no corpus articles in {which}")))
    if as_json:
        click.echo(json.dumps(report.to_json(), allow_nan=False))
        return
    console = Console()
    table = Table(title=f"facts on {report.articles} {split} articles" + (f" ({ids})" if ids else ""))
    for col in ("field", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "field" else "right")
    for name, s in report.scores.items():
        table.add_row(name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn))
    console.print(table)
    acc = Table(title="accuracy on matched items")
    for col in ("attribute", "accuracy", "right", "total"):
        acc.add_column(col, justify="left" if col == "attribute" else "right")
    for name, a in report.accuracies.items():
        acc.add_row(name, f"{a.value:.3f}", str(a.right), str(a.total))
    console.print(acc)
    if errors:
        for name, s in report.scores.items():
            for line in s.misses:
                console.print(f"[red]miss[/] {escape(name)} {escape(_printable(line))}")
            for line in s.false_alarms:
                console.print(f"[yellow]extra[/] {escape(name)} {escape(_printable(line))}")
        for name, a in report.accuracies.items():
            for line in a.errors:
                console.print(f"[magenta]wrong[/] {escape(name)} {escape(_printable(line))}")


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)

"""``newsmine eval extraction PATH``: shingle precision/recall/F1 of the extract stage."""

from __future__ import annotations

import json
from pathlib import Path

import rich_click as click


@click.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--workers", type=click.IntRange(1, 8), default=2, show_default=True, help="Extraction processes.")
@click.option("--limit", type=click.IntRange(1), default=None, help="Score only the first N pages (by id).")
@click.option("--worst", type=click.IntRange(0), default=0, help="Also list the N pages with the lowest F1.")
def extraction(path: Path, as_json: bool, workers: int, limit: int | None, worst: int) -> None:
    """Score main-text extraction on an article-extraction benchmark folder.

    PATH holds ground-truth.json and html/<id>.html.gz. Scores are word 4-gram
    shingle precision and recall averaged over pages, F1 from the two means, and
    the share of pages extracted exactly; ± is a bootstrap standard deviation.
    """
    from dataclasses import asdict

    from rich.console import Console
    from rich.table import Table

    from newsmine.errors import NewsmineError
    from newsmine.extract.evaluate import evaluate

    try:
        scores, pages = evaluate(path, workers=workers, limit=limit)
    except NewsmineError as exc:
        raise click.ClickException(str(exc)) from None
    ranked = sorted(pages, key=lambda kv: _page_f1(kv[1].precision, kv[1].recall))[:worst]
    if as_json:
        out = {k: round(v, 4) if isinstance(v, float) else v for k, v in asdict(scores).items()}
        out["worst"] = [{"id": key, "precision": s.precision, "recall": s.recall} for key, s in ranked]
        click.echo(json.dumps(out, allow_nan=False))
        return
    table = Table(title=f"Extraction, {scores.pages} pages", caption=f"{scores.seconds:.1f} s with {workers} workers")
    table.add_column("metric")
    table.add_column("score", justify="right")
    table.add_column("±", justify="right")
    for name in ("precision", "recall", "f1", "accuracy"):
        table.add_row(name, f"{getattr(scores, name):.3f}", f"{getattr(scores, name + '_sd'):.3f}")
    table.add_row("failures", str(scores.failures), "")
    console = Console()
    console.print(table)
    for key, s in ranked:
        console.print(f"{key[:16]}  P={_fmt(s.precision)}  R={_fmt(s.recall)}")


def _page_f1(p: float | None, r: float | None) -> float:
    p, r = p or 0.0, r or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"

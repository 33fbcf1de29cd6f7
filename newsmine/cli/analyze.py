"""``newsmine analyze``: analyse URLs, files or stdin without touching a database.

The ``--json`` output is the machine-readable contract of DESIGN.md: one
object per input (per file, for a folder) per line, in input order; a failed
input is ``{"source", "error"}`` and the run goes on. All articles go through
``analyze_articles`` in one batch, so models load once however many inputs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import rich_click as click

if TYPE_CHECKING:  # annotations only: the command module stays light to import
    from rich.panel import Panel


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input per line (strict JSON).")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
def analyze(as_json: bool, inputs: tuple[str, ...]) -> None:
    """Analyse each INPUT: a URL, a .html/.htm/.html.gz file, a .txt/.md file, a folder of them, or - (stdin).

    Exits 1 when no input could be analysed, 0 otherwise.
    """
    import json

    from rich.console import Console

    from newsmine.records import Analysis

    results = analyze_inputs(inputs)
    console = Console()
    for source, result in results:
        if as_json:
            obj = result.to_json() if isinstance(result, Analysis) else {"source": source, "error": result}
            click.echo(json.dumps(obj, allow_nan=False, ensure_ascii=False))
        else:
            console.print(card(source, result))
    if not any(isinstance(result, Analysis) for _, result in results):
        raise SystemExit(1)


def analyze_inputs(inputs: tuple[str, ...]) -> list[tuple[str, object]]:
    """``(source, Analysis or one-line error)`` per document, in input order."""
    from newsmine.ingest import analyze_isolated, extract_page
    from newsmine.records import Article, Page

    pages = read_inputs(inputs)
    articles = {}
    for index, (source, page) in enumerate(pages):
        if isinstance(page, Page):
            article = extract_page(page)
            if isinstance(article, Article):
                articles[index] = article
            else:
                pages[index] = (source, article)
    analysed = dict(zip(articles, analyze_isolated(articles.values())))
    return [(source, analysed.get(index, page)) for index, (source, page) in enumerate(pages)]


def read_inputs(inputs: tuple[str, ...]) -> list[tuple[str, object]]:
    """``(source, Page or one-line error)`` per document; URLs are fetched across hosts at once."""
    from newsmine.fetch import Fetcher, read_local
    from newsmine.ingest import is_url

    urls = [source for source in inputs if is_url(source)]
    fetched = {}
    if urls:
        with Fetcher() as fetcher:
            fetched = {url: result for url, result in fetcher.fetch_all(dict.fromkeys(urls))}
    pages: list[tuple[str, object]] = []
    for source in inputs:
        if is_url(source):
            result = fetched[source]
            pages.append((source, result if not isinstance(result, Exception) else str(result)))
            continue
        for item in read_local(source):
            # A folder yields one document per file, each under its own path.
            name = getattr(item, "source", source)
            pages.append((name, str(item) if isinstance(item, Exception) else item))
    return pages


def card(source: str, result: object) -> Panel:
    """A rich panel for one analysed article (or its error)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table

    from newsmine.records import Analysis
    from newsmine.terminal import safe

    if not isinstance(result, Analysis):
        return Panel(f"[red]error[/]: {safe(result)}", title=safe(source, limit=80), border_style="red")
    a, facts, c = result.article, result.facts, result.classification
    meta = " · ".join(safe(x, limit=60) for x in (a.site, a.published, ", ".join(a.authors)) if x)
    parts: list[object] = [f"[bold]{safe(a.title or '(untitled)')}[/]", f"[dim]{safe(a.url or source)}[/]"]
    if meta:
        parts.append(meta)
    if c is not None:
        parts.append(f"sentiment: [bold]{safe(c.sentiment.label)}[/] ({c.sentiment.score:.2f})")
        for n in c.narratives:
            best = max(n.evidence, key=lambda e: e.score).sentence if n.evidence else ""
            parts.append(f"  narrative [cyan]{safe(n.label)}[/] {n.score:.2f}  [dim]{safe(best, limit=110)}[/]")
    tables = [
        ("prices", ("asset", "value", "currency", "kind"),
         [(p.asset, f"{p.value:,.2f}", p.currency, p.kind) for p in facts.prices]),
        ("figures", ("kind", "value", "unit", "asset", "venue"),
         [(f.kind, f"{f.value:,.2f}", f.unit, f.asset, f.venue) for f in facts.figures]),
        ("quotes", ("speaker", "quote"), [(q.speaker or "?", q.text) for q in facts.quotes]),
    ]
    for title, columns, rows in tables:
        if rows:
            table = Table(title=title, title_justify="left", expand=False)
            for column in columns:
                table.add_column(column, overflow="fold")
            for row in rows:
                table.add_row(*(safe(v if v is not None else "", limit=120) for v in row))
            parts.append(table)
    named = [f"{safe(e.name)} ×{e.mentions}" for e in facts.exchanges]
    named += [f"{safe(m.symbol)} ×{m.mentions}" for m in facts.assets]
    if named:
        parts.append("mentions: " + ", ".join(named))
    parts.append(f"[dim]{safe(a.text, limit=300)}[/]")
    return Panel(Group(*parts), title=safe(source, limit=80), border_style="blue")

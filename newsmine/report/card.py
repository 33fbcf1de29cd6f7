"""The article card of ``newsmine show``: metadata, tags with evidence, facts, and the marked-up text."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsmine.query import ArticleCard
from newsmine.report.tables import sentiment
from newsmine.report.text import highlighted, number, plain, short_date

# Styles of the facts in the article text; the legend under the text repeats them.
PRICE, FIGURE, QUOTE, EVIDENCE = "bold green", "bold cyan", "italic magenta", "underline"


def _meta(card: ArticleCard) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    published = short_date(card.published)
    if card.published_utc and card.published and not card.published.endswith(("Z", "+00:00")):
        published += f"  ({short_date(card.published_utc)} UTC)"
    rows = [("id", str(card.id)), ("published", published), ("site", plain(card.site)),
            ("authors", plain(", ".join(card.authors))), ("url", plain(card.canonical_url or card.url or card.source)),
            ("sentiment", sentiment(card.sentiment, card.sentiment_score))]
    for label, value in rows:
        if value:
            grid.add_row(label, value)
    mentions = ", ".join(f"{e.name} ×{e.mentions}" for e in card.exchanges)
    if mentions:
        grid.add_row("exchanges", plain(mentions))
    assets = ", ".join(f"{a.symbol} ×{a.mentions}" + (f" {a.stance}" if a.stance else "") for a in card.assets)
    if assets:
        grid.add_row("assets", plain(assets))
    return grid


def _narratives(card: ArticleCard) -> Table:
    out = Table(title="narratives", title_justify="left", show_header=True, header_style="bold", expand=True)
    out.add_column("label", no_wrap=True)
    out.add_column("score", justify="right", no_wrap=True)
    out.add_column("evidence", overflow="fold", ratio=1)
    for n in card.narratives:
        evidence = Text("\n").join(plain(f"• {e.sentence}") for e in n.evidence) if n.evidence else Text("-")
        out.add_row(plain(n.label, style="bold"), f"{n.score:.2f}" if n.score is not None else "", evidence)
    return out


def _facts(card: ArticleCard) -> Table:
    out = Table(title="facts", title_justify="left", header_style="bold", expand=True)
    out.add_column("fact", no_wrap=True)
    out.add_column("what", overflow="fold", ratio=1)
    out.add_column("value", justify="right", no_wrap=True)
    for p in card.prices:
        out.add_row(Text("price", style=PRICE), plain(f"{p.asset} {p.kind}"), number(p.value, p.currency))
    for f in card.figures:
        what = " ".join(x for x in (f.kind, f.asset, f.venue, f.side, f.period) if x)
        out.add_row(Text("figure", style=FIGURE), plain(what), number(f.value, f.unit))
    for q in card.quotes:
        who = ", ".join(x for x in (q.speaker or "(unattributed)", q.speaker_title, q.organization) if x)
        out.add_row(Text("quote", style=QUOTE), plain(f"{who}: “{q.text}”"), "")
    return out


def _body(card: ArticleCard) -> Text:
    spans = [(p.start, p.end, PRICE) for p in card.prices]
    spans += [(f.start, f.end, FIGURE) for f in card.figures]
    spans += [(q.start, q.end, QUOTE) for q in card.quotes]
    spans += [(e.start, e.end, EVIDENCE) for n in card.narratives for e in n.evidence]
    return highlighted(card.text, spans)


def render_card(card: ArticleCard) -> RenderableType:
    """Everything ``newsmine show`` prints for one article, as one renderable."""
    parts: list[RenderableType] = [_meta(card)]
    if card.narratives:
        parts.append(_narratives(card))
    if card.prices or card.figures or card.quotes:
        parts.append(_facts(card))
    legend = Text.assemble(("price", PRICE), "  ", ("figure", FIGURE), "  ", ("quote", QUOTE), "  ",
                           ("narrative evidence", EVIDENCE))
    parts.append(Panel(_body(card), title="text", title_align="left", subtitle=legend, subtitle_align="right"))
    return Panel(Group(*parts), title=plain(card.title or "(untitled)", style="bold"), title_align="left")

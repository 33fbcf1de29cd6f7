"""The ``newsmine summary`` dashboard: volumes, sentiment and narrative trends, prices, venues, voices.

Trends are sparklines sized to the terminal: when there are more periods than
columns, neighbouring periods are merged, so the line always fits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.columns import Columns
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from newsmine.query import Summary
from newsmine.report.tables import SENTIMENT_STYLES
from newsmine.report.text import number, plain, short_date

BLOCKS = "▁▂▃▄▅▆▇█"


def merge(values: Sequence[float], width: int) -> list[float]:
    """Average neighbouring values so that at most ``width`` remain (order kept).

    Averages, not sums: the last group may be shorter, and a sum would show
    it as a dip that is not in the data.
    """
    if width <= 0 or len(values) <= width:
        return list(values)
    step = -(-len(values) // width)  # ceil
    return [sum(values[i:i + step]) / len(values[i:i + step]) for i in range(0, len(values), step)]


def spark(values: Sequence[float], width: int) -> str:
    """A sparkline of ``values`` at most ``width`` characters wide (blank when there is nothing)."""
    merged = merge(values, width)
    top = max(merged, default=0)
    if top <= 0:
        return BLOCKS[0] * len(merged)
    return "".join(BLOCKS[min(int(v / top * (len(BLOCKS) - 1) + 0.5), len(BLOCKS) - 1)] for v in merged)


def bar(share: float, width: int = 20) -> str:
    """A text bar for a share in [0, 1]: reads without colour and in any terminal."""
    full = int(round(share * width))
    return "█" * full + "·" * (width - full)


def _trend_table(title: str, shares, series, room: int, styles: dict[str, str] | None = None) -> Table:
    """Share of articles per label, with its trend over the periods (share per period).

    ``room`` is the width available; the sparkline gets what the other columns leave.
    """
    label_width = max((len(share.label) for share in shares), default=5)
    width = max(room - label_width - 8 - 17 - 13, 8)  # articles, share bar, borders and padding
    out = Table(title=title, title_justify="left", header_style="bold")
    out.add_column("label", no_wrap=True)
    out.add_column("articles", justify="right", no_wrap=True)
    out.add_column("share", no_wrap=True)
    out.add_column("trend", no_wrap=True)
    for share in shares:
        style = (styles or {}).get(share.label, "")
        counts = series(share.label)
        out.add_row(plain(share.label, style=style), str(share.articles),
                    f"{bar(share.share, 12)} {share.share:>4.0%}", Text(spark(counts, width), style=style or "cyan"))
    return out


def _prices(s: Summary) -> Table:
    # Value and date share a cell (two lines) so the table fits 80 columns.
    out = Table(title="price mentions per asset", title_justify="left", header_style="bold")
    out.add_column("asset", no_wrap=True, min_width=5)
    for header in ("mentions", "low", "high", "last"):
        out.add_column(header, justify="right", no_wrap=True)
    for p in s.prices:
        cells = [f"{number(value, p.currency)}\n[dim]{short_date(when)[:10]}[/]"
                 for value, when in ((p.low, p.low_date), (p.high, p.high_date), (p.last, p.last_date))]
        out.add_row(plain(p.asset, style="bold"), str(p.mentions), *cells)
    return out


def _ranked(title: str, headers: Sequence[str], rows: Sequence[Sequence[Text | str]]) -> Table:
    out = Table(title=title, title_justify="left", header_style="bold")
    for i, header in enumerate(headers):
        out.add_column(header, justify="left" if i == 0 else "right", no_wrap=i > 0, overflow="fold")
    for row in rows:
        out.add_row(*row)
    return out


def render_summary(s: Summary, console: Console) -> RenderableType:
    """The dashboard as one renderable, fitted to ``console.width``."""
    room = console.width - 4  # inside the dashboard panel
    span = f"{short_date(s.first)[:10]} to {short_date(s.last)[:10]}" if s.first else "no dated articles"
    head = Text.assemble((f"{s.articles} articles", "bold"), f"  {span}  (per {s.bucket}, dates in UTC)")
    if s.asset:
        head.append(f"  naming {s.asset}")
    counts = [p.articles for p in s.timeline]
    volume = Text.assemble(f"articles per {s.bucket}  ", (spark(counts, max(console.width - 30, 8)), "cyan"),
                           f"  max {max(counts, default=0)}")
    totals = [p.articles or 1 for p in s.timeline]

    def share_series(attr: str) -> Callable[[str], list[float]]:
        # A label's share of each period's articles (an empty period counts as 1 to avoid 0/0).
        return lambda label: [getattr(p, attr).get(label, 0) / t for p, t in zip(s.timeline, totals)]

    parts: list[RenderableType] = [head, volume]
    if s.sentiments:
        parts.append(_trend_table("sentiment", s.sentiments, share_series("sentiments"), room, SENTIMENT_STYLES))
    if s.narratives:
        parts.append(_trend_table("narratives", s.narratives, share_series("narratives"), room))
    if s.prices:
        parts.append(_prices(s))
    side: list[RenderableType] = []
    if s.exchanges:
        side.append(_ranked("top exchanges", ("exchange", "articles", "mentions"),
                            [(plain(e.name), str(e.articles), str(e.mentions)) for e in s.exchanges]))
    if s.analysts:
        side.append(_ranked("most quoted", ("speaker", "quotes", "articles"),
                            [(plain(", ".join(x for x in (a.speaker, a.organization) if x)), str(a.quotes),
                              str(a.articles)) for a in s.analysts]))
    if side:
        parts.append(Columns(side, padding=(0, 4)))
    if s.liquidations:
        parts.append(_ranked("largest liquidation figures", ("venue / asset", "value", "side", "published", "id"),
                             [(plain(" ".join(x for x in (f.venue, f.asset) if x) or "-"), number(f.value, f.unit),
                               plain(f.side or ""), short_date(f.published)[:10], str(f.article_id))
                              for f in s.liquidations]))
    return Panel(Group(*parts), title="newsmine summary", title_align="left")

"""Query results as a rich table, JSON Lines or CSV.

The table shows the columns a reader scans (value, asset, date, the source
sentence); JSON Lines and CSV carry every field of the record, for scripts.
JSON is strict (``allow_nan=False``; the store keeps no NaN anyway). CSV
fields lose control characters, because CSV is often looked at in a terminal;
JSON escapes them itself.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsmine.query import ArticleRow, ExchangeRow, FigureRow, PriceRow, QuoteRow, SearchHit
from newsmine.report.text import highlighted, number, plain, short_date
from newsmine.terminal import clean

# A column: header, how to get a cell from a record, and rich column options.
Column = tuple[str, Callable[[Any], Text | str], dict[str, Any]]

_RIGHT = {"justify": "right", "no_wrap": True}
_FOLD = {"overflow": "fold", "ratio": 3}
_NOWRAP = {"no_wrap": True}
_ID = ("id", lambda r: str(r.article_id), {"justify": "right", "no_wrap": True, "style": "dim"})
_DATE = ("published", lambda r: short_date(r.published), _NOWRAP)


COLUMNS: dict[type, list[Column]] = {
    PriceRow: [
        _ID, _DATE,
        ("asset", lambda r: plain(r.asset, style="bold"), _NOWRAP),
        ("price", lambda r: number(r.value, r.currency), _RIGHT),
        ("kind", lambda r: plain(r.kind), _NOWRAP),
        ("sentence", lambda r: plain(r.sentence), _FOLD),
    ],
    FigureRow: [
        _ID, _DATE,
        ("kind", lambda r: plain(r.kind), _NOWRAP),
        ("value", lambda r: number(r.value, r.unit), _RIGHT),
        ("asset", lambda r: plain(r.asset), _NOWRAP),
        ("venue", lambda r: plain(r.venue), _NOWRAP),
        ("side", lambda r: plain(r.side), _NOWRAP),
        ("sentence", lambda r: plain(r.sentence), _FOLD),
    ],
    QuoteRow: [
        _ID, _DATE,
        ("speaker", lambda r: plain(r.speaker or "(unattributed)", style="bold" if r.speaker else "dim"),
         {"ratio": 1}),
        ("quote", lambda r: plain(f"“{r.text}”", style="italic"), _FOLD),
        ("article", lambda r: plain(r.article_title, limit=60), {"ratio": 1}),
    ],
    ArticleRow: [
        ("id", lambda r: str(r.id), {"justify": "right", "no_wrap": True, "style": "dim"}),
        _DATE,
        ("title", lambda r: plain(r.title), _FOLD),
        ("site", lambda r: plain(r.site, limit=24), _NOWRAP),
        ("sentiment", lambda r: sentiment(r.sentiment), _NOWRAP),
        ("narratives", lambda r: plain(", ".join(r.narratives)), {"ratio": 1}),
    ],
    ExchangeRow: [
        ("exchange", lambda r: plain(r.name, style="bold"), _NOWRAP),
        ("articles", lambda r: str(r.articles), _RIGHT),
        ("mentions", lambda r: str(r.mentions), _RIGHT),
        ("first", lambda r: short_date(r.first), _NOWRAP),
        ("last", lambda r: short_date(r.last), _NOWRAP),
    ],
    SearchHit: [
        _ID, _DATE,
        ("match", lambda r: plain(r.kind if r.kind == "article" else f"quote: {r.speaker or '?'}"), {"ratio": 1}),
        ("title", lambda r: plain(r.title), {"ratio": 2, "overflow": "fold"}),
        ("snippet", lambda r: highlighted(r.snippet.replace("\n", " "),
                                          [(s, e, "bold yellow") for s, e in r.marks]), _FOLD),
    ],
}

SENTIMENT_STYLES = {"bullish": "green", "bearish": "red", "mixed": "yellow", "neutral": "dim"}


def sentiment(label: str | None, score: float | None = None) -> Text:
    """A sentiment label (and score) coloured by label; "-" when there is none."""
    if not label:
        return Text("-", style="dim")
    shown = f"{label} {score:.2f}" if score is not None else label
    return plain(shown, style=SENTIMENT_STYLES.get(label, ""))


def table(records: Sequence[Any], *, title: str | None = None) -> Table:
    """A rich table of query records (all of one dataclass type from ``newsmine.query``)."""
    columns = COLUMNS[type(records[0])] if records else []
    out = Table(title=title, expand=False, show_lines=False, header_style="bold")
    for header, _, options in columns:
        out.add_column(header, **options)
    for record in records:
        out.add_row(*(cell(record) for _, cell, _ in columns))
    return out


def emit(records: Sequence[Any], fmt: str, *, console: Console, out: IO[str], title: str | None = None) -> None:
    """Write ``records`` as ``fmt``: "table" to ``console``, "json" or "csv" to ``out``."""
    if fmt == "json":
        for record in records:
            out.write(json_line(dataclasses.asdict(record)))
    elif fmt == "csv":
        rows = [dataclasses.asdict(r) for r in records]
        write_csv(out, list(rows[0]) if rows else [], [list(r.values()) for r in rows])
    elif records:
        console.print(table(records, title=title))
    else:
        console.print("[dim]no matches[/]")


def json_line(obj: Any) -> str:
    """One strict JSON Lines row (no NaN/Infinity, UTF-8 kept readable)."""
    return json.dumps(obj, ensure_ascii=False, allow_nan=False) + "\n"


def write_csv(out: IO[str], header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """CSV rows with control characters stripped from text cells (CSV is often viewed in a terminal)."""
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else clean(_flat(v), keep_newlines=True) if isinstance(v, str | list)
                         else v for v in row])


def _flat(value: Any) -> str:
    """Lists (authors, narratives, search marks) as one CSV field."""
    return "; ".join(str(v) for v in value) if isinstance(value, list) else value

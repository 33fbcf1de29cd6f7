"""The corpus dashboard behind ``newsmine summary``: what was published, said and priced.

The scope is every article published in [since, until] (UTC, inclusive) that
names ``asset`` when one is given. Time series are bucketed by day, week or
month depending on the span covered, so a sparkline stays readable whether
the scope is a week or five years. Totals are read from the store's roll-ups
(``newsmine.store.rollups``), so even the all-time dashboard reads a few
hundred rows, not every article.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from newsmine.query.db import Database, reader
from newsmine.query.facts import ExchangeRow, FigureRow, figures
from newsmine.query.filters import Filters
from newsmine.query.price_range import AssetPrices, asset_prices
from newsmine.query.rollup import Window, combine, window
from newsmine.store.rollups import BY_TABLE
from newsmine.taxonomy import ARTICLE_SENTIMENTS, NARRATIVES

# Timeline periods over roll-up buckets (day rows "YYYY-MM-DD", month rows "YYYY-MM"); a week is named by its Monday.
PERIODS = {
    "day": "bucket",
    "week": "date(bucket, '-6 days', 'weekday 1')",
    "month": "substr(bucket, 1, 7)",
}
# The roll-up levels a timeline reads: a month's bucket is whole in month rows, a week's only in day rows.
TIMELINE_LEVELS = {"day": ("day",), "week": ("day",), "month": ("month", "day")}
TOP = 10


@dataclass
class Period:
    """One bucket of the timeline: article count, sentiment and narrative counts."""

    period: str
    articles: int
    sentiments: dict[str, int] = field(default_factory=dict)
    narratives: dict[str, int] = field(default_factory=dict)


@dataclass
class Share:
    label: str
    articles: int
    share: float  # of the articles in scope, 0..1


@dataclass
class Analyst:
    speaker: str
    quotes: int
    articles: int
    organization: str | None


@dataclass
class Summary:
    since: str | None
    until: str | None
    asset: str | None
    articles: int
    first: str | None  # earliest and latest publication time (UTC) in scope
    last: str | None
    bucket: str
    timeline: list[Period] = field(default_factory=list)
    sentiments: list[Share] = field(default_factory=list)
    narratives: list[Share] = field(default_factory=list)
    prices: list[AssetPrices] = field(default_factory=list)
    exchanges: list[ExchangeRow] = field(default_factory=list)
    analysts: list[Analyst] = field(default_factory=list)
    liquidations: list[FigureRow] = field(default_factory=list)


def choose_bucket(first: str | None, last: str | None) -> str:
    """Day for up to two months, week for up to a year and a half, month beyond."""
    if not first or not last:
        return "day"
    days = (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days
    return "day" if days <= 62 else "week" if days <= 550 else "month"


def summary(db: Database, *, since: str | None = None, until: str | None = None, asset: str | None = None,
            top: int = TOP) -> Summary:
    """Everything the dashboard shows, from the summary roll-ups rather than a scan of every row.

    Totals come from per-year, -month and -day roll-ups plus a scan of
    partial edge days (``newsmine.query.rollup``), so the all-time dashboard
    costs about what a one-month one does, with the answers a scan would give.
    """
    f = Filters(since=since, until=until, asset=asset, limit=top)
    scope = f.asset or ""
    win = window(f.lower, f.upper)
    with reader(db) as conn:
        counted = combine(conn, BY_TABLE["summary_articles"], scope, win, {})[0]
        total, first, last = counted["articles"] or 0, counted["first"], counted["last"]
        out = Summary(since=f.lower, until=f.upper, asset=f.asset, articles=total, first=first, last=last,
                      bucket=choose_bucket(first, last))
        out.timeline = _timeline(conn, scope, window(f.lower, f.upper, TIMELINE_LEVELS[out.bucket]), out.bucket)
        if f.lower or f.upper:  # every article in scope is dated: the timeline holds the totals
            sentiments = _totals(p.sentiments for p in out.timeline)
            narratives = _totals(p.narratives for p in out.timeline)
        else:
            labels = combine(conn, BY_TABLE["summary_labels"], scope, win, {"kind": "kind", "label": "label"})
            sentiments = {r["label"]: r["articles"] for r in labels if r["kind"] == "sentiment"}
            narratives = {r["label"]: r["articles"] for r in labels if r["kind"] == "narrative"}
        out.sentiments = _shares(sentiments, total, ARTICLE_SENTIMENTS)
        out.narratives = _shares(narratives, total, NARRATIVES)
        out.prices = asset_prices(conn, scope, win, top)
        speakers = combine(conn, BY_TABLE["summary_speakers"], scope, win, {"speaker": "speaker"})
        speakers.sort(key=lambda r: (-r["quotes"], -r["articles"], r["speaker"]))
        out.analysts = [Analyst(**dict(r)) for r in speakers[:top]]
        venues = combine(conn, BY_TABLE["summary_exchanges"], scope, win, {"name": "name"})
        venues.sort(key=lambda r: r["name"], reverse=True)  # ties by name, descending (the listing's order)
        venues.sort(key=lambda r: -r["articles"])
        out.exchanges = [ExchangeRow(**dict(r)) for r in (venues[:top] if top else venues)]
        out.liquidations = figures(conn, kind="liquidations", since=since, until=until, asset=asset,
                                   order="value", limit=top)
    return out


def _timeline(conn: sqlite3.Connection, scope: str, win: Window, bucket: str) -> list[Period]:
    """Per-bucket counts of dated articles; ``bucket`` is a key of PERIODS."""
    by = {"period": PERIODS[bucket]}
    periods: dict[str, Period] = {}
    for r in sorted(combine(conn, BY_TABLE["summary_articles"], scope, win, by, "bucket <> ''"),
                    key=lambda r: r["period"]):
        periods[r["period"]] = Period(r["period"], r["articles"])
    labels = combine(conn, BY_TABLE["summary_labels"], scope, win, {**by, "kind": "kind", "label": "label"},
                     "bucket <> ''")
    for r in labels:
        if r["kind"] == "narrative":
            periods[r["period"]].narratives[r["label"]] = r["articles"]
        elif r["label"] in ARTICLE_SENTIMENTS:
            periods[r["period"]].sentiments[r["label"]] = r["articles"]
    for period in periods.values():  # in the taxonomy's order, as the dashboard lists them
        period.sentiments = {s: period.sentiments[s] for s in ARTICLE_SENTIMENTS if period.sentiments.get(s)}
    if not periods:
        return []
    # Empty periods are zeros, not gaps: a sparkline must not hide a quiet month.
    keys = list(periods)
    return [periods.get(key) or Period(key, 0) for key in _every_period(keys[0], keys[-1], bucket)]


def _every_period(first: str, last: str, bucket: str) -> list[str]:
    """Every bucket name from ``first`` to ``last``: days, weeks (their Monday) or months (YYYY-MM)."""
    out = []
    if bucket == "month":
        year, month = int(first[:4]), int(first[5:])
        while (key := f"{year:04d}-{month:02d}") <= last:
            out.append(key)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out
    day, end = date.fromisoformat(first), date.fromisoformat(last)
    while day <= end:
        out.append(day.isoformat())
        day += timedelta(days=7 if bucket == "week" else 1)
    return out


def _totals(counts: Iterable[dict[str, int]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for part in counts:
        for label, n in part.items():
            out[label] = out.get(label, 0) + n
    return out


def _shares(found: dict[str, int], total: int, order: tuple[str, ...]) -> list[Share]:
    labels = [x for x in order if x in found] + sorted(x for x in found if x not in order)
    shares = [Share(x, found[x], found[x] / total if total else 0.0) for x in labels]
    return sorted(shares, key=lambda s: -s.articles)

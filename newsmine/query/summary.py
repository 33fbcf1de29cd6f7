"""The corpus dashboard behind ``newsmine summary``: what was published, said and priced.

The scope is every article published in [since, until] (UTC, inclusive) that
names ``asset`` when one is given. Time series are bucketed by day, week or
month depending on the span covered, so a sparkline stays readable whether
the scope is a week or five years.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsmine.query.db import Database, reader, rows
from newsmine.query.facts import ExchangeRow, FigureRow, exchanges, figures
from newsmine.query.filters import Filters
from newsmine.taxonomy import ARTICLE_SENTIMENTS, NARRATIVES

# Bucket expressions over published_utc ("YYYY-MM-DDTHH:MM:SSZ"); a week is named by its Monday.
BUCKETS = {
    "day": "substr(a.published_utc, 1, 10)",
    "week": "date(a.published_utc, '-6 days', 'weekday 1')",
    "month": "substr(a.published_utc, 1, 7)",
}
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
class AssetPrices:
    """The range of an asset's reported prices, each extreme with when it was published."""

    asset: str
    currency: str | None
    mentions: int
    low: float
    low_date: str | None
    high: float
    high_date: str | None
    last: float
    last_date: str | None


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
    """Everything the dashboard shows, computed in a handful of indexed aggregate queries.

    Every pass walks the articles in scope through the (published_utc,
    sentiment) index and reaches their facts through covering per-article
    indexes, so no pass reads an article row (whose text makes it large).
    """
    f = Filters(since=since, until=until, asset=asset, limit=top)
    where, params = f.articles_where(asset_named=True)
    scope = " AND ".join(where) or "1"

    def facts_in_scope(fact: str) -> str:
        # Without any filter, passes that need nothing from the article skip the join.
        return f.source(fact, articles_first=True) if where else fact

    with reader(db) as conn:
        total, first, last = rows(conn, f"SELECT count(*), min(a.published_utc), max(a.published_utc) "
                                        f"FROM articles a WHERE {scope}", params)[0]
        out = Summary(since=f.lower, until=f.upper, asset=f.asset, articles=total, first=first, last=last,
                      bucket=choose_bucket(first, last))
        out.timeline = _timeline(conn, f, scope, params, out.bucket)
        if f.lower or f.upper:  # every article in scope is dated: the timeline holds the totals
            sentiments = _totals(p.sentiments for p in out.timeline)
            narratives = _totals(p.narratives for p in out.timeline)
        else:
            sentiments = dict(rows(conn, f"SELECT a.sentiment, count(*) FROM articles a WHERE {scope} "
                                         "AND a.sentiment IS NOT NULL GROUP BY a.sentiment", params))
            # One tag row per narrative per article (the store's rule), so count(*) counts articles.
            narratives = dict(rows(conn, f"SELECT t.label, count(*) FROM {facts_in_scope('tags t')} "
                                         f"WHERE t.kind = 'narrative' AND {scope} GROUP BY t.label", params))
        out.sentiments = _shares(sentiments, total, ARTICLE_SENTIMENTS)
        out.narratives = _shares(narratives, total, NARRATIVES)
        out.prices = _prices(conn, f.source("prices p", articles_first=True), scope, params, f.asset, top)
        out.analysts = [Analyst(**dict(r)) for r in rows(
            conn, "SELECT q.speaker, count(*) AS quotes, count(DISTINCT q.article_id) AS articles, "
                  f"max(q.organization) AS organization FROM {facts_in_scope('quotes q')} "
                  f"WHERE q.speaker IS NOT NULL AND {scope} GROUP BY q.speaker "
                  f"ORDER BY quotes DESC, articles DESC, q.speaker LIMIT {int(top)}", params)]
        out.exchanges = exchanges(conn, since=since, until=until, asset=asset, limit=top)
        out.liquidations = figures(conn, kind="liquidations", since=since, until=until, asset=asset,
                                   order="value", limit=top)
    return out


def _timeline(conn: sqlite3.Connection, f: Filters, scope: str, params: list[Any], bucket: str) -> list[Period]:
    """Per-bucket counts; ``bucket`` is a key of BUCKETS."""
    expression = BUCKETS[bucket]
    counts = ", ".join(f"sum(a.sentiment = '{s}')" for s in ARTICLE_SENTIMENTS)
    periods: dict[str, Period] = {}
    for r in rows(conn, f"SELECT {expression} AS period, count(*), {counts} FROM articles a "
                        f"WHERE {scope} AND a.published_utc IS NOT NULL GROUP BY period ORDER BY period", params):
        periods[r[0]] = Period(r[0], r[1], {s: n for s, n in zip(ARTICLE_SENTIMENTS, r[2:]) if n})
    for period, label, n in rows(
            conn, f"SELECT {expression} AS period, t.label, count(*) FROM {f.source('tags t', articles_first=True)} "
                  f"WHERE t.kind = 'narrative' AND {scope} "
                  "AND a.published_utc IS NOT NULL GROUP BY period, t.label", params):
        periods[period].narratives[label] = n
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


def _prices(conn: sqlite3.Connection, source: str, scope: str, params: list[Any], asset: str | None,
            top: int) -> list[AssetPrices]:
    """Low, high and latest price per (asset, currency), in one pass over a covering index."""
    only = " AND p.asset = ?" if asset else ""
    found: dict[tuple[str, str | None], AssetPrices] = {}
    for name, currency, value, when in rows(
            conn, f"SELECT p.asset, p.currency, p.value, a.published_utc FROM {source} WHERE {scope}{only}",
            [*params, asset] if asset else params):
        seen = found.get((name, currency))
        if seen is None:
            found[name, currency] = AssetPrices(name, currency, 1, value, when, value, when, value, when)
            continue
        seen.mentions += 1
        if value < seen.low:
            seen.low, seen.low_date = value, when
        if value > seen.high:
            seen.high, seen.high_date = value, when
        if when and (seen.last_date is None or when > seen.last_date):
            seen.last, seen.last_date = value, when
    return sorted(found.values(), key=lambda p: (-p.mentions, p.asset))[:top]

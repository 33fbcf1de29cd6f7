"""The dashboard's price table: each asset's low, high and latest reported price, with their dates.

Counts and extremes come from the ``summary_prices`` roll-up; the date of an
extreme is then looked up where it happened, drilling from the year to the
month and the day the roll-up names and reading only that day's prices. The rules (those a
scan in publication order gives): a low or high is dated by the earliest
article that reported it (undated articles only when no dated one did); the
latest price is the one of the latest article, the lowest when one moment has
several, and the lowest undated one when the asset has no dated price at all.
Assets are listed by mentions, then ticker, then currency (none first).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsmine.query.db import rows
from newsmine.query.filters import Filters
from newsmine.query.rollup import LAST, Window, combine
from newsmine.store.rollups import BY_TABLE, LEVELS

_PRICES = BY_TABLE["summary_prices"]


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


def asset_prices(conn: sqlite3.Connection, scope: str, win: Window, top: int) -> list[AssetPrices]:
    """Low, high and latest price per (asset, currency) in ``win`` for ``scope`` ('' or an asset), most mentioned first."""
    found = combine(conn, _PRICES, scope, win, {"asset": "price_asset", "currency": "currency"})
    found.sort(key=lambda r: (-r["mentions"], r["asset"], r["currency"] is not None, r["currency"] or ""))
    out = []
    for r in found[:top]:
        key = {"scope": scope, "asset": r["asset"], "currency": r["currency"]}
        dates = {column: _earliest(conn, win, key, column, r[column]) for column in ("low", "high")}
        # last_date lies in the window (or is NULL only when no bound is given), so it needs no other bound.
        last = _price_facts(conn, key, "min(p.value)", "a.published_utc IS ?", [r["last_date"]])
        out.append(AssetPrices(r["asset"], r["currency"], r["mentions"], r["low"], dates["low"], r["high"],
                               dates["high"], last, r["last_date"]))
    return out


def _earliest(conn: sqlite3.Connection, win: Window, key: dict[str, Any], column: str, value: float) -> str | None:
    """When ``value`` (the ``column`` extreme) was first reported in ``win`` (None: only undated articles)."""
    within = "p.value = ? AND a.published_utc >= ? AND a.published_utc < ?"
    found = [_price_facts(conn, key, "min(a.published_utc)", within, [value, begin, end]) for begin, end in win.scans]
    match = f"price_asset = :asset AND currency IS :currency AND {column} = :value"
    params = {**key, "value": value}
    # The earliest stored bucket holding it, then the earliest of its finer buckets down to a day.
    bucket = combine(conn, _PRICES, key["scope"], Window(win.stored), {}, f"{match} AND bucket <> ''", params,
                     values="min(bucket) AS bucket")[0]["bucket"]
    while bucket and len(bucket) < LEVELS["day"]:
        finer = min((width, level) for level, width in LEVELS.items() if width > len(bucket))[1]
        bucket = rows(conn, f"SELECT min(bucket) FROM {_PRICES.table} WHERE asset = :scope AND level = :finer "
                            f"AND bucket >= :bucket AND bucket < :bucket || '{LAST}' AND {match}",
                      {**params, "bucket": bucket, "finer": finer})[0][0]
    if bucket:  # a whole day inside the window: its own range is the only bound needed
        found.append(_price_facts(conn, key, "min(a.published_utc)", within, [value, bucket, bucket + LAST]))
    return min((d for d in found if d), default=None)


def _price_facts(conn: sqlite3.Connection, key: dict[str, Any], select: str, cond: str, params: list[Any]) -> Any:
    """``select`` over the prices of ``key``'s asset and currency, in articles of its scope, that meet ``cond``.

    ``cond`` carries the only date bound: with the window's bounds as well,
    SQLite would pick one of two ranges on published_utc, often the wide one.
    """
    where, scoped = Filters(asset=key["scope"] or None).articles_where(asset_named=True)
    conds = [*where, "p.asset = ?", "p.currency IS ?", cond]
    sql = f"SELECT {select} FROM articles a CROSS JOIN prices p ON p.article_id = a.id WHERE {' AND '.join(conds)}"
    return rows(conn, sql, [*scoped, key["asset"], key["currency"], *params])[0][0]

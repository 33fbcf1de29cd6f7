"""Totals over a date window from the summary roll-ups (``newsmine.store.rollups``).

A window ``[lower, upper)`` of ``published_utc`` is split into whole years,
months and days (read from the roll-up rows of that level) and at most two
partial days at the edges, which are computed from the base rows by the very
SELECT the store uses to fill the roll-ups. Every part has the same columns,
so one SQL ``GROUP BY`` adds them up with each column's own sum/min/max: the
answer is what a scan of every article in the window would give, at the cost
of a few hundred roll-up rows.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from newsmine.query.db import rows
from newsmine.store.rollups import LEVELS, Rollup

FIRST, LAST = "0", "~"  # bucket bounds below and above every dated bucket ('' is undated)


@dataclass
class Window:
    """Where each part of a window comes from: stored (level, first bucket, end bucket) and scanned ranges."""

    stored: list[tuple[str, str, str]] = field(default_factory=list)  # end exclusive
    scans: list[tuple[str, str]] = field(default_factory=list)  # published_utc [from, to)


def window(lower: str | None, upper: str | None, levels: tuple[str, ...] = ("year", "month", "day")) -> Window:
    """Split ``[lower, upper)`` (``published_utc`` bounds, None: open) into stored buckets and edge scans.

    ``levels``, coarsest first, are the bucket sizes to use; a timeline by
    month uses ("month", "day"), by day or week ("day",). Without bounds the
    whole coarsest level is read, undated bucket ``''`` included, as a scan
    would count it.
    """
    if lower is None and upper is None:
        return Window([(levels[0], "", LAST)])
    try:
        return _split(lower, upper, levels)
    except (OverflowError, ValueError):  # a bound at the calendar's ends (year 9999, or 1 written "1-01-01")
        return Window(scans=[(lower or FIRST, upper or LAST)])  # is scanned as given, as any filter reads it


def _split(lower: str | None, upper: str | None, levels: tuple[str, ...]) -> Window:
    out = Window()
    first = _day(lower, up=True) if lower else None  # first whole day
    end = _day(upper, up=False) if upper else None  # first day not wholly inside
    if first and end and first >= end:
        out.scans.append((lower, upper))
        return out
    if lower and first.isoformat() != lower[:10]:
        out.scans.append((lower, first.isoformat()))
    if upper and not upper.endswith("T00:00:00Z"):
        out.scans.append((end.isoformat(), upper))
    out.stored = _whole(first, end, levels)
    return out


def _whole(first: date | None, end: date | None, levels: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """Whole days [first, end) as the fewest buckets: whole years, then months, then days at the ends."""
    level, finer = levels[0], levels[1:]
    start, stop = _round(first, level, up=True), _round(end, level, up=False)
    if finer and start and stop and start >= stop:
        return _whole(first, end, finer)
    width = LEVELS[level]
    out = [(level, _iso(start, FIRST)[:width], _iso(stop, LAST)[:width])]
    if finer and first and first < start:
        out += _whole(first, start, finer)
    if finer and end and stop < end:
        out += _whole(stop, end, finer)
    return out


def _round(day: date | None, level: str, *, up: bool) -> date | None:
    """The first day of ``day``'s year or month (the next one when rounding up from inside it)."""
    if day is None or level == "day":
        return day
    start = date(day.year, 1, 1) if level == "year" else day.replace(day=1)
    if not up or start == day:
        return start
    return date(day.year + 1, 1, 1) if level == "year" else date(day.year + day.month // 12, day.month % 12 + 1, 1)


def combine(conn: sqlite3.Connection, rollup: Rollup, scope: str, win: Window, by: dict[str, str],
            where: str = "1", params: dict[str, Any] | None = None, values: str | None = None) -> list[sqlite3.Row]:
    """``rollup``'s values added up over ``win`` for asset ``scope`` ('' for all), grouped by ``by``.

    ``by`` maps output names to SQL over the roll-up's columns (``bucket``
    and its keys); ``where`` (with named ``params``) filters the rows first;
    ``values`` replaces the added-up columns (e.g. ``min(bucket) AS bucket``).
    """
    columns = ", ".join(rollup.columns)
    # One part per stored range (not an OR of ranges), so each is one range of the key index.
    # The empty first part names the columns of the union.
    parts = [f"SELECT {columns} FROM {rollup.table} WHERE 0"]
    parts += [f"SELECT {columns} FROM {rollup.table} WHERE asset = :scope AND level = :l{i} "
              f"AND bucket >= :b{i} AND bucket < :e{i}" for i in range(len(win.stored))]
    bound: dict[str, Any] = {"scope": scope, **(params or {})}
    for i, (level, begin, end) in enumerate(win.stored):
        bound.update({f"l{i}": level, f"b{i}": begin, f"e{i}": end})
    for i, (begin, end) in enumerate(win.scans):
        parts.append(rollup.sql(f"a.published_utc >= :from{i} AND a.published_utc < :to{i}",
                                levels="lv.level = 'day'", scopes="s.asset = :scope"))
        bound.update({f"from{i}": begin, f"to{i}": end})
    values = values or ", ".join(f"{op}({c}) AS {c}" for c, op in rollup.values.items())
    keys = ", ".join(f"{sql} AS {name}" for name, sql in by.items())
    group = f" GROUP BY {', '.join(by.values())}" if by else ""  # expressions: a name may shadow a column
    sql = (f"SELECT {keys + ', ' if keys else ''}{values} FROM ({' UNION ALL '.join(parts)}) "
           f"WHERE {where}{group}")
    return rows(conn, sql, bound)


def _day(moment: str, *, up: bool) -> date:
    """The day of a ``published_utc`` bound, moved to the next day when rounding up past midnight."""
    day = date.fromisoformat(moment[:10])
    return day + timedelta(days=1) if up and not moment.endswith("T00:00:00Z") else day


def _iso(day: date | None, default: str) -> str:
    return day.isoformat() if day else default
